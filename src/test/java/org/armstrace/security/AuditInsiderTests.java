package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.armstrace.ArmsTraceTest;
import org.armstrace.base.StartupProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Attacks on the audit trail by someone with the Bolt password or the store files (an "insider"),
 * which the verifier must catch and name.
 */
@ArmsTraceTest
@ExtendWith(OutputCaptureExtension.class)
class AuditInsiderTests {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditCommand command;
    @Autowired
    AuditAnchors anchors;
    @Autowired
    AuditKey key;
    @Autowired
    AuditSettings settings;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Driver driver;

    @Test
    void an_insider_who_edits_an_event_and_rehashes_the_rest_with_sha256_is_caught_at_that_event() {
        Insider insider = new Insider(driver);
        AuditEvent victim = audit.recordAs("analyst1", "person.read", List.of("Person:7"), "original");
        audit.record("test.after", List.of(), "one");
        audit.record("test.after", List.of(), "two");
        var saved = insider.save(victim.seq());
        try {
            insider.rewrite(victim.seq(), "actor", "analyst2", Insider.PLAIN_SHA256);

            assertThat(audit.verifyChain()).extracting(AuditChainReport::intact, AuditChainReport::firstBrokenSeq,
                    AuditChainReport::problem).containsExactly(false, victim.seq(), "audit.problem.mac");
        } finally {
            insider.restore(saved);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void an_insider_who_rehashes_with_a_key_of_his_own_is_caught_at_the_edited_event(CapturedOutput output) {
        Insider insider = new Insider(driver);
        AuditKey wrongKey = AuditHashTest.key(7);
        AuditEvent victim = audit.record("person.read", List.of("Person:8"), "original");
        audit.record("test.after", List.of(), "");
        var saved = insider.save(victim.seq());
        try {
            insider.rewrite(victim.seq(), "details", "rewritten", (seq, at, actor, action, entities, details, prev) ->
                    wrongKey.mac(AuditCanonical.event(seq, at, actor, action, entities, details, prev)));

            assertThat(audit.verifyChain()).extracting(AuditChainReport::intact, AuditChainReport::firstBrokenSeq,
                    AuditChainReport::problem).containsExactly(false, victim.seq(), "audit.problem.mac");
            assertThat(command.run()).isEqualTo(1);
            assertThat(output.getOut()).contains("Audit chain BROKEN at event " + victim.seq()
                    + ": its authentication code does not match");
        } finally {
            insider.restore(saved);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void cutting_off_the_last_events_and_moving_the_head_back_is_caught_by_the_anchor() {
        Insider insider = new Insider(driver);
        AuditEvent kept = audit.record("test.kept", List.of(), "");
        AuditEvent cut = audit.record("test.cut", List.of(), "");
        audit.record("test.cut", List.of(), "");
        assertThat(anchors.anchorHead()).isPresent();
        var saved = insider.save(cut.seq());
        try {
            insider.cutTailAfter(kept.seq());

            assertThat(audit.verifyChain()).extracting(AuditChainReport::intact, AuditChainReport::firstBrokenSeq,
                    AuditChainReport::problem).containsExactly(false, cut.seq(), "audit.problem.truncated");
            // The running application will not anchor a head that went back either.
            assertThat(anchors.anchorHead()).isEmpty();
        } finally {
            insider.restore(saved);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void even_with_the_key_a_rewrite_before_an_anchor_is_caught_by_the_anchor() {
        Insider insider = new Insider(driver);
        AuditEvent victim = audit.record("person.read", List.of("Person:9"), "original");
        AuditEvent anchored = audit.record("test.anchored", List.of(), "");
        assertThat(anchors.anchorHead()).isPresent();
        var saved = insider.save(victim.seq());
        try {
            insider.rewrite(victim.seq(), "details", "rewritten", (seq, at, actor, action, entities, details, prev) ->
                    key.mac(AuditCanonical.event(seq, at, actor, action, entities, details, prev)));

            assertThat(audit.verifyChain()).extracting(AuditChainReport::intact, AuditChainReport::firstBrokenSeq,
                    AuditChainReport::problem).containsExactly(false, anchored.seq(), "audit.problem.anchor-mismatch");
        } finally {
            insider.restore(saved);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void a_copy_of_the_anchors_is_checked_and_a_forged_line_in_it_is_reported(@TempDir Path dir,
                                                                             CapturedOutput output) throws Exception {
        AuditEvent last = audit.record("test.copied", List.of(), "");
        anchors.anchorHead();
        Path copy = dir.resolve("anchors-copy.log");
        Files.copy(settings.anchorsFile(), copy);
        assertThat(command.run(new String[] {"--anchors", copy.toString()})).isZero();
        assertThat(output.getOut()).contains("anchor(s) checked in " + copy);

        List<String> lines = Files.readAllLines(copy);
        AuditAnchor forged = AuditAnchor.parse(lines.getLast());
        lines.set(lines.size() - 1, forged.line().replace("seq=" + last.seq(), "seq=" + (last.seq() + 5)));
        Files.write(copy, lines);

        assertThat(audit.verifyChain(copy)).extracting(AuditChainReport::intact, AuditChainReport::firstBrokenSeq,
                AuditChainReport::problem).containsExactly(false, last.seq() + 5, "audit.problem.anchor");
        assertThat(command.run(new String[] {"--anchors=" + copy})).isEqualTo(1);
        assertThat(command.run(new String[] {"--anchors", dir.resolve("none.log").toString()})).isEqualTo(2);
    }

    @Test
    void the_key_file_is_readable_only_by_its_owner_and_without_it_this_chain_stops_the_start(@TempDir Path dir)
            throws Exception {
        audit.record("test.keyed", List.of(), "");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.keyFile())))
                .isEqualTo("rw-------");

        var withoutKey = new AuditSettings(dir.resolve("audit.key"), dir.resolve("audit-anchors.log"), 100,
                Duration.ofMinutes(10), false);
        assertThatThrownBy(() -> new AuditKey(withoutKey, neo4j))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("audit key file " + dir.resolve("audit.key") + " is missing");
        assertThat(dir.resolve("audit.key")).doesNotExist();
    }

    @Test
    void a_chain_from_before_the_key_is_sealed_under_anchor_1_and_then_verifies(@TempDir Path dir,
                                                                                CapturedOutput output) {
        run("MATCH (e:AuditEvent) SET e:AuditEventAside REMOVE e:AuditEvent");
        run("MATCH (c:AuditChain {id: 'audit'}) SET c.id = 'aside'");
        try {
            String last = writeLegacyChain(3);
            var legacy = new AuditSettings(settings.keyFile(), dir.resolve("audit-anchors.log"), 100,
                    Duration.ofMinutes(10), false);

            new AuditAnchors(neo4j, key, legacy);

            assertThat(AnchorFile.read(legacy.anchorsFile(), key).anchors()).singleElement()
                    .extracting(AuditAnchor::number, AuditAnchor::seq, AuditAnchor::hash, AuditAnchor::kind)
                    .containsExactly(1L, 3L, last, AuditAnchor.LEGACY_SEAL);
            AuditEvent keyed = audit.record("test.after-seal", List.of(), "");
            assertThat(keyed.prevHash()).isEqualTo(last);
            assertThat(audit.verifyChain(legacy.anchorsFile())).isEqualTo(new AuditChainReport(true, 4, null, null, 3, 1));
            assertThat(command.run(new String[] {"--anchors", legacy.anchorsFile().toString()})).isZero();
            assertThat(output.getOut()).contains("3 legacy events sealed under anchor 1 (not individually authenticated)");

            // A sealed legacy event can no longer be rewritten unseen either.
            new Insider(driver).rewrite(2, "details", "rewritten", Insider.PLAIN_SHA256);
            assertThat(audit.verifyChain(legacy.anchorsFile())).extracting(AuditChainReport::firstBrokenSeq,
                    AuditChainReport::problem).containsExactly(3L, "audit.problem.anchor-mismatch");
        } finally {
            run("MATCH (e:AuditEvent) DETACH DELETE e");
            run("MATCH (c:AuditChain {id: 'audit'}) DELETE c");
            run("MATCH (e:AuditEventAside) SET e:AuditEvent REMOVE e:AuditEventAside");
            run("MATCH (c:AuditChain {id: 'aside'}) SET c.id = 'audit'");
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    /** Events 1..n as the code before the audit key wrote them: SHA-256, no scheme. */
    private String writeLegacyChain(int n) {
        String prev = AuditLog.GENESIS;
        Instant at = Instant.parse("2026-06-01T08:00:00.000Z");
        for (long seq = 1; seq <= n; seq++) {
            String hash = Insider.PLAIN_SHA256.hash(seq, at, "admin", "user.created", List.of("User:u" + seq), "", prev);
            run("""
                    CREATE (:AuditEvent {seq: $seq, at: $at, actor: 'admin', action: 'user.created', entities: $entities,
                                         details: '', prevHash: $prev, hash: $hash})
                    """, Map.of("seq", seq, "at", Insider.utc(at), "entities", List.of("User:u" + seq), "prev", prev,
                    "hash", hash));
            prev = hash;
        }
        run("CREATE (:AuditChain {id: 'audit', seq: $seq, hash: $hash})", Map.of("seq", (long) n, "hash", prev));
        return prev;
    }

    private void run(String cypher) {
        run(cypher, Map.of());
    }

    private void run(String cypher, Map<String, Object> params) {
        try (var s = driver.session()) {
            s.run(cypher, params).consume();
        }
    }
}
