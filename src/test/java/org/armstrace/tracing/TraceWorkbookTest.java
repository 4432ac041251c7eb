package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.tracing.TraceWorkbook.Column;
import org.armstrace.tracing.TraceWorkbook.Problem;
import org.armstrace.tracing.TraceWorkbook.Result;
import org.junit.jupiter.api.Test;

class TraceWorkbookTest {

    @Test
    void a_filled_template_reads_back_row_by_row() throws IOException {
        try (var workbook = template()) {
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            put(sheet, "A2", "al");
            put(sheet, "B2", "REF-2026/17");
            put(sheet, "C2", "urgent");
            put(sheet, "E2", "  Glock ");
            put(sheet, "F2", "17");
            put(sheet, "H2", 1234567);
            put(sheet, "J2", "Found at a crime scene.\nThe slide was filed.");
            put(sheet, "K2", "International Tracing Instrument");
            put(sheet, "L2", "Criminal investigation");
            put(sheet, "B3", "   ");
            put(sheet, "A4", "RS");
            put(sheet, "E4", "Zastava");
            put(sheet, "H4", "000123");
            put(sheet, "A5", "XK");
            put(sheet, "C5", "ROUTINE");
            put(sheet, "H5", "A-77");

            var result = read(workbook);

            assertThat(result.ok()).as("%s", result.problems()).isTrue();
            assertThat(result.rows()).extracting(TraceWorkbook.Row::rowNumber).containsExactly(2, 4, 5);
            var first = result.rows().getFirst();
            assertThat(first.values()).isEqualTo(Map.of(Column.REQUESTING_COUNTRY, "AL",
                    Column.PARTNER_REFERENCE, "REF-2026/17", Column.PRIORITY, "URGENT", Column.MAKE, "Glock",
                    Column.MODEL, "17", Column.SERIAL, "1234567",
                    Column.WHY_ILLICIT, "Found at a crime scene.\nThe slide was filed.",
                    Column.LEGAL_BASIS, "International Tracing Instrument",
                    Column.INTENDED_USE, "Criminal investigation"));
            assertThat(first.value(Column.CALIBRE)).isNull();
            var second = result.rows().get(1);
            assertThat(second.value(Column.SERIAL)).isEqualTo("000123");
            assertThat(second.value(Column.PRIORITY)).as("blank means ROUTINE, decided by the service").isNull();
            assertThat(second.cell(Column.SERIAL)).isEqualTo("H4");
            assertThat(result.rows().get(2).cell(Column.REQUESTING_COUNTRY)).isEqualTo("A5");
            assertThat(result.rows().get(2).cell(Column.CIRCUMSTANCES)).isEqualTo("M5");
        }
    }

    @Test
    void the_template_has_the_exact_headers_a_text_format_a_priority_list_and_instructions() throws IOException {
        try (var workbook = template()) {
            assertThat(workbook.getSheetName(0)).isEqualTo(TraceWorkbook.SHEET);
            assertThat(workbook.getSheetName(1)).isEqualTo("Instructions");
            assertThat(workbook.getActiveSheetIndex()).isZero();
            assertThat(workbook.getProperties().getCoreProperties().getTitle())
                    .isEqualTo("ArmsTrace trace request workbook");
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            var header = sheet.getRow(0);
            assertThat(header.getLastCellNum()).isEqualTo((short) Column.values().length);
            assertThat(Arrays.stream(Column.values()).map(c -> header.getCell(c.ordinal()).getStringCellValue()))
                    .containsExactly("Requesting country", "Your reference", "Priority", "Weapon type", "Make",
                            "Model", "Calibre", "Serial number", "Country of manufacture",
                            "Why the weapon is considered illicit", "Legal basis", "Intended use of the information",
                            "Circumstances of the recovery", "Person's given name", "Person's family name",
                            "Person's date of birth", "Person's place of birth", "Person's personal number");
            for (var column : Column.values()) {
                assertThat(header.getCell(column.ordinal()).getCellComment().getString().getString())
                        .isEqualTo(column.description());
                assertThat(sheet.getColumnStyle(column.ordinal()).getDataFormatString()).isEqualTo("@");
            }
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            var validation = sheet.getDataValidations().getFirst();
            assertThat(validation.getValidationConstraint().getExplicitListValues())
                    .containsExactly("URGENT", "PRIORITY", "ROUTINE");
            assertThat(validation.getRegions().getCellRangeAddresses()[0].formatAsString()).isEqualTo("C2:C501");
            assertThat(workbook.getSheet("Instructions").getPhysicalNumberOfRows()).isGreaterThan(3);
        }
    }

