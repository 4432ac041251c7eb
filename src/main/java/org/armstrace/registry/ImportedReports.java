package org.armstrace.registry;

import java.time.ZonedDateTime;
import java.util.List;
import org.armstrace.graph.CypherParams;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/** The importer's writes of lost/stolen reports ({@link ImportedRecords#writeReports}), in the caller's transaction. */
@Service
class ImportedReports {

    private final Neo4jClient neo4j;

    ImportedReports(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void write(List<ImportedRecords.Row<ImportedRecords.ReportRow>> rows, String batch) {
        ZonedDateTime now = ImportedRecords.now();
        var params = rows.stream().map(r -> CypherParams.of("id", r.id(), "firearm", r.value().firearmId(),
                "props", ImportedProperties.reportProperties(r, batch, now))).toList();
        // No creation event and no check against earlier records here: the offline first load writes the
        // same reports without either, and both loads must write the same registry (InitialLoadTests).
        // Checking imported reports waits until both paths can do it, and faster (issue 27).
        neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (f:Firearm {id: row.firearm})
                        MERGE (r:LostStolenReport {id: row.id})
                          ON CREATE SET r += row.props
                        MERGE (r)-[:CONCERNS]->(f)
                        """)
                .bind(params).to("rows").run();
    }
}
