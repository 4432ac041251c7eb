package org.armstrace.importer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.armstrace.base.UntrustedWorkbook;
import org.xml.sax.SAXException;

/**
 * A workbook extract read by streaming the sheet's XML with StAX, a row at a time: a workbook of a
 * million rows is never held in memory (only its shared strings are). Cells are read as the
 * clerk sees them: dates as ISO dates, whole numbers without ".0". What Excel hides or computes
 * is reported rather than taken silently:
 * <ul>
 *   <li>formulas are never evaluated; their last computed value is used with a warning, and a
 *       formula with no computed value rejects its row;</li>
 *   <li>an error cell ({@code #N/A}) rejects its row;</li>
 *   <li>a merged region's value fills every cell of the region, with a warning on each row it fills;</li>
 *   <li>hidden rows are read with a warning; hidden sheets are named in the file notes and not read
 *       (unless the profile names one).</li>
 * </ul>
 */
final class XlsxExtract implements Extract {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private record Region(int firstRow, int firstCol, int lastRow, int lastCol, String ref) {
    }

    /** Excel's limits: columns A to XFD, rows 1 to 1,048,576. A reference beyond them is not a spreadsheet's. */
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_ROWS = 1_048_576;
    /** Merged regions read at most: each is held in memory while the sheet is read. */
    static final int MAX_MERGED = 1_000_000;
    /**
     * What a registry extract may be before POI opens it: POI's own per-part limits (1,000 parts, a
     * hundredfold inflation above 100 KiB), checked up front, and 8 GiB inflated in all, room for
     * two parts at POI's 4 GiB ceiling. A million-row extract is well under a gigabyte of XML.
     */
    static final UntrustedWorkbook.Limits LIMITS = new UntrustedWorkbook.Limits(Long.MAX_VALUE,
            8L * 1024 * 1024 * 1024, 1_000, 100, 100L * 1024);

    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final XMLStreamReader xml;
    private final CsvExtract.Counting counting;
    private final long size;
    /** The sheet's merged regions by first row; those the rows have reached and not yet passed are open. */
    private final List<Region> merged;
    private int nextRegion;
    private final List<Region> open = new ArrayList<>();
    private final Map<Region, String> mergedValues = new HashMap<>();
    private final List<Issue> notes = new ArrayList<>();
    private final List<String> header;
    private final int headerLine;
    private boolean damaged;
    /** The last row's number: a row without its own ({@code r} is optional) is the one after it. */
    private int lastRow;

    private XlsxExtract(OPCPackage pkg, ReadOnlySharedStringsTable strings, StylesTable styles, XMLStreamReader xml,
                        CsvExtract.Counting counting, long size, List<Region> merged, List<Issue> fileNotes,
                        int headerRow) throws IOException, Unreadable {
        this.pkg = pkg;
        this.strings = strings;
        this.styles = styles;
        this.xml = xml;
        this.counting = counting;
        this.size = size;
        this.merged = merged.stream().sorted(Comparator.comparingInt(Region::firstRow)).toList();
        this.notes.addAll(fileNotes);
        SourceRow head;
        do {
            head = next();
        } while (head != null && head.line() < headerRow);
        if (head == null) {
            throw new Unreadable("file-empty");
        }
        this.header = head.cells();
        this.headerLine = head.line();
    }

    static XlsxExtract open(Path file, MappingProfile.Format format) throws IOException, Unreadable {
        refuseZipBomb(file);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new Unreadable("file-not-xlsx"); // POI reports a damaged or foreign zip in several ways
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            Map<String, String> states = sheetStates(reader);
            var fileNotes = new ArrayList<Issue>();
            String wanted = format.sheet() == null || format.sheet().isBlank() ? null : format.sheet().strip();
            var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            InputStream chosen = null;
            long size = -1;
            String chosenName = null;
            while (sheets.hasNext()) {
                InputStream in = sheets.next();
                String name = sheets.getSheetName();
                boolean hidden = !"visible".equals(states.getOrDefault(name, "visible"));
                boolean take = chosen == null && (wanted != null ? wanted.equalsIgnoreCase(name) : !hidden);
                if (take) {
                    chosen = in;
                    chosenName = name;
                    size = sheets.getSheetPart().getSize();
                    if (hidden) {
                        fileNotes.add(Issue.warning(0, "file-sheet-hidden-read", null, name));
                    }
                } else {
                    in.close();
                    if (hidden) {
                        fileNotes.add(Issue.warning(0, "file-sheet-hidden", null, name));
                    }
                }
            }
            if (chosen == null) {
                throw wanted != null ? new Unreadable("file-no-sheet", wanted) : new Unreadable("file-empty");
            }
            fileNotes.add(0, Issue.warning(0, "file-sheet", null, chosenName));
            List<Region> merged;
            try (InputStream first = sheetStream(reader, chosenName)) {
                merged = mergedRegions(first);
            }
            if (merged.size() > MAX_MERGED) {
                throw new Unreadable("file-too-many-merged", MAX_MERGED);
            }
            var counting = new CsvExtract.Counting(chosen);
            XMLStreamReader xml = XML.createXMLStreamReader(counting);
            var strings = new ReadOnlySharedStringsTable(pkg, false);
            return new XlsxExtract(pkg, strings, reader.getStylesTable(), xml, counting, size, merged, fileNotes,
                    format.headerRow());
        } catch (OpenXML4JException | XMLStreamException | SAXException e) {
            pkg.revert();
            throw new Unreadable("file-not-xlsx");
        } catch (Unreadable | IOException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    /**
     * Inflates the file once, counting, before POI opens it. A zip the streaming check cannot read
     * is left to POI, which reads it by its central directory and says whether it is a workbook.
     */
    private static void refuseZipBomb(Path file) throws Unreadable {
        boolean bomb;
        try (InputStream in = Files.newInputStream(file)) {
            bomb = UntrustedWorkbook.inflatesTooFar(in, LIMITS);
        } catch (IOException _) {
            bomb = false;
        }
        if (bomb) {
            throw new Unreadable("file-not-xlsx");
        }
    }

    private static InputStream sheetStream(XSSFReader reader, String name) throws IOException, InvalidFormatException {
        var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
            InputStream in = sheets.next();
            if (sheets.getSheetName().equals(name)) {
                return in;
            }
            in.close();
        }
        throw new IOException("sheet vanished: " + name);
    }

