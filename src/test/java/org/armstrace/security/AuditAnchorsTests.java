package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.support.TransactionTemplate;

/** When the head is anchored: after enough events have committed, at an interval, at shutdown. */
@ArmsTraceTest
class AuditAnchorsTests {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditKey key;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    TransactionTemplate tx;

    @TempDir
    Path dir;

    @Test
    void enough_new_events_anchor_the_head_once_their_transaction_commits_and_not_when_it_rolls_back() throws Exception {
        var anchors = new AuditAnchors(neo4j, key, settings(1, Duration.ofHours(1)));
        try {
            tx.executeWithoutResult(status -> {
                AuditEvent e = audit.record("test.rolled-back", List.of(), "");
                anchors.appended(e.seq());
                status.setRollbackOnly();
            });
            Thread.sleep(300);
            assertThat(anchorLines()).isEmpty();

            AuditEvent committed = tx.execute(status -> {
                AuditEvent e = audit.record("test.committed", List.of(), "");
                anchors.appended(e.seq());
                return e;
            });

            awaitAnchors(1);
            assertThat(AnchorFile.read(file(), key).anchors()).singleElement()
                    .extracting(AuditAnchor::number, AuditAnchor::seq, AuditAnchor::hash)
                    .containsExactly(1L, committed.seq(), committed.hash());
        } finally {
            anchors.stop();
        }
    }

    @Test
    void the_head_is_anchored_at_the_interval_when_it_moved_and_again_at_shutdown() throws Exception {
        var anchors = new AuditAnchors(neo4j, key, settings(1_000, Duration.ofSeconds(1)));
        AuditEvent last;
        try {
            audit.record("test.interval", List.of(), "");
            awaitAnchors(1);
            Thread.sleep(1_500);
            // Scheduled writers of the shared test context (alert scans, escalations) may move the head meanwhile,
            // and each move is anchored; a head that stood still is never anchored twice.
            assertThat(AnchorFile.read(file(), key).anchors()).as("no new anchor while the head stands still")
                    .extracting(AuditAnchor::seq).doesNotHaveDuplicates();
            last = audit.record("test.before-shutdown", List.of(), "");
        } finally {
            anchors.stop();
        }
        assertThat(AnchorFile.read(file(), key).latest()).extracting(AuditAnchor::seq).isEqualTo(last.seq());
    }

    private AuditSettings settings(int every, Duration interval) {
        return new AuditSettings(dir.resolve("audit.key"), file(), every, interval, true);
    }

    private Path file() {
        return dir.resolve("audit-anchors.log");
    }

    private List<String> anchorLines() throws Exception {
        return Files.exists(file()) ? Files.readAllLines(file()) : List.of();
    }

    private void awaitAnchors(int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (anchorLines().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(anchorLines()).hasSize(n);
    }
}
