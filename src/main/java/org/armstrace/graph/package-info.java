/**
 * The Neo4j connection: embedded (with Bolt on loopback) or external, schema migrations from
 * {@code graph-model/migrations}, Cypher parameter helpers, the offline store builder of the first load,
 * and the embedded store's files for backup and restore (lock check, counts, neo4j-admin dump and load).
 * Owns no label.
 */
@ApplicationModule(displayName = "Graph database")
package org.armstrace.graph;

import org.springframework.modulith.ApplicationModule;
