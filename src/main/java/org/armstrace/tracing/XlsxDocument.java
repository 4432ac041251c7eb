package org.armstrace.tracing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.base.SpreadsheetText;

/**
 * A {@link DocumentContent} as an XLSX workbook: one sheet of labelled values, one of photos. Every
 * value is a plain string cell; one that a spreadsheet would read as a formula (=, +, -, @) is
 * also marked quote-prefixed, so it stays text even when someone edits the cell.
 */
final class XlsxDocument {

    private static final int PHOTO_WIDTH_PX = 480;
    private static final double ROW_HEIGHT_PX = 20;

    private XlsxDocument() {
    }

    static byte[] render(DocumentContent doc, String sheetName) {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var styles = new Styles(wb);
            XSSFSheet sheet = wb.createSheet(sheetName);
            sheet.setColumnWidth(0, 36 * 256);
            sheet.setColumnWidth(1, 90 * 256);
            sheet.getHeader().setCenter(doc.stamp());
            sheet.getFooter().setCenter(doc.stamp());
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            int r = 0;
            text(sheet.createRow(r++), 0, doc.title(), styles.title);
            text(sheet.createRow(r), 0, doc.numberLabel(), styles.label);
            text(sheet.getRow(r++), 1, doc.number(), styles.value);
            text(sheet.createRow(r), 0, doc.generatedLabel(), styles.label);
            text(sheet.getRow(r++), 1, DocumentContent.iso(doc.generatedAt()), styles.value);
            for (DocumentContent.Section section : doc.sections()) {
                r++;
                XSSFRow heading = sheet.createRow(r++);
                text(heading, 0, section.heading(), styles.heading);
                text(heading, 1, "", styles.heading);
                for (DocumentContent.Field field : section.fields()) {
                    XSSFRow row = sheet.createRow(r++);
                    text(row, 0, field.label(), styles.label);
                    text(row, 1, field.value(), styles.value);
                }
            }
            sheet.createFreezePane(0, 1);
            if (!doc.images().isEmpty()) {
                photos(wb, doc, styles);
            }
            var props = wb.getProperties().getCoreProperties();
            props.setTitle(doc.title() + " " + doc.number());
            props.setCreator("ArmsTrace");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The workbook could not be written", e);
        }
    }

    private static void photos(XSSFWorkbook wb, DocumentContent doc, Styles styles) {
        XSSFSheet sheet = wb.createSheet("Photos");
        sheet.setColumnWidth(0, 70 * 256);
        sheet.getHeader().setCenter(doc.stamp());
        var drawing = sheet.createDrawingPatriarch();
        int r = 0;
        for (DocumentContent.Image image : doc.images()) {
            text(sheet.createRow(r++), 0, image.caption(), styles.label);
            int index = wb.addPicture(image.bytes(), image.png() ? Workbook.PICTURE_TYPE_PNG : Workbook.PICTURE_TYPE_JPEG);
            int heightPx = image.width() > 0 ? (int) Math.round((double) image.height() * PHOTO_WIDTH_PX / image.width())
                    : PHOTO_WIDTH_PX * 3 / 4;
            int rows = (int) Math.ceil(heightPx / ROW_HEIGHT_PX);
            // Sized by the layout, not by the photo's own resolution, which would run over many screens.
            var anchor = new XSSFClientAnchor(0, 0, Units.pixelToEMU(PHOTO_WIDTH_PX), 0,
                    0, r, 0, r + rows);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
            drawing.createPicture(anchor, index);
            for (int i = r; i < r + rows; i++) {
                sheet.createRow(i).setHeightInPoints((float) (ROW_HEIGHT_PX * 0.75));
            }
            r += rows + 1;
        }
    }

    /** A string cell, never a formula; quote-prefixed where a spreadsheet would otherwise evaluate it. */
    static void text(XSSFRow row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        String v = value == null ? "" : value;
        cell.setCellValue(v);
        cell.setCellStyle(looksLikeFormula(v) ? quoted(row.getSheet().getWorkbook(), style) : style);
    }

    static boolean looksLikeFormula(String v) {
        return SpreadsheetText.looksLikeFormula(v);
    }

    private static CellStyle quoted(XSSFWorkbook wb, CellStyle base) {
        // One quote-prefixed twin per base style, found again rather than created per cell.
        for (int i = 0; i < wb.getNumCellStyles(); i++) {
            var s = wb.getCellStyleAt(i);
            if (s.getQuotePrefixed() && s.getFontIndex() == base.getFontIndex()
                    && s.getFillForegroundColor() == base.getFillForegroundColor() && s.getWrapText() == base.getWrapText()) {
                return s;
            }
        }
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(base);
        s.setQuotePrefixed(true);
        return s;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle label;
        final CellStyle value;

        Styles(XSSFWorkbook wb) {
            var bold = wb.createFont();
            bold.setBold(true);
            var big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            heading = wb.createCellStyle();
            heading.setFont(bold);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            label = wb.createCellStyle();
            label.setFont(bold);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            label.setWrapText(true);
            value = wb.createCellStyle();
            value.setWrapText(true);
            value.setVerticalAlignment(VerticalAlignment.TOP);
            value.setBorderBottom(BorderStyle.HAIR);
        }
    }
}
