package org.armstrace.graph;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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

    private final Path dir;
    private final Map<String, List<OfflineCsvFile>> nodeFiles = new HashMap<>();
    private final Map<String, List<OfflineCsvFile>> relationshipFiles = new HashMap<>();
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
                    if (OfflineValues.isEmptyList(v)) {
                        empty.add(k);
                    } else if (OfflineValues.isBlankList(v)) {
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
                    if (OfflineValues.isEmptyList(v) || OfflineValues.isBlankList(v)) {
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
                for (List<OfflineCsvFile> list : files.values()) {
                    for (OfflineCsvFile f : list) {
                        f.out.close();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        failed();
    }

    private void write(Map<String, List<OfflineCsvFile>> groups, List<Path> paths, String group, List<String> fixedHeader,
                       List<String> fixed, Map<String, Object> values) {
        var types = new LinkedHashMap<String, String>();
        values.forEach((k, v) -> types.put(k, OfflineValues.type(k, v)));
        List<OfflineCsvFile> files = groups.computeIfAbsent(group, g -> new ArrayList<>());
        OfflineCsvFile file = files.stream().filter(f -> f.fits(types)).findFirst().orElse(null);
        try {
            if (file == null) {
                // A wider header: the last file's columns plus this row's, so the number of files stays small.
                var columns = files.isEmpty() ? new LinkedHashMap<String, String>() : new LinkedHashMap<>(files.getLast().columns);
                types.forEach(columns::put);
                Path path = dir.resolve(safe(group) + "-" + files.size() + ".csv");
                file = new OfflineCsvFile(path, columns, fixedHeader);
                files.add(file);
                paths.add(path);
            }
            var record = new ArrayList<String>(fixed.size() + file.columns.size());
            record.addAll(fixed);
            for (String column : file.columns.keySet()) {
                Object v = values.get(column);
                record.add(v == null ? null : OfflineValues.text(column, v));
            }
            file.print(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safe(String group) {
        return group.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