    @Test
    void the_published_template_is_the_one_the_code_makes() throws IOException {
        assertThat(TraceWorkbook.template()).as("same bytes every time").isEqualTo(TraceWorkbook.template());
        assertThat(Files.readAllBytes(Path.of("import/templates/trace-request-workbook.xlsx")))
                .as("regenerate the published template from TraceWorkbook.template()")
                .isEqualTo(TraceWorkbook.template());
    }

    @Test
    void numbers_booleans_and_dates_read_as_the_partner_sees_them() throws IOException {
        try (var workbook = new XSSFWorkbook()) {
            var sheet = headed(workbook);
            request(sheet, 2);
            put(sheet, "H2", 123456789012345L);
            put(sheet, "G2", 7.62);
            put(sheet, "F2", true);
            var date = cell(sheet, "M2");
            date.setCellValue(LocalDate.of(2026, 3, 5));
            date.setCellStyle(style(workbook, "dd.mm.yyyy"));
            var padded = cell(sheet, "B2");
            padded.setCellValue(123);
            padded.setCellStyle(style(workbook, "000000"));

            var row = read(workbook).rows().getFirst();

            assertThat(row.value(Column.SERIAL)).isEqualTo("123456789012345");
            assertThat(row.value(Column.CALIBRE)).isEqualTo("7.62");
            assertThat(row.value(Column.MODEL)).isEqualTo("TRUE");
            assertThat(row.value(Column.CIRCUMSTANCES)).isEqualTo("2026-03-05");
            assertThat(row.value(Column.PARTNER_REFERENCE)).isEqualTo("000123");
        }
    }

