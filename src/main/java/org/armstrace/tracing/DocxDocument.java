package org.armstrace.tracing;

import java.util.List;
import org.armstrace.base.DocxWriter;

/**
 * A {@link DocumentContent} as a DOCX letter: the number and generated-at stamp in the header and
 * footer of every page, each section as a two-column table, photos at the end with captions. The
 * layout itself is {@link DocxWriter}'s, which the case file shares.
 */
final class DocxDocument {

    private DocxDocument() {
    }

    static byte[] render(DocumentContent content) {
        try (var doc = new DocxWriter(content.stamp())) {
            doc.title(content.title());
            doc.fields(List.of(new String[]{content.numberLabel(), content.number()},
                    new String[]{content.generatedLabel(), DocumentContent.iso(content.generatedAt())}));
            for (DocumentContent.Section section : content.sections()) {
                if (section.heading() != null) {
                    doc.heading(section.heading());
                }
                doc.fields(section.fields().stream().map(f -> new String[]{f.label(), f.value()}).toList());
            }
            for (DocumentContent.Image image : content.images()) {
                doc.picture(image.bytes(), image.png(), image.width(), image.height(), image.caption());
            }
            return doc.bytes(content.title() + " " + content.number());
        }
    }
}
