package org.armstrace.importer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>A broken quote (text after a closing quote, one never closed, or one that swallows more than
 * {@link #MAX_RECORD} characters of the lines after it) rejects the line it starts on, and reading
 * goes on at the next line: the parser is started again there ({@link LineIndex}), so that one stray
 * quote costs one row, not the rest of the file.
 */
final class CsvExtract implements Extract {

    static final int SAMPLE = 1 << 20;
    /** The most characters one record may take: beyond, a quote left open is swallowing the file. */
    static final int MAX_RECORD = 1 << 24;
    /** Restarts after broken quotes before the rest of the file is given up as one rejected remainder. */
    static final int MAX_RESTARTS = 10_000;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private final Path file;
    private final Charset charset;
    private final CSVFormat format;
    private final LineIndex lines;
    private final long size;
    private Counting counting;
    private RecordLimit limit;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    /** Lines before the current parser's first: the parser counts from where it was started. */
    private long lineBase;
    private int restarts;
    private final List<String> header;
    private final int headerLine;
    private final List<Issue> notes = new ArrayList<>();
    private long endedAtLine;
    private boolean finished;

    private CsvExtract(Path file, Charset charset, CSVFormat format, long start, long size, TextEncodings.Detected encoding,
                       char delimiter, int headerRow) throws IOException, Unreadable {
        this.file = file;
        this.charset = charset;
        this.format = format;
        this.size = size;
        lines = new LineIndex(file, start);
        startAt(0);
        notes.add(Issue.warning(0, "file-encoding", null, encoding.describe(), delimiter == '\t' ? "TAB" : String.valueOf(delimiter)));
        List<String> head = null;
        int line = 0;
        try {
            while (records.hasNext()) {
                CSVRecord r = records.next();
                line = (int) endedAtLine + 1;
                endedAtLine = lineBase + parser.getCurrentLineNumber();
                if (line >= headerRow && !blank(r)) {
                    head = r.toList();
                    break;
                }
            }
        } catch (UncheckedIOException e) {
            parser.close();
            throw new Unreadable("file-no-header");
        }
        if (head == null) {
            parser.close();
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
        CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false).setTrim(false).get();
        return new CsvExtract(file, encoding.charset(), csv, encoding.skip(), Files.size(file), encoding, delimiter,
                format.headerRow());
    }

    /** (Re)starts the parser at the start of the line after {@code line} line breaks; the previous one is closed. */
    private void startAt(long line) throws IOException {
        if (parser != null) {
            parser.close();
        }
        long offset = lines.offsetAfter(line);
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(Math.min(offset, size));
            counting = new Counting(in);
            counting.count = offset;
            limit = new RecordLimit(new BufferedReader(new InputStreamReader(counting, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16));
            parser = CSVParser.builder().setReader(limit).setFormat(format).get();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        records = parser.iterator();
        lineBase = line;
        endedAtLine = line;
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
                limit.newRecord();
                if (!records.hasNext()) {
                    finished = true;
                    return null;
                }
                r = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                return broken(line, e);
            }
            endedAtLine = lineBase + parser.getCurrentLineNumber();
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

    /**
     * The record starting on this line could not be parsed: it is rejected, and reading goes on at
     * the next line. After {@link #MAX_RESTARTS} of them, the rest of the file is one rejected remainder.
     */
    private SourceRow broken(int line, RuntimeException e) throws IOException {
        Issue issue;
        if (++restarts > MAX_RESTARTS) {
            finished = true;
            issue = Issue.rejected(line, "file-too-many-broken-rows", null, MAX_RESTARTS);
        } else {
            startAt(line);
            issue = causedBy(e, RecordLimit.TooLong.class) ? Issue.rejected(line, "row-too-long", null, MAX_RECORD)
                    : Issue.rejected(line, String.valueOf(e.getMessage()).contains("EOF") ? "row-unterminated-quote"
                    : "row-bad-quotes", null);
        }
        return new SourceRow(line, List.of(), List.of(issue), List.of());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
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

    /**
     * Where lines start in the file, found only when a restart needs it: the bytes are scanned from
     * the nearest line already known, and the restart's line and every {@value #EVERY}th line start
     * are kept, so that the file is scanned about once however many restarts it needs, and a clean
     * file costs nothing. Line breaks are CR LF, LF or CR, counted as Commons CSV counts them. They
     * are found in the bytes, which is exact for the encodings read here (UTF-8 and single-byte
     * code pages: CR and LF are never part of another character).
     */
    static final class LineIndex {
        static final int EVERY = 4_096;
        private final Path file;
        private long[] lines = new long[64];
        private long[] offsets = new long[64];
        private int size;

        LineIndex(Path file, long start) {
            this.file = file;
            add(0, start);
        }

        /** The offset where the line after {@code line} line breaks starts; the file's length if it has fewer. */
        long offsetAfter(long line) throws IOException {
            int i = size - 1;
            while (i > 0 && lines[i] > line) {
                i--;
            }
            long seen = lines[i];
            long at = offsets[i];
            if (seen == line) {
                return at;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                in.skipNBytes(at);
                for (int b = in.read(); b >= 0; b = in.read()) {
                    at++;
                    if (b == '\r' || b == '\n') {
                        if (b == '\r') {
                            in.mark(1);
                            if (in.read() == '\n') {
                                at++;
                            } else {
                                in.reset();
                            }
                        }
                        if (++seen % EVERY == 0) {
                            add(seen, at);
                        }
                        if (seen == line) {
                            add(seen, at); // restarts come in file order: the next one scans on from here
                            return at;
                        }
                    }
                }
            }
            return at;
        }

        /** Marks come in order; one already known is not added again. */
        private void add(long line, long offset) {
            if (size > 0 && line <= lines[size - 1]) {
                return;
            }
            if (size == lines.length) {
                lines = Arrays.copyOf(lines, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2);
            }
            lines[size] = line;
            offsets[size++] = offset;
        }
    }

    /** Refuses a record longer than {@link #MAX_RECORD} characters; {@link #newRecord} before each record. */
    static final class RecordLimit extends FilterReader {
        static final class TooLong extends IOException {
            TooLong() {
                super("a record of more than " + MAX_RECORD + " characters");
            }
        }

        private long read;

        RecordLimit(Reader in) {
            super(in);
        }

        void newRecord() {
            read = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && ++read > MAX_RECORD) {
                throw new TooLong();
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (read += n) > MAX_RECORD) {
                throw new TooLong();
            }
            return n;
        }
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
