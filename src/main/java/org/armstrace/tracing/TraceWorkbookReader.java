package org.armstrace.tracing;

import static org.armstrace.tracing.TraceWorkbook.COLUMNS;
import static org.armstrace.tracing.TraceWorkbook.MAX_BYTES;
import static org.armstrace.tracing.TraceWorkbook.MAX_ROWS;
import static org.armstrace.tracing.TraceWorkbook.PRIORITIES;
import static org.armstrace.tracing.TraceWorkbook.SHEET;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.base.UntrustedWorkbook;
import org.armstrace.tracing.TraceWorkbook.Column;
import org.armstrace.tracing.TraceWorkbook.Problem;
import org.armstrace.tracing.TraceWorkbook.Result;
import org.armstrace.tracing.TraceWorkbook.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a filled-in trace request workbook and names each problem by its cell; see
 * {@link TraceWorkbook#read(InputStream)}. The file is checked by {@link UntrustedWorkbook} before
 * POI opens it.
 */
final class TraceWorkbookReader {

    /** What a partner's workbook may be: 5 MB as uploaded, 50 MB inflated, 1,000 parts. */
    static final UntrustedWorkbook.Limits LIMITS = new UntrustedWorkbook.Limits(MAX_BYTES,
            TraceWorkbook.MAX_UNCOMPRESSED, 1_000, 100, 100L * 1024);

    private static final int MAX_PROBLEMS = 200;
    private static final Logger log = LoggerFactory.getLogger(TraceWorkbook.class);

    private TraceWorkbookReader() {
    }

    static Result read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        switch (UntrustedWorkbook.check(bytes, LIMITS)) {
            case TOO_LARGE -> {
                return refused("workbook.too-large", MAX_BYTES / (1024 * 1024));
            }
            case ENCRYPTED -> {
                return refused("workbook.encrypted");
            }
            case OLD_FORMAT -> {
                return refused("workbook.old-format");
            }
            case NOT_XLSX -> {
                return refused("workbook.not-xlsx");
            }
            case ZIP_BOMB -> {
                return refused("workbook.zip-bomb");
            }
            case ACCEPTABLE -> {
            }
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
                if (column.optional() && text.isEmpty()) {
                    continue; // a workbook from the earlier template, which had no such column
                }
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
                        && !(column.longText() && (ch == '\n' || ch == '\r' || ch == '\t')))) {
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
                    case PERSON_BIRTH_DATE -> {
                        if (TraceWorkbook.date(value) == null) {
                            add(r, c, "workbook.bad-date");
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
