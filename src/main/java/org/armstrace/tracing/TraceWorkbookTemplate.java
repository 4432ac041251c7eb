package org.armstrace.tracing;

import static org.armstrace.tracing.TraceWorkbook.COLUMNS;
import static org.armstrace.tracing.TraceWorkbook.MAX_BYTES;
import static org.armstrace.tracing.TraceWorkbook.MAX_ROWS;
import static org.armstrace.tracing.TraceWorkbook.PRIORITIES;
import static org.armstrace.tracing.TraceWorkbook.SHEET;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.tracing.TraceWorkbook.Column;

/** Writes the blank trace request workbook we publish for partners; see {@link TraceWorkbook#template()}. */
final class TraceWorkbookTemplate {

    // Fixed so that the committed template only changes when its content does.
    private static final Instant TEMPLATE_DATE = Instant.parse("2026-01-01T00:00:00Z");

    private TraceWorkbookTemplate() {
    }

    /**
     * The blank template partners fill in: the requests sheet, with a comment on each header and every cell
     * formatted as text, followed by an instructions sheet.
     */
    static byte[] template() {
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
                sheet.setDefaultColumnStyle(c, column.longText() ? longText : shortText);
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
}
