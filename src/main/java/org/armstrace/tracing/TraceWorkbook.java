package org.armstrace.tracing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final int MAX_ENTRIES = 1_000;
    private static final int MAX_RATIO = 100;
    // Small parts compress far better than MAX_RATIO when they are mostly repeated markup.
    private static final long RATIO_FLOOR = 100L * 1024;
    private static final int MAX_PROBLEMS = 200;
    private static final List<String> PRIORITIES = List.of("URGENT", "PRIORITY", "ROUTINE");
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    // Fixed so that the committed template only changes when its content does.
    private static final Instant TEMPLATE_DATE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Logger log = LoggerFactory.getLogger(TraceWorkbook.class);

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
        CIRCUMSTANCES("Circumstances of the recovery", "When, where and how the weapon was recovered or seized.", true);

        private final String header;
        private final String description;
        private final boolean longText;

        Column(String header, String description, boolean longText) {
            this.header = header;
            this.description = description;
            this.longText = longText;
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

        private int width() {
            return longText ? 48 : Math.max(18, header.length() + 2);
        }
    }

    private static final Column[] COLUMNS = Column.values();

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
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet(SHEET);
            // Text format keeps serial numbers such as 000123 as typed instead of turning them into numbers.
            short text = workbook.createDataFormat().getFormat("@");
            var bold = workbook.createFont();
            bold.setBold(true);
            var headerStyle = workbook.createCellStyle();
            headerStyle.setDataFormat(text);
            headerStyle.setFont(bold);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            var shortText = textStyle(workbook, text, false);
            var longText = textStyle(workbook, text, true);
            var header = sheet.createRow(0);
            var drawing = sheet.createDrawingPatriarch();
            var factory = workbook.getCreationHelper();
            for (var column : COLUMNS) {
                int c = column.ordinal();
                sheet.setDefaultColumnStyle(c, column.longText ? longText : shortText);
                sheet.setColumnWidth(c, column.width() * 256);
                var cell = header.createCell(c);
                cell.setCellValue(column.header());
                cell.setCellStyle(headerStyle);
                var anchor = factory.createClientAnchor();
                anchor.setCol1(c);
                anchor.setCol2(c + 3);
                anchor.setRow1(1);
                anchor.setRow2(6);
                var comment = drawing.createCellComment(anchor);
                comment.setString(factory.createRichTextString(column.description()));
                comment.setAuthor("ArmsTrace");
                cell.setCellComment(comment);
            }
            sheet.createFreezePane(0, 1);
            var validations = sheet.getDataValidationHelper();
            int priority = Column.PRIORITY.ordinal();
            var validation = validations.createValidation(
                    validations.createExplicitListConstraint(PRIORITIES.toArray(String[]::new)),
                    new CellRangeAddressList(1, MAX_ROWS, priority, priority));
            validation.setEmptyCellAllowed(true);
            // For XSSF, true shows the drop-down arrow.
            validation.setSuppressDropDownArrow(true);
            validation.setShowErrorBox(true);
            validation.createErrorBox(Column.PRIORITY.header(), Column.PRIORITY.description());
            sheet.addValidationData(validation);
            instructions(workbook, bold);
            workbook.setActiveSheet(0);
            var properties = workbook.getProperties().getCoreProperties();
            properties.setTitle("ArmsTrace trace request workbook");
            properties.setCreator("ArmsTrace");
            properties.setCreated(Optional.of(Date.from(TEMPLATE_DATE)));
            workbook.write(out);
            return withFixedTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle textStyle(XSSFWorkbook workbook, short text, boolean wrap) {
        var style = workbook.createCellStyle();
        style.setDataFormat(text);
        style.setWrapText(wrap);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private static void instructions(XSSFWorkbook workbook, Font bold) {
        var lines = List.of(
                "How to fill in this workbook",
                "Fill in one row per trace request on the sheet \"" + SHEET + "\", starting in row 2. "
                        + "Blank rows are skipped.",
                "Do not add, rename, move, hide or delete columns, and do not hide rows or sheets.",
                "Type or paste values only: no formulas. Every cell is formatted as text, so serial numbers "
                        + "keep their letters and leading zeros.",
                "At most " + MAX_ROWS + " requests per workbook, and at most " + MAX_BYTES / (1024 * 1024)
                        + " MB per file.",
                "The International Tracing Instrument requires, for every request: the make and the serial "
                        + "number of the weapon, why the weapon is considered illicit, the legal basis of the request "
                        + "and the intended use of the information. Give as much of the rest as you can.",
                "Requesting country: the two-letter ISO 3166-1 code, e.g. AL, RS, DE. "
                        + "Priority: URGENT, PRIORITY or ROUTINE; blank means ROUTINE.",
                "Short fields take at most 200 characters; the four long-text fields (why illicit, legal basis, "
                        + "intended use, circumstances) at most 8,000.",
                "Save as Excel Workbook (.xlsx). Older .xls files and password-protected workbooks cannot be read.",
                "The description of each column is in the comment on its header.");
        var sheet = workbook.createSheet("Instructions");
        sheet.setColumnWidth(0, 110 * 256);
        var wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        var title = workbook.createCellStyle();
        title.setFont(bold);
        for (int i = 0; i < lines.size(); i++) {
            var cell = sheet.createRow(i).createCell(0);
            cell.setCellValue(lines.get(i));
            cell.setCellStyle(i == 0 ? title : wrap);
        }
    }

    // POI stamps every zip entry with the time of writing; a fixed time makes the template reproducible.
    private static byte[] withFixedTimes(byte[] xlsx) throws IOException {
        var out = new ByteArrayOutputStream(xlsx.length);
        try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx)); var zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                var copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(LocalDateTime.ofInstant(TEMPLATE_DATE, ZoneOffset.UTC));
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads and checks an uploaded workbook. Bad input never throws: it comes back as problems, with the
     * requests read so far. Size, format and zip-bomb checks run on the raw bytes before Apache POI sees them.
     *
     * @throws UncheckedIOException only when the stream itself fails
     */
    public static Result read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            return refused("workbook.too-large", MAX_BYTES / (1024 * 1024));
        }
        if (startsWith(bytes, OLE2)) {
            // Excel also wraps password-protected .xlsx files in the old container.
            return refused(encrypted(bytes) ? "workbook.encrypted" : "workbook.old-format");
        }
        if (!startsWith(bytes, ZIP)) {
            return refused("workbook.not-xlsx");
        }
        try {
            if (inflatesTooFar(bytes)) {
                return refused("workbook.zip-bomb");
            }
        } catch (IOException _) {
            return refused("workbook.not-xlsx");
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            return new Inspection().of(new XSSFWorkbook(pkg));
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            // POI reports damaged content with many kinds of exception, some only when a cell is read.
            log.info("Uploaded workbook could not be read: {}", e.toString());
            return refused("workbook.not-xlsx");
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    private static Result refused(String key, Object... args) {
        return new Result(List.of(), List.of(new Problem(null, key, strings(args))));
    }

    private static List<String> strings(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean encrypted(byte[] bytes) {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (IOException | RuntimeException _) {
            return false;
        }
    }

    // Counts what actually inflates: the sizes in zip headers are whatever the sender wrote. ZipInputStream
    // checks an entry's compressed size against what the inflater consumed once the entry is read through.
    private static boolean inflatesTooFar(byte[] bytes) throws IOException {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int entries = 0;
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    return true;
                }
                long inflated = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    inflated += n;
                    total += n;
                    if (total > MAX_UNCOMPRESSED) {
                        return true;
                    }
                }
                if (inflated >= RATIO_FLOOR && inflated > (long) MAX_RATIO * entry.getCompressedSize()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One reading of one workbook: the problems found so far, and a formatter, which is not thread-safe. */
    private static final class Inspection {

        private record Found(int row, int column, Problem problem) {
        }

        private final List<Found> found = new ArrayList<>();
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

        Result of(XSSFWorkbook workbook) {
            var sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                return refused("workbook.no-requests-sheet");
            }
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                if (workbook.getSheetVisibility(i) != SheetVisibility.VISIBLE) {
                    add(-1, -1, "workbook.hidden-sheet", workbook.getSheetName(i));
                }
            }
            header(sheet);
            var rows = rows(sheet);
            if (rows.isEmpty() && found.isEmpty()) {
                add(-1, -1, "workbook.empty");
            }
            return new Result(rows, problems());
        }

        private void header(XSSFSheet sheet) {
            var header = sheet.getRow(0);
            for (var column : COLUMNS) {
                int c = column.ordinal();
                var cell = header == null ? null : header.getCell(c);
                var text = Objects.requireNonNullElse(cell == null ? null : text(cell), "").strip();
                if (!text.equalsIgnoreCase(column.header())) {
                    add(0, c, "workbook.renamed-column", column.header(), abbreviated(text));
                }
                if (sheet.isColumnHidden(c) || sheet.getColumnWidth(c) == 0) {
                    add(0, c, "workbook.hidden-column");
                }
            }
        }

        // The header's own text goes back into a message, so a pasted essay is cut short.
        private static String abbreviated(String text) {
            return text.length() <= 60 ? text : text.substring(0, 59) + "…";
        }

        private List<Row> rows(XSSFSheet sheet) {
            var rows = new ArrayList<Row>();
            for (var row : sheet) {
                boolean request = row.getRowNum() > 0 && hasRequest(row);
                if (request && rows.size() == MAX_ROWS) {
                    add(-1, -1, "workbook.too-many-rows", MAX_ROWS);
                    break;
                }
                var texts = cells(row);
                if (request) {
                    rows.add(request(row.getRowNum(), texts));
                }
            }
            return rows;
        }

        private static boolean hasRequest(org.apache.poi.ss.usermodel.Row row) {
            return Arrays.stream(COLUMNS).anyMatch(column -> !isBlank(row.getCell(column.ordinal())));
        }

        private static boolean isBlank(Cell cell) {
            return cell == null || switch (cell.getCellType()) {
                case BLANK -> true;
                case STRING -> cell.getStringCellValue().isBlank();
                default -> false;
            };
        }

        /** Checks every cell of the row, header included; returns the text of the expected columns. */
        private String[] cells(org.apache.poi.ss.usermodel.Row row) {
            var texts = new String[COLUMNS.length];
            boolean filled = false;
            boolean beyond = false;
            for (var cell : row) {
                switch (cell.getCellType()) {
                    case FORMULA -> add(cell, "workbook.formula");
                    case ERROR -> add(cell, "workbook.cell-error");
                    default -> {
                    }
                }
                if (isBlank(cell)) {
                    continue;
                }
                filled = true;
                int c = cell.getColumnIndex();
                if (c < COLUMNS.length) {
                    texts[c] = text(cell);
                } else if (row.getRowNum() == 0 || !beyond) {
                    add(cell, "workbook.extra-column");
                    beyond = true;
                }
            }
            if (filled && row.getZeroHeight()) {
                add(row.getRowNum(), 0, "workbook.hidden-row");
            }
            return texts;
        }

        private Row request(int r, String[] texts) {
            var values = new EnumMap<Column, String>(Column.class);
            for (var column : COLUMNS) {
                var text = texts[column.ordinal()];
                if (text == null || text.isBlank()) {
                    continue;
                }
                var value = text.strip();
                int c = column.ordinal();
                if (value.length() > column.maxLength()) {
                    add(r, c, "workbook.too-long", column.maxLength());
                }
                if (value.codePoints().anyMatch(ch -> Character.isISOControl(ch)
                        && !(column.longText && (ch == '\n' || ch == '\r' || ch == '\t')))) {
                    add(r, c, "workbook.bad-text");
                }
                switch (column) {
                    case REQUESTING_COUNTRY -> {
                        value = value.toUpperCase(Locale.ROOT);
                        if (!value.matches("[A-Z]{2}")) {
                            add(r, c, "workbook.bad-country");
                        }
                    }
                    case PRIORITY -> {
                        value = value.toUpperCase(Locale.ROOT);
                        if (!PRIORITIES.contains(value)) {
                            add(r, c, "workbook.bad-priority");
                        }
                    }
                    default -> {
                    }
                }
                values.put(column, value);
            }
            return new Row(r + 1, values);
        }

        /** The cell as the partner sees it; null for blank cells and for formulas and errors, which are never read. */
        private String text(Cell cell) {
            return switch (cell.getCellType()) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> number(cell);
                case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
                default -> null;
            };
        }

        private String number(Cell cell) {
            if (DateUtil.isCellDateFormatted(cell)) {
                var date = cell.getLocalDateTimeCellValue();
                if (date != null) {
                    return date.toLocalDate().toString();
                }
            }
            // The cell's own format keeps what the partner sees (000123 under format 000000); Excel's General
            // format switches to an exponent beyond 11 digits, which would lose a long serial number.
            var shown = formatter.formatCellValue(cell);
            return shown.matches("-?\\d+(\\.\\d+)?E[-+]?\\d+")
                    ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                    : shown;
        }

        private void add(Cell cell, String key, Object... args) {
            add(cell.getRowIndex(), cell.getColumnIndex(), key, args);
        }

        /** A problem at a cell, or at the whole workbook when {@code row} is -1. */
        private void add(int row, int column, String key, Object... args) {
            var cell = row < 0 ? null : new CellReference(row, column).formatAsString();
            found.add(new Found(row, column, new Problem(cell, key, strings(args))));
        }

        private List<Problem> problems() {
            var sorted = found.stream()
                    .sorted(Comparator.comparingInt(Found::row).thenComparingInt(Found::column))
                    .map(Found::problem)
                    .toList();
            if (sorted.size() <= MAX_PROBLEMS) {
                return sorted;
            }
            var capped = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
            capped.add(new Problem(null, "workbook.too-many-problems", strings(sorted.size() - MAX_PROBLEMS)));
            return capped;
        }
    }
}
