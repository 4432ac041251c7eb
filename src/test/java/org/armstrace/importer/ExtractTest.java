package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading extracts: encodings, delimiters, quoted line breaks, cut-off files, workbooks. */
class ExtractTest {

    static final MappingProfile.Format AUTO = new MappingProfile.Format("AUTO", "auto", "auto", null, 1);
    static final Path SAMPLES = Path.of("import/samples");

    @TempDir
    Path tmp;

    static List<Extract.SourceRow> rows(Extract e) throws IOException {
        var out = new ArrayList<Extract.SourceRow>();
        Extract.SourceRow r;
        while ((r = e.next()) != null) {
            out.add(r);
        }
        return out;
    }

    @Test
    void windows_1251_cyrillic_is_detected_and_decoded() throws Exception {
        try (Extract e = Extract.open(SAMPLES.resolve("people-cyrillic-1251.csv"), AUTO)) {
            assertThat(e.header()).containsExactly("ЈМБГ", "Име", "Презиме", "Име оца", "Датум рођења", "Место рођења");
            assertThat(e.fileNotes().getFirst().args()).containsExactly("windows-1251", ";");
            assertThat(rows(e)).hasSize(450);
        }
    }

    @Test
    void windows_1250_latin_with_tabs_is_detected_and_decoded() throws Exception {
        try (Extract e = Extract.open(SAMPLES.resolve("people-latin-1250.tsv"), AUTO)) {
            assertThat(e.header()).contains("Datum rođenja");
            assertThat(e.fileNotes().getFirst().args()).containsExactly("windows-1250", "TAB");
            assertThat(rows(e).stream().map(r -> r.cells().get(2)).toList())
                    .anyMatch(name -> name.matches(".*[ćčšžđĐŠŽČĆ].*")).allMatch(name -> !name.contains("?"));
        }
    }

    @Test
    void utf8_with_a_byte_order_mark_loses_the_mark_from_the_first_header() throws Exception {
        try (Extract e = Extract.open(SAMPLES.resolve("firearms.csv"), AUTO)) {
            assertThat(e.header().getFirst()).isEqualTo("Lloji");
            assertThat(e.fileNotes().getFirst().args()).containsExactly("UTF-8 (BOM)", ";");
        }
    }

    @Test
    void a_quoted_value_with_a_line_break_is_one_value_and_lines_stay_counted() throws Exception {
        Path f = write("a,b\n1,\"x,\ny\"\n2,z\n", StandardCharsets.UTF_8);
        try (Extract e = Extract.open(f, AUTO)) {
            List<Extract.SourceRow> rows = rows(e);
            assertThat(rows.get(0).cells()).containsExactly("1", "x,\ny");
            assertThat(rows.get(0).line()).isEqualTo(2);
            assertThat(rows.get(1).line()).isEqualTo(4);
        }
    }

    @Test
    void a_file_cut_off_inside_a_quote_ends_in_one_rejected_row() throws Exception {
        try (Extract e = Extract.open(SAMPLES.resolve("firearms.csv"), AUTO)) {
            List<Extract.SourceRow> rows = rows(e);
            Extract.SourceRow last = rows.getLast();
            assertThat(last.problems()).extracting(Issue::code).containsExactly("row-unterminated-quote");
            assertThat(last.line()).isEqualTo(rows.get(rows.size() - 2).line() + 1);
        }
    }

