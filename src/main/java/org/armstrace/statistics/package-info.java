/**
 * Statutory figures (SDG 16.4.2 and the tracing KPIs), their charts and workbooks.
 */
@ApplicationModule(displayName = "Statistics")
package org.armstrace.statistics;

import org.springframework.modulith.ApplicationModule;
