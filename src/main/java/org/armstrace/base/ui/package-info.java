/**
 * The shell every view sits in (main layout, menu, error view) and the shared components that several
 * features draw with: the graph, map and chart views, badges and upload texts.
 */
@NamedInterface("ui")
package org.armstrace.base.ui;

import org.springframework.modulith.NamedInterface;
