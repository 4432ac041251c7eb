package org.armstrace.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.base.UntrustedWorkbook.Limits;
import org.armstrace.base.UntrustedWorkbook.Verdict;
import org.junit.jupiter.api.Test;

class UntrustedWorkbookTest {

    /** 1 MB as uploaded, 10 MB inflated, 20 parts, a hundredfold above 100 KiB. */
    private static final Limits SMALL = new Limits(1024 * 1024, 10L * 1024 * 1024, 20, 100, 100L * 1024);

    private interface Writer {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static byte[] zip(Writer writer) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            writer.write(zip);
        }
        return out.toByteArray();
    }

    private static byte[] realWorkbook() throws IOException {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            workbook.createSheet("Requests").createRow(0).createCell(0).setCellValue("Make");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void a_plain_workbook_is_acceptable() throws IOException {
        assertThat(UntrustedWorkbook.check(realWorkbook(), SMALL)).isEqualTo(Verdict.ACCEPTABLE);
    }

    @Test
    void a_file_over_the_size_limit_is_too_large_whatever_it_holds() {
        assertThat(UntrustedWorkbook.check(new byte[1024 * 1024 + 1], SMALL)).isEqualTo(Verdict.TOO_LARGE);
    }

    @Test
    void a_file_that_is_not_a_zip_is_not_an_xlsx() {
        assertThat(UntrustedWorkbook.check("make,serial\nZastava,123\n".getBytes(), SMALL)).isEqualTo(Verdict.NOT_XLSX);
    }

    @Test
    void the_old_container_is_an_old_workbook_or_an_encrypted_new_one() throws IOException {
        byte[] plain;
        byte[] encrypted;
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[16]), "Workbook");
            fs.writeFilesystem(out);
            plain = out.toByteArray();
        }
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[16]), Decryptor.DEFAULT_POIFS_ENTRY);
            fs.writeFilesystem(out);
            encrypted = out.toByteArray();
        }

        assertThat(UntrustedWorkbook.check(plain, SMALL)).isEqualTo(Verdict.OLD_FORMAT);
        assertThat(UntrustedWorkbook.check(encrypted, SMALL)).isEqualTo(Verdict.ENCRYPTED);
    }

    @Test
    void a_zip_that_inflates_past_the_total_limit_is_a_bomb() throws IOException {
        var zeros = new byte[1024 * 1024];
        byte[] elevenMegabytes = zip(zip -> {
            for (int part = 0; part < 11; part++) {
                zip.putNextEntry(new ZipEntry("xl/part" + part + ".bin"));
                zip.write(zeros);
            }
        });
        // No ratio limit, so that only the total counts.
        var totalOnly = new Limits(1024 * 1024, 10L * 1024 * 1024, 20, Integer.MAX_VALUE, 0);

        assertThat(UntrustedWorkbook.check(elevenMegabytes, totalOnly)).isEqualTo(Verdict.ZIP_BOMB);
        assertThat(UntrustedWorkbook.inflatesTooFar(new ByteArrayInputStream(elevenMegabytes),
                new Limits(Long.MAX_VALUE, 20L * 1024 * 1024, 20, Integer.MAX_VALUE, 0))).as("under a looser total")
                .isFalse();
    }

    @Test
    void one_part_that_inflates_a_hundredfold_is_a_bomb_and_a_small_one_is_not() throws IOException {
        byte[] oneMegabyteOfZeros = zip(zip -> {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(new byte[1024 * 1024]);
        });
        byte[] fiftyKilobytesOfZeros = zip(zip -> {
            zip.putNextEntry(new ZipEntry("xl/styles.xml"));
            zip.write(new byte[50 * 1024]);
        });

        assertThat(UntrustedWorkbook.check(oneMegabyteOfZeros, SMALL)).isEqualTo(Verdict.ZIP_BOMB);
        assertThat(UntrustedWorkbook.check(fiftyKilobytesOfZeros, SMALL)).as("under the ratio floor")
                .isEqualTo(Verdict.ACCEPTABLE);
    }

    @Test
    void too_many_parts_is_a_bomb() throws IOException {
        byte[] manyParts = zip(zip -> {
            for (int i = 0; i <= 20; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/image" + i + ".png"));
                zip.write(i);
            }
        });

        assertThat(UntrustedWorkbook.check(manyParts, SMALL)).isEqualTo(Verdict.ZIP_BOMB);
    }

    @Test
    void a_zip_cut_off_inside_a_part_is_reported_to_the_caller() throws IOException {
        var noise = new byte[100 * 1024];
        new Random(7).nextBytes(noise);
        byte[] whole = zip(zip -> {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(noise);
        });
        byte[] damaged = Arrays.copyOf(whole, 1_000);

        assertThatThrownBy(() -> UntrustedWorkbook.inflatesTooFar(new ByteArrayInputStream(damaged), SMALL))
                .isInstanceOf(IOException.class);
        assertThat(UntrustedWorkbook.check(damaged, SMALL)).isEqualTo(Verdict.NOT_XLSX);
    }
}
