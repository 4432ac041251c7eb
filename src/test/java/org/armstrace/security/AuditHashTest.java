package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");
    private static final AuditKey KEY = key(1);

    static AuditKey key(int fill) {
        byte[] raw = new byte[AuditKey.BYTES];
        Arrays.fill(raw, (byte) fill);
        return new AuditKey(raw);
    }

    private static String mac(long seq, Instant at, String actor, String action, List<String> entities, String details,
                              String prevHash) {
        return KEY.mac(AuditCanonical.event(seq, at, actor, action, entities, details, prevHash));
    }

    private static String base() {
        return mac(7, AT, "analyst1", "person.read", List.of("Person:42"), "", AuditLog.GENESIS);
    }

    @Test
    void the_same_event_always_gets_the_same_mac() {
        assertThat(base()).isEqualTo(base()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void changing_any_field_changes_the_mac() {
        String h = base();
        assertThat(mac(8, AT, "analyst1", "person.read", List.of("Person:42"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(mac(7, AT.plusMillis(1), "analyst1", "person.read", List.of("Person:42"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(mac(7, AT.plusNanos(1), "analyst1", "person.read", List.of("Person:42"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(mac(7, AT, "analyst2", "person.read", List.of("Person:42"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(mac(7, AT, "analyst1", "person.changed", List.of("Person:42"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(mac(7, AT, "analyst1", "person.read", List.of("Person:43"), "", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(mac(7, AT, "analyst1", "person.read", List.of("Person:42"), "x", AuditLog.GENESIS)).isNotEqualTo(h);
        assertThat(mac(7, AT, "analyst1", "person.read", List.of("Person:42"), "", "1".repeat(64))).isNotEqualTo(h);
    }

    @Test
    void another_key_gives_another_mac_for_the_same_event() {
        assertThat(key(2).mac(AuditCanonical.event(7, AT, "analyst1", "person.read", List.of("Person:42"), "",
                AuditLog.GENESIS))).isNotEqualTo(base());
    }

    /**
     * A sign-in name is chosen by whoever types it (login.failed records it as the actor). Under the
     * old U+001E/U+001F joining, a name holding a separator made two different events hash the same.
     */
    @Test
    void events_that_collided_under_the_old_separator_joining_no_longer_do() {
        var oldActorSplit = Insider.PLAIN_SHA256.hash(1, AT, "a\u001eb", "c", List.of(), "", AuditLog.GENESIS);
        var oldActionSplit = Insider.PLAIN_SHA256.hash(1, AT, "a", "b\u001ec", List.of(), "", AuditLog.GENESIS);
        var oldOneEntity = Insider.PLAIN_SHA256.hash(1, AT, "a", "b", List.of("x\u001fy"), "", AuditLog.GENESIS);
        var oldTwoEntities = Insider.PLAIN_SHA256.hash(1, AT, "a", "b", List.of("x", "y"), "", AuditLog.GENESIS);
        assertThat(oldActorSplit).isEqualTo(oldActionSplit);
        assertThat(oldOneEntity).isEqualTo(oldTwoEntities);

        assertThat(mac(1, AT, "a\u001eb", "c", List.of(), "", AuditLog.GENESIS))
                .isNotEqualTo(mac(1, AT, "a", "b\u001ec", List.of(), "", AuditLog.GENESIS));
        assertThat(mac(1, AT, "a", "b", List.of("x\u001fy"), "", AuditLog.GENESIS))
                .isNotEqualTo(mac(1, AT, "a", "b", List.of("x", "y"), "", AuditLog.GENESIS));
        assertThat(mac(1, AT, "a", "bc", List.of("x", "y"), "", AuditLog.GENESIS))
                .isNotEqualTo(mac(1, AT, "ab", "c", List.of("x", "y"), "", AuditLog.GENESIS));
    }

    @Test
    void an_anchor_reads_back_from_its_line_and_is_authentic_only_under_its_key_and_unchanged() {
        var anchor = AuditAnchor.sign(KEY, 3, 250, "ab".repeat(32), AT, AuditAnchor.HEAD);

        AuditAnchor read = AuditAnchor.parse(anchor.line());
        assertThat(read).isEqualTo(anchor);
        assertThat(read.authentic(KEY)).isTrue();
        assertThat(read.authentic(key(2))).isFalse();
        assertThat(AuditAnchor.parse(anchor.line().replace("seq=250", "seq=249")).authentic(KEY)).isFalse();
        assertThat(AuditAnchor.parse(anchor.line().replace("kind=head", "kind=legacy-seal")).authentic(KEY)).isFalse();
        assertThatThrownBy(() -> AuditAnchor.parse("n=3 seq=250")).isInstanceOf(IllegalArgumentException.class);
    }
}
