package org.armstrace.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.armstrace.base.Dates;
import org.armstrace.base.SpreadsheetText;
import org.armstrace.base.Translations;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The statistics as workbooks: a chart's table in the reader's language, and, in English for the
 * bodies they go to, the annual return in the style of the UNODC Illicit Arms Flows Questionnaire
 * and the Roadmap/EU KPI table. Written with POI's streaming SXSSF, a window of rows at a time,
 * so that a drill-down of a hundred thousand weapons needs little memory. Every value is a plain
 * value, never a formula, and text that starts like one is quote-prefixed.
 */
@Service
public class StatisticsWorkbooks {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Statistics statistics;
    private final StatisticsTables tables;
    private final Translations i18n;
    private final ReferenceData reference;
    private final AuditLog audit;

    StatisticsWorkbooks(Statistics statistics, StatisticsTables tables, Translations i18n, ReferenceData reference,
                        AuditLog audit) {
        this.statistics = statistics;
        this.tables = tables;
        this.i18n = i18n;
        this.reference = reference;
        this.audit = audit;
    }

    /** One chart's table, as shown, with the period and when it was computed. */
    @PreAuthorize(Statistics.READERS)
    public void table(Figures f, StatisticsTables.Table table, Locale locale, OutputStream out) {
        try (var book = new Book()) {
            Sheet sheet = book.sheet(safeSheetName(table.title()));
            book.title(sheet, table.title());
            book.line(sheet, i18n.getTranslation("statistics.period", locale), f.period().label());
            book.line(sheet, i18n.getTranslation("statistics.as-of", locale), Dates.dateTime(f.asOf(), locale));
            book.skip(sheet);
            writeTable(book, sheet, table);
            book.write(out);
        }
    }

    /** The Roadmap / EU action plan KPI table of the period, in English. */
    @PreAuthorize(Statistics.READERS)
    public void kpis(Figures f, OutputStream out) {
        try (var book = new Book()) {
            var table = tables.kpis(f, Locale.ENGLISH);
            Sheet sheet = book.sheet("KPIs");
            book.title(sheet, "Firearms: Western Balkans Roadmap and EU action plan indicators");
            book.line(sheet, "Period", f.period().label());
            book.line(sheet, "Figures as of", stamp(f.asOf()));
            book.skip(sheet);
            writeTable(book, sheet, table);
            audit.record("statistics.kpis-exported", List.of(), f.period().label());
            book.write(out);
        }
    }

    /**
     * The annual return in the structure of the UNODC Illicit Arms Flows Questionnaire: definitions,
     * arms seized, found and surrendered by type, by country of manufacture and of last legal import,
     * traces initiated, answered and successful, significant seizures with their routes, and SDG
     * indicator 16.4.2. In English.
     */
    @PreAuthorize(Statistics.READERS)
    public void annualReturn(Figures f, String reportingCountry, OutputStream out) {
        var english = tables.tables(f, Locale.ENGLISH).stream()
                .collect(Collectors.toMap(StatisticsTables.Table::id, t -> t));
        try (var book = new Book()) {
            definitions(book, f, reportingCountry);
            section(book, "1 Arms by type", "Arms seized, found and surrendered, by type of weapon", f,
                    english.get("recoveries-by-type"));
            section(book, "2 Country of manufacture", "Arms seized, found and surrendered, by country of manufacture", f,
                    english.get("recoveries-by-manufacture"));
            section(book, "3 Last legal import", "Arms seized, found and surrendered, by country of last legal import",
                    f, english.get("recoveries-by-import"));
            section(book, "4 Tracing", "Traces initiated, answered and successful", f, english.get("traces"));
            seizures(book, f);
            sdg(book, f);
            audit.record("statistics.annual-return-exported", List.of(), f.period().label());
            book.write(out);
        }
    }

