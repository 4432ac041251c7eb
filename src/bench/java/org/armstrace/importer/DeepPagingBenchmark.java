package org.armstrace.importer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceApplication;
import org.armstrace.HeapProbe;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deep pages (issue 29 item 3): a grid at row 5,000,000. Two grids, through the service methods they
 * call: a national first load's batch rows ({@link ImportRows#page} and {@link ImportRows#count}, all
 * rows and filtered by outcome) and the audit log ({@link AuditLog#page} and {@link AuditLog#count},
 * all events and filtered by actor or action). Prints p50/p95/p99 per offset, the bytes allocated per
 * call (all threads: the database's work happens on its own) and the live heap of the deepest pages.
 *
 * <p>The store is built once in {@code bench.dir} and reused ({@code -Dbench.phase=prepare}, outside
 * the build lock; {@code measure} under it). The batch's rows are written through
 * {@link ImportBatches#saveRows}, the import's own writer, in chunks of 10,000 (90 % created, 5 %
 * merged, 2 % review, 3 % rejected); the audit events with UNWIND in the shape {@link AuditLog}
 * appends them, their MACs made up (the chain is not verified here).
 *
 * <pre>
 * ./mvnw test -Dtest=DeepPagingBenchmark -Dbench.excluded=none -Dbench.dir=/work/bench-paging \
 *     -Dbench.phase=prepare|measure -Dbench.rows=5600000 -Dbench.events=5050000
 * </pre>
 */
@Tag("benchmark")
class DeepPagingBenchmark {

    static final String BATCH = "bench-deep-paging";
    /** The page a Vaadin grid asks for. */
    static final int PAGE = 50;
    static final int CHUNK = 10_000;

    @Test
    void pages_at_row_five_million_of_a_batch_and_of_the_audit_log() throws Exception {
        long rows = Long.getLong("bench.rows", 5_600_000);
        long events = Long.getLong("bench.events", 5_050_000);
        Path dir = Path.of(System.getProperty("bench.dir", "/work/bench-paging"));
        String phase = System.getProperty("bench.phase", "all");
        Files.createDirectories(dir);
        long s0 = System.nanoTime();
        var context = ArmsTraceApplication.command(ImportCommand.NAME, new String[] {ImportCommand.NAME,
                "--armstrace.neo4j.data-dir=" + dir.resolve("store"), "--armstrace.neo4j.bolt-port=0",
                "--armstrace.neo4j.page-cache=" + System.getProperty("armstrace.neo4j.page-cache", "512MB"),
                "--armstrace.admin.username=admin", "--armstrace.admin.password=Kosovo-FFP-2026-pw!",
                "--logging.level.root=warn"});
        System.out.printf("application started on %s in %.1f s; max heap %,d MB%n", dir, (System.nanoTime() - s0) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20);
        try {
            if (!phase.equals("measure")) {
                prepareRows(context, rows);
                prepareEvents(context.getBean(Neo4jClient.class), events, dir.resolve("STOP"));
            }
            if (!phase.equals("prepare")) {
                measure(context);
            }
        } finally {
            context.close();
        }
    }

    /** The audit log's page and count as main had them at 9808642 (before this change), for the before figures. */
    static final String AUDIT_BEFORE = """
            MATCH (e:AuditEvent)
            WHERE ($actor = '' OR toLower(e.actor) CONTAINS toLower($actor))
              AND ($action = '' OR toLower(e.action) CONTAINS toLower($action))
            """;

    private static void measure(ConfigurableApplicationContext context) throws InterruptedException {
        var neo4j = context.getBean(Neo4jClient.class);
        var rows = context.getBean(ImportRows.class);
        var audit = context.getBean(AuditLog.class);
        // As a store that has been running: index samples up to date, no plan left from before.
        neo4j.query("CALL db.resampleOutdatedIndexes()").run();
        Thread.sleep(5_000);
        neo4j.query("CALL db.clearQueryCaches()").run();
        // -Dbench.before=all (default), rows (the audit's before figures take minutes), or none.
        String beforeOf = System.getProperty("bench.before", "all");
        boolean before = beforeOf.equals("all");

        if (!beforeOf.equals("none")) {
            // Before: the same service on the same batch without its counters takes the SKIP path, the text of
            // main's ImportRows.page and count. The counters are put back afterwards.
            var counters = neo4j.query("MATCH (b:ImportBatch {id: $id}) RETURN properties(b) AS p").bind(BATCH).to("id")
                    .fetch().one().map(r -> (Map<?, ?>) r.get("p")).orElseThrow();
            neo4j.query("MATCH (b:ImportBatch {id: $id}) REMOVE b.listed, b.listed_created, b.listed_merged, "
                    + "b.listed_review, b.listed_rejected").bind(BATCH).to("id").run();
            try {
                measureRows(rows, "before");
            } finally {
                neo4j.query("""
                                MATCH (b:ImportBatch {id: $id})
                                SET b.listed = $c.listed, b.listed_created = $c.listed_created, b.listed_merged = $c.listed_merged,
                                    b.listed_review = $c.listed_review, b.listed_rejected = $c.listed_rejected
                                """).bindAll(Map.of("id", BATCH, "c", counters)).run();
            }
        }
        measureRows(rows, "after");
        for (String[] filter : new String[][] {{"", ""}, {"system", ""}, {"", "login.refused"}}) {
            String what = "audit" + (filter[0].isEmpty() ? "" : ", actor " + filter[0])
                    + (filter[1].isEmpty() ? "" : ", action " + filter[1]);
            Map<String, Object> params = Map.of("actor", filter[0], "action", filter[1]);
            if (before) {
                long n = neo4j.query(AUDIT_BEFORE + "RETURN count(e)").bindAll(params).fetchAs(Long.class).one().orElseThrow();
                String b = "before: " + what + String.format(" (%,d)", n);
                cell(b + ", count", () -> neo4j.query(AUDIT_BEFORE + "RETURN count(e)").bindAll(params)
                        .fetchAs(Long.class).one().orElseThrow().intValue());
                for (long offset : offsets(n, filter[0].isEmpty() && filter[1].isEmpty())) {
                    cell(b + " @" + offset, () -> neo4j.query(AUDIT_BEFORE + "RETURN e ORDER BY e.seq DESC SKIP $offset LIMIT $limit")
                            .bindAll(Map.of("actor", filter[0], "action", filter[1], "offset", offset, "limit", PAGE))
                            .fetch().all().size());
                }
            }
            long n = Actors.admin(() -> audit.count(filter[0], filter[1]));
            String a = "after: " + what + String.format(" (%,d)", n);
            cell(a + ", count", () -> Actors.admin(() -> (int) audit.count(filter[0], filter[1])));
            for (long offset : offsets(n, true)) {
                cell(a + " @" + offset, () -> Actors.admin(() -> audit.page((int) offset, PAGE, filter[0], filter[1]).size()));
            }
            long last = Math.max(0, n - PAGE);
            heap(a + " @" + last, () -> Actors.admin(() -> audit.page((int) last, PAGE, filter[0], filter[1]).size()));
        }
    }

    private static void measureRows(ImportRows rows, String when) throws InterruptedException {
        for (String outcome : new String[] {null, "created", "rejected"}) {
            long n = Actors.admin(() -> rows.count(BATCH, outcome));
            String what = when + ": batch rows" + (outcome == null ? "" : ", outcome " + outcome) + String.format(" (%,d)", n);
            cell(what + ", count", () -> Actors.admin(() -> (int) rows.count(BATCH, outcome)));
            for (long offset : offsets(n, outcome == null || when.equals("after"))) {
                cell(what + " @" + offset, () -> Actors.admin(() -> rows.page(BATCH, outcome, (int) offset, PAGE).size()));
            }
            long last = Math.max(0, n - PAGE);
            heap(what + " @" + last, () -> Actors.admin(() -> rows.page(BATCH, outcome, (int) last, PAGE).size()));
        }
    }

    /**
     * 0, 1k, 100k, 1M and 5M where the list is that long, and its last page; only 0, 1M and the last page
     * when not {@code all} (the slow before figures of a filter, to keep the run within the lock's time).
     */
    private static List<Long> offsets(long n, boolean all) {
        var out = new ArrayList<Long>();
        for (long o : all ? new long[] {0, 1_000, 100_000, 1_000_000, 5_000_000} : new long[] {0, 1_000_000}) {
            if (o + PAGE <= n) {
                out.add(o);
            }
        }
        out.add(Math.max(0, n - PAGE));
        return out;
    }

    /**
     * Times one call: {@code bench.warm-up} untimed (2), then up to 30 timed ones, fewer (at least {@code bench.min-runs}, 5) when
     * they take over {@code bench.budget} seconds (20) together. Prints p50/p95/p99 (nearest rank: with 30 runs p99 is the slowest) and the bytes all
     * threads allocated per call.
     */
    private static void cell(String what, IntSupplier call) {
        int size = call.getAsInt();
        for (int i = 1; i < Integer.getInteger("bench.warm-up", 2); i++) {
            call.getAsInt();
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[30];
        int runs = 0;
        long allocated = 0;
        long budget = System.nanoTime() + Long.getLong("bench.budget", 20) * 1_000_000_000L;
        int atLeast = Integer.getInteger("bench.min-runs", 5);
        while (runs < nanos.length && (runs < atLeast || System.nanoTime() < budget)) {
            long a = threads.getTotalThreadAllocatedBytes();
            long s = System.nanoTime();
            call.getAsInt();
            nanos[runs++] = System.nanoTime() - s;
            allocated += threads.getTotalThreadAllocatedBytes() - a;
        }
        long[] sorted = Arrays.copyOf(nanos, runs);
        Arrays.sort(sorted);
        System.out.printf("%-58s %3d rows %2d runs: p50 %8.1f ms  p95 %8.1f ms  p99 %8.1f ms  alloc %7.1f MB/call%n",
                what, size, runs, sorted[runs / 2] / 1e6, rank(sorted, 0.95) / 1e6, rank(sorted, 0.99) / 1e6,
                allocated / (double) runs / (1 << 20));
    }

    private static long rank(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    /** The live heap while the page is read three times (a full collection every 50 ms, see {@link HeapProbe}). */
    private static void heap(String what, IntSupplier call) throws InterruptedException {
        var probe = HeapProbe.start();
        try {
            for (int i = 0; i < 3; i++) {
                call.getAsInt();
            }
        } catch (RuntimeException e) {
            // The SKIP path under a full collection every 50 ms can outlast the transaction timeout.
            System.out.printf("%-58s live heap: not measured (%s)%n", what, e.getClass().getSimpleName());
            probe.stop();
            return;
        }
        System.out.printf("%-58s live heap above idle: %,d KB%n", what, probe.stop() >> 10);
    }

    /** A national first load's batch: its rows written by the import's own writer, a chunk per transaction. */
    private static void prepareRows(ConfigurableApplicationContext context, long total) {
        var batches = context.getBean(ImportBatches.class);
        var neo4j = context.getBean(Neo4jClient.class);
        var tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        if (batches.find(BATCH).isEmpty()) {
            MappingProfile profile = Actors.admin(() -> context.getBean(RegistryImports.class).profile("kosovo-firearms")
                    .orElseThrow());
            batches.create(BATCH, "national-first-load.csv", "0".repeat(64), 0, profile, false);
        }
        LongSupplier written = () -> neo4j.query("MATCH (b:ImportBatch {id: $id}) RETURN b.listed").bind(BATCH).to("id")
                .fetchAs(Long.class).one().orElse(0L);
        long done = written.getAsLong();
        long t0 = System.nanoTime();
        for (long from = done; from < total; from += CHUNK) {
            var chunk = new ArrayList<RowOutcome>(CHUNK);
            for (long i = from; i < Math.min(total, from + CHUNK); i++) {
                chunk.add(row((int) i + 2)); // line 1 is the header
            }
            tx.executeWithoutResult(s -> batches.saveRows(BATCH, chunk));
            if ((from / CHUNK) % 50 == 0) {
                System.out.printf("rows: %,d written, %.0f rows/s%n", from + chunk.size(),
                        (from + chunk.size() - done) / ((System.nanoTime() - t0) / 1e9));
            }
        }
        batches.status(BATCH, ImportBatch.Status.COMPLETED, null);
        System.out.printf("batch %s: %,d rows%n", BATCH, written.getAsLong());
    }

    /** What a row of a national first load became: mostly created, a few merged, sent to review or rejected. */
    private static RowOutcome row(int line) {
        int h = Math.floorMod(line * 0x9E3779B1, 100);
        String id = ChunkWriter.id("bench", String.valueOf(line));
        String person = ChunkWriter.id("bench-person", String.valueOf(line / 3));
        if (h < 90) {
            return new RowOutcome(line, "created", null, "FIREARM", id, null, person, "created", List.of());
        } else if (h < 95) {
            return new RowOutcome(line, "merged", "automatic", "FIREARM", id, null, person, "merged",
                    List.of("serial", "maker"));
        } else if (h < 97) {
            return new RowOutcome(line, "review", null, "FIREARM", id, ChunkWriter.id("bench-candidate", id), person,
                    "review", List.of("serial-similar"));
        }
        return new RowOutcome(line, "rejected", null, null, null, null, null, null, List.of("serial-missing"));
    }

    /**
     * Audit events up to {@code total}, appended after the head in the shape {@link AuditLog} writes, 20,000 a
     * transaction under the head's lock: 30 % by "system", the rest by 197 users; 20 actions.
     */
    private static void prepareEvents(Neo4jClient neo4j, long total, Path stop) {
        var actions = List.of("person.read", "firearm.read", "firearm.registered", "firearm.updated", "login.succeeded",
                "login.refused", "trace.created", "trace.answered", "trace.assigned", "recovery.recorded",
                "import.started", "import.completed", "person.updated", "licence.read", "transfer.recorded",
                "alert.raised", "report.exported", "user.created", "search.serial", "person.merged");
        long t0 = System.nanoTime();
        long start = -1;
        while (true) {
            long head = neo4j.query("""
                            MERGE (c:AuditChain {id: 'audit'}) ON CREATE SET c.seq = 0, c.hash = $genesis
                            SET c.lockedAt = datetime()
                            WITH c, c.seq AS from
                            UNWIND range(from + 1, CASE WHEN from + 20000 < $total THEN from + 20000 ELSE $total END) AS seq
                            CREATE (:AuditEvent {seq: seq,
                                at: datetime('2021-01-01T00:00:00Z') + duration({seconds: seq * 30}),
                                actor: CASE WHEN seq % 10 < 3 THEN 'system' ELSE 'analyst' + toString(seq % 197) END,
                                action: $actions[(seq * 7) % size($actions)],
                                entities: ['Person:' + toString(seq % 100003)], details: '',
                                prevHash: $genesis, hash: $genesis, scheme: 'hmac-sha256/v2'})
                            WITH c, max(seq) AS top
                            SET c.seq = top
                            RETURN top
                            """)
                    .bindAll(Map.of("genesis", "0".repeat(64), "total", total, "actions", actions))
                    .fetchAs(Long.class).one().orElse(-1L);
            if (start < 0) {
                start = head;
            }
            // A file named STOP in the store's directory ends the preparation after this transaction.
            if (head < 0 || head >= total || Files.exists(stop)) {
                break;
            }
            if (head % 500_000 < 20_000) {
                System.out.printf("audit events: %,d, %.0f events/s%n", head, (head - start) / ((System.nanoTime() - t0) / 1e9));
            }
        }
        System.out.printf("audit events: %,d%n", neo4j.query("MATCH (e:AuditEvent) RETURN count(e)")
                .fetchAs(Long.class).one().orElse(0L));
    }
}
