package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.armstrace.ArmsTraceApplication;
import org.armstrace.ArmsTraceTest;
import org.armstrace.ChildJvmTest;
import org.armstrace.base.StartupProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * An installation upgraded from the version without an audit key, as an administrator meets it:
 * the first start seals the old SHA-256 chain under anchor 1 and {@code audit-verify} passes; with
 * the key file then gone, the next start is refused instead of quietly making a new key.
 *
 * <p>{@code audit-verify} runs in this JVM as {@code main} runs it ({@link ArmsTraceApplication#runCommand});
 * three JVMs of its own cost two minutes of CPU on two cores.
 */
// In the same JVM as the browser tests: see InitialLoadTests for why the shared context starts first.
@ArmsTraceTest
@ChildJvmTest
class AuditUpgradeTest {

    @TempDir
    Path tmp;

    @Test
    void an_old_chain_is_sealed_on_the_first_start_and_a_lost_key_then_stops_the_start() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(run(data).exit()).isZero(); // creates the store (and its schema)
        String last = replaceTrailWithLegacyChain(data, 3);
        Files.delete(data.resolve("audit.key"));
        Files.deleteIfExists(data.resolve("audit-anchors.log"));

        Result upgraded = run(data);

        assertThat(upgraded.exit()).as(upgraded.output()).isZero();
        // (a start may append events of its own after the seal; they are keyed)
        assertThat(upgraded.output()).contains("Audit chain intact: ",
                "3 legacy events sealed under anchor 1 (not individually authenticated).");
        assertThat(Files.readString(data.resolve("audit-anchors.log")))
                .startsWith("n=1 seq=3 hash=" + last + " ").contains(" kind=legacy-seal ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("audit.key"))))
                .isEqualTo("rw-------");

        Files.delete(data.resolve("audit.key"));
        Result withoutKey = run(data);

        assertThat(withoutKey.exit()).as(withoutKey.output()).isNotZero();
        assertThat(withoutKey.output()).contains("The audit key file " + data.resolve("audit.key").toAbsolutePath()
                + " is missing", "Restore audit.key from its backup");
        assertThat(data.resolve("audit.key")).doesNotExist();
    }

    record Result(int exit, String output) {
    }

    /** {@code audit-verify} on {@code data}; a start that fails gives exit 1 and its problem, as {@code main} prints it. */
    private static Result run(Path data) {
        var printed = new ByteArrayOutputStream();
        var out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try {
            int code = ArmsTraceApplication.runCommand(new String[]{AuditCommand.NAME,
                    "--armstrace.neo4j.data-dir=" + data.toAbsolutePath(), "--armstrace.neo4j.bolt-port=0",
                    "--armstrace.neo4j.page-cache=32MB", "--armstrace.neo4j.replan-interval=1h", "--logging.level.root=warn"}, out);
            return new Result(code, printed.toString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            StartupProblem problem = startupProblem(e);
            assertThat(problem).as("the start failed with a problem an administrator can act on").isNotNull();
            return new Result(1, problem.getMessage() + "\n" + problem.action());
        }
    }

    private static StartupProblem startupProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupProblem problem) {
                return problem;
            }
        }
        return null;
    }

    /** The trail as the version before the key wrote it: SHA-256, no scheme, no anchors. */
    private static String replaceTrailWithLegacyChain(Path data, int n) {
        var dbms = new DatabaseManagementServiceBuilder(data.resolve("graph")).build();
        try (var tx = dbms.database("neo4j").beginTx()) {
            tx.execute("MATCH (e:AuditEvent) DETACH DELETE e");
            tx.execute("MATCH (c:AuditChain) DELETE c");
            String prev = AuditLog.GENESIS;
            Instant at = Instant.parse("2026-06-01T08:00:00.000Z");
            for (long seq = 1; seq <= n; seq++) {
                String hash = Insider.PLAIN_SHA256.hash(seq, at, "admin", "user.created", List.of("User:u" + seq), "", prev);
                tx.execute("""
                        CREATE (:AuditEvent {seq: $seq, at: $at, actor: 'admin', action: 'user.created',
                                             entities: $entities, details: '', prevHash: $prev, hash: $hash})
                        """, Map.of("seq", seq, "at", at.atZone(ZoneOffset.UTC), "entities", List.of("User:u" + seq),
                        "prev", prev, "hash", hash));
                prev = hash;
            }
            tx.execute("CREATE (:AuditChain {id: 'audit', seq: $seq, hash: $hash})", Map.of("seq", (long) n, "hash", prev));
            tx.commit();
            return prev;
        } finally {
            dbms.shutdown();
        }
    }
}
