package org.armstrace.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.UiLocale;
import org.armstrace.security.Role;

/**
 * A record's provenance as a sentence ("imported from firearms.csv (row 2) on 6 Dec 2026,
 * confidence high"; "entered by analyst1 on …") instead of the stored source string
 * ({@code import:firearms.csv#row=2 · HIGH}), with a link to the import batch or the user for
 * those who may open the administration pages.
 */
final class ProvenanceLine {

    private static final Pattern IMPORT = Pattern.compile("import:(.*)#row=(\\d+)");

    private ProvenanceLine() {
    }

    static Paragraph of(Component page, String source, String confidence, Instant at, String batch) {
        var line = new Paragraph(page.getTranslation("firearm.source") + ": " + sentence(page, source, confidence, at));
        line.setId("record-provenance");
        if (Role.current(Role.Names.ADMIN)) {
            if (batch != null) {
                var link = new Anchor("admin/imports", page.getTranslation("provenance.batch", batch));
                link.setId("record-provenance-batch");
                line.add(new Text(" "), link);
            } else if (source != null && source.startsWith("user:")) {
                var link = new Anchor("admin/users", page.getTranslation("provenance.user-link"));
                link.setId("record-provenance-user");
                line.add(new Text(" "), link);
            }
        }
        return line;
    }

    /** The sentence alone, in the page's language; the date and the confidence only when known. */
    static String sentence(Component page, String source, String confidence, Instant at) {
        Locale locale = UiLocale.current();
        String s = source == null ? "" : source;
        Matcher imported = IMPORT.matcher(s);
        String origin;
        if (imported.matches()) {
            origin = page.getTranslation("provenance.import", imported.group(1), imported.group(2));
        } else if (s.startsWith("user:")) {
            origin = page.getTranslation("provenance.user", s.substring("user:".length()));
        } else if (s.equals("demo") || s.startsWith("demo:")) {
            origin = page.getTranslation("provenance.demo");
        } else if (s.startsWith("partner:")) {
            origin = page.getTranslation("provenance.partner", s.substring("partner:".length()));
        } else {
            origin = page.getTranslation("provenance.other", s);
        }
        var sentence = new StringBuilder(origin);
        if (at != null) {
            sentence.append(' ').append(page.getTranslation("provenance.on", Dates.longDate(at, locale)));
        }
        if (confidence != null && !confidence.isBlank()) {
            sentence.append(", ").append(page.getTranslation("provenance.confidence",
                    page.getTranslation("provenance.confidence." + confidence)));
        }
        return sentence.toString();
    }
}
