package org.armstrace.graph;

import java.lang.reflect.Array;
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
import java.util.List;
import java.util.Locale;
import org.neo4j.graphdb.spatial.Point;

/**
 * How {@link OfflineLoad} writes one property value into a cell of the admin tool's CSV: the
 * column type it declares ({@code long}, {@code date[]}, …) and the text it reads back as the same
 * value. Kept apart from the load's files and writer thread because it is pure: a value in, a
 * string out, the same on any thread.
 */
final class OfflineValues {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx",
            Locale.ROOT);
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS",
            Locale.ROOT);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT);

    private OfflineValues() {
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

    static boolean isEmptyList(Object v) {
        List<?> list = elements(v);
        return list != null && list.isEmpty();
    }

    static boolean isBlankList(Object v) {
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

    static String text(String key, Object v) {
        List<?> list = elements(v);
        if (list == null) {
            return scalar(v);
        }
        var parts = new ArrayList<String>(list.size());
        for (Object e : list) {
            String part = scalar(e);
            if (part.indexOf(OfflineLoad.ARRAY_DELIMITER) >= 0) {
                throw new IllegalArgumentException("A list element of " + key + " cannot be written for the offline import");
            }
            parts.add(part);
        }
        return String.join(String.valueOf(OfflineLoad.ARRAY_DELIMITER), parts);
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
