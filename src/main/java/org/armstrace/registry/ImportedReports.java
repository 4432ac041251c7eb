package org.armstrace.registry;

import java.time.ZonedDateTime;
import java.util.List;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/** The importer's writes of lost/stolen reports ({@link ImportedRecords#writeReports}), in the caller's transaction. */
@Service
class ImportedReports {

    private final Neo4jClient neo4j;
    private final LostStolenCheck lostStolen;

    ImportedReports(Neo4jClient neo4j, LostStolenCheck lostStolen) {
        this.neo4j = neo4j;
        this.lostStolen = lostStolen;
    }

    void write(List<ImportedRecords.Row<ImportedRecords.ReportRow>> rows, String batch) {
        ZonedDateTime now = ImportedRecords.now();
        var params = rows.stream().map(r -> CypherParams.of("id", r.id(), "firearm", r.value().firearmId(),
                "props", ImportedProperties.reportProperties(r, batch, now))).toList();
        // A new report gets its creation event, as one filed at the desk does, and the same
        // retroactive check against earlier records (LostStolenCheck), for the whole batch at once.
        List<String> created = neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (f:Firearm {id: row.firearm})
                        OPTIONAL MATCH (known:LostStolenReport {id: row.id})
                        WITH row, f, known IS NOT NULL AS known
                        MERGE (r:LostStolenReport {id: row.id})
                          ON CREATE SET r += row.props
                        MERGE (r)-[:CONCERNS]->(f)
                        WITH r, known WHERE NOT known
                        CREATE (r)-[:HAS_EVENT]->(:LostStolenEvent {at: $now, by: $by, kind: 'REPORTED', status: 'ACTIVE',
                                                                  reason: 'import ' + r.source})
                        RETURN r.id
                        """)
                .bindAll(CypherParams.of("rows", params, "now", now, "by", AuditLog.currentActor()))
                .fetchAs(String.class).all().stream().toList();
        lostStolen.checkImported(created);
    }
}
