package org.armstrace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseStatus;
import org.armstrace.cases.Cases;
import org.armstrace.importer.ImportBatch;
import org.armstrace.importer.ImportRows;
import org.armstrace.importer.MatchReviews;
import org.armstrace.importer.RegistryImports;
import org.armstrace.intelligence.Alert;
import org.armstrace.intelligence.Alerts;
import org.armstrace.intelligence.Investigations;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.Recovery;
import org.armstrace.recovery.RecoveryFilter;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Provenance;
import org.armstrace.security.Role;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.TraceLifecycle;
import org.armstrace.tracing.TraceQueues;
import org.armstrace.tracing.TraceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The demo loader on the shared test store: that store holds real data (every test's), so the
 * documented switch must refuse it; a small demo under a name of its own is loaded past the check
 * to show what each screen's service then finds, and that loading it again does nothing.
 */
@ArmsTraceTest
class DemoDataTests {

    /** The smallest demo: a few dozen records, so the shared store barely notices. */
    static final DemoSize TINY = new DemoSize(30, 20);
    /** Loaded once for the tests that read it. */
    private static String loaded;

    @Autowired
    DemoData demo;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    Recoveries recoveries;
    @Autowired
    TraceQueues queues;
    @Autowired
    Alerts alerts;
    @Autowired
    Investigations investigations;
    @Autowired
    Cases cases;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    RegistryImports imports;
    @Autowired
    ImportRows rows;
    @Autowired
    MatchReviews reviews;

    @Test
    void a_store_that_holds_real_data_is_refused_with_the_reason_and_nothing_is_written() {
        Actors.analyst(() -> firearms.register(new NewFirearm("pistol", "Zastava", "M70", "7.65 Browning", "RD" + run(),
                "RS", 1990, List.of()), new Provenance("user:analyst1", Provenance.Confidence.MEDIUM)));
        String name = "demorefused" + run();

        DemoData.Outcome outcome = demo.start(name, TINY);

        assertThat(outcome.result()).isEqualTo(DemoData.Result.REFUSED);
        assertThat(outcome.message()).contains("holds").contains("Nothing was loaded");
        assertThat(demo.status(name)).isEmpty();
        assertThat(count("MATCH (u:User) WHERE u.username STARTS WITH $name RETURN count(u)", name)).isZero();
        assertThat(count("MATCH (f:Firearm {source: 'demo:' + $name}) RETURN count(f)", name)).isZero();
    }

    @Test
    void loading_the_demo_a_second_time_does_nothing_and_says_so() {
        String name = loadedDemo();
        long weapons = count("MATCH (f:Firearm {source: 'demo:' + $name}) RETURN count(f)", name);
        long users = count("MATCH (u:User) WHERE u.username STARTS WITH $name + '-' RETURN count(u)", name);

        DemoData.Outcome again = demo.start(name, TINY);

        assertThat(again.result()).isEqualTo(DemoData.Result.ALREADY_LOADED);
        assertThat(again.message()).contains("nothing to do");
        assertThat(count("MATCH (f:Firearm {source: 'demo:' + $name}) RETURN count(f)", name)).isEqualTo(weapons)
                .isEqualTo(TINY.firearms());
        assertThat(count("MATCH (u:User) WHERE u.username STARTS WITH $name + '-' RETURN count(u)", name))
                .isEqualTo(users).isEqualTo(6);
    }

    @Test
    void a_load_that_was_interrupted_is_reported_and_neither_completed_nor_undone() {
        String name = "demointerrupted" + run();
        neo4j.query("CREATE (:DemoDataset {name: $name, status: 'LOADING'})").bind(name).to("name").run();

        DemoData.Outcome outcome = demo.start(name, TINY);

        assertThat(outcome.result()).isEqualTo(DemoData.Result.REFUSED);
        assertThat(outcome.message()).contains("interrupted");
        assertThat(demo.status(name)).contains("LOADING");
    }

    @Test
    void the_demo_gives_every_screen_something_to_show() {
        String name = loadedDemo();
        String analyst = name + "-analyst";
        String supervisor = name + "-supervisor";

        assertThat(count("MATCH (p:Person {source: 'demo:' + $name}) RETURN count(p)", name)).isEqualTo(TINY.people());
        assertThat(count("""
                MATCH (:Firearm {source: 'demo:' + $name})<-[:OF]-(t:Transfer) RETURN count(t)""", name)).isPositive();
        assertThat(count("MATCH (r:LostStolenReport {source: 'demo:' + $name}) RETURN count(r)", name)).isPositive();
        List<Recovery> recovered = Actors.as(name + "-officer", Role.FIELD_OFFICER,
                () -> recoveries.list(RecoveryFilter.ALL, 0, 500));
        assertThat(recovered.stream().filter(r -> (name + "-officer").equals(r.recordedBy()))).hasSize(TINY.recoveries());
        // Incoming and outgoing requests at every status each direction has, but RECEIVED, which an incoming
        // request passes through on arrival (intake acknowledges it in the same transaction). ACKNOWLEDGED is
        // where intake leaves the requests the demo takes in before its analysts exist; this shared store may
        // hold other tests' analysts, who are given them, so it is allowed here, not required (DemoBrowserTests
        // requires it, on a store of its own).
        var statuses = new HashSet<String>();
        neo4j.query("""
                        MATCH (t:TraceRequest) WHERE t.createdBy IN [$name + '-intake', $name + '-analyst']
                        RETURN t.direction + ' ' + t.status AS s""").bind(name).to("name")
                .fetchAs(String.class).all().forEach(statuses::add);
        var expected = new HashSet<String>();
        for (TraceStatus s : TraceStatus.values()) {
            for (Direction d : Direction.values()) {
                if ((!TraceLifecycle.next(d, s).isEmpty() || TraceLifecycle.closed(d, s))
                        && !(d == Direction.INCOMING && (s == TraceStatus.RECEIVED || s == TraceStatus.ACKNOWLEDGED))) {
                    expected.add(d + " " + s);
                }
            }
        }
        statuses.remove("INCOMING ACKNOWLEDGED");
        assertThat(statuses).isEqualTo(expected).contains("INCOMING ANSWER_DRAFTED");
        assertThat(Actors.as(analyst, Role.ANALYST, () -> queues.queue(TraceQueues.Queue.MINE, 0, 50))).isNotEmpty();
        assertThat(Actors.as(analyst, Role.ANALYST, () -> alerts.count(new Alert.Filter(null, null, false)))).isPositive();
        assertThat(Actors.as(analyst, Role.ANALYST, () -> investigations.list(50)))
                .anySatisfy(i -> assertThat(i.owner()).isEqualTo(analyst));
        List<Case> worked = Actors.as(supervisor, Role.SUPERVISOR, () -> cases.list(Cases.Filter.ALL, 500));
        assertThat(worked.stream().filter(c -> c.owner() != null && c.owner().startsWith(name + "-")).toList())
                .hasSizeGreaterThanOrEqualTo(3).anySatisfy(c -> assertThat(c.status()).isEqualTo(CaseStatus.CLOSED));
    }

    @Test
    void the_demo_imports_extracts_whose_rows_end_as_every_outcome_and_leave_questions_for_review() {
        String name = loadedDemo();

        List<ImportBatch> batches = Actors.as(name + "-admin", Role.ADMIN, () -> imports.history(500)).stream()
                .filter(b -> b.fileName().startsWith(name + "-registry-")).toList();

        assertThat(batches).extracting(ImportBatch::fileName)
                .containsExactlyInAnyOrder(name + "-registry-people.csv", name + "-registry-firearms.csv");
        for (ImportBatch b : batches) {
            assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
            assertThat(b.startedBy()).isEqualTo(name + "-admin");
            assertThat(List.of("created", "merged", "review", "rejected")).as(b.rowSummary())
                    .allSatisfy(outcome -> assertThat(b.outcome(outcome)).as(outcome).isPositive());
            List<ImportRows.Row> listed = Actors.as(name + "-admin", Role.ADMIN, () -> rows.page(b.id(), null, 0, 100));
            assertThat(listed).hasSize((int) b.read()).extracting(ImportRows.Row::outcome)
                    .contains("created", "merged", "review", "rejected");
        }
        var ids = batches.stream().map(ImportBatch::id).toList();
        List<MatchReviews.Review> pending = Actors.as(name + "-analyst", Role.ANALYST,
                () -> reviews.list("PENDING", 0, 500));
        assertThat(pending).filteredOn(r -> ids.contains(r.batch())).extracting(MatchReviews.Review::kind)
                .contains("PERSON", "FIREARM");
    }

    @Test
    void what_the_demo_users_entered_and_the_demo_imported_is_known_for_the_demos_and_keeps_who_made_it() {
        String name = loadedDemo();
        List<String> batches = neo4j.query("MATCH (b:ImportBatch) WHERE b.fileName STARTS WITH $name + '-registry-'"
                + " RETURN b.id").bind(name).to("name").fetchAs(String.class).all().stream().toList();
        var madeBy = Map.of("Recovery", "recordedBy", "TraceRequest", "createdBy", "Case", "openedBy",
                "Investigation", "owner", "ImportBatch", "startedBy");
        long made = 0;
        for (String label : DemoData.RECORD_LABELS) {
            String theirs = "MATCH (n:" + label + ") WHERE (n.source STARTS WITH 'user:' + $name + '-'"
                    + " OR n[$by] STARTS WITH $name + '-' OR n.importBatch IN $batches)";
            var params = Map.<String, Object>of("name", name, "by", madeBy.getOrDefault(label, "source"),
                    "batches", batches);
            made += neo4j.query(theirs + " RETURN count(n)").bindAll(params).fetchAs(Long.class).one().orElseThrow();
            assertThat(neo4j.query(theirs + " AND " + DemoData.NOT_DEMO + " RETURN count(n)").bindAll(params)
                    .fetchAs(Long.class).one().orElseThrow()).as(label + " taken for real data").isZero();
        }
        assertThat(made).isGreaterThan(TINY.recoveries());
        // Who typed it stays as the product records it: the demo officer recorded the recoveries.
        assertThat(count("MATCH (r:Recovery {source: 'user:' + $name + '-officer'})<-[:INCLUDES]-(:DemoDataset {name: $name})"
                + " RETURN count(r)", name)).isEqualTo(TINY.recoveries());
    }

    private synchronized String loadedDemo() {
        if (loaded == null) {
            String name = "demotest" + run();
            assertThat(demo.loadWithoutGuard(name, TINY).result()).isEqualTo(DemoData.Result.LOADED);
            loaded = name;
        }
        return loaded;
    }

    private long count(String cypher, String name) {
        return neo4j.query(cypher).bindAll(Map.of("name", name)).fetchAs(Long.class).one().orElseThrow();
    }

    private static String run() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }
}
