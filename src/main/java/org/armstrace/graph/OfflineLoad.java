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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.neo4j.graphdb.spatial.Point;

/**
 * Nodes and relationships written as the CSV files that {@code neo4j-admin database import full}
 * reads: the fastest way to fill an empty store. Files are streamed, never held in memory. Each
 * file has one header, inferred from the values of the rows written to it: a row whose properties
 * do not fit any open file of its labels (or type) opens a new file with a wider header, so any
 * mix of properties and types can be written.
 *
 * <p>All nodes share one id space; callers choose ids that are unique across labels. An empty list
 * cannot be written (an empty cell means "no property"): such keys are listed in
 * {@link #EMPTY_LISTS} on the node and restored by {@link OfflineStores#finish}.
 */
public final class OfflineLoad implements Closeable {

    /** Between the elements of an array and between labels: a control character no value contains. */
    static final char ARRAY_DELIMITER = '\u001f';
    /** Node property naming the keys whose value is an empty list, restored after the import. */
    static final String EMPTY_LISTS = "__emptyLists";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx",
            Locale.ROOT);
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS",
            Locale.ROOT);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setRecordSeparator('\n').get();

    /** One open CSV file: its columns (name → type) and its printer. */
    private static final class File {
        final Path path;
        final LinkedHashMap<String, String> columns;
        final CSVPrinter printer;

        File(Path path, LinkedHashMap<String, String> columns, List<String> fixed) throws IOException {
            this.path = path;
            this.columns = columns;
            Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(out, FORMAT);
            var header = new ArrayList<>(fixed);
            columns.forEach((name, type) -> header.add(name + ":" + type));
            printer.printRecord(header);
        }

        boolean fits(Map<String, String> types) {
            for (var e : types.entrySet()) {
                if (!e.getValue().equals(columns.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Path dir;
    private final Map<String, List<File>> nodeFiles = new HashMap<>();
    private final Map<String, List<File>> relationshipFiles = new HashMap<>();
    private final List<Path> nodePaths = new ArrayList<>();
    private final List<Path> relationshipPaths = new ArrayList<>();
    private long nodes;
    private long relationships;

    public OfflineLoad(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** A node with these labels and properties; null values are left out. */
    public void node(String id, Collection<String> labels, Map<String, ?> properties) {
        var values = new TreeMap<String, Object>();
        var empty = new ArrayList<String>();
        properties.forEach((k, v) -> {
            if (v != null) {
                if (isEmptyList(v)) {
                    empty.add(k);
                } else {
                    values.put(k, v);
                }
            }
        });
        if (!empty.isEmpty()) {
            values.put(EMPTY_LISTS, empty);
        }
        var fixed = new ArrayList<String>();
        fixed.add(id);
        fixed.add(String.join(String.valueOf(ARRAY_DELIMITER), labels));
        write(nodeFiles, nodePaths, "n-" + String.join("-", labels), List.of(":ID", ":LABEL"), fixed, values);
        nodes++;
    }

    /** A relationship between two nodes written (or to be written) with these ids. */
    public void relationship(String startId, String type, String endId, Map<String, ?> properties) {
        var values = new TreeMap<String, Object>();
        properties.forEach((k, v) -> {
            if (v != null) {
                if (isEmptyList(v)) {
                    throw new IllegalArgumentException("An empty list on a relationship cannot be loaded: " + type + "." + k);
                }
                values.put(k, v);
            }
        });
        write(relationshipFiles, relationshipPaths, "r-" + type, List.of(":START_ID", ":END_ID", ":TYPE"),
                List.of(startId, endId, type), values);
        relationships++;
    }

    public long nodes() {
        return nodes;
    }

    public long relationships() {
        return relationships;
    }

    /** The admin tool's arguments for these files (after {@code database import full <db>}). */
    public List<String> arguments() {
        var args = new ArrayList<String>();
        nodePaths.forEach(p -> args.add("--nodes=" + p));
        relationshipPaths.forEach(p -> args.add("--relationships=" + p));
        args.add("--array-delimiter=" + ARRAY_DELIMITER);
        args.add("--multiline-fields=true");
        return args;
    }

    @Override
    public void close() {
        try {
            for (var files : List.of(nodeFiles, relationshipFiles)) {
                for (List<File> list : files.values()) {
                    for (File f : list) {
                        f.printer.close();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            file.printer.printRecord(record);
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
            if (part.indexOf(ARRAY_DELIMITER) >= 0 || part.isEmpty()) {
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
