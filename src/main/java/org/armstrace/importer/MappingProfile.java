package org.armstrace.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.armstrace.base.Sha256;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the columns of one kind of extract become registry records: the kind of record each row
 * is, how the file is read, and per column the target field with its transformations. Profiles
 * are JSON files in {@code import/mappings/} (see {@code import/README.md}); edited copies are
 * saved in the graph as new versions.
 *
 * @param dateFormats {@link DateTimeFormatter} patterns tried in order for every
 *                    date column; empty means the defaults of {@link Values#DEFAULT_DATE_FORMATS}
 * @param nameOrder   how a {@code person.fullName} column is written
 * @param full        each extract is the source's whole register, not a part of it: a record this source
 *                    sent before and the latest extract lacks is flagged "not in the latest extract"
 */
public record MappingProfile(String name, String description, RecordKind kind, Format format, List<Column> columns,
                             List<String> dateFormats, NameOrder nameOrder, String organisationKind, boolean full) {

    public enum NameOrder { FAMILY_FIRST, GIVEN_FIRST }

    /**
     * @param type      CSV, XLSX, or AUTO (by content)
     * @param encoding  "auto" or a charset name (a declared encoding always wins)
     * @param delimiter "auto" or the delimiter; "\t" for tab
     * @param sheet     the worksheet to read (XLSX); blank means the first visible one
     * @param headerRow the line or row (1-based) that holds the column names
     */
    public record Format(String type, String encoding, String delimiter, String sheet, int headerRow) {
        public Format {
            type = type == null || type.isBlank() ? "AUTO" : type.strip().toUpperCase(Locale.ROOT);
            encoding = encoding == null || encoding.isBlank() ? "auto" : encoding.strip();
            delimiter = delimiter == null || delimiter.isEmpty() ? "auto" : delimiter;
            headerRow = Math.max(1, headerRow);
        }
    }

    /**
     * @param header     the column's name in the file's header (matched ignoring case, spaces and diacritics)
     * @param target     the field it fills
     * @param transforms applied in order: upper, lower, digits, alnum, before:SEP, after:SEP, part:SEP:INDEX
     * @param values     replacements applied after the transforms (e.g. "P" to "pistol"), keys ignoring case
     * @param fallback   used when the cell is empty
     */
    public record Column(String header, String target, List<String> transforms, Map<String, String> values,
                         String fallback) {
        public Column {
            transforms = transforms == null ? List.of() : List.copyOf(transforms);
            // Sorted: Map.copyOf iterates in an order that changes from one JVM to the next, and with it
            // the JSON and the hash that tells a repeated import from a new one.
            values = values == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
        }

        public Target field() {
            return Target.of(target).orElseThrow(() -> new ProfileInvalid("import.profile.unknown-target", target));
        }
    }

    /** A profile that cannot be used, with the reason as a translation key and its argument. */
    public static class ProfileInvalid extends RuntimeException {
        private final String key;
        private final String argument;

        public ProfileInvalid(String key, String argument) {
            super(key + ": " + argument);
            this.key = key;
            this.argument = argument;
        }

        public String key() {
            return key;
        }

        public String argument() {
            return argument;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public MappingProfile {
        columns = columns == null ? List.of() : List.copyOf(columns);
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
        format = format == null ? new Format(null, null, null, null, 1) : format;
        nameOrder = nameOrder == null ? NameOrder.FAMILY_FIRST : nameOrder;
    }

    /** This profile, saying whether its extracts are full ones. */
    public MappingProfile withFull(boolean isFull) {
        return new MappingProfile(name, description, kind, format, columns, dateFormats, nameOrder, organisationKind, isFull);
    }

    /** Reads and checks a profile; a broken one is refused with the reason. */
    public static MappingProfile parse(String json) {
        MappingProfile p;
        try {
            p = JSON.readValue(json, MappingProfile.class);
        } catch (JacksonException e) {
            throw new ProfileInvalid("import.profile.not-json", e.getOriginalMessage());
        }
        if (p == null) {
            throw new ProfileInvalid("import.profile.not-json", "");
        }
        p.check();
        return p;
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** Identifies the profile's content: the same file with a changed profile is a new import. */
    public String hash() {
        return Sha256.hex(toJson().getBytes(StandardCharsets.UTF_8));
    }

    public Set<Target> targets() {
        var set = new HashSet<Target>();
        columns.forEach(c -> set.add(c.field()));
        return set;
    }

    void check() {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
            throw new ProfileInvalid("import.profile.bad-name", String.valueOf(name));
        }
        if (kind == null) {
            throw new ProfileInvalid("import.profile.no-kind", name);
        }
        if (!Set.of("AUTO", "CSV", "XLSX").contains(format.type())) {
            throw new ProfileInvalid("import.profile.bad-format", format.type());
        }
        if (!format.encoding().equalsIgnoreCase("auto")) {
            try {
                Charset.forName(format.encoding());
            } catch (RuntimeException e) {
                throw new ProfileInvalid("import.profile.bad-encoding", format.encoding());
            }
        }
        var headers = new HashSet<String>();
        for (Column c : columns) {
            if (c.header() == null || c.header().isBlank()) {
                throw new ProfileInvalid("import.profile.blank-header", c.target());
            }
            if (!headers.add(Values.headerKey(c.header()))) {
                throw new ProfileInvalid("import.profile.duplicate-header", c.header());
            }
            c.field();
            c.transforms().forEach(Values::checkTransform);
        }
        for (String pattern : dateFormats) {
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                throw new ProfileInvalid("import.profile.bad-date-format", pattern);
            }
        }
        Set<Target> mapped = targets();
        if (kind.required().stream().noneMatch(mapped::containsAll)) {
            var missing = new ArrayList<String>();
            kind.required().getFirst().stream().filter(t -> !mapped.contains(t)).forEach(t -> missing.add(t.key()));
            throw new ProfileInvalid("import.profile.missing-targets", String.join(", ", missing));
        }
    }
}
