package org.armstrace.base;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * A DOCX built top to bottom, as the documents the application hands out are laid out (trace
 * documents, the case file): a stamp in the header and footer of every page, a title, headings,
 * two-column tables of labelled values, tables with a header row, and photos with captions. Every
 * value is a plain text run: nothing a user typed becomes a field code, and control characters
 * (not allowed in XML 1.0) are dropped.
 */
public final class DocxWriter implements AutoCloseable {

    /** Photos fill the text width of an A4 page with 2.5 cm margins. */
    private static final double PHOTO_WIDTH_PT = 450;

    private final XWPFDocument doc = new XWPFDocument();

    /** The stamp (a number and when it was made) at the top and bottom of every page. */
    public DocxWriter(String stamp) {
        small(doc.createHeader(HeaderFooterType.DEFAULT).createParagraph(), stamp, ParagraphAlignment.RIGHT);
        small(doc.createFooter(HeaderFooterType.DEFAULT).createParagraph(), stamp, ParagraphAlignment.CENTER);
    }

    public DocxWriter title(String text) {
        XWPFRun title = doc.createParagraph().createRun();
        title.setBold(true);
        title.setFontSize(16);
        title.setText(clean(text));
        return this;
    }

    /** A section heading, kept with what follows it. */
    public DocxWriter heading(String text) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setSpacingBefore(240);
        heading.setKeepNext(true);
        XWPFRun run = heading.createRun();
        run.setBold(true);
        run.setFontSize(13);
        run.setText(clean(text));
        return this;
    }

    /** A paragraph of text; line breaks are kept. */
    public DocxWriter paragraph(String text) {
        lines(doc.createParagraph().createRun(), text);
        return this;
    }

    /** Labelled values as a two-column table, the label bold; a value may run over several lines. */
    public DocxWriter fields(List<String[]> labelled) {
        if (labelled.isEmpty()) {
            return this;
        }
        XWPFTable table = doc.createTable(labelled.size(), 2);
        table.setWidth("100%");
        for (int i = 0; i < labelled.size(); i++) {
            XWPFTableCell label = table.getRow(i).getCell(0);
            label.setWidth("30%");
            XWPFRun l = label.getParagraphs().getFirst().createRun();
            l.setBold(true);
            l.setText(clean(labelled.get(i)[0]));
            XWPFTableCell value = table.getRow(i).getCell(1);
            value.setWidth("70%");
            lines(value.getParagraphs().getFirst().createRun(), labelled.get(i)[1]);
        }
        return this;
    }

    /** A table with a bold header row; each row has as many cells as the header. */
    public DocxWriter table(List<String> header, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setWidth("100%");
        for (int c = 0; c < header.size(); c++) {
            XWPFRun run = table.getRow(0).getCell(c).getParagraphs().getFirst().createRun();
            run.setBold(true);
            run.setText(clean(header.get(c)));
        }
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < header.size(); c++) {
                lines(table.getRow(r + 1).getCell(c).getParagraphs().getFirst().createRun(), c < row.size() ? row.get(c) : "");
            }
        }
        return this;
    }

    /** A JPEG or PNG across the text width (its height by its proportions), with an italic caption below. */
    public DocxWriter picture(byte[] image, boolean png, int width, int height, String caption) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER); // also creates the properties setKeepNext needs
        p.setKeepNext(true);
        double heightPt = width > 0 ? PHOTO_WIDTH_PT * height / width : PHOTO_WIDTH_PT * 0.75;
        try {
            p.createRun().addPicture(new ByteArrayInputStream(image), png ? PictureType.PNG : PictureType.JPEG,
                    clean(caption), Units.toEMU(PHOTO_WIDTH_PT), Units.toEMU(heightPt));
        } catch (IOException | InvalidFormatException e) {
            throw new UncheckedIOException("The picture could not be added", e instanceof IOException io ? io : new IOException(e));
        }
        XWPFRun run = doc.createParagraph().createRun();
        run.setItalic(true);
        run.setText(clean(caption));
        return this;
    }

    /** The document's bytes, with its title in the document properties. */
    public byte[] bytes(String documentTitle) {
        var props = doc.getProperties().getCoreProperties();
        props.setTitle(clean(documentTitle));
        props.setCreator("ArmsTrace");
        try (var out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The document could not be written", e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text without the control characters XML 1.0 cannot carry (line breaks and tabs stay). */
    public static String clean(String value) {
        return value == null ? "" : value.codePoints().filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\t')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** A value over several lines keeps its line breaks. */
    private static void lines(XWPFRun run, String text) {
        String[] lines = clean(text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]); // appends: one text element per line
        }
    }

    private static void small(XWPFParagraph p, String text, ParagraphAlignment alignment) {
        p.setAlignment(alignment);
        XWPFRun run = p.createRun();
        run.setFontSize(8);
        run.setText(clean(text));
    }
}