    @Test
    void a_broken_quote_rejects_its_line_and_reading_goes_on_at_the_next() throws Exception {
        var csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 10_000; i++) { // far enough that the restart seeks to an indexed line, not the start
            csv.append(i).append(",fine\n");
        }
        csv.append("x,\"Glock\" 17\n")   // text after a closing quote
                .append("y,after\n")
                .append("z,\"never closed\n")
                .append("w,last\n");
        for (String eol : List.of("\n", "\r\n")) {
            try (Extract e = Extract.open(write(csv.toString().replace("\n", eol), StandardCharsets.UTF_8), AUTO)) {
                List<Extract.SourceRow> rows = rows(e);
                assertThat(rows).hasSize(10_004);
                assertThat(rows.get(9_999).cells()).containsExactly("9999", "fine");
                assertThat(rows.get(9_999).line()).isEqualTo(10_001);
                assertThat(rows.subList(10_000, 10_004)).extracting(Extract.SourceRow::line)
                        .containsExactly(10_002, 10_003, 10_004, 10_005);
                assertThat(rows.get(10_000).problems()).extracting(Issue::code).containsExactly("row-bad-quotes");
                assertThat(rows.get(10_001).cells()).containsExactly("y", "after");
                assertThat(rows.get(10_002).problems()).extracting(Issue::code).containsExactly("row-unterminated-quote");
                assertThat(rows.get(10_003).cells()).containsExactly("w", "last");
            }
        }
    }

    @Test
    void a_quote_left_open_for_megabytes_costs_one_row_not_the_memory() throws Exception {
        var csv = new StringBuilder("a,b\n1,\"opened\n");
        String filler = "x".repeat(999);
        int fillerLines = CsvExtract.MAX_RECORD / 1_000 + 100;
        for (int i = 0; i < fillerLines; i++) {
            csv.append(filler).append('\n');
        }
        csv.append("2,ok\n");
        try (Extract e = Extract.open(write(csv.toString(), StandardCharsets.UTF_8), AUTO)) {
            List<Extract.SourceRow> rows = rows(e);
            assertThat(rows.getFirst().problems()).extracting(Issue::code).containsExactly("row-too-long");
            assertThat(rows.getFirst().line()).isEqualTo(2);
            assertThat(rows).hasSize(fillerLines + 2);
            assertThat(rows.getLast().cells()).containsExactly("2", "ok");
            assertThat(rows.getLast().line()).isEqualTo(fillerLines + 3);
        }
    }

    @Test
    void binary_garbage_is_refused_as_a_file() throws IOException {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Path f = tmp.resolve("junk.csv");
        Files.write(f, junk);
        assertThatThrownBy(() -> Extract.open(f, AUTO)).isInstanceOf(Extract.Unreadable.class).hasMessage("file-binary");
    }

    @Test
    void an_old_xls_or_a_password_protected_workbook_is_refused() throws IOException {
        Path f = tmp.resolve("old.xls");
        Files.write(f, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
        assertThatThrownBy(() -> Extract.open(f, AUTO)).hasMessage("file-ole2");
    }

    @Test
    void a_zip_that_is_not_a_workbook_is_refused() throws IOException {
        Path f = tmp.resolve("x.xlsx");
        try (var zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes());
        }
        assertThatThrownBy(() -> Extract.open(f, AUTO)).hasMessage("file-not-xlsx");
    }

    @Test
    void an_empty_file_is_refused() throws IOException {
        assertThatThrownBy(() -> Extract.open(write("", StandardCharsets.UTF_8), AUTO)).hasMessage("file-empty");
    }

    @Test
    void the_delimiter_is_the_one_that_splits_the_header_most() {
        assertThat(CsvExtract.delimiter("auto", "a;b;c\n1,5;2;3")).isEqualTo(';');
        assertThat(CsvExtract.delimiter("auto", "\"a,b\"\tc\td")).isEqualTo('\t');
        assertThat(CsvExtract.delimiter("auto", "a|b|c")).isEqualTo('|');
        assertThat(CsvExtract.delimiter(";", "a,b,c")).isEqualTo(';');
    }

    @Test
    void invalid_bytes_in_a_utf8_file_reject_their_row_only() throws Exception {
        byte[] head = "a,b\n1,ok\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'2', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] tail = "3,fine\n".getBytes(StandardCharsets.UTF_8);
        Path f = tmp.resolve("mixed.csv");
        var out = new ByteArrayOutputStream();
        out.write(head);
        // the sample decides the encoding: keep the bad bytes beyond it so that UTF-8 is detected
        out.write(" ".repeat(CsvExtract.SAMPLE).getBytes());
        out.write('\n');
        out.write(bad);
        out.write(tail);
        Files.write(f, out.toByteArray());
        try (Extract e = Extract.open(f, new MappingProfile.Format("CSV", "UTF-8", ",", null, 1))) {
            List<Extract.SourceRow> rows = rows(e);
            assertThat(rows).filteredOn(r -> !r.problems().isEmpty()).singleElement()
                    .satisfies(r -> assertThat(r.cells().getFirst()).isEqualTo("2"));
            assertThat(rows.getLast().cells()).containsExactly("3", "fine");
        }
    }

    @Test
    void the_workbook_is_read_as_the_clerk_sees_it() throws Exception {
        try (Extract e = Extract.open(SAMPLES.resolve("firearms.xlsx"), AUTO)) {
            assertThat(e.header()).startsWith("Lloji", "Prodhuesi", "Modeli");
            assertThat(e.fileNotes()).extracting(Issue::code).contains("file-sheet", "file-sheet-hidden");
            List<Extract.SourceRow> rows = rows(e);
            assertThat(rows).hasSize(1_500);
            Extract.SourceRow merged = rows.stream().filter(r -> r.line() == 12).findFirst().orElseThrow();
            assertThat(merged.cells().get(1)).isEqualTo("Zastava");
            assertThat(merged.notes()).extracting(Issue::code).contains("cell-merged");
            Extract.SourceRow formula = rows.stream().filter(r -> r.line() == 21).findFirst().orElseThrow();
            assertThat(formula.cells().get(5)).isEqualTo("1995");
            assertThat(formula.notes()).extracting(Issue::code).containsExactly("cell-formula");
            Extract.SourceRow error = rows.stream().filter(r -> r.line() == 22).findFirst().orElseThrow();
            assertThat(error.problems()).extracting(Issue::code).containsExactly("cell-error");
            Extract.SourceRow hidden = rows.stream().filter(r -> r.line() == 31).findFirst().orElseThrow();
            assertThat(hidden.notes()).extracting(Issue::code).containsExactly("row-hidden");
            assertThat(rows.get(5).cells().get(5)).matches("\\d{4}"); // a number, not "1987.0"
        }
    }

    @Test
    void a_damaged_or_hostile_sheet_rejects_only_its_bad_rows_and_reads_on() throws Exception {
        String c = "<c t=\"inlineStr\"><is><t>%s</t></is></c>";
        String sheet = "<sheetData>"
                + "<row r=\"1\">" + c.formatted("Serial") + c.formatted("Make") + "</row>"
                + "<row r=\"2\">" + c.formatted("A1") + c.formatted("Zastava") + "</row>"
                + "<row>" + c.formatted("A2") + c.formatted("no row number") + "</row>"                   // is row 3
                + "<row r=\"4\"><c r=\"ZZZZZZ4\" t=\"inlineStr\"><is><t>far</t></is></c></row>"      // beyond XFD
                + "<row r=\"5\">" + c.formatted("A5") + "<c r=\"B5\" t=\"s\"><v>999</v></c></row>"    // no such string
                + "<row r=\"6\">" + c.formatted("A6") + "<c r=\"B6\"><v>NaN</v></c></row>"              // not a number
                + "<row r=\"7\"><c r=\"7\" t=\"inlineStr\"><is><t>no column</t></is></c></row>"
                + "<row r=\"8\">" + c.formatted("A8") + c.formatted("Glock") + "</row>"
                + "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:ZZZZZZ1\"/></mergeCells>";
        Path f = workbookWithSheetData(sheet);

        try (Extract e = Extract.open(f, AUTO)) {
            assertThat(e.header()).containsExactly("Serial", "Make");
            List<Extract.SourceRow> rows = rows(e);
            assertThat(rows).extracting(Extract.SourceRow::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
            assertThat(rows.get(1).cells()).containsExactly("A2", "no row number");
            assertThat(rows.get(2).problems()).extracting(Issue::code).containsExactly("cell-ref-invalid");
            assertThat(rows.get(3).problems()).extracting(Issue::code).containsExactly("cell-invalid");
            assertThat(rows.get(4).problems()).extracting(Issue::code).containsExactly("cell-invalid");
            assertThat(rows.get(5).problems()).extracting(Issue::code).containsExactly("cell-ref-invalid");
            assertThat(rows.get(6).cells()).containsExactly("A8", "Glock");
            assertThat(rows.get(6).problems()).isEmpty();
        }
    }

    @Test
    @Timeout(60)
    void a_sheet_with_a_merged_region_on_every_row_reads_in_one_pass() throws Exception {
        // A layout some systems export: each record's two cells merged. Every row used to scan every region.
        int rows = 200_000;
        var sheet = new StringBuilder("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Serial</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>Copy</t></is></c></row>");
        var merges = new StringBuilder("<mergeCells count=\"" + rows + "\">");
        for (int r = 2; r < rows + 2; r++) {
            sheet.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>S")
                    .append(r).append("</t></is></c></row>");
            merges.append("<mergeCell ref=\"A").append(r).append(":B").append(r).append("\"/>");
        }
        Path f = workbookWithSheetData(sheet.append("</sheetData>").append(merges).append("</mergeCells>").toString());

        try (Extract e = Extract.open(f, AUTO)) {
            List<Extract.SourceRow> read = rows(e);
            assertThat(read).hasSize(rows);
            assertThat(read.getLast().cells()).containsExactly("S" + (rows + 1), "S" + (rows + 1));
        }
    }

    /** A workbook written by POI whose first sheet's rows are replaced by the given XML, as a damaged file would have them. */
    private Path workbookWithSheetData(String sheetData) throws IOException {
        Path plain = tmp.resolve("plain.xlsx");
        try (var wb = new XSSFWorkbook(); var out = Files.newOutputStream(plain)) {
            wb.createSheet("Armë").createRow(0).createCell(0).setCellValue("shared");
            wb.write(out);
        }
        Path damaged = tmp.resolve("damaged.xlsx");
        try (var in = new ZipInputStream(Files.newInputStream(plain));
             var out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replaceAll("(?s)<sheetData>.*</sheetData>|<sheetData/>", Matcher.quoteReplacement(sheetData))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return damaged;
    }

    @Test
    void windows_1250_and_1251_are_told_apart_on_a_single_line() throws Exception {
        Charset cp1250 = TextEncodings.WINDOWS_1250;
        Charset cp1251 = TextEncodings.WINDOWS_1251;
        byte[] latin = "Đorđević;Šipka;Čolić\n".getBytes(cp1250);
        byte[] cyrillic = "Ђорђевић;Шипка;Чолић\n".getBytes(cp1251);
        assertThat(TextEncodings.detect(latin, latin.length, "auto").charset()).isEqualTo(cp1250);
        assertThat(TextEncodings.detect(cyrillic, cyrillic.length, "auto").charset()).isEqualTo(cp1251);
        byte[] utf8 = "Đorđević".getBytes(StandardCharsets.UTF_8);
        assertThat(TextEncodings.detect(utf8, utf8.length, "auto").charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextEncodings.detect(latin, latin.length, "windows-1251").charset()).isEqualTo(cp1251);
    }

    private Path write(String text, Charset cs) throws IOException {
        Path f = Files.createTempFile(tmp, "x", ".csv");
        Files.writeString(f, text, cs);
        return f;
    }
}
