package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.armstrace.ArmsTraceApplication;
import org.armstrace.ArmsTraceTest;
import org.armstrace.ChildJvm;
import org.armstrace.ChildJvmTest;
import org.armstrace.registry.SyntheticExtracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * The import survives {@code kill -9}: a command-line import is killed (SIGKILL, no shutdown hook
 * runs) after it has committed some chunks, the same command is run again, and the store then
 * holds every row exactly once, and the batch's totals add up. The run that is killed has a JVM of
 * its own; the second runs in this one, as {@code main} runs it ({@link ArmsTraceApplication#runCommand}).
 */
// In the same JVM as the browser tests: see InitialLoadTests for why the shared context starts first.
@ArmsTraceTest
@ChildJvmTest
class ImportCrashTest {

    /** People in the extract: 16 chunks of 250, so the kill after the first chunk lands mid-way. */
    static final int ROWS = 4_000;

    @TempDir
    Path tmp;

    @Test
    void an_import_killed_mid_way_resumes_and_completes_with_no_duplicates_and_no_lost_rows() throws Exception {
        SyntheticExtracts.Written files = SyntheticExtracts.write(tmp.resolve("extract"), 10, ROWS);
        Path data = tmp.resolve("data");
        ProcessBuilder command = command(data, files.people());

        Process first = command.start();
        var firstOutput = new ArrayList<String>();
        try (var out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                firstOutput.add(line);
                if (line.startsWith("progress")) {
                    first.destroyForcibly(); // SIGKILL
                    break;
                }
            }
        }
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(firstOutput).as("the first run got as far as a committed chunk").anyMatch(l -> l.startsWith("progress"));
        assertThat(first.exitValue()).isEqualTo(137);

        var printed = new ByteArrayOutputStream();
        int code = ArmsTraceApplication.runCommand(arguments(data, files.people()).toArray(String[]::new),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isZero();
        Matcher resumed = Pattern.compile("Resuming batch \\S+ after line (\\d+)").matcher(output);
        assertThat(resumed.find()).as("the second run resumed the first: " + output).isTrue();
        int after = Integer.parseInt(resumed.group(1));
        assertThat(after).as("it resumed mid-way").isBetween(2, ROWS);
        assertThat(output).contains("read 4,000 = accepted 4,000 + rejected 0");

        var dbms = new DatabaseManagementServiceBuilder(data.resolve("graph")).build();
        try {
            var db = dbms.database("neo4j");
            try (var tx = db.beginTx()) {
                assertThat(tx.execute("MATCH (p:Person) RETURN count(p) AS n").next().get("n")).isEqualTo((long) ROWS);
                assertThat(tx.execute("MATCH (p:Person) RETURN count(DISTINCT p.nationalIdKey) AS n").next().get("n"))
                        .isEqualTo((long) ROWS);
                assertThat(tx.execute("MATCH (b:ImportBatch) RETURN count(b) AS n, collect(b.status) AS s").next())
                        .containsEntry("n", 1L).containsEntry("s", List.of("COMPLETED"));
            }
        } finally {
            dbms.shutdown();
        }
    }

    /** The import as an administrator types it; the child JVM comes from {@link ChildJvm}. */
    private static ProcessBuilder command(Path data, Path file) {
        return ChildJvm.application("512m", arguments(data, file));
    }

    private static List<String> arguments(Path data, Path file) {
        return List.of(ImportCommand.NAME, "--profile", "kosovo-people", "--armstrace.neo4j.data-dir=" + data,
                "--armstrace.neo4j.bolt-port=0", "--armstrace.neo4j.page-cache=32MB", "--armstrace.neo4j.replan-interval=1h",
                "--armstrace.import.chunk-rows=250",
                "--logging.level.root=warn", file.toString());
    }
}
