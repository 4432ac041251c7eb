package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ArmsTraceTest
@ExtendWith(OutputCaptureExtension.class)
class AuditLogTests {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditCommand command;
    @Autowired
    Driver driver;

    @Test
    void appended_events_form_an_intact_chain_linked_by_hashes() {
        AuditEvent first = audit.record("test.first", List.of("Thing:1"), "one");
        AuditEvent second = audit.record("test.second", List.of("Thing:1", "Thing:2"), "two");

        // Other writers of the shared test context (the mail outbox's scheduled retries) may append between
        // the two: the second links to whichever event came just before it, and that is the first when none did.
        assertThat(second.seq()).isGreaterThan(first.seq());
        String previous;
        try (var s = driver.session()) {
            previous = s.run("MATCH (e:AuditEvent {seq: $seq}) RETURN e.hash AS hash", Map.of("seq", second.seq() - 1))
                    .single().get("hash").asString();
        }
        assertThat(second.prevHash()).isEqualTo(previous);
        if (second.seq() == first.seq() + 1) {
            assertThat(second.prevHash()).isEqualTo(first.hash());
        }
        assertThat(first.actor()).isEqualTo("system");
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void concurrent_appends_get_consecutive_numbers_and_keep_the_chain_intact() throws Exception {
        long before = audit.verifyChain().eventsChecked();
        var tasks = new ArrayList<Callable<AuditEvent>>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            tasks.add(() -> audit.record("test.parallel", List.of("Thing:" + n), ""));
        }
        List<Long> seqs;
        try (var pool = Executors.newFixedThreadPool(8)) {
            seqs = pool.invokeAll(tasks).stream().map(f -> {
                try {
                    return f.get().seq();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
        }

        assertThat(seqs).doesNotHaveDuplicates().hasSize(40);
        // Numbered without gaps: every number between our first and last is an event (scheduled writers of the
        // shared test context may hold some of them).
        try (var s = driver.session()) {
            long inRange = s.run("MATCH (e:AuditEvent) WHERE $from <= e.seq <= $to RETURN count(e) AS n",
                    Map.of("from", seqs.getFirst(), "to", seqs.getLast())).single().get("n").asLong();
            assertThat(inRange).isEqualTo(seqs.getLast() - seqs.getFirst() + 1);
        }
        var report = audit.verifyChain();
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsChecked()).isGreaterThanOrEqualTo(before + 40);
    }

    @Test
    void an_event_edited_directly_in_the_database_is_caught_by_the_verifier(CapturedOutput output) {
        AuditEvent victim = audit.record("person.read", List.of("Person:7"), "original");
        audit.record("test.after", List.of(), "");
        try {
            run("MATCH (e:AuditEvent {seq: $seq}) SET e.details = 'rewritten'", Map.of("seq", victim.seq()));

            AuditChainReport report = audit.verifyChain();
            assertThat(report).extracting(AuditChainReport::intact, AuditChainReport::eventsChecked,
                            AuditChainReport::firstBrokenSeq, AuditChainReport::problem)
                    .containsExactly(false, victim.seq() - 1, victim.seq(), "audit.problem.mac");
            assertThat(command.run()).isEqualTo(1);
            assertThat(output.getOut()).contains("Audit chain BROKEN at event " + victim.seq()
                    + ": its authentication code does not match");
        } finally {
            run("MATCH (e:AuditEvent {seq: $seq}) SET e.details = 'original'", Map.of("seq", victim.seq()));
        }
        assertThat(audit.verifyChain().intact()).isTrue();
        assertThat(command.run()).isZero();
    }

    @Test
    void a_removed_event_and_a_cut_off_tail_are_both_caught() {
        AuditEvent middle = audit.record("test.middle", List.of(), "");
        AuditEvent last = audit.record("test.last", List.of(), "");
        Map<String, Object> saved = props(middle.seq());
        Map<String, Object> savedLast = props(last.seq());
        try {
            run("MATCH (e:AuditEvent {seq: $seq}) DELETE e", Map.of("seq", middle.seq()));
            assertThat(audit.verifyChain()).extracting(AuditChainReport::firstBrokenSeq, AuditChainReport::problem)
                    .containsExactly(middle.seq(), "audit.problem.missing");
            run("CREATE (e:AuditEvent) SET e = $p", Map.of("p", saved));

            run("MATCH (e:AuditEvent {seq: $seq}) DELETE e", Map.of("seq", last.seq()));
            assertThat(audit.verifyChain()).extracting(AuditChainReport::intact, AuditChainReport::problem)
                    .containsExactly(false, "audit.problem.head");
        } finally {
            run("MERGE (e:AuditEvent {seq: $seq}) SET e = $p", Map.of("seq", last.seq(), "p", savedLast));
            run("MERGE (e:AuditEvent {seq: $seq}) SET e = $p", Map.of("seq", middle.seq(), "p", saved));
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    private Map<String, Object> props(long seq) {
        try (var s = driver.session()) {
            return s.run("MATCH (e:AuditEvent {seq: $seq}) RETURN properties(e) AS p", Map.of("seq", seq))
                    .single().get("p").asMap();
        }
    }

    private void run(String cypher, Map<String, Object> params) {
        try (var s = driver.session()) {
            s.run(cypher, params).consume();
        }
    }
}
