package org.armstrace.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited text extract read with Commons CSV: quoted values may hold delimiters, quotes and
 * line breaks. The encoding is detected ({@link TextEncodings}) or declared; the delimiter is the
 * one of {@code , ; TAB |} that splits the header line most often, or the declared one. Bytes
 * that are not valid in the encoding make their row a rejection instead of silently becoming
 * replacement characters in the registry.
 */
final class CsvExtract implements Extract {

    static final int SAMPLE = 1 << 20;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Counting counting;
    private final long size;
    private final List<String> header;
    private final int headerLine;
    private final List<Issue> notes = new ArrayList<>();
    private long endedAtLine;
    private boolean finished;

    private CsvExtract(CSVParser parser, Counting counting, long size, TextEncodings.Detected encoding, char delimiter,
                       int headerRow) throws Unreadable {
        this.parser = parser;
        this.records = parser.iterator();
        this.counting = counting;
        this.size = size;
        notes.add(Issue.warning(0, "file-encoding", null, encoding.describe(), delimiter == '\t' ? "TAB" : String.valueOf(delimiter)));
        List<String> head = null;
        int line = 0;
        try {
            while (records.hasNext()) {
                CSVRecord r = records.next();
                line = (int) endedAtLine + 1;
                endedAtLine = parser.getCurrentLineNumber();
                if (line >= headerRow && !blank(r)) {
                    head = r.toList();
                    break;
                }
            }
        } catch (UncheckedIOException e) {
            throw new Unreadable("file-no-header");
        }
        if (head == null) {
            throw new Unreadable("file-empty");
        }
        this.header = head;
        this.headerLine = line;
    }

    static CsvExtract open(Path file, MappingProfile.Format format) throws IOException, Unreadable {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        }
        if (sample.length == 0) {
            throw new Unreadable("file-empty");
        }
        TextEncodings.Detected encoding;
        try {
            encoding = TextEncodings.detect(sample, sample.length, format.encoding());
        } catch (TextEncodings.NotText e) {
            throw new Unreadable("file-" + e.getMessage());
        }
        char delimiter = delimiter(format.delimiter(), new String(sample, encoding.skip(),
                sample.length - encoding.skip(), encoding.charset()));
        var counting = new Counting(Files.newInputStream(file));
        counting.skipNBytes(encoding.skip());
        Reader reader = new InputStreamReader(counting, encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false).setTrim(false).get();
        CSVParser parser = CSVParser.builder().setReader(new java.io.BufferedReader(reader, 1 << 16)).setFormat(csv).get();
        try {
            return new CsvExtract(parser, counting, Files.size(file), encoding, delimiter, format.headerRow());
        } catch (Unreadable | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** The declared delimiter, or the candidate that occurs most often outside quotes in the first line. */
    static char delimiter(String declared, String sample) {
        if (declared != null && !declared.equals("auto")) {
            return declared.equals("\\t") || declared.equalsIgnoreCase("tab") ? '\t' : declared.charAt(0);
        }
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public int headerLine() {
        return headerLine;
    }

    @Override
    public SourceRow next() throws IOException {
        while (!finished) {
            int line = (int) endedAtLine + 1;
            CSVRecord r;
            try {
                if (!records.hasNext()) {
                    finished = true;
                    return null;
                }
                r = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                // Commons CSV gives up on an unterminated quoted value: the file was cut off (or a
                // quote is missing). Everything from here on is one broken row; reading stops.
                finished = true;
                return new SourceRow(line, List.of(), List.of(Issue.rejected(line, "row-unterminated-quote", null)), List.of());
            }
            endedAtLine = parser.getCurrentLineNumber();
            if (blank(r)) {
                continue;
            }
            List<String> cells = r.toList();
            var problems = new ArrayList<Issue>();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).indexOf('\uFFFD') >= 0) {
                    problems.add(Issue.rejected(line, "cell-bad-bytes", i < header.size() ? header.get(i) : null));
                    break;
                }
            }
            return new SourceRow(line, cells, problems, List.of());
        }
        return null;
    }

    @Override
    public double progress() {
        return size == 0 ? 1 : Math.min(1, (double) counting.count / size);
    }

    @Override
    public List<Issue> fileNotes() {
        return notes;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static boolean blank(CSVRecord r) {
        for (String v : r) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Counts the bytes handed to the decoder, for the progress bar. */
    static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
