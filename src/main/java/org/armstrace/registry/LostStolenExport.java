package org.armstrace.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.armstrace.base.Dates;
import org.armstrace.base.SpreadsheetText;
import org.armstrace.security.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active lost/stolen reports as an XLSX workbook for partners (police of other countries,
 * INTERPOL), in English whatever the reader's language, dates as ISO {@code yyyy-MM-dd}.
 *
 * <p>What partners get, decided for this export: the weapon (make, model, type and calibre by
 * their display names, serial as reported, country and year of manufacture), what happened (lost
 * or stolen, when, where) and the national police reference to quote back. What they do not get:
 * the circumstances (free text that names owners, witnesses and suspects), who filed the report and
 * the provenance (our desk's user names), and the registered holder (personal data, released only
 * through a trace request). Each export is audited. Partners get the same rows as JSON, page by
 * page, through the API ({@link #activePage}).
 *
 * <p>Written with POI's streaming workbook, a window of rows in memory, so the whole register
 * exports in one file however large it grows.
 */
@Service
public class LostStolenExport {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("Report", "Kind", "Date of loss or theft", "Place", "Police reference",
            "Make", "Model", "Type", "Calibre", "Serial number", "Country of manufacture", "Year of manufacture",
            "Reported on", "Weapon on record");
    private static final int BATCH = 500;
    /** The desk, and partners' API tokens: the export is made for them. */
    static final String PARTNERS = "hasAnyRole('ADMIN','ANALYST','SUPERVISOR','INTAKE','PARTNER')";

    private final LostStolenList list;
    private final ReferenceData reference;
    private final AuditLog audit;

    LostStolenExport(LostStolenList list, ReferenceData reference, AuditLog audit) {
        this.list = list;
        this.reference = reference;
        this.audit = audit;
    }

    public static String fileName() {
        return "lost-stolen-active-" + LocalDate.now(ZoneOffset.UTC) + ".xlsx";
    }

    /** Writes every active report, most recently reported first; returns how many. */
    @PreAuthorize(LostStolenList.DESK)
    @Transactional
    public int writeActive(OutputStream out) {
        int written = 0;
        try (var wb = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = wb.createSheet("Lost and stolen");
            CellStyle bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle plain = wb.createCellStyle();
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
                header.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, (c == 3 || c == 5 ? 24 : 16) * 256);
            }
            sheet.createFreezePane(0, 1);
            for (int offset = 0; ; offset += BATCH) {
                List<LostStolenEntry> page = list.page(LostStolenFilter.ACTIVE, offset, BATCH);
                for (LostStolenEntry e : page) {
                    Row row = sheet.createRow(++written);
                    List<String> values = values(e);
                    for (int c = 0; c < values.size(); c++) {
                        String v = values.get(c);
                        row.createCell(c).setCellValue(v);
                        row.getCell(c).setCellStyle(SpreadsheetText.looksLikeFormula(v) ? quoted : plain);
                    }
                }
                if (page.size() < BATCH) {
                    break;
                }
            }
            var props = wb.getXSSFWorkbook().getProperties().getCoreProperties();
            props.setTitle("Active lost and stolen firearm reports");
            props.setCreator("ArmsTrace");
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("The workbook could not be written", e);
        }
        audit.record("lost-stolen.exported", List.of(), written + " active report(s)");
        return written;
    }

    /**
     * A page of the active reports for the partners' API, with exactly the workbook's fields; each
     * call is audited with the page it read.
     *
     * @param page from 0
     * @param size 1 to {@link LostStolenList#MAX_PAGE}
     */
    @PreAuthorize(PARTNERS)
    @Transactional
    public ActivePage activePage(int page, int size) {
        if (page < 0 || size < 1 || size > LostStolenList.MAX_PAGE) {
            throw new IllegalArgumentException("page is 0 or more; size is 1 to " + LostStolenList.MAX_PAGE);
        }
        long offset = (long) page * size;
        long total = list.countRows(LostStolenFilter.ACTIVE);
        List<ActiveReport> reports = offset >= total ? List.of()
                : list.rows(LostStolenFilter.ACTIVE, Math.toIntExact(offset), size).stream().map(this::row).toList();
        audit.record("lost-stolen.exported", List.of(), reports.size() + " active report(s), page " + page + " of size "
                + size + ", through the API");
        return new ActivePage(reports, page, size, total);
    }

    /** One active report as partners get it: the workbook's columns, named for machines. */
    public record ActiveReport(String report, String kind, LocalDate occurredOn, String place, String policeReference,
                               String make, String model, String type, String calibre, String serialNumber,
                               String countryOfManufacture, Integer yearOfManufacture, LocalDate reportedOn,
                               boolean weaponOnRecord) {
    }

    public record ActivePage(List<ActiveReport> reports, int page, int size, long total) {
    }

    /** The one mapping of a report to what partners see, for the workbook and the API alike. */
    private ActiveReport row(LostStolenEntry e) {
        LostStolenReport r = e.report();
        Firearm f = e.weapon();
        return new ActiveReport(r.id(), r.kind() == LostStolenReport.Kind.LOST ? "Lost" : "Stolen", r.occurredOn(),
                r.place(), r.reference(), reference.makeName(f.makeCode(), f.makeAsRead()), f.model(),
                reference.typeName(f.typeCode(), Locale.ENGLISH), reference.calibreName(f.calibreCode()),
                f.serialAsRead(), reference.countryName(f.countryOfManufacture(), Locale.ENGLISH), f.year(),
                LocalDate.ofInstant(r.reportedAt(), Dates.zone()), !e.described());
    }

    private List<String> values(LostStolenEntry e) {
        ActiveReport a = row(e);
        return List.of(a.report(), a.kind(), a.occurredOn() == null ? "" : a.occurredOn().toString(),
                nullToEmpty(a.place()), nullToEmpty(a.policeReference()), a.make(), nullToEmpty(a.model()), a.type(),
                a.calibre(), nullToEmpty(a.serialNumber()), a.countryOfManufacture(),
                a.yearOfManufacture() == null ? "" : a.yearOfManufacture().toString(), a.reportedOn().toString(),
                a.weaponOnRecord() ? "Yes" : "No (described in the report)");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
