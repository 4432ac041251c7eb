package org.armstrace.registry;

import java.util.HashSet;
import java.util.Set;
import org.armstrace.registry.ImportedRecords.Kind;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records a full extract of some source flagged as not in its latest extract ({@code notInLatestExtract},
 * see {@link ImportHistory#flagMissing}), read in bulk: a monthly re-import that knows its unchanged rows
 * from its source's manifest (the importer's {@code ExtractManifest}) sends a row naming one of these to the
 * graph, so that the record is returned and the flag lifted. Owned here because the labels are the registry's.
 */
@Service
public class FlaggedRecords {

    private final Neo4jClient neo4j;

    FlaggedRecords(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The ids of the kind's flagged records: a scan of the label (the flag has no index), once per import run. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Set<String> flagged(Kind kind) {
        // The label is one of Kind's constants, never input.
        return new HashSet<>(neo4j.query("MATCH (n:%s) WHERE n.notInLatestExtract IS NOT NULL RETURN n.id"
                        .formatted(kind.label()))
                .fetchAs(String.class).all());
    }
}
