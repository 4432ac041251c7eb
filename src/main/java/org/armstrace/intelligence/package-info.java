/**
 * Read-only analysis: link charts, paths, patterns and alerts, and saved investigations.
 */
@ApplicationModule(displayName = "Intelligence")
package org.armstrace.intelligence;

import org.springframework.modulith.ApplicationModule;