    /** The weapons counted in one part of SDG 16.4.2, streamed from the graph into the workbook. */
    @PreAuthorize(Statistics.DRILL_DOWN)
    public long weapons(Period period, Instant asOf, Statistics.Part part, Locale locale, OutputStream out) {
        Function<String, String> t = key -> i18n.getTranslation(key, locale);
        try (var book = new Book()) {
            Sheet sheet = book.sheet(safeSheetName(t.apply("statistics.sdg." + part.name().toLowerCase(Locale.ROOT))));
            book.title(sheet, t.apply("statistics.table.sdg") + ": " + t.apply("statistics.sdg."
                    + part.name().toLowerCase(Locale.ROOT)));
            book.line(sheet, t.apply("statistics.period"), period.label());
            // This workbook is read here, in the reader's language; the annual return and the KPIs go abroad in
            // English with ISO 8601 dates.
            book.line(sheet, t.apply("statistics.as-of"), Dates.dateTime(asOf, locale));
            book.skip(sheet);
            book.header(sheet, List.of(t.apply("statistics.col.recovered-at"), t.apply("statistics.col.kind"),
                    t.apply("statistics.col.municipality"), t.apply("statistics.col.case"), t.apply("statistics.col.type"),
                    t.apply("statistics.col.make"), t.apply("statistics.col.model"), t.apply("statistics.col.serial"),
                    t.apply("statistics.col.made-in"), t.apply("statistics.col.imported-into"),
                    t.apply("statistics.col.tracing"), t.apply("statistics.col.established-at"),
                    t.apply("statistics.col.established-by"), t.apply("statistics.col.diverted-in"),
                    t.apply("statistics.col.weapon-id")));
            Map<String, String> labels = new HashMap<>();
            for (String kind : List.of("SEIZED", "FOUND", "SURRENDERED")) {
                labels.put(kind, t.apply("recovery.kind." + kind));
            }
            for (RecoveredWeapon.Tracing tracing : RecoveredWeapon.Tracing.values()) {
                labels.put(tracing.name(), t.apply("statistics.tracing." + tracing.name()));
            }
            String amnesty = t.apply("statistics.amnesty");
            long n = pipelined(each -> statistics.eachWeapon(period, asOf, part, each), w -> {
                Row row = book.row(sheet);
                int c = 0;
                boolean established = w.established();
                book.text(row, c++, Dates.date(w.recoveredAt(), locale));
                book.text(row, c++, labels.get(w.kind()));
                book.text(row, c++, w.municipality());
                book.text(row, c++, w.caseReference());
                book.text(row, c++, reference.typeName(w.type(), locale));
                book.text(row, c++, w.make());
                book.text(row, c++, w.model());
                book.text(row, c++, w.serial());
                book.text(row, c++, reference.countryName(w.countryOfManufacture(), locale));
                book.text(row, c++, reference.countryName(w.countryOfImport(), locale));
                book.text(row, c++, w.amnesty() ? amnesty : labels.get(w.tracing().name()));
                book.text(row, c++, established ? Dates.date(w.establishedAt(), locale) : null);
                book.text(row, c++, established ? w.establishedBy() : null);
                book.text(row, c++, established ? reference.countryName(w.diversionCountry(), locale) : null);
                book.text(row, c, w.firearmId());
            });
            audit.record("statistics.weapons-exported", List.of(), period.label() + " " + part + ": " + n
                    + " weapon(s)");
            book.write(out);
            return n;
        }
    }

    /** Marks the end of the rows handed from the reading thread to the writing one. */
    private static final RecoveredWeapon END = new RecoveredWeapon(null, null, null, null, null, 0, null, null, null, null,
            null, null, null, null, false, false, false, RecoveredWeapon.Tracing.NONE, false, null, null, null, null);

