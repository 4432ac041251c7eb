package org.armstrace.intelligence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.base.Dates;
import org.armstrace.base.SpreadsheetText;

/**
 * What a link chart shows, as a workbook: a sheet of entities and a sheet of links, so the
 * analyst's picture can go into a case file or another tool. Values only, never formulas.
 */
public final class LinkChartWorkbook {

    private LinkChartWorkbook() {
    }

    /**
     * @param entityHeaders the column headers of the entities sheet: name, kind, caption, date
     * @param linkHeaders   the column headers of the links sheet: from, to, relationship
     */
    public static void write(LinkGraph graph, String entitySheet, List<String> entityHeaders, String linkSheet,
                             List<String> linkHeaders, Locale locale, OutputStream out) {
        try (var book = new XSSFWorkbook()) {
            CellStyle quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            Sheet entities = book.createSheet(entitySheet);
            row(entities, 0, entityHeaders, quoted);
            int r = 1;
            for (LinkGraph.Entity e : graph.entities()) {
                row(entities, r++, Arrays.asList(e.ref(), e.kind(), e.caption(),
                        e.date() == null ? null : Dates.date(e.date(), locale)), quoted);
            }
            Sheet links = book.createSheet(linkSheet);
            row(links, 0, linkHeaders, quoted);
            r = 1;
            for (LinkGraph.Link l : graph.links()) {
                row(links, r++, List.of(l.from(), l.to(), l.type()), quoted);
            }
            for (Sheet s : List.of(entities, links)) {
                s.createFreezePane(0, 1);
                for (int c = 0; c < 4; c++) {
                    s.setColumnWidth(c, 40 * 256);
                }
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, List<String> values, CellStyle quoted) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.size(); c++) {
            String v = values.get(c);
            var cell = row.createCell(c);
            cell.setCellValue(v == null ? "" : v);
            if (SpreadsheetText.looksLikeFormula(v)) {
                cell.setCellStyle(quoted);
            }
        }
    }
}