    @Test
    void a_file_over_five_megabytes_is_refused_without_reading_it_all() {
        var served = new AtomicLong();
        var endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 0);
                served.addAndGet(len);
                return len;
            }
        };

        assertThat(TraceWorkbook.read(endless).problems()).containsExactly(problem(null, "workbook.too-large", "5"));
        assertThat(served.get()).isLessThanOrEqualTo(TraceWorkbook.MAX_BYTES + 1);
    }

    @Test
    void an_old_xls_workbook_is_recognised_by_its_content() throws IOException {
        try (var xls = new HSSFWorkbook()) {
            xls.createSheet(TraceWorkbook.SHEET);
            assertThat(read(xls).problems()).containsExactly(problem(null, "workbook.old-format"));
        }
    }

    @Test
    void a_password_protected_workbook_is_told_apart_from_an_old_one() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var fs = new POIFSFileSystem()) {
            var encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (var data = encryptor.getDataStream(fs)) {
                data.write(TraceWorkbook.template());
            }
            fs.writeFilesystem(out);
        }

        assertThat(TraceWorkbook.read(new ByteArrayInputStream(out.toByteArray())).problems())
                .containsExactly(problem(null, "workbook.encrypted"));
    }

    @Test
    void text_an_empty_upload_a_foreign_zip_or_a_cut_off_workbook_is_not_a_workbook() throws IOException {
        var template = TraceWorkbook.template();
        var foreignZip = zip(zip -> {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        });
        for (var bytes : List.of("Requesting country;Make\nAL;Glock\n".getBytes(StandardCharsets.UTF_8), new byte[0],
                foreignZip, Arrays.copyOf(template, template.length / 2))) {
            assertThat(TraceWorkbook.read(new ByteArrayInputStream(bytes)).problems())
                    .containsExactly(problem(null, "workbook.not-xlsx"));
        }
    }

    @Test
    void zip_bombs_are_refused_before_poi_opens_them() throws IOException {
        var zeros = new byte[1024 * 1024];
        var twoHundredMegabytes = zip(zip -> {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        });
        var oneMegabyteOfZeros = zip(zip -> {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(zeros);
        });
        var manyParts = zip(zip -> {
            for (int i = 0; i <= 1_000; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/image" + i + ".png"));
                zip.write(i);
            }
        });
        assertThat(twoHundredMegabytes.length).isLessThan((int) TraceWorkbook.MAX_BYTES);

        for (var bomb : List.of(twoHundredMegabytes, oneMegabyteOfZeros, manyParts)) {
            assertThat(TraceWorkbook.read(new ByteArrayInputStream(bomb)).problems())
                    .containsExactly(problem(null, "workbook.zip-bomb"));
        }
    }

    @Test
    void a_workbook_without_a_requests_sheet_is_refused() throws IOException {
        try (var workbook = new XSSFWorkbook()) {
            workbook.createSheet("Sheet1");
            assertThat(read(workbook).problems()).containsExactly(problem(null, "workbook.no-requests-sheet"));
        }
    }

    @Test
    void a_renamed_or_missing_column_is_named_at_its_header_cell() throws IOException {
        try (var workbook = template()) {
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            put(sheet, "A1", "  REQUESTING COUNTRY ");
            put(sheet, "F1", "");
            put(sheet, "H1", "Serial");
            request(sheet, 2);

            assertThat(read(workbook).problems()).containsExactly(
                    problem("F1", "workbook.renamed-column", "Model", ""),
                    problem("H1", "workbook.renamed-column", "Serial number", "Serial"));
        }
    }

    @Test
    void an_extra_column_is_reported_in_the_header_and_once_per_data_row() throws IOException {
        try (var workbook = template()) {
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            put(sheet, "S1", "Notes");
            put(sheet, "U1", "More notes");
            request(sheet, 2);
            put(sheet, "S2", "seen twice");
            put(sheet, "T2", "a second extra cell");
            request(sheet, 3);
            put(sheet, "Z4", "a row with nothing else");

            assertThat(read(workbook).problems()).containsExactly(problem("S1", "workbook.extra-column"),
                    problem("U1", "workbook.extra-column"), problem("S2", "workbook.extra-column"),
                    problem("Z4", "workbook.extra-column"));
        }
    }

    @Test
    void hidden_columns_rows_with_data_and_hidden_sheets_are_refused() throws IOException {
        try (var workbook = template()) {
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            sheet.setColumnHidden(Column.WEAPON_TYPE.ordinal(), true);
            sheet.setColumnWidth(Column.MAKE.ordinal(), 0);
            request(sheet, 2);
            request(sheet, 3);
            sheet.getRow(2).setZeroHeight(true);
            sheet.createRow(3).setZeroHeight(true);
            workbook.setSheetVisibility(workbook.getSheetIndex(workbook.createSheet("Notes")), SheetVisibility.HIDDEN);
            workbook.setSheetVisibility(workbook.getSheetIndex(workbook.createSheet("Lists")),
                    SheetVisibility.VERY_HIDDEN);

            assertThat(read(workbook).problems()).containsExactly(problem(null, "workbook.hidden-sheet", "Notes"),
                    problem(null, "workbook.hidden-sheet", "Lists"), problem("D1", "workbook.hidden-column"),
                    problem("E1", "workbook.hidden-column"), problem("A3", "workbook.hidden-row"));
        }
    }

    @Test
    void a_formula_or_an_error_is_reported_at_its_cell_and_never_evaluated() throws IOException {
        try (var workbook = template()) {
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            request(sheet, 2);
            cell(sheet, "H2").setCellFormula("\"SN\"&ROW()");
            request(sheet, 3);
            cell(sheet, "G3").setCellErrorValue(FormulaError.NA.getCode());
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();

            var result = read(workbook);

            assertThat(result.problems()).containsExactly(problem("H2", "workbook.formula"),
                    problem("G3", "workbook.cell-error"));
            assertThat(result.rows().getFirst().value(Column.SERIAL)).as("no cached value").isNull();
        }
    }

    @Test
    void text_too_long_or_with_control_characters_is_refused() throws IOException {
        try (var workbook = template()) {
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            request(sheet, 2);
            put(sheet, "E2", "G".repeat(201));
            put(sheet, "J2", "x".repeat(8_001));
            request(sheet, 3);
            put(sheet, "F3", "M".repeat(200));
            put(sheet, "J3", "x".repeat(8_000));
            put(sheet, "M3", "Seized at the border.\r\n\tIn the boot.");
            request(sheet, 4);
            put(sheet, "F4", "Model\n17");
            put(sheet, "M4", "bell_x0007_"); // how Excel writes a BEL character to the file

            assertThat(read(workbook).problems()).containsExactly(problem("E2", "workbook.too-long", "200"),
                    problem("J2", "workbook.too-long", "8000"), problem("F4", "workbook.bad-text"),
                    problem("M4", "workbook.bad-text"));
        }
    }

    @Test
    void priority_and_country_are_checked_and_put_in_upper_case() throws IOException {
        try (var workbook = template()) {
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            int row = 2;
            for (var priority : Priority.values()) {
                request(sheet, row);
                put(sheet, "C" + row++, priority.name().toLowerCase(Locale.ROOT));
            }
            request(sheet, row);
            put(sheet, "A" + row, "ALB");
            put(sheet, "C" + row, "HIGH");
            request(sheet, ++row);
            put(sheet, "A" + row, "a1");

            var result = read(workbook);

            assertThat(result.problems()).containsExactly(problem("A5", "workbook.bad-country"),
                    problem("C5", "workbook.bad-priority"), problem("A6", "workbook.bad-country"));
            assertThat(result.rows().subList(0, 3)).extracting(r -> r.value(Column.PRIORITY))
                    .containsExactly("URGENT", "PRIORITY", "ROUTINE");
        }
    }

    @Test
    void five_hundred_requests_are_read_and_one_more_stops_the_reading() throws IOException {
        try (var workbook = template()) {
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            for (int row = 2; row <= TraceWorkbook.MAX_ROWS + 1; row++) {
                request(sheet, row);
            }
            assertThat(read(workbook).rows()).hasSize(TraceWorkbook.MAX_ROWS);

            request(sheet, TraceWorkbook.MAX_ROWS + 3);
            cell(sheet, "H" + (TraceWorkbook.MAX_ROWS + 4)).setCellFormula("1+1");

            assertThat(read(workbook).problems()).as("nothing is read after the limit")
                    .containsExactly(problem(null, "workbook.too-many-rows", "500"));
        }
    }

    @Test
    void an_untouched_template_is_empty() throws IOException {
        assertThat(TraceWorkbook.read(new ByteArrayInputStream(TraceWorkbook.template())).problems())
                .containsExactly(problem(null, "workbook.empty"));
        try (var workbook = template()) {
            put(workbook.getSheet(TraceWorkbook.SHEET), "E2", " ");
            assertThat(read(workbook).problems()).containsExactly(problem(null, "workbook.empty"));
        }
    }

    @Test
    void problems_come_in_sheet_order_and_stop_at_two_hundred() throws IOException {
        try (var workbook = template()) {
            var sheet = workbook.getSheet(TraceWorkbook.SHEET);
            for (int row = 151; row >= 2; row--) {
                request(sheet, row);
                put(sheet, "C" + row, "SOON");
                put(sheet, "A" + row, "Albania");
            }
            cell(sheet, "M1").setCellFormula("\"Circumstances of the recovery\"");
            sheet.setColumnHidden(0, true);
            workbook.setSheetVisibility(workbook.getSheetIndex(workbook.createSheet("Notes")), SheetVisibility.HIDDEN);

            var problems = read(workbook).problems();

            assertThat(problems).hasSize(201);
            assertThat(problems.subList(0, 6)).containsExactly(problem(null, "workbook.hidden-sheet", "Notes"),
                    problem("A1", "workbook.hidden-column"),
                    problem("M1", "workbook.renamed-column", "Circumstances of the recovery", ""),
                    problem("M1", "workbook.formula"), problem("A2", "workbook.bad-country"),
                    problem("C2", "workbook.bad-priority"));
            assertThat(problems.subList(1, 200)).isSortedAccordingTo(Comparator
                    .comparingInt((Problem p) -> new CellReference(p.cell()).getRow())
                    .thenComparingInt(p -> new CellReference(p.cell()).getCol()));
            // 4 + 150 * 2 found, 200 shown
            assertThat(problems.getLast()).isEqualTo(problem(null, "workbook.too-many-problems", "104"));
        }
    }

    private static XSSFWorkbook template() throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(TraceWorkbook.template()));
    }

    private static Sheet headed(Workbook workbook) {
        var sheet = workbook.createSheet(TraceWorkbook.SHEET);
        for (var column : Column.values()) {
            put(sheet, CellReference.convertNumToColString(column.ordinal()) + 1, column.header());
        }
        return sheet;
    }

    /** What the Instrument requires, so that a row is a complete request. */
    private static void request(Sheet sheet, int row) {
        put(sheet, "A" + row, "AL");
        put(sheet, "E" + row, "Glock");
        put(sheet, "H" + row, "SN" + row);
        put(sheet, "J" + row, "Found at a crime scene");
        put(sheet, "K" + row, "International Tracing Instrument");
        put(sheet, "L" + row, "Criminal investigation");
    }

    private static Cell cell(Sheet sheet, String a1) {
        var at = new CellReference(a1);
        var row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        return row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
    }

    private static void put(Sheet sheet, String a1, Object value) {
        var cell = cell(sheet, a1);
        switch (value) {
            case String s -> cell.setCellValue(s);
            case Number n -> cell.setCellValue(n.doubleValue());
            case Boolean b -> cell.setCellValue(b);
            default -> throw new IllegalArgumentException(value.toString());
        }
    }

    private static CellStyle style(Workbook workbook, String format) {
        var style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static Result read(Workbook workbook) throws IOException {
        var out = new ByteArrayOutputStream();
        workbook.write(out);
        return TraceWorkbook.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static Problem problem(String cell, String key, String... args) {
        return new Problem(cell, key, List.of(args));
    }

    private interface ZipContent {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static byte[] zip(ZipContent content) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            content.write(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
