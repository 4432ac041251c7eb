package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.armstrace.ArmsTraceApplication;
import org.armstrace.ArmsTraceTest;
import org.armstrace.ChildJvm;
import org.armstrace.ChildJvmTest;
import org.armstrace.security.AuditCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;

/**
 * The first load of a new installation writes, through the offline importer, the same registry
 * that importing the same extracts one after another through transactions writes: the same
 * nodes, values, relationships, batches, issues and decisions, and a store the application then
 * starts on with its audit chain intact. A load killed once the offline import has started is
 * completed by running the same command again. Only the load that is killed runs in a JVM of its own
 * ({@link ChildJvm}), since a kill needs a process; every other command runs in this JVM as
 * {@code main} runs it ({@link ArmsTraceApplication#runCommand}): a JVM start costs half a minute of
 * CPU on two cores.
 */
// In the same JVM as the browser tests: their application context installs Vaadin's security-context
// strategy in SecurityContextHolder (a JVM-wide static) as it starts, which drops the administrator
// this class's commands act as if it happens mid-run. Asking for that shared context first makes it
// start before any command runs (and costs nothing: Failsafe starts it anyway).
@ArmsTraceTest
@ChildJvmTest
class InitialLoadTests {

    private static final Path SAMPLES = Path.of("import/samples");
    private static final List<List<String>> EXTRACTS = List.of(
            List.of("kosovo-organisations", "organisations.csv"), List.of("kosovo-people", "people.csv"),
            List.of("kosovo-firearms", "firearms.csv"), List.of("kosovo-licences", "licences.csv"),
            List.of("kosovo-transfers", "transfers.csv"), List.of("kosovo-lost-stolen", "lost-stolen.csv"));
    /** Set when a node or relationship is written (a lost/stolen check's link: {@code at}): differs between any two imports. */
    private static final Set<String> VOLATILE = Set.of("recordedAt", "importBatch", "reportedAt", "at");
    /**
     * Two weapons of one make whose serials differ by a 0 read as O, and a report on one of them: the
     * check that both load paths end with finds the other (a first load's store holds no recovery yet,
     * so a registration is what it can find).
     */
    private static final String CONFUSABLE_WEAPONS = """
            Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,Shenja e importit
            pistol,Glock,17,9mm,LQ0720461,2011,AT,
            pistol,Glock,19,9mm,LQO720461,2012,AT,
            """;
    private static final String CONFUSABLE_REPORT = """
            Lloji,Data,Prodhuesi,Modeli,Numri serik,Vendi,Referenca
            Vjedhur,,Glock,17,LQ0720461,Prizren,PR-LQ0720461
            """;

    @TempDir
    Path tmp;

