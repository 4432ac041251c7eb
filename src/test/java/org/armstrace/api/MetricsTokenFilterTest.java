package org.armstrace.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.armstrace.base.StartupProblem;
import org.junit.jupiter.api.Test;

class MetricsTokenFilterTest {

    @Test
    void a_metrics_token_shorter_than_32_characters_stops_the_start() {
        assertThatThrownBy(() -> new MetricsTokenFilter("prometheus-secret"))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("ARMSTRACE_METRICS_TOKEN");
    }

    @Test
    void a_blank_metrics_token_leaves_the_metrics_to_administrators() {
        assertThatCode(() -> new MetricsTokenFilter("  ")).doesNotThrowAnyException();
        assertThatCode(() -> new MetricsTokenFilter(null)).doesNotThrowAnyException();
    }
}
