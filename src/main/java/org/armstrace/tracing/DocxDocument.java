package org.armstrace.tracing;

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
 * A {@link DocumentContent} as a DOCX letter: the number and generated-at stamp in the header and
 * footer of every page, each section as a two-column table, photos at the end with captions.
 * Values are plain text runs; nothing a user typed becomes a field code.
 */
final class DocxDocument {

    /** Photos fill the text width of an A4 page with 2.5 cm margins. */
    private static final double PHOTO_WIDTH_PT = 450;

    private DocxDocument() {
    }

    static byte[] render(DocumentContent content) {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            small(doc.createHeader(HeaderFooterType.DEFAULT).createParagraph(), content.stamp(), ParagraphAlignment.RIGHT);
            small(doc.createFooter(HeaderFooterType.DEFAULT).createParagraph(), content.stamp(), ParagraphAlignment.CENTER);
            XWPFRun title = doc.createParagraph().createRun();
            title.setBold(true);
            title.setFontSize(16);
            title.setText(content.title());
            table(doc, new DocumentContent.Section(null, List.of(
                    new DocumentContent.Field(content.numberLabel(), content.number()),
                    new DocumentContent.Field(content.generatedLabel(), DocumentContent.iso(content.generatedAt())))));
            for (DocumentContent.Section section : content.sections()) {
                table(doc, section);
            }
            for (DocumentContent.Image image : content.images()) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER); // also creates the properties setKeepNext needs
                p.setKeepNext(true);
                double heightPt = image.width() > 0 ? PHOTO_WIDTH_PT * image.height() / image.width() : PHOTO_WIDTH_PT * 0.75;
                p.createRun().addPicture(new ByteArrayInputStream(image.bytes()),
                        image.png() ? PictureType.PNG : PictureType.JPEG, image.caption(),
                        Units.toEMU(PHOTO_WIDTH_PT), Units.toEMU(heightPt));
                XWPFRun caption = doc.createParagraph().createRun();
                caption.setItalic(true);
                caption.setText(image.caption());
            }
            var props = doc.getProperties().getCoreProperties();
            props.setTitle(content.title() + " " + content.number());
            props.setCreator("ArmsTrace");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | InvalidFormatException e) {
            throw new UncheckedIOException("The document could not be written",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static void table(XWPFDocument doc, DocumentContent.Section section) {
        if (section.heading() != null) {
            XWPFParagraph heading = doc.createParagraph();
            heading.setSpacingBefore(240);
            heading.setKeepNext(true);
            XWPFRun run = heading.createRun();
            run.setBold(true);
            run.setFontSize(13);
            run.setText(section.heading());
        }
        XWPFTable table = doc.createTable(section.fields().size(), 2);
        table.setWidth("100%");
        for (int i = 0; i < section.fields().size(); i++) {
            DocumentContent.Field field = section.fields().get(i);
            XWPFTableCell label = table.getRow(i).getCell(0);
            label.setWidth("30%");
            XWPFRun l = label.getParagraphs().getFirst().createRun();
            l.setBold(true);
            l.setText(field.label());
            XWPFTableCell value = table.getRow(i).getCell(1);
            value.setWidth("70%");
            lines(value.getParagraphs().getFirst().createRun(), field.value());
        }
    }

    /** A value over several lines keeps its line breaks. */
    private static void lines(XWPFRun run, String text) {
        String[] lines = text.split("\r?\n", -1);
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
        run.setText(text);
    }
}
