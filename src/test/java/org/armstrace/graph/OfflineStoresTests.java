package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.kernel.api.impl.index.lucene.LuceneSettings;

/** A store copied through neo4j-admin's CSV files comes back with every value, type and index it had. */
class OfflineStoresTests {

    private static final long PAGE_CACHE = 32L << 20;

    @TempDir
    Path temp;

    @Test
    void a_copied_store_has_the_same_nodes_relationships_values_and_schema() {
        Path source = temp.resolve("source");
        Path target = temp.resolve("target");
        var load = new OfflineLoad(temp.resolve("load"));
        OfflineStores.Schema schema;
        String before;
        DatabaseManagementService dbms = EmbeddedGraphConfiguration.builder(source, PAGE_CACHE).build();
        try {
            GraphDatabaseService db = dbms.database("neo4j");
            db.executeTransactionally("CREATE CONSTRAINT thing_id FOR (t:Thing) REQUIRE t.id IS UNIQUE");
            db.executeTransactionally("CREATE INDEX thing_name FOR (t:Thing) ON (t.name)");
            db.executeTransactionally("CREATE FULLTEXT INDEX thing_text FOR (t:Thing) ON EACH [t.name]");
            db.executeTransactionally("""
                    CREATE (a:Thing:Other {id: 'a', name: 'Dragan, "Gashi"\nsecond line', count: 42, ratio: 0.25,
                                           yes: true, born: $born, at: $at, zoned: $zoned, local: $local,
                                           aliases: ['x', 'y;z', 'ç'], gaps: ['', 'a', '', ''], blank: [''], none: [], numbers: [1, 2], place: point({longitude: 20.9, latitude: 42.6})})
                    CREATE (b:Thing {id: 'b', name: ''})
                    CREATE (a)-[:LINKS {since: $born, weight: 3}]->(b)
                    """, Map.of("born", LocalDate.of(1970, 2, 3), "at", ZonedDateTime.of(2026, 11, 24, 15, 0, 0, 123_456_789, ZoneOffset.UTC),
                    "zoned", ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, ZoneId.of("Europe/Belgrade")),
                    "local", LocalDateTime.of(2026, 1, 1, 0, 0)));
            before = dump(db);
            schema = OfflineStores.copy(db, load);
        } finally {
            dbms.shutdown();
        }
        load.close();
        assertThat(load.nodes()).isEqualTo(2);
        assertThat(load.relationships()).isEqualTo(1);

        OfflineStores.importFull(target, "neo4j", load, false, 1, "64M");
        OfflineStores.finish(target, "neo4j", PAGE_CACHE, schema, load);

