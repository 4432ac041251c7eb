package org.armstrace.tracing;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/**
 * The spreadsheet channel for partners' trace requests: the XLSX template we publish, one request per
 * row, and the reader that checks a filled copy and names each problem by its cell.
 *
 * <p>The reader only vouches for the workbook's shape and for what a single cell can get wrong. Whether a
 * row carries what the International Tracing Instrument requires, and whether its country exists, is the
 * trace service's call; it points at cells with {@link Row#cell(Column)}.
 */
public final class TraceWorkbook {

    /** Name of the sheet that holds the requests. */
    public static final String SHEET = "Requests";
    /** Most requests one workbook may carry. */
    public static final int MAX_ROWS = 500;
    /** Largest workbook accepted, as uploaded. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Most bytes all parts of a workbook may inflate to together. */
    public static final long MAX_UNCOMPRESSED = 50L * 1024 * 1024;

    static final List<String> PRIORITIES = List.of("URGENT", "PRIORITY", "ROUTINE");

    private TraceWorkbook() {
    }

    /** The columns of the requests sheet, in the order the template has them. */
    public enum Column {
        REQUESTING_COUNTRY("Requesting country", "Two-letter ISO 3166-1 code of your country, e.g. AL, RS, DE.", false),
        PARTNER_REFERENCE("Your reference", "Your own case or file number, so that our answer can be matched to it.",
                false),
        PRIORITY("Priority", "URGENT, PRIORITY or ROUTINE. Leave blank for ROUTINE.", false),
        WEAPON_TYPE("Weapon type", "Pistol, revolver, rifle, shotgun, submachine gun, machine gun, ...", false),
        MAKE("Make", "Manufacturer as marked on the weapon. Required.", false),
        MODEL("Model", "Model as marked on the weapon.", false),
        CALIBRE("Calibre", "Calibre as marked, e.g. 9x19 mm, 7.62x39 mm, .45 ACP.", false),
        SERIAL("Serial number", "Serial number exactly as marked, with its letters and leading zeros. Required.",
                false),
        COUNTRY_OF_MANUFACTURE("Country of manufacture", "Country where the weapon was made, as marked or known.", false),
        WHY_ILLICIT("Why the weapon is considered illicit",
                "Why the weapon is considered illicit, e.g. found at a crime scene, no licence, serial number "
                        + "altered. Required.", true),
        LEGAL_BASIS("Legal basis", "The law or agreement under which you ask, e.g. the International Tracing "
                + "Instrument, a bilateral agreement, a mutual legal assistance request. Required.", true),
        INTENDED_USE("Intended use of the information",
                "What the answer will be used for, e.g. a criminal investigation or prosecution. Required.", true),
        CIRCUMSTANCES("Circumstances of the recovery", "When, where and how the weapon was recovered or seized.", true),
        // The person found with the weapon, if known: matched against the people already recorded. Optional
        // columns: a workbook made from the earlier template, without them, is still read.
        PERSON_GIVEN_NAME("Person's given name", "Given name of the person found with the weapon, if known.", false, true),
        PERSON_FAMILY_NAME("Person's family name", "Family name of that person. Required when a given name is.", false,
                true),
        PERSON_BIRTH_DATE("Person's date of birth", "Date of birth as YYYY-MM-DD, if known.", false, true),
        PERSON_BIRTH_PLACE("Person's place of birth", "Place of birth, if known.", false, true),
        PERSON_NATIONAL_ID("Person's personal number", "Personal identification number, if known.", false, true);

        private final String header;
        private final String description;
        private final boolean longText;
        private final boolean optional;

        Column(String header, String description, boolean longText) {
            this(header, description, longText, false);
        }

        Column(String header, String description, boolean longText, boolean optional) {
            this.header = header;
            this.description = description;
            this.longText = longText;
            this.optional = optional;
        }

        /** A column an earlier template lacked: a workbook without it (blank header) is still read. */
        boolean optional() {
            return optional;
        }

        /** The header text in row 1 of the template. */
        public String header() {
            return header;
        }

        /** What belongs in the column; the header cell's comment in the template. */
        public String description() {
            return description;
        }

        /** Most characters a cell of the column may hold. */
        public int maxLength() {
            return longText ? 8_000 : 200;
        }

        boolean longText() {
            return longText;
        }

        int width() {
            return longText ? 48 : Math.max(18, header.length() + 2);
        }
    }

    static final Column[] COLUMNS = Column.values();

    /** A date as a partner types it: YYYY-MM-DD, or DD.MM.YYYY as the region writes it; null when it is neither. */
    static LocalDate date(String text) {
        for (String pattern : List.of("uuuu-MM-dd", "d.M.uuuu")) {
            try {
                return LocalDate.parse(text.strip(), DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // the next pattern
            }
        }
        return null;
    }

    /**
     * One request as read from the sheet.
     *
     * @param rowNumber the row as Excel numbers it, counting from 1 (the header is row 1)
     * @param values    the non-blank cells, stripped; country and priority in upper case
     */
    public record Row(int rowNumber, Map<Column, String> values) {

        public Row {
            var copy = new EnumMap<Column, String>(Column.class);
            copy.putAll(values);
            values = Collections.unmodifiableMap(copy);
        }

        /** The cell's text, stripped, or null when it is blank. */
        public String value(Column column) {
            var value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** The A1 reference of the column's cell in this row, e.g. {@code H5}. */
        public String cell(Column column) {
            return CellReference.convertNumToColString(column.ordinal()) + rowNumber;
        }
    }

    /**
     * Something wrong with an uploaded workbook.
     *
     * @param cell A1 reference of the cell at fault, or null when the whole workbook is
     * @param key  translation key, starting with {@code workbook.}
     * @param args the message's arguments {0}, {1}, ...
     */
    public record Problem(String cell, String key, List<String> args) {

        public Problem {
            args = List.copyOf(args);
        }
    }

    /**
     * What {@link #read(InputStream)} found: the requests, and the problems that keep them from being taken in.
     * The rows are only worth importing when {@link #ok()}.
     */
    public record Result(List<Row> rows, List<Problem> problems) {

        public Result {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        /** True when the workbook has no problems. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * The blank template partners fill in: the requests sheet, with a comment on each header and every cell
     * formatted as text, followed by an instructions sheet.
     */
    public static byte[] template() {
        return TraceWorkbookTemplate.template();
    }

    /**
     * Reads and checks an uploaded workbook. Bad input never throws: it comes back as problems, with the
     * requests read so far. Size, format and zip-bomb checks run on the raw bytes before Apache POI sees them.
     *
     * @throws UncheckedIOException only when the stream itself fails
     */
    public static Result read(InputStream in) {
        return TraceWorkbookReader.read(in);
    }
}
