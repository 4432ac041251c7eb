package org.armstrace.tracing;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.armstrace.base.Dates;

/**
 * What a document sent abroad says, whatever its format: a title, the request number and when it
 * was generated (both on every page), sections of labelled values, and photos. {@link XlsxDocument}
 * and {@link DocxDocument} lay it out.
 */
record DocumentContent(String title, String number, String numberLabel, Instant generatedAt, String generatedLabel,
                       List<Section> sections, List<Image> images) {

    record Section(String heading, List<Field> fields) {
    }

    /** A labelled value; a value may run over several lines. */
    record Field(String label, String value) {
        Field {
            // Control characters are not allowed in XML 1.0, so neither format could carry them.
            value = value == null ? "" : value.codePoints().filter(c -> !Character.isISOControl(c) || c == '\n'
                    || c == '\t').collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
        }
    }

    /** An embedded photo: JPEG or PNG, with its size in pixels for the layout. */
    record Image(byte[] bytes, boolean png, int width, int height, String caption) {
    }

    /** ISO 8601, UTC, to the second: one reading in every country. */
    static String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The day in the home jurisdiction (a request received at 00:30 in Pristina is that day's), in ISO 8601. */
    static String isoDate(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(Dates.zone()));
    }

    /** "XK-IN-2026-000001 · Generated at 2026-11-24T10:15:00Z", for headers and footers. */
    String stamp() {
        return number + " · " + generatedLabel + " " + iso(generatedAt);
    }
}
