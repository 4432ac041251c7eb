package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");

    private static String base() {
        return AuditLog.hash(7, AT, "analyst1", "person.read", List.of("Person:42"), "", AuditLog.GENESIS);
    }

    @Test
    void the_same_event_always_hashes_the_same() {
        assertThat(base()).isEqualTo(base()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void changing_any_field_changes_the_hash() {
        String h = base();
        assertThat(AuditLog.hash(8, AT, "analyst1", "person.read", List.of("Person:42"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(AuditLog.hash(7, AT.plusMillis(1), "analyst1", "person.read", List.of("Person:42"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(AuditLog.hash(7, AT, "analyst2", "person.read", List.of("Person:42"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(AuditLog.hash(7, AT, "analyst1", "person.changed", List.of("Person:42"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(AuditLog.hash(7, AT, "analyst1", "person.read", List.of("Person:43"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(AuditLog.hash(7, AT, "analyst1", "person.read", List.of("Person:42"), "x", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(AuditLog.hash(7, AT, "analyst1", "person.read", List.of("Person:42"), "", "1".repeat(64))).isNotEqualTo(h);
    }

    @Test
    void moving_text_between_fields_cannot_forge_the_same_hash() {
        assertThat(AuditLog.hash(1, AT, "a", "bc", List.of("x", "y"), "", AuditLog.GENESIS))
                .isNotEqualTo(AuditLog.hash(1, AT, "ab", "c", List.of("x", "y"), "", AuditLog.GENESIS))
                .isNotEqualTo(AuditLog.hash(1, AT, "a", "bc", List.of("xy"), "", AuditLog.GENESIS));
    }
}
