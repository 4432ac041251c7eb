package org.armstrace.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/** The full-text indexes' Lucene segments on disk, and the throwaway writes that start their writers' merges. */
final class FullTextSegments {

    private FullTextSegments() {
    }

    /** Segments of every full-text index of the store's database: one {@code .si} file each. */
    static int count(Path storeDir, String database) {
        Path indexDirectory = OfflineStores.databaseDirectory(storeDir, database).resolve("schema").resolve("index");
        if (!Files.isDirectory(indexDirectory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(indexDirectory)) {
            return (int) files.filter(p -> p.toString().contains("fulltext") && p.toString().endsWith(".si")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes to each full-text index of the database once, then shuts the DBMS down, which waits for the merges that started. */
    static void merge(DatabaseManagementService dbms, String database) {
        try {
            GraphDatabaseService db = dbms.database(database);
            List<Index> fullText = db.executeTransactionally(
                    "SHOW FULLTEXT INDEXES YIELD entityType, labelsOrTypes, properties", Map.of(),
                    r -> r.stream().map(Index::of).toList());
            var touched = new ArrayList<Touched>();
            try (Transaction tx = db.beginTx()) {
                fullText.forEach(i -> touched.add(i.touch(tx)));
                tx.commit();
            }
            try (Transaction tx = db.beginTx()) {
                touched.forEach(t -> delete(tx, t));
                tx.commit();
            }
        } finally {
            dbms.shutdown();
        }
    }

    /** A full-text index as {@code SHOW FULLTEXT INDEXES} describes it. */
    record Index(boolean relationships, String labelOrType, List<String> properties) {

        @SuppressWarnings("unchecked")
        static Index of(Map<String, Object> row) {
            return new Index("RELATIONSHIP".equals(row.get("entityType")),
                    ((List<String>) row.get("labelsOrTypes")).getFirst(), (List<String>) row.get("properties"));
        }

        /** Creates an entity this index holds; returns what {@link #delete} needs to remove it again. */
        Touched touch(Transaction tx) {
            Entity entity = relationships
                    ? tx.createNode().createRelationshipTo(tx.createNode(), RelationshipType.withName(labelOrType))
                    : tx.createNode(Label.label(labelOrType));
            properties.forEach(p -> entity.setProperty(p, "settle"));
            return new Touched(relationships, entity.getElementId());
        }
    }

    record Touched(boolean relationship, String elementId) {
    }

    private static void delete(Transaction tx, Touched touched) {
        if (touched.relationship()) {
            Relationship r = tx.getRelationshipByElementId(touched.elementId());
            Node start = r.getStartNode();
            Node end = r.getEndNode();
            r.delete();
            start.delete();
            end.delete();
        } else {
            tx.getNodeByElementId(touched.elementId()).delete();
        }
    }
}
