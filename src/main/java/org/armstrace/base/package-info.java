/**
 * The application shell and what every feature shares: translations, content storage, plain-text
 * and spreadsheet-text guards, untrusted-workbook checks, and (in {@code base.ui}, a named interface)
 * the main layout, the shared graph, map and chart components.
 */
@ApplicationModule(displayName = "Base")
package org.armstrace.base;

import org.springframework.modulith.ApplicationModule;
