package org.armstrace.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.armstrace.graph.BatchTransactions;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, turns the free-text case references of earlier versions ({@code :Case {reference}}
 * without a number, made by recoveries and promoted alerts) into numbered cases: numbered in the year
 * they were first recorded, titled and kept under their old reference, kind {@code LEGACY}, open, and
 * with the alerts that were promoted to them linked as {@code PART_OF} like every other record (the
 * recoveries already are). Each one is logged and audited ({@code case.migrated}), in its own
 * transaction with its number, so a crash half-way loses nothing and the next start carries on.
 * A number needs the configured format, so this is code, not a migration file (V0019 holds the schema).
 */
@Component
@ConditionalOnProperty(name = "armstrace.command", havingValue = "none", matchIfMissing = true) // not for CLI commands
class LegacyCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyCases.class);

    private final Neo4jClient neo4j;
    private final CaseNumbers numbers;
    private final AuditLog audit;
    private final BatchTransactions transactions;

    LegacyCases(Neo4jClient neo4j, CaseNumbers numbers, AuditLog audit, BatchTransactions transactions) {
        this.neo4j = neo4j;
        this.numbers = numbers;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> migrated = migrate();
        if (!migrated.isEmpty()) {
            log.warn("{} free-text case reference(s) became numbered cases: {}", migrated.size(), String.join(", ", migrated));
        }
    }

    /** Migrates every case without a number; returns "reference -> number" for each. */
    List<String> migrate() {
        var done = new ArrayList<String>();
        while (true) {
            String result = transactions.writes().execute(tx -> migrateOne());
            if (result == null) {
                return done;
            }
            log.info("Case reference {}", result);
            done.add(result);
        }
    }

    private String migrateOne() {
        var legacy = neo4j.query("""
                        MATCH (c:Case) WHERE c.number IS NULL
                        WITH c ORDER BY c.recordedAt, c.reference LIMIT 1
                        SET c._lock = true REMOVE c._lock
                        RETURN c.reference AS reference, c.recordedAt AS at""")
                .fetch().one();
        if (legacy.isEmpty()) {
            return null;
        }
        String reference = (String) legacy.get().get("reference");
        Object at = legacy.get().get("at");
        Instant recorded = at instanceof java.time.ZonedDateTime z ? z.toInstant() : Instant.now();
        String number = numbers.next(recorded);
        long alerts = neo4j.query("""
                        MATCH (c:Case {reference: $reference}) WHERE c.number IS NULL
                        SET c.id = randomUUID(), c.number = $number, c.title = $reference, c.kind = 'LEGACY', c.status = 'OPEN',
                            c.restricted = false, c.openedAt = coalesce(c.recordedAt, $now), c.openedBy = 'system',
                            c.migratedAt = $now
                        CREATE (c)-[:HAS_TRANSITION]->(:CaseTransition {at: $now, by: 'system', to: 'OPEN',
                                reason: 'migrated from the free-text case reference ' + $reference})
                        WITH c
                        OPTIONAL MATCH (a:Alert)-[:PROMOTED_TO]->(c)
                        WITH c, collect(a) AS promoted
                        FOREACH (a IN promoted | MERGE (a)-[p:PART_OF]->(c) ON CREATE SET p.at = a.decidedAt, p.by = a.decidedBy)
                        RETURN size(promoted)""")
                .bindAll(CypherParams.of("reference", reference, "number", number, "now", Instant.now().atZone(ZoneOffset.UTC)))
                .fetchAs(Long.class).one().orElse(0L);
        String result = reference + " -> " + number;
        audit.recordAs("system", "case.migrated", List.of("Case:" + number), "free-text case reference '" + reference
                + "' became case " + number + (alerts > 0 ? "; " + alerts + " promoted alert(s) linked" : ""));
        return result;
    }
}
