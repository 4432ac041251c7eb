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
        // No creation event and no check against earlier records here: both load paths end with them
        // (LostStolenCheck.checkImported, for every report without a history), since the offline first
        // load cannot search its staged records and both loads must write the same registry (InitialLoadTests).
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
