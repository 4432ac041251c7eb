package org.armstrace.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An extract being read row by row, never whole: the header, then one row at a time with its
 * line number as the user's editor shows it (a CSV line, an Excel row), and what the reader
 * itself found wrong with the row (a cut-off file, a cell holding an error).
 */
interface Extract extends Closeable {

    /** One row as read; {@code problems} make it unusable, {@code notes} are warnings. */
    record SourceRow(int line, List<String> cells, List<Issue> problems, List<Issue> notes) {
    }

    /** The file as a whole cannot be read (not CSV/XLSX, binary, encrypted, no header …). */
    final class Unreadable extends Exception {
        private final Issue issue;

        Unreadable(String code, Object... args) {
            super(code);
            this.issue = Issue.rejected(0, code, null, args);
        }

        Issue issue() {
            return issue;
        }
    }

    List<String> header();

    int headerLine();

    /** The next row, or null at the end. */
    SourceRow next() throws IOException;

    /** How far reading has got, for progress: 0 to 1, or -1 when not known. */
    double progress();

    /** Warnings about the file as a whole (encoding detected, hidden sheets ignored …). */
    List<Issue> fileNotes();

    /** Opens CSV or XLSX by content (a zip is a workbook), or as the profile says. */
    static Extract open(Path file, MappingProfile.Format format) throws IOException, Unreadable {
        boolean zip;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            zip = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
            if (magic.length >= 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF) {
                throw new Unreadable("file-ole2"); // .xls, or a password-protected .xlsx
            }
        }
        String type = format.type();
        if (type.equals("XLSX") || type.equals("AUTO") && zip) {
            if (!zip) {
                throw new Unreadable("file-not-xlsx");
            }
            return XlsxExtract.open(file, format);
        }
        if (zip) {
            throw new Unreadable("file-not-csv");
        }
        return CsvExtract.open(file, format);
    }
}