    @Test
    void a_first_load_writes_the_same_registry_as_importing_the_extracts_one_by_one_even_after_a_kill_during_the_offline_import()
            throws Exception {
        Files.writeString(tmp.resolve("confusable-weapons.csv"), CONFUSABLE_WEAPONS);
        Files.writeString(tmp.resolve("confusable-report.csv"), CONFUSABLE_REPORT);
        var extracts = new ArrayList<>(EXTRACTS);
        extracts.add(List.of("kosovo-firearms", tmp.resolve("confusable-weapons.csv").toString()));
        extracts.add(List.of("kosovo-lost-stolen", tmp.resolve("confusable-report.csv").toString()));
        Path transactional = tmp.resolve("transactional");
        var context = ArmsTraceApplication.command(ImportCommand.NAME, options(transactional).toArray(String[]::new));
        try {
            for (List<String> e : extracts) {
                var out = new ByteArrayOutputStream();
                int code = context.getBean(ImportCommand.class).run(new String[]{"import", "--profile", e.get(0),
                        SAMPLES.resolve(e.get(1)).toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
                assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
            }
        } finally {
            context.close();
        }

        Path bulk = tmp.resolve("bulk");
        var load = new ArrayList<>(List.of("initial-load"));
        extracts.forEach(e -> load.addAll(List.of("--profile", e.get(0), SAMPLES.resolve(e.get(1)).toString())));
        String output = run(bulk, load, 0);
        assertThat(output).contains("Loaded ").contains("read 3,007 = accepted 3,002 + rejected 5").contains("Start the application");
        assertThat(bulk.resolve("initial-load").resolve("staging")).doesNotExist();
        assertThat(bulk.resolve("initial-load").resolve("IMPORTING")).doesNotExist();

        String expected = dump(transactional);
        assertThat(dump(bulk)).isEqualTo(expected);
        // Every imported report has its history, as one filed at the desk, on both paths (the dumps are equal) ...
        long reports = expected.lines().filter(l -> l.startsWith("[LostStolenReport] ")).count();
        assertThat(reports).isGreaterThan(20);
        assertThat(expected.lines().filter(l -> l.startsWith("[LostStolenEvent] ") && l.contains("kind=REPORTED")))
                .hasSize((int) reports).allSatisfy(l -> assertThat(l).contains("by=cli:").contains("reason=import import:"));
        assertThat(output).contains(String.format("Lost/stolen reports checked against the registry: %,d;", reports));
        // ... and the report on a weapon whose serial another of its make has with a 0 read as O found it,
        // the analysts being told with an alert.
        assertThat(checked(bulk, "PR-LQ0720461")).containsExactly("LQO720461 serial-confused LOST_STOLEN_MATCH");

        // The application starts on the new store, and the chain of audit events copied into it holds.
        assertThat(run(bulk, List.of(AuditCommand.NAME), 0)).contains("intact");
        // A second first load into the same directory is refused, and the store is left as it was.
        String again = run(bulk, load, 2);
        assertThat(again).contains("already holds a database");
        assertThat(dump(bulk)).isEqualTo(expected);

        // Killed (SIGKILL) once the offline import has started: the same command replaces what it left.
        Path crashed = tmp.resolve("crashed");
        Path marker = crashed.resolve("initial-load").resolve("IMPORTING");
        Process killed = start(crashed, load, tmp.resolve("killed.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(marker) && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(killed.isAlive()).as("running when the offline import started:\n" + Files.readString(tmp.resolve("killed.log")))
                .isTrue();
        killed.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        assertThat(marker).as("the marker outlives the kill").exists();
        assertThat(run(crashed, load, 0)).contains("was interrupted during the offline import").contains("Loaded ");
        assertThat(marker).doesNotExist();
        assertThat(dump(crashed)).isEqualTo(expected);
    }

    private static List<String> options(Path data) {
        return List.of("--armstrace.neo4j.data-dir=" + data, "--armstrace.neo4j.bolt-port=0",
                "--armstrace.neo4j.page-cache=32MB", "--armstrace.neo4j.replan-interval=1h", "--armstrace.admin.username=admin",
                "--armstrace.admin.password=Kosovo-FFP-2026-pw!", "--logging.level.root=warn");
    }

    private static String[] arguments(Path data, List<String> args) {
        var arguments = new ArrayList<>(args);
        arguments.addAll(options(data));
        return arguments.toArray(String[]::new);
    }

    /** The command line {@code args} on {@code data}, run to its end in this JVM as {@code main} runs it. */
    private static String run(Path data, List<String> args, int expected) {
        var printed = new ByteArrayOutputStream();
        int code = ArmsTraceApplication.runCommand(arguments(data, args), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isEqualTo(expected);
        return output;
    }

    /** The real command line, in its own process, as an administrator would run it. */
    private static Process start(Path data, List<String> args, Path log) throws IOException {
        return ChildJvm.application("1g", List.of(arguments(data, args))).redirectOutput(log.toFile()).start();
    }

    /**
     * The registry as text: every imported node with its labels and values, every relationship
     * between them by the ids of its ends, the batches' totals, the issues and the decisions.
     */
    private static String dump(Path data) throws IOException {
        var dbms = new DatabaseManagementServiceBuilder(data.resolve("graph")).build();
        try {
            var db = dbms.database("neo4j");
            var lines = new TreeSet<String>();
            try (var tx = db.beginTx()) {
                tx.execute("""
                        MATCH (n) WHERE n:Person OR n:Firearm OR n:Marking OR n:Licence OR n:Transfer OR n:LostStolenReport
                           OR n:LostStolenEvent OR (n:Organisation AND n.kind <> 'MANUFACTURER')
                        RETURN n""").forEachRemaining(r -> {
                    Node n = (Node) r.get("n");
                    lines.add(n.getLabels() + " " + values(n.getAllProperties()));
                    for (Relationship rel : n.getRelationships(Direction.OUTGOING)) {
                        lines.add(key(rel.getStartNode()) + " -" + rel.getType().name() + "-> " + key(rel.getEndNode())
                                + " " + values(rel.getAllProperties()));
                    }
                });
                tx.execute("MATCH (b:ImportBatch) RETURN b").forEachRemaining(r -> {
                    var props = new TreeMap<>(((Node) r.get("b")).getAllProperties());
                    props.remove("id");
                    props.values().removeIf(v -> v instanceof Temporal);
                    lines.add("batch " + props);
                });
                tx.execute("MATCH (i:ImportIssue) RETURN i.line + ' ' + i.code + ' ' + coalesce(i.column, '') AS i")
                        .forEachRemaining(r -> lines.add("issue " + r.get("i")));
                tx.execute("MATCH (d:MatchDecision) RETURN d.kind + ' ' + d.status + ' ' + d.recordId + ' ' + d.candidateId AS d")
                        .forEachRemaining(r -> lines.add("decision " + r.get("d")));
                tx.execute("SHOW INDEXES YIELD name, state RETURN name + ' ' + state AS i")
                        .forEachRemaining(r -> lines.add("index " + r.get("i")));
            }
            return String.join("\n", lines);
        } finally {
            dbms.shutdown();
        }
    }

    /** What the check found for the report with this reference: the serial of each weapon it may be, a reason, the alert. */
    private static List<String> checked(Path data, String reference) {
        var dbms = new DatabaseManagementServiceBuilder(data.resolve("graph")).build();
        try (var tx = dbms.database("neo4j").beginTx()) {
            var found = new ArrayList<String>();
            tx.execute("""
                    MATCH (r:LostStolenReport {reference: $reference})-[m:MAY_BE]->(f:Firearm)
                    OPTIONAL MATCH (a:Alert) WHERE a.subject = 'LostStolenReport:' + r.id AND 'Firearm:' + f.id IN a.evidence
                    RETURN f.serialAsRead + ' ' + [x IN m.reasons WHERE x CONTAINS 'serial-confused' | 'serial-confused'][0]
                           + ' ' + coalesce(a.pattern, 'no alert') AS line""", Map.of("reference", reference))
                    .forEachRemaining(r -> found.add((String) r.get("line")));
            return found;
        } finally {
            dbms.shutdown();
        }
    }

    private static String key(Node n) {
        Object id = n.hasProperty("id") ? n.getProperty("id") : n.getProperty("code", "?");
        return n.getLabels().iterator().next().name() + ":" + id;
    }

    private static String values(Map<String, Object> props) {
        var sorted = new TreeMap<String, String>();
        props.forEach((k, v) -> {
            if (!VOLATILE.contains(k)) {
                sorted.put(k, v.getClass().isArray() ? Arrays.deepToString(new Object[]{v}) : String.valueOf(v));
            }
        });
        return sorted.toString();
    }
}