    /**
     * Reads rows in this thread (which holds the transaction and the caller's rights) while another
     * thread writes them into the workbook, so that the graph and the XML deflater work at once;
     * a bounded queue between them keeps memory flat. A failure on either side stops both.
     */
    private static long pipelined(Consumer<Consumer<RecoveredWeapon>> reader, Consumer<RecoveredWeapon> writer) {
        var queue = new ArrayBlockingQueue<RecoveredWeapon>(4_096);
        var failure = new AtomicReference<Throwable>();
        Thread writing = Thread.ofPlatform().name("statistics-export").start(() -> {
            try {
                for (RecoveredWeapon w = queue.take(); w != END; w = queue.take()) {
                    writer.accept(w);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        long[] n = new long[1];
        try {
            reader.accept(w -> {
                hand(queue, w, writing);
                n[0]++;
            });
        } finally {
            if (writing.isAlive()) {
                hand(queue, END, writing);
            }
            try {
                writing.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("export interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("export failed", failure.get());
        }
        return n[0];
    }

    private static void hand(BlockingQueue<RecoveredWeapon> queue, RecoveredWeapon w, Thread writing) {
        try {
            while (!queue.offer(w, 100, TimeUnit.MILLISECONDS)) {
                if (!writing.isAlive()) {
                    throw new IllegalStateException("the workbook writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("export interrupted", e);
        }
    }

    private void definitions(Book book, Figures f, String country) {
        Sheet sheet = book.sheet("Definitions");
        book.title(sheet, "Annual return on illicit arms flows (IAFQ structure)");
        book.line(sheet, "Reporting country", country + reference.country(country).map(c -> " (" + c.nameEn() + ")")
                .orElse(""));
        book.line(sheet, "Reporting period", f.period().from() + " to " + f.period().last() + " (inclusive)");
        book.line(sheet, "Figures as of", stamp(f.asOf()) + " (" + statistics.zone() + ")");
        book.line(sheet, "Produced by", "ArmsTrace");
        book.skip(sheet);
        for (var d : List.of(
                Map.entry("Arms", "Small arms and light weapons, including all firearms in the sense of the UN Firearms "
                        + "Protocol. Each weapon is counted once in a period, even if recovered more than once."),
                Map.entry("Seized", "Physically apprehended by a competent authority in relation to a suspected offence."),
                Map.entry("Found", "Found without a known holder and taken into custody."),
                Map.entry("Surrendered", "Handed over voluntarily to a competent authority, including under an amnesty."),
                Map.entry("Country of manufacture", "From the weapon's markings or registration; otherwise the "
                        + "manufacturer's country in the reference data."),
                Map.entry("Country of last legal import", "From the newest import marking on the weapon; otherwise the "
                        + "reporting country, when its registry holds the weapon's import. Blank: not known."),
                Map.entry("Trace initiated (domestic)", "The registry check of a recovered weapon; answered when every "
                        + "candidate match was decided; successful when the weapon was identified in the registry. "
                        + "Weapons surrendered under an amnesty are excluded from tracing."),
                Map.entry("Trace initiated (international)", "A tracing request sent to another State in the period; "
                        + "answered when its answer was recorded; successful when the weapon was traced fully or in "
                        + "part. Requests received from other States are counted the same way."),
                Map.entry("Significant seizure", "A single recovery of several weapons (see sheet 5 for the threshold), "
                        + "with the countries of its route as far as they are known."),
                Map.entry("SDG indicator 16.4.2", "Proportion of seized, found or surrendered arms whose illicit origin "
                        + "or context has been traced or established by a competent authority. Denominator: all arms "
                        + "seized, found or surrendered in the period. Numerator: those whose point of diversion was "
                        + "established, by a trace answer or because the weapon was reported lost or stolen, by the "
                        + "date of these figures.")
        )) {
            book.line(sheet, d.getKey(), d.getValue());
        }
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, 110 * 256);
    }

    private void section(Book book, String name, String title, Figures f, StatisticsTables.Table table) {
        Sheet sheet = book.sheet(name);
        book.title(sheet, title);
        book.line(sheet, "Period", f.period().label());
        book.skip(sheet);
        writeTable(book, sheet, table);
    }

    private void seizures(Book book, Figures f) {
        Sheet sheet = book.sheet("5 Significant seizures");
        book.title(sheet, "Significant seizures and their routes");
        book.line(sheet, "Period", f.period().label());
        book.skip(sheet);
        book.header(sheet, List.of("Date", "Kind", "Municipality", "Case", "Weapons", "Types", "Made in",
                "Last legally imported into", "Diverted in", "Route"));
        ZoneId zone = statistics.zone();
        for (Figures.Seizure s : f.significantSeizures()) {
            Row row = book.row(sheet);
            book.text(row, 0, s.at().atZone(zone).toLocalDate().toString());
            book.text(row, 1, s.kind());
            book.text(row, 2, s.municipality());
            book.text(row, 3, s.caseReference());
            book.number(row, 4, s.weapons());
            book.text(row, 5, s.types().entrySet().stream().map(e -> e.getValue() + " × " + (e.getKey().isEmpty() ? "?"
                    : reference.resolveFirearmType(e.getKey()).map(x -> x.nameEn()).orElse(e.getKey())))
                    .collect(Collectors.joining(", ")));
            book.text(row, 6, String.join(", ", s.countriesOfManufacture()));
            book.text(row, 7, String.join(", ", s.countriesOfImport()));
            book.text(row, 8, String.join(", ", s.countriesOfDiversion()));
            var route = new ArrayList<String>();
            if (!s.countriesOfManufacture().isEmpty()) {
                route.add("made in " + String.join("/", s.countriesOfManufacture()));
            }
            if (!s.countriesOfImport().isEmpty()) {
                route.add("imported into " + String.join("/", s.countriesOfImport()));
            }
            if (!s.countriesOfDiversion().isEmpty()) {
                route.add("diverted in " + String.join("/", s.countriesOfDiversion()));
            }
            route.add("recovered" + (s.municipality() == null ? "" : " in " + s.municipality()));
            book.text(row, 9, String.join(" → ", route));
        }
    }

    private void sdg(Book book, Figures f) {
        Sheet sheet = book.sheet("6 SDG 16.4.2");
        book.title(sheet, "SDG indicator 16.4.2");
        book.line(sheet, "Period", f.period().label());
        book.skip(sheet);
        book.header(sheet, List.of("", "Seized", "Found", "Surrendered", "Total"));
        var sdg = f.sdg();
        for (var line : List.of(Map.entry("Numerator: illicit origin established", sdg.numeratorByKind()),
                Map.entry("Denominator: seized, found or surrendered", sdg.denominatorByKind()))) {
            Row row = book.row(sheet);
            book.text(row, 0, line.getKey());
            book.number(row, 1, line.getValue().seized());
            book.number(row, 2, line.getValue().found());
            book.number(row, 3, line.getValue().surrendered());
            book.number(row, 4, line.getValue().total());
        }
        book.skip(sheet);
        Row ratio = book.row(sheet);
        book.text(ratio, 0, "Indicator (percent)");
        book.number(ratio, 4, StatisticsTables.percent(sdg.ratio()));
        book.line(sheet, "Of the denominator: international trace pending", Long.toString(sdg.pending()));
        book.line(sheet, "Of the denominator: surrendered under an amnesty, not traced", Long.toString(sdg.amnestyExcluded()));
        book.line(sheet, "Weapons recovered more than once in the period, counted once",
                Long.toString(sdg.recoveredMoreThanOnce()));
    }

    private static void writeTable(Book book, Sheet sheet, StatisticsTables.Table table) {
        var header = new ArrayList<String>();
        header.add("");
        header.addAll(table.columns());
        book.header(sheet, header);
        for (StatisticsTables.Line line : table.lines()) {
            Row row = book.row(sheet);
            book.text(row, 0, line.label());
            for (int i = 0; i < line.values().size(); i++) {
                book.number(row, i + 1, line.values().get(i));
            }
        }
        sheet.setColumnWidth(0, 40 * 256);
        for (int i = 1; i <= table.columns().size(); i++) {
            sheet.setColumnWidth(i, 18 * 256);
        }
    }

    private String stamp(Instant t) {
        return STAMP.format(t.atZone(statistics.zone()));
    }

    /** Excel's rules: at most 31 characters, none of : \ / ? * [ ]. */
    static String safeSheetName(String name) {
        String s = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return s.length() > 31 ? s.substring(0, 31) : s.isEmpty() ? "Sheet" : s;
    }

    /** A streaming workbook with the few styles these documents use. */
    private static final class Book implements AutoCloseable {
        private final SXSSFWorkbook wb = new SXSSFWorkbook(200) {
            // Deflating the sheets is most of the cost of a large export: the fastest level makes a
            // file about a fifth larger in a third less time.
            @Override
            protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
                ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
                zip.setLevel(Deflater.BEST_SPEED);
                return zip;
            }
        };
        private final CellStyle titleStyle;
        private final CellStyle headerStyle;
        private final CellStyle labelStyle;
        private final CellStyle quoted;
        private final Map<Sheet, int[]> rows = new HashMap<>();

        Book() {
            // Temporary sheet files stay uncompressed: compressing them costs more time than the disk it saves.
            var bold = wb.createFont();
            bold.setBold(true);
            var big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            titleStyle = wb.createCellStyle();
            titleStyle.setFont(big);
            headerStyle = wb.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headerStyle.setWrapText(true);
            labelStyle = wb.createCellStyle();
            labelStyle.setFont(bold);
            quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
        }

        Sheet sheet(String name) {
            Sheet s = wb.createSheet(name);
            rows.put(s, new int[1]);
            return s;
        }

        Row row(Sheet sheet) {
            return sheet.createRow(rows.get(sheet)[0]++);
        }

        void skip(Sheet sheet) {
            rows.get(sheet)[0]++;
        }

        void title(Sheet sheet, String title) {
            var cell = row(sheet).createCell(0);
            cell.setCellValue(title);
            cell.setCellStyle(titleStyle);
        }

        void line(Sheet sheet, String label, String value) {
            Row row = row(sheet);
            text(row, 0, label);
            row.getCell(0).setCellStyle(labelStyle);
            text(row, 1, value);
        }

        void header(Sheet sheet, List<String> names) {
            Row row = row(sheet);
            for (int i = 0; i < names.size(); i++) {
                text(row, i, names.get(i));
                row.getCell(i).setCellStyle(headerStyle);
            }
        }

        void text(Row row, int column, String value) {
            var cell = row.createCell(column);
            cell.setCellValue(value == null ? "" : value);
            if (SpreadsheetText.looksLikeFormula(value)) {
                cell.setCellStyle(quoted);
            }
        }

        /** A number cell; an unknown value (nothing to divide by) stays empty. */
        void number(Row row, int column, Number value) {
            var cell = row.createCell(column);
            if (value != null) {
                cell.setCellValue(value.doubleValue());
            }
        }

        void write(OutputStream out) {
            try {
                wb.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                wb.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
