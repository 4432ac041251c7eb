package org.armstrace.intelligence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The pattern thresholds, and the schedule of the nightly scan. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(PatternThresholds.class)
class IntelligenceConfiguration {
}
