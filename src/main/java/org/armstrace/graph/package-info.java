/**
 * The Neo4j connection: embedded (with Bolt on loopback) or external, schema migrations from
 * {@code graph-model/migrations}, Cypher parameter helpers and the offline store builder of the first load.
 * Owns no label.
 */
@ApplicationModule(displayName = "Graph database")
package org.armstrace.graph;

import org.springframework.modulith.ApplicationModule;
