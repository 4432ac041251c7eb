package org.armstrace.demo;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccount;
import org.armstrace.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/**
 * Loads the demonstration dataset into a store that holds no real data, once. The data is built
 * step by step through the other modules' own services, as their users would make it, so every
 * screen shows what it would show in service; registry facts carry the source {@code demo}, what
 * users make (recoveries, requests, cases) is made by the demo users and recorded as theirs, and
 * imports run through the importer and carry its provenance. What does not carry the demo's source
 * is tied to the dataset's node ({@code (:DemoDataset)-[:INCLUDES]->(record)}) when the load ends.
 *
 * <p>A store is refused when it holds any user other than the first administrator, or any record
 * (weapon, person, organisation other than a manufacturer, licence, transfer, report, recovery,
 * request, case, investigation, import) that is neither of the demo's source nor tied to a demo
 * dataset: the demo never mixes with
 * real data and never deletes anything. A {@code :DemoDataset} node records the load, so a second
 * start with the switch still on does nothing and says so; one left {@code LOADING} by a crash is
 * reported, not completed or undone.
 */
@Service
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The demo of the documented switch: its users are {@code demo-analyst}, {@code demo-supervisor} … */
    public static final String DEFAULT_NAME = "demo";

    /** How a request to load ended. */
    public enum Result { LOADED, ALREADY_LOADED, REFUSED }

    public record Outcome(Result result, String message) {
    }

    /**
     * The labels whose records count as data, each owned by another module; read here in one query
     * each (an existence check) rather than a count method on every owner, since only the demo asks.
     * Allow-listed: the only labels this module's Cypher names besides its own.
     */
    static final List<String> RECORD_LABELS = List.of("Firearm", "Person", "Organisation", "Licence", "Transfer",
            "LostStolenReport", "Recovery", "TraceRequest", "Case", "Investigation", "ImportBatch");

    /**
     * A record that is not the demo's: neither a registry fact with the demo's source nor one a demo
     * load tied to its dataset ({@link #include}), and not a manufacturer (reference data).
     */
    static final String NOT_DEMO = "NOT coalesce(n.source, '') STARTS WITH 'demo' AND NOT (n:Organisation AND"
            + " n.kind = 'MANUFACTURER') AND NOT EXISTS { (n)<-[:INCLUDES]-(:DemoDataset) }";

    /** Where each label's owner records who made a record, besides its {@code source}. */
    private static final Map<String, String> MADE_BY = Map.of("Recovery", "recordedBy", "TraceRequest", "createdBy",
            "Case", "openedBy", "Investigation", "owner", "ImportBatch", "startedBy");

    private final Neo4jClient neo4j;
    private final UserAccountService users;
    private final AuditLog audit;
    private final DemoUsers demoUsers;
    private final Map<String, Consumer<DemoRun>> steps = new LinkedHashMap<>();

    DemoData(Neo4jClient neo4j, UserAccountService users, AuditLog audit, DemoUsers demoUsers, RegistrySteps registry,
             FieldSteps field, TraceSteps traces, ImportSteps imports, AnalysisSteps analysis) {
        this.neo4j = neo4j;
        this.users = users;
        this.audit = audit;
        this.demoUsers = demoUsers;
        // One line per step, in the order they build on each other: a new feature's demo data is one more line.
        steps.put("organisations", registry::organisations);
        steps.put("weapons", registry::weapons);
        steps.put("people", registry::people);
        steps.put("licences", registry::licences);
        steps.put("transfers", registry::transfers);
        steps.put("requests taken in before the desk had analysts", traces::beforeAnalysts);
        steps.put("analysts", demoUsers::analysts);
        steps.put("lost and stolen reports", registry::lostAndStolen);
        steps.put("recoveries", field::recoveries);
        steps.put("trace requests", traces::requests);
        steps.put("registry imports", imports::imports);
        steps.put("pattern scan", run -> log.info("Demo data: the pattern scan found {} instances", analysis.scan(run)));
        steps.put("saved investigation", analysis::investigation);
        steps.put("cases", analysis::cases);
    }

    /** Loads the demo named {@code name} unless it is loaded already or the store holds real data. */
    public Outcome start(String name, DemoSize size) {
        return loadUnless(name, size, true);
    }

    /** The same without the check for real data: for tests on a store that other tests fill. */
    Outcome loadWithoutGuard(String name, DemoSize size) {
        return loadUnless(name, size, false);
    }

    private synchronized Outcome loadUnless(String name, DemoSize size, boolean guard) {
        Optional<String> status = status(name);
        if (status.isPresent()) {
            return status.get().equals("LOADED")
                    ? new Outcome(Result.ALREADY_LOADED, "The demo data was loaded at an earlier start: nothing to do.")
                    : new Outcome(Result.REFUSED, "An earlier demo load was interrupted and is not completed or undone."
                            + " Start on an empty data directory (ARMSTRACE_DATA_DIR) to load the demo again.");
        }
        if (guard) {
            Optional<String> real = realData();
            if (real.isPresent()) {
                return new Outcome(Result.REFUSED, "The demo data is loaded only into an empty store, and this one holds "
                        + real.get() + ". Nothing was loaded and nothing was changed. Start on an empty data directory"
                        + " (ARMSTRACE_DATA_DIR) to look around with the demo.");
            }
        }
        return load(name, size);
    }

    /** What makes the store not empty, in words for the log; empty when the demo may load. */
    Optional<String> realData() {
        List<UserAccount> accounts = DemoRun.acting("system:demo", Role.ADMIN, users::list);
        var others = accounts.stream().filter(u -> !u.roles().contains(Role.ADMIN)).map(UserAccount::username).toList();
        if (accounts.size() > 1 || !others.isEmpty()) {
            return Optional.of(accounts.size() + " user accounts (only the first administrator may exist)");
        }
        for (String label : RECORD_LABELS) {
            boolean any = neo4j.query("RETURN EXISTS { MATCH (n:" + label + ") WHERE " + NOT_DEMO + " } AS any")
                    .fetchAs(Boolean.class).one().orElse(false);
            if (any) {
                return Optional.of("records that are not demo data (" + label + ")");
            }
        }
        return Optional.empty();
    }

    private Outcome load(String name, DemoSize size) {
        long started = System.nanoTime();
        neo4j.query("CREATE (:DemoDataset {name: $name, status: 'LOADING', seed: $seed, firearms: $firearms, people: $people,"
                        + " startedAt: $now})")
                .bindAll(CypherParams.of("name", name, "seed", DemoRun.SEED, "firearms", size.firearms(), "people",
                        size.people(), "now", ZonedDateTime.now(ZoneOffset.UTC))).run();
        log.info("Loading the demo data ({} weapons, {} people, seed {}); the pages fill as it goes", size.firearms(),
                size.people(), DemoRun.SEED);
        var run = new DemoRun(name, size);
        run.progress = progressLog(started);
        try {
            demoUsers.create(run);
            for (var step : steps.entrySet()) {
                long t0 = System.nanoTime();
                step.getValue().accept(run);
                log.info("Demo data: {} done in {} s", step.getKey(), seconds(t0));
            }
        } finally {
            DemoUsers.print(run.accounts);
        }
        include(run);
        neo4j.query("MATCH (d:DemoDataset {name: $name}) SET d.status = 'LOADED', d.loadedAt = $now")
                .bindAll(CypherParams.of("name", name, "now", ZonedDateTime.now(ZoneOffset.UTC))).run();
        String summary = String.format("%,d weapons, %,d people, %,d licences, %,d recoveries, %,d trace requests",
                run.firearmIds.size(), run.personIds.size(), run.licenceIds.size(), run.recoveryIds.size(),
                run.traceIds.size());
        audit.recordAs("system", "demo.loaded", List.of("DemoDataset:" + name), summary);
        String message = "Demo data loaded in " + seconds(started) + " s: " + summary;
        log.info(message);
        return new Outcome(Result.LOADED, message);
    }

    /**
     * Ties to the dataset what the load made that does not carry the demo's source: what its users
     * entered through the services, which record them as {@code user:<name>} or by name (recoveries,
     * requests, cases, investigations, the people and weapons a recovery names), and what its imports
     * created ({@code import:<file>#row=…}). Those users are this load's own (a store with any other
     * user than the first administrator is refused), so everything they made is the demo's.
     */
    private void include(DemoRun run) {
        List<String> users = DemoUsers.usernames(run);
        List<String> sources = users.stream().map(u -> "user:" + u).toList();
        for (String label : RECORD_LABELS) {
            long linked = neo4j.query("MATCH (d:DemoDataset {name: $name}) MATCH (n:" + label + ")"
                            + " WHERE n.source IN $sources OR n[$by] IN $users OR n.importBatch IN $batches"
                            + " MERGE (d)-[:INCLUDES]->(n) RETURN count(n)")
                    .bindAll(CypherParams.of("name", run.name, "sources", sources, "by", MADE_BY.getOrDefault(label,
                            "source"), "users", users, "batches", run.importBatchIds))
                    .fetchAs(Long.class).one().orElse(0L);
            if (linked > 0) {
                log.info("Demo data: {} {} records tied to the dataset", linked, label);
            }
        }
    }

    /** The dataset's record: LOADING or LOADED; empty when it was never started. */
    Optional<String> status(String name) {
        return neo4j.query("MATCH (d:DemoDataset {name: $name}) RETURN d.status AS status").bind(name).to("name")
                .fetchAs(String.class).one();
    }

    /** A progress line at most every three seconds. */
    private static Consumer<String> progressLog(long started) {
        long[] last = {System.nanoTime()};
        return what -> {
            long now = System.nanoTime();
            if (now - last[0] > 3_000_000_000L) {
                last[0] = now;
                log.info("Demo data: {} ({} s)", what, seconds(started));
            }
        };
    }

    private static String seconds(long since) {
        return String.format("%.1f", (System.nanoTime() - since) / 1e9);
    }
}