        dbms = EmbeddedGraphConfiguration.builder(target, PAGE_CACHE).build();
        try {
            GraphDatabaseService db = dbms.database("neo4j");
            assertThat(dump(db)).isEqualTo(before);
            List<String> indexes = db.executeTransactionally(
                    "SHOW INDEXES YIELD name, state WHERE name STARTS WITH 'thing' RETURN name + ' ' + state AS i ORDER BY i",
                    Map.of(), r -> r.stream().map(m -> (String) m.get("i")).toList());
            assertThat(indexes).containsExactly("thing_id ONLINE", "thing_name ONLINE", "thing_text ONLINE");
            assertThatThrownBy(() -> db.executeTransactionally("CREATE (:Thing {id: 'a'})"))
                    .hasMessageContaining("already exists");
        } finally {
            dbms.shutdown();
        }
    }

    @Test
    void a_load_into_a_store_that_exists_is_refused_and_leaves_it_as_it_was() throws Exception {
        Path target = temp.resolve("target");
        DatabaseManagementService dbms = EmbeddedGraphConfiguration.builder(target, PAGE_CACHE).build();
        dbms.database("neo4j").executeTransactionally("CREATE (:Kept {id: 1})");
        dbms.shutdown();
        var load = new OfflineLoad(temp.resolve("load"));
        load.node(List.of("New"), Map.of("id", 2L));
        load.close();

        assertThatThrownBy(() -> OfflineStores.importFull(target, "neo4j", load, false, 1, "64M"))
                .isInstanceOf(OfflineStores.ImportFailed.class);
        assertThat(Files.isDirectory(OfflineStores.databaseDirectory(target, "neo4j"))).isTrue();
        dbms = EmbeddedGraphConfiguration.builder(target, PAGE_CACHE).build();
        try {
            assertThat(dump(dbms.database("neo4j"))).contains("Kept").doesNotContain("New");
        } finally {
            dbms.shutdown();
        }
    }

    @Test
    @Timeout(60)
    void a_value_the_files_cannot_carry_fails_the_load_with_a_clear_error_and_no_later_row_hangs() {
        var load = new OfflineLoad(temp.resolve("load"));
        load.node(List.of("Thing"), Map.of("id", "a", "odd", new StringBuilder("not a property type")));
        // The writer thread has failed; rows keep being accepted or refused, but never block the caller.
        assertThatThrownBy(() -> {
            for (int i = 0; i < 200_000; i++) {
                load.node(List.of("Thing"), Map.of("id", "n" + i));
            }
            load.close();
        }).isInstanceOf(OfflineStores.ImportFailed.class).hasMessageContaining("odd");
    }

    @Test
    void a_relationship_to_a_node_id_the_load_never_handed_out_is_refused() {
        var load = new OfflineLoad(temp.resolve("load"));
        long a = load.node(List.of("Thing"), Map.of("id", "a"));
        assertThatThrownBy(() -> load.relationship(a, "LINKS", a + 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no node id " + (a + 1));
        assertThatThrownBy(() -> load.node(a, List.of("Thing"), Map.of("id", "again")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("written twice");
        load.close();
        assertThat(load.nodes()).isEqualTo(1);
        assertThat(load.relationships()).isZero();
    }

    @Test
    void a_load_with_a_named_node_never_written_is_refused_before_the_import() {
        var load = new OfflineLoad(temp.resolve("load"));
        long named = load.id("copied:4:x:1");
        assertThat(load.id("copied:4:x:1")).isEqualTo(named);
        long a = load.node(List.of("Thing"), Map.of("id", "a"));
        load.relationship(a, "LINKS", named, Map.of());
        load.close();
        assertThatThrownBy(load::arguments).isInstanceOf(OfflineStores.ImportFailed.class)
                .hasMessageContaining("1 node ids with no node written, the first " + named);
    }

    @Test
    void full_text_indexes_left_in_many_segments_are_merged_as_the_running_database_would_and_stay_so() {
        Path store = temp.resolve("store");
        // Flushing every ten documents and merging fifty segments at a time leaves one segment per ten weapons,
        // as the first load's population leaves one per buffer.
        DatabaseManagementService dbms = EmbeddedGraphConfiguration.builder(store, PAGE_CACHE)
                .setConfig(LuceneSettings.lucene_merge_factor, 50)
                .setConfig(LuceneSettings.lucene_writer_max_buffered_docs, 10).build();
        try {
            GraphDatabaseService db = dbms.database("neo4j");
            db.executeTransactionally("CREATE FULLTEXT INDEX thing_text FOR (t:Thing) ON EACH [t.name]");
            db.executeTransactionally("CREATE FULLTEXT INDEX link_text FOR ()-[l:LINKS]-() ON EACH [l.note]");
            db.executeTransactionally("CALL db.awaitIndexes(60)");
            db.executeTransactionally("""
                    UNWIND range(1, 400) AS i
                    CREATE (a:Thing {name: 'thing ' + i})-[:LINKS {note: 'link ' + i}]->(:Thing {name: 'other ' + i})
                    """);
        } finally {
            dbms.shutdown();
        }
        int left = FullTextSegments.count(store, "neo4j");
        assertThat(left).isGreaterThan(50);

        OfflineStores.Segments first = OfflineStores.settleFullTextIndexes(store, "neo4j", PAGE_CACHE);
        OfflineStores.Segments again = OfflineStores.settleFullTextIndexes(store, "neo4j", PAGE_CACHE);

        assertThat(first.before()).isEqualTo(left);
        assertThat(first.after()).isLessThan(left / 5);
        assertThat(again.after()).as("nothing is left for the running database to merge").isEqualTo(first.after());
        dbms = EmbeddedGraphConfiguration.builder(store, PAGE_CACHE).build();
        try {
            GraphDatabaseService db = dbms.database("neo4j");
            assertThat(count(db, "MATCH (n) RETURN count(n) AS c")).as("the throwaway entities are gone").isEqualTo(800);
            assertThat(count(db, "CALL db.index.fulltext.queryNodes('thing_text', 'settle') YIELD node RETURN count(node) AS c"))
                    .isZero();
            assertThat(count(db, "CALL db.index.fulltext.queryRelationships('link_text', 'link') YIELD relationship "
                    + "RETURN count(relationship) AS c")).isEqualTo(400);
        } finally {
            dbms.shutdown();
        }
    }

    private static long count(GraphDatabaseService db, String query) {
        return db.executeTransactionally(query, Map.of(), r -> (Long) r.next().get("c"));
    }

    /** Every node and relationship with labels, type and properties (values with their Java types), sorted. */
    private static String dump(GraphDatabaseService db) {
        return db.executeTransactionally("MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n, r, m", Map.of(), result -> {
            var lines = new TreeSet<String>();
            result.forEachRemaining(row -> {
                var n = (Node) row.get("n");
                lines.add("node " + n.getLabels() + " " + props(n.getAllProperties()));
                var r = (Relationship) row.get("r");
                if (r != null) {
                    lines.add("rel " + r.getStartNode().getProperty("id") + " " + r.getType().name() + " "
                            + r.getEndNode().getProperty("id") + " " + props(r.getAllProperties()));
                }
            });
            return String.join("\n", lines);
        });
    }

    private static String props(Map<String, Object> properties) {
        var sorted = new TreeMap<String, String>();
        properties.forEach((k, v) -> sorted.put(k, (v.getClass().isArray() ? Arrays.deepToString(new Object[]{v})
                : String.valueOf(v)) + ":" + v.getClass().getSimpleName()));
        return sorted.toString();
    }
}
