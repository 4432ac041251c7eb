package org.armstrace.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.armstrace.base.SpreadsheetText;
import org.armstrace.base.Translations;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.springframework.stereotype.Component;

/**
 * The downloadable report of a batch: every rejected row and every warning with its line, column
 * and reason in the reader's language, headed by the totals that must add up
 * ({@code read = accepted + rejected}, and {@code read = created + merged + review + rejected}). Streamed: a million issues are never held in memory.
 */
@Component
public class IssueReport {

    public enum Format { CSV, XLSX }

    private final Translations translations;
    private final PersonalDataReads reads;

    IssueReport(Translations translations, PersonalDataReads reads) {
        this.translations = translations;
        this.reads = reads;
    }

    /**
     * Writes the report. Its issues quote the rows (names, personal numbers), and those people need
     * not be in the graph, so the download is audited as one read of the batch rather than by person.
     */
    /** A page of the batch's issues shown on the imports page: audited like the download, one event a page. */
    void shown(String batchId, int offset, int count) {
        if (count > 0) {
            reads.recordUnlisted(PersonalDataPath.IMPORT_ISSUES, List.of("ImportBatch:" + batchId),
                    "issues " + (offset + 1) + "–" + (offset + count) + " shown");
        }
    }

    void write(ImportBatch batch, Format format, Locale locale, Consumer<Consumer<Issue>> issues, OutputStream out)
            throws IOException {
        reads.recordUnlisted(PersonalDataPath.IMPORT_ISSUE_REPORT, List.of("ImportBatch:" + batch.id()),
                format + " issue report of " + batch.fileName());
        List<String> head = List.of(t(locale, "import.report.line"), t(locale, "import.report.outcome"),
                t(locale, "import.report.column"), t(locale, "import.report.reason"));
        List<String> totals = List.of(batch.fileName(), t(locale, "import.report.totals", batch.read(), batch.accepted(),
                batch.rejected()), t(locale, "imports.row-outcomes", batch.read(), batch.outcome("created"),
                batch.outcome("merged"), batch.outcome("review"), batch.outcome("rejected"), batch.rows("changed"),
                batch.rows("unchanged")));
        if (format == Format.CSV) {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // so that Excel opens the UTF-8 as UTF-8
            var csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            csv.printRecord(totals);
            csv.printRecord(head);
            try {
                issues.accept(i -> {
                    try {
                        csv.printRecord(row(i, locale));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the reader went away mid-download: stop, not one failure per issue
            }
            csv.flush();
            return;
        }
        try (var wb = new SXSSFWorkbook(200)) {
            var sheet = wb.createSheet(t(locale, "import.report.sheet"));
            var rows = new int[]{0};
            var first = sheet.createRow(rows[0]++);
            for (int c = 0; c < totals.size(); c++) {
                first.createCell(c).setCellValue(totals.get(c));
            }
            var header = sheet.createRow(rows[0]++);
            for (int c = 0; c < head.size(); c++) {
                header.createCell(c).setCellValue(head.get(c));
            }
            issues.accept(i -> {
                var row = sheet.createRow(rows[0]++);
                List<String> values = row(i, locale);
                row.createCell(0).setCellValue(i.line());
                for (int c = 1; c < values.size(); c++) {
                    row.createCell(c).setCellValue(values.get(c));
                }
            });
            wb.write(out);
        }
    }

    private List<String> row(Issue i, Locale locale) {
        return List.of(String.valueOf(i.line()), t(locale, "import.severity." + i.severity().name()),
                i.column() == null ? "" : inert(i.column()), inert(translations.getTranslation(i.messageKey(), locale,
                        i.args().toArray())));
    }

    /** Text that quotes the source must not start like a formula when the report is opened in a spreadsheet. */
    private static String inert(String s) {
        return SpreadsheetText.inert(s);
    }

    private String t(Locale locale, String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }
}
