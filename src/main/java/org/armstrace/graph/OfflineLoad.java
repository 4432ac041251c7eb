package org.armstrace.graph;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.neo4j.graphdb.spatial.Point;

/**
 * Nodes and relationships written as the CSV files that {@code neo4j-admin database import full}
 * reads: the fastest way to fill an empty store. Files are streamed, never held in memory. Each
 * file has one header, inferred from the values of the rows written to it: a row whose properties
 * do not fit any open file of its labels (or type) opens a new file with a wider header, so any
 * mix of properties and types can be written.
 *
 * <p>Node ids are the new store's own ({@code --id-type=actual}): the load hands them out, from 0
 * up, and relationships name them. The importer then has no string ids to sort and look up, which
 * was a quarter of its time on S (see src/bench/README.md). A node referenced before it is written
 * (one copied from another store, say) gets its id by name from {@link #id}; every id handed out
 * must be written once, which {@link #arguments} checks. An empty list, and a list of one empty
 * string, cannot be written (both would be an empty cell, which means "no property"): such keys
 * are listed in {@link #EMPTY_LISTS} or {@link #BLANK_LISTS} on the node and restored by
 * {@link OfflineStores#finish}.
 */
public final class OfflineLoad implements Closeable {

    /** Between the elements of an array and between labels: a control character no value contains. */
    static final char ARRAY_DELIMITER = '\u001f';
    /** Node property naming the keys whose value is an empty list, restored after the import. */
    static final String EMPTY_LISTS = "__emptyLists";
    /** Node property naming the keys whose value is a list of one empty string, restored after the import. */
    static final String BLANK_LISTS = "__blankLists";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx",
            Locale.ROOT);
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS",
            Locale.ROOT);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT);

    /**
     * One open CSV file: its columns (name → type) and its writer. Every value is quoted (RFC 4180),
     * so that a value the importer would otherwise trim or read as empty comes back as it was; a
     * missing value is an empty, unquoted cell. Written by hand rather than with Commons CSV's
     * printer, which goes through an {@code Appendable} a character at a time: this is the first
     * load's innermost loop, and the quoting is all it needs.
     */
    private static final class File {
        final Path path;
        final LinkedHashMap<String, String> columns;
        final Writer out;
        private final StringBuilder line = new StringBuilder(512);
        /** Whether a value written here spans lines; only such files are read line-agnostically (slower). */
        boolean multiline;

        File(Path path, LinkedHashMap<String, String> columns, List<String> fixed) throws IOException {
            this.path = path;
            this.columns = columns;
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            var header = new ArrayList<>(fixed);
            columns.forEach((name, type) -> header.add(name + ":" + type));
            print(header);
        }

        boolean fits(Map<String, String> types) {
            for (var e : types.entrySet()) {
                if (!e.getValue().equals(columns.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        /** One record, built whole and written with one call: the writer takes a lock per call. */
        void print(List<String> record) throws IOException {
            line.setLength(0);
            for (int i = 0; i < record.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                String v = record.get(i);
                if (v != null) {
                    line.append('"');
                    int from = 0;
                    for (int j = 0; j < v.length(); j++) {
                        char c = v.charAt(j);
                        if (c == '"') {
                            line.append(v, from, j + 1).append('"');
                            from = j + 1;
                        } else if (c == '\n' || c == '\r') {
                            multiline = true;
                        }
                    }
                    line.append(v, from, v.length()).append('"');
                }
            }
            out.write(line.append('\n').toString());
        }
    }

    private final Path dir;
    private final Map<String, List<File>> nodeFiles = new HashMap<>();
    private final Map<String, List<File>> relationshipFiles = new HashMap<>();
    private final List<Path> nodePaths = new ArrayList<>();
    private final List<Path> relationshipPaths = new ArrayList<>();
    private long relationships;
    /** Ids handed out so far: the next node's id. */
    private long next;
    /** The ids of the nodes written: also how many there are. */
    private final BitSet written = new BitSet();
    private final Map<String, Long> named = new HashMap<>();

    /** Rows per hand-over to the writer thread, and hand-overs it may be behind by. */
    private static final int HANDOFF = 1_000;
    private static final List<Runnable> DONE = new ArrayList<>(0);
    private final BlockingQueue<List<Runnable>> queue = new ArrayBlockingQueue<>(64);
    private final Thread writer;
    private List<Runnable> pending = new ArrayList<>(HANDOFF);
    private volatile Throwable failure;
    private boolean closed;

    public OfflineLoad(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer = Thread.ofPlatform().name("offline-load-writer").daemon().start(this::drain);
    }

    public Path directory() {
        return dir;
    }

    /**
     * The id of a node known by name before it is written, such as one copied from another store:
     * the same name gives the same id. The node must then be written with {@link #node(long, Collection, Map)}.
     */
    public long id(String name) {
        return named.computeIfAbsent(name, n -> allocate());
    }

    /** A new node with these labels and properties; returns its id. See {@link #node(long, Collection, Map)}. */
    public long node(Collection<String> labels, Map<String, ?> properties) {
        long id = allocate();
        node(id, labels, properties);
        return id;
    }

    /**
     * The node with an id from {@link #id}, with these labels and properties; null values are left
     * out. The map is the load's from now on: it is written later, on the load's own thread, and
     * must not be changed.
     */
    public void node(long id, Collection<String> labels, Map<String, ?> properties) {
        known(id);
        if (written.get((int) id)) {
            throw new IllegalArgumentException("The node " + id + " of the offline load was written twice");
        }
        written.set((int) id);
        hand(() -> {
            var values = HashMap.<String, Object>newHashMap(properties.size() + 1);
            var empty = new ArrayList<String>();
            var blank = new ArrayList<String>();
            properties.forEach((k, v) -> {
                if (v != null) {
                    if (isEmptyList(v)) {
                        empty.add(k);
                    } else if (isBlankList(v)) {
                        blank.add(k);
                    } else {
                        values.put(k, v);
                    }
                }
            });
            if (!empty.isEmpty()) {
                values.put(EMPTY_LISTS, empty);
            }
            if (!blank.isEmpty()) {
                values.put(BLANK_LISTS, blank);
            }
            var fixed = new ArrayList<String>();
            fixed.add(Long.toString(id));
            fixed.add(String.join(String.valueOf(ARRAY_DELIMITER), labels));
            write(nodeFiles, nodePaths, "n-" + String.join("-", labels), List.of(":ID", ":LABEL"), fixed, values);
        });
    }

    private long allocate() {
        if (next == Integer.MAX_VALUE) { // the ids written are tracked in a BitSet
            throw new IllegalStateException("An offline load holds at most " + Integer.MAX_VALUE + " nodes");
        }
        return next++;
    }

    private void known(long id) {
        if (id < 0 || id >= next) {
            throw new IllegalArgumentException("The offline load handed out no node id " + id);
        }
    }

    /** A relationship between two nodes of this load, written or to be written; the map as for {@link #node}. */
    public void relationship(long startId, String type, long endId, Map<String, ?> properties) {
        known(startId);
        known(endId);
        hand(() -> {
            var values = HashMap.<String, Object>newHashMap(properties.size());
            properties.forEach((k, v) -> {
                if (v != null) {
                    if (isEmptyList(v) || isBlankList(v)) {
                        throw new IllegalArgumentException("An empty list, or a list of one empty string, on a relationship "
                                + "cannot be loaded: " + type + "." + k);
                    }
                    values.put(k, v);
                }
            });
            write(relationshipFiles, relationshipPaths, "r-" + type, List.of(":START_ID", ":END_ID", ":TYPE"),
                    List.of(Long.toString(startId), Long.toString(endId), type), values);
        });
        relationships++;
    }

    /**
     * Queues one row for the writer thread, in batches. Formatting and printing the CSV is a third of
     * a first load's matching thread otherwise; on its own thread it runs beside the matching. A
     * failure there (a value that cannot be written, a full disk) is thrown by the next call.
     */
    private void hand(Runnable row) {
        failed();
        pending.add(row);
        if (pending.size() == HANDOFF) {
            put(pending);
            pending = new ArrayList<>(HANDOFF);
        }
    }

    private void put(List<Runnable> rows) {
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the offline load", e);
        }
    }

    private void drain() {
        try {
            while (true) {
                List<Runnable> rows = queue.take();
                if (rows == DONE) {
                    return;
                }
                if (failure == null) {
                    try {
                        rows.forEach(Runnable::run);
                    } catch (RuntimeException | Error e) {
                        failure = e; // and keep taking, so that the caller never waits on a full queue
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed() {
        Throwable f = failure;
        if (f != null) {
            throw new OfflineStores.ImportFailed("The files for the offline import could not be written: " + f.getMessage(), f);
        }
    }

    public long nodes() {
        return written.cardinality();
    }

    public long relationships() {
        return relationships;
    }

    /** Whether any node has a list to restore after the import (see {@link #EMPTY_LISTS}); after {@link #close}. */
    public boolean hasListsToRestore() {
        return nodeFiles.values().stream().flatMap(List::stream)
                .anyMatch(f -> f.columns.containsKey(EMPTY_LISTS) || f.columns.containsKey(BLANK_LISTS));
    }

    /**
     * The admin tool's arguments for these files (after {@code database import full <db>}); after
     * {@link #close}. Refused when an id was handed out and its node never written: a relationship to
     * it would point at nothing.
     */
    public List<String> arguments() {
        if (written.cardinality() != next) {
            throw new OfflineStores.ImportFailed("The offline load has " + (next - written.cardinality())
                    + " node ids with no node written, the first " + written.nextClearBit(0));
        }
        var args = new ArrayList<String>();
        args.add("--id-type=actual");
        nodePaths.forEach(p -> args.add("--nodes=" + p));
        relationshipPaths.forEach(p -> args.add("--relationships=" + p));
        args.add("--array-delimiter=" + ARRAY_DELIMITER);
        // A file that may hold a line break inside a value has to be read by one thread from its start;
        // the others are split between the importer's threads, which is much of its speed.
        args.add("--path-pattern-style=none");
        List<String> multiline = multilineFiles();
        if (multiline.isEmpty()) {
            args.add("--multiline-fields=false");
        } else if (multiline.stream().anyMatch(p -> p.contains(","))) {
            args.add("--multiline-fields=true"); // the list cannot name such a path: every file is read as multiline
        } else {
            args.add("--multiline-fields-format=v2");
            args.add("--multiline-fields=" + String.join(",", multiline));
        }
        return args;
    }

    private List<String> multilineFiles() {
        var out = new ArrayList<String>();
        for (var files : List.of(nodeFiles, relationshipFiles)) {
            files.values().forEach(list -> list.stream().filter(f -> f.multiline).forEach(f -> out.add(f.path.toString())));
        }
        return out;
    }

    /** Writes what is still queued and closes the files; throws what the writer thread failed with. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        put(pending);
        put(DONE);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the offline load", e);
        }
        try {
            for (var files : List.of(nodeFiles, relationshipFiles)) {
                for (List<File> list : files.values()) {
                    for (File f : list) {
                        f.out.close();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        failed();
    }

    private void write(Map<String, List<File>> groups, List<Path> paths, String group, List<String> fixedHeader,
                       List<String> fixed, Map<String, Object> values) {
        var types = new LinkedHashMap<String, String>();
        values.forEach((k, v) -> types.put(k, type(k, v)));
        List<File> files = groups.computeIfAbsent(group, g -> new ArrayList<>());
        File file = files.stream().filter(f -> f.fits(types)).findFirst().orElse(null);
        try {
            if (file == null) {
                // A wider header: the last file's columns plus this row's, so the number of files stays small.
                var columns = files.isEmpty() ? new LinkedHashMap<String, String>() : new LinkedHashMap<>(files.getLast().columns);
                types.forEach(columns::put);
                Path path = dir.resolve(safe(group) + "-" + files.size() + ".csv");
                file = new File(path, columns, fixedHeader);
                files.add(file);
                paths.add(path);
            }
            var record = new ArrayList<String>(fixed.size() + file.columns.size());
            record.addAll(fixed);
            for (String column : file.columns.keySet()) {
                Object v = values.get(column);
                record.add(v == null ? null : text(column, v));
            }
            file.print(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safe(String group) {
        return group.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The elements of a list or an array (Neo4j's arrays arrive as Java arrays); null for a single value. */
    private static List<?> elements(Object v) {
        if (v instanceof Collection<?> c) {
            return List.copyOf(c);
        }
        if (v.getClass().isArray()) {
            var list = new ArrayList<>(Array.getLength(v));
            for (int i = 0; i < Array.getLength(v); i++) {
                list.add(Array.get(v, i));
            }
            return list;
        }
        return null;
    }

    private static boolean isEmptyList(Object v) {
        List<?> list = elements(v);
        return list != null && list.isEmpty();
    }

    private static boolean isBlankList(Object v) {
        List<?> list = elements(v);
        return list != null && list.size() == 1 && "".equals(list.getFirst());
    }

    /** The admin tool's type name for a value: {@code string}, {@code long}, … and {@code long[]} for arrays. */
    static String type(String key, Object v) {
        List<?> list = elements(v);
        return list == null ? scalarType(key, v) : scalarType(key, list.getFirst()) + "[]";
    }

    /** Numbers are written as Cypher stores them (long, double), so staged values match the Cypher path's. */
    private static String scalarType(String key, Object v) {
        return switch (v) {
            case String s -> "string";
            case Character c -> "string";
            case Long l -> "long";
            case Integer i -> "long";
            case Short s -> "long";
            case Byte b -> "long";
            case Double d -> "double";
            case Float f -> "double";
            case Boolean b -> "boolean";
            case LocalDate d -> "date";
            case ZonedDateTime t -> "datetime";
            case OffsetDateTime t -> "datetime";
            case LocalDateTime t -> "localdatetime";
            case LocalTime t -> "localtime";
            case OffsetTime t -> "time";
            case Point p -> "point";
            case TemporalAmount d -> "duration";
            default -> throw new IllegalArgumentException("A " + v.getClass().getName() + " (" + key
                    + ") cannot be written for the offline import");
        };
    }

    private static String text(String key, Object v) {
        List<?> list = elements(v);
        if (list == null) {
            return scalar(v);
        }
        var parts = new ArrayList<String>(list.size());
        for (Object e : list) {
            String part = scalar(e);
            if (part.indexOf(ARRAY_DELIMITER) >= 0) {
                throw new IllegalArgumentException("A list element of " + key + " cannot be written for the offline import");
            }
            parts.add(part);
        }
        return String.join(String.valueOf(ARRAY_DELIMITER), parts);
    }

    private static String scalar(Object v) {
        return switch (v) {
            case ZonedDateTime t -> t.getZone() instanceof ZoneOffset ? DATE_TIME.format(t)
                    : DATE_TIME.format(t) + "[" + t.getZone().getId() + "]";
            case OffsetDateTime t -> DATE_TIME.format(t);
            case LocalDateTime t -> LOCAL_DATE_TIME.format(t);
            case LocalTime t -> LOCAL_TIME.format(t);
            case OffsetTime t -> TIME.format(t);
            case Point p -> point(p);
            default -> String.valueOf(v);
        };
    }

    private static String point(Point p) {
        double[] c = p.getCoordinate().getCoordinate();
        String crs = p.getCRS().getType();
        return c.length == 3
                ? "{crs:'%s', x:%s, y:%s, z:%s}".formatted(crs, c[0], c[1], c[2])
                : "{crs:'%s', x:%s, y:%s}".formatted(crs, c[0], c[1]);
    }
}