    /** Sheet name to its state (visible, hidden, veryHidden) from workbook.xml. */
    private static Map<String, String> sheetStates(XSSFReader reader) throws IOException, InvalidFormatException,
            XMLStreamException {
        var states = new HashMap<String, String>();
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")) {
                    String state = x.getAttributeValue(null, "state");
                    states.put(x.getAttributeValue(null, "name"), state == null ? "visible" : state);
                }
            }
            x.close();
        }
        return states;
    }

    private static List<Region> mergedRegions(InputStream sheet) throws XMLStreamException {
        var regions = new ArrayList<Region>();
        XMLStreamReader x = XML.createXMLStreamReader(sheet);
        while (x.hasNext()) {
            if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("mergeCell")) {
                String ref = x.getAttributeValue(null, "ref");
                int colon = ref == null ? -1 : ref.indexOf(':');
                if (colon > 0) {
                    int[] a = cell(ref.substring(0, colon));
                    int[] b = cell(ref.substring(colon + 1));
                    if (a[0] > 0 && a[1] >= 0 && b[0] >= a[0] && b[1] >= a[1]) { // else not a region: nothing to fill
                        regions.add(new Region(a[0], a[1], b[0], b[1], ref));
                        if (regions.size() > MAX_MERGED) {
                            break; // refused by the caller; reading on would only fill memory
                        }
                    }
                }
            }
        }
        x.close();
        return regions;
    }

    /**
     * "BC12" to {row 12, column 54} (1-based row, 0-based column); a column of -1 or a row of 0 when
     * the reference does not name one within Excel's limits.
     */
    static int[] cell(String ref) {
        int col = 0;
        int i = 0;
        for (; i < ref.length() && isAsciiLetter(ref.charAt(i)); i++) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (col > MAX_COLUMNS) {
                return new int[]{0, -1};
            }
        }
        int row = 0;
        for (; i < ref.length() && ref.charAt(i) >= '0' && ref.charAt(i) <= '9'; i++) {
            row = row * 10 + (ref.charAt(i) - '0');
            if (row > MAX_ROWS) {
                return new int[]{0, col - 1};
            }
        }
        return new int[]{i == ref.length() ? row : 0, col - 1};
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    static String ref(int row, int col) {
        var letters = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + row;
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
        if (damaged) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    SourceRow row = row();
                    if (row != null) {
                        return row;
                    }
                }
            }
            return null;
        } catch (XMLStreamException e) {
            // A damaged or cut-off sheet: what was read stands, the rest is one rejected remainder.
            damaged = true;
            return new SourceRow(-1, List.of(), List.of(Issue.rejected(0, "file-sheet-damaged", null)), List.of());
        }
    }

    /** Reads one {@code <row>} to its end; null when the row holds nothing. */
    private SourceRow row() throws XMLStreamException {
        int line = rowNumber(xml.getAttributeValue(null, "r"));
        lastRow = line;
        boolean hidden = "1".equals(xml.getAttributeValue(null, "hidden")) || "true".equals(xml.getAttributeValue(null, "hidden"));
        var cells = new ArrayList<String>();
        var problems = new ArrayList<Issue>();
        var warnings = new ArrayList<Issue>();
        int nextCol = 0;
        while (xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) {
                continue;
            }
            String ref = xml.getAttributeValue(null, "r");
            int col = ref == null ? nextCol : cell(ref)[1];
            if (col < 0 || col >= MAX_COLUMNS) {
                if (problems.stream().noneMatch(i -> i.code().equals("cell-ref-invalid"))) { // once a row, however many
                    problems.add(Issue.rejected(line, "cell-ref-invalid", null, ref == null ? "#" + (nextCol + 1) : ref));
                }
                skipElement();
                continue;
            }
            nextCol = col + 1;
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            RawCell raw = rawCell();
            String cellRef = ref != null ? ref : ref(line, col);
            String text = text(line, cellRef, type, style, raw, problems);
            if (raw.formula() != null) {
                if (raw.value() == null) {
                    problems.add(Issue.rejected(line, "cell-formula-no-value", cellRef, "=" + raw.formula()));
                } else {
                    warnings.add(Issue.warning(line, "cell-formula", cellRef, "=" + raw.formula(), text));
                }
            }
            while (cells.size() <= col) {
                cells.add("");
            }
            cells.set(col, text == null ? "" : text);
        }
        fillMerged(line, cells, warnings);
        if (cells.stream().allMatch(String::isBlank) && problems.isEmpty()) {
            return null;
        }
        if (hidden) {
            warnings.add(Issue.warning(line, "row-hidden", null));
        }
        return new SourceRow(line, cells, problems, warnings);
    }

    /** What one {@code <c>} element holds, before its type says how to read it. */
    private record RawCell(String value, String formula, String inline) {
    }

    /** Reads the {@code <c>} element just started to its end. */
    private RawCell rawCell() throws XMLStreamException {
        String value = null;
        String formula = null;
        var inline = new StringBuilder();
        while (xml.hasNext()) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = xml.getElementText();
                    case "f" -> formula = xml.getElementText();
                    case "t" -> inline.append(xml.getElementText());
                    default -> { }
                }
            }
        }
        return new RawCell(value, formula, inline.toString());
    }

    /** The cell as text; null, with a problem, for an error cell or a damaged one. */
    private String text(int line, String cellRef, String type, String style, RawCell raw, List<Issue> problems) {
        String value = raw.value();
        try {
            return switch (type == null ? "n" : type) {
                case "s" -> value == null ? null : strings.getItemAt(Integer.parseInt(value.strip())).getString();
                case "inlineStr" -> raw.inline();
                case "str" -> value;
                case "b" -> value == null ? null : "1".equals(value.strip()) ? "TRUE" : "FALSE";
                case "e" -> {
                    problems.add(Issue.rejected(line, "cell-error", cellRef, value));
                    yield null;
                }
                default -> number(value, style);
            };
        } catch (RuntimeException e) {
            // A damaged cell: a shared string or style that is not there, a number that is not one.
            problems.add(Issue.rejected(line, "cell-invalid", cellRef, value));
            return null;
        }
    }

    /** The row's own number when it has a sound one, else the one after the last: rows come in order. */
    private int rowNumber(String r) {
        int[] parsed = r == null ? null : cell(r);
        return parsed != null && parsed[1] == -1 && parsed[0] > lastRow ? parsed[0] : lastRow + 1;
    }

    /** Skips the element just started, with everything in it. */
    private void skipElement() throws XMLStreamException {
        for (int depth = 1; depth > 0 && xml.hasNext(); ) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Rows come in order, so each row looks only at the regions open at it, not at every region of the sheet. */
    private void fillMerged(int line, List<String> cells, List<Issue> warnings) {
        while (nextRegion < merged.size() && merged.get(nextRegion).firstRow() <= line) {
            open.add(merged.get(nextRegion++));
        }
        for (var it = open.iterator(); it.hasNext(); ) {
            Region m = it.next();
            if (line > m.lastRow()) { // its last rows held nothing
                mergedValues.remove(m);
                it.remove();
                continue;
            }
            if (line == m.firstRow()) {
                mergedValues.put(m, m.firstCol() < cells.size() ? cells.get(m.firstCol()) : "");
            }
            String v = mergedValues.getOrDefault(m, "");
            for (int c = m.firstCol(); c <= m.lastCol(); c++) {
                if (c == m.firstCol() && line == m.firstRow()) {
                    continue;
                }
                while (cells.size() <= c) {
                    cells.add("");
                }
                cells.set(c, v);
            }
            if (line > m.firstRow() && !v.isBlank()) {
                warnings.add(Issue.warning(line, "cell-merged", ref(line, m.firstCol()), m.ref()));
            }
            if (line == m.lastRow()) {
                mergedValues.remove(m);
                it.remove();
            }
        }
    }

    /** A number as the clerk typed it: a date in a date format as ISO, a whole number without ".0". */
    private String number(String value, String style) {
        if (value == null || value.isBlank()) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
        if (style != null) {
            XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
            if (s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString()) && DateUtil.isValidExcelDate(d)) {
                return DateUtil.getLocalDateTime(d).toLocalDate().toString();
            }
        }
        return new BigDecimal(value.strip()).stripTrailingZeros().toPlainString();
    }

    @Override
    public double progress() {
        return size <= 0 ? -1 : Math.min(1, (double) counting.count / size);
    }

    @Override
    public List<Issue> fileNotes() {
        return notes;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing only
        }
        pkg.revert();
    }
}
