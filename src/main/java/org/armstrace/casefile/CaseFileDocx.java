package org.armstrace.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.armstrace.base.Dates;
import org.armstrace.base.DocxWriter;
import org.armstrace.base.Translations;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseAttachments;
import org.armstrace.cases.CaseLink;
import org.armstrace.cases.LinkKind;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.Photos;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.TimelineEntry;
import org.armstrace.security.AuditEvent;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TraceRequest;

/**
 * The case file as a DOCX in the producer's language: the summary, each weapon with its
 * identification (names from the reference data, not codes), its photos (clean copies without
 * EXIF/GPS, as documents sent abroad get them) and its chain of custody, the people with their
 * roles, the trace requests with their answers, the other linked records, the attachments that
 * travel in the package, and the audit extract. Dates as {@link Dates} writes them for people.
 */
final class CaseFileDocx {

    private final Translations i18n;
    private final ReferenceData reference;
    private final Photos photos;
    private final Locale locale;

    CaseFileDocx(Translations i18n, ReferenceData reference, Photos photos, Locale locale) {
        this.i18n = i18n;
        this.reference = reference;
        this.photos = photos;
        this.locale = locale;
    }

    byte[] render(CaseFileSources.Sources s, Instant at, String by) {
        Case c = s.c();
        String stamp = t("casefile.stamp", c.number(), Dates.timestamp(at, locale), by);
        try (var doc = new DocxWriter(stamp)) {
            doc.title(t("casefile.title") + " " + c.number());
            summary(doc, s, at, by);
            doc.heading(t("casefile.section.weapons"));
            if (s.weapons().isEmpty()) {
                doc.paragraph(t("casefile.none"));
            }
            int n = 0;
            for (CaseFileSources.Weapon w : s.weapons()) {
                weapon(doc, ++n, w);
            }
            people(doc, s.people());
            traces(doc, s.traces());
            others(doc, s.links());
            attachments(doc, s.attachments());
            audit(doc, s.audit());
            return doc.bytes(t("casefile.title") + " " + c.number());
        }
    }

    private void summary(DocxWriter doc, CaseFileSources.Sources s, Instant at, String by) {
        Case c = s.c();
        doc.heading(t("casefile.section.summary"));
        var fields = new ArrayList<String[]>(List.of(
                field("casefile.number", c.number()),
                field("casefile.case-title", c.title()),
                field("casefile.kind", t("cases.kind." + c.kind().name())),
                field("casefile.status", t("cases.status." + c.status().name())
                        + (c.statusReason() == null ? "" : " — " + c.statusReason())),
                field("casefile.owner", dash(c.owner())),
                field("casefile.team", dash(c.team())),
                field("casefile.prosecutor-reference", dash(c.prosecutorReference())),
                field("casefile.opened", t("casefile.opened-by", Dates.dateTime(c.openedAt(), locale), dash(c.openedBy())))));
        if (c.reference() != null && !c.reference().equals(c.number())) {
            fields.add(field("casefile.reference", c.reference()));
        }
        fields.add(field("casefile.produced", t("casefile.opened-by", Dates.dateTime(at, locale), by)));
        fields.add(field("casefile.contents", t("casefile.contents-count", s.weapons().size(), s.people().size(),
                s.traces().size(), s.attachments().size())));
        doc.fields(fields);
    }

    private void weapon(DocxWriter doc, int n, CaseFileSources.Weapon w) {
        Firearm f = w.firearm();
        doc.heading(t("casefile.weapon", n, f.label()));
        doc.fields(List.of(
                field("casefile.how", t("casefile.how." + w.how())),
                field("casefile.type", f.typeCode() == null ? "" : reference.typeName(f.typeCode(), locale)),
                field("casefile.make", dash(reference.makeName(f.makeCode(), f.makeAsRead()))),
                field("casefile.model", dash(f.model())),
                field("casefile.calibre", f.calibreCode() == null ? "—" : reference.calibreName(f.calibreCode())),
                field("casefile.serial", dash(f.serialAsRead())),
                field("casefile.country", f.countryOfManufacture() == null ? "—"
                        : reference.countryName(f.countryOfManufacture(), locale)),
                field("casefile.year", f.year() == null ? "—" : f.year().toString()),
                field("casefile.markings", f.markings().isEmpty() ? "—" : f.markings().stream().map(CaseFileDocx::marking)
                        .collect(Collectors.joining("\n")))));
        doc.paragraph(t("casefile.custody"));
        if (w.custody().isEmpty()) {
            doc.paragraph(t("casefile.none"));
        } else {
            doc.table(List.of(t("timeline.date"), t("timeline.event"), t("timeline.details")), w.custody().stream()
                    .map(e -> List.of(Dates.date(e.date(), locale), t("timeline.kind." + e.kind().name()), custody(e)))
                    .toList());
        }
        int p = 0;
        var notEmbedded = new ArrayList<String>();
        for (Photos.Photo photo : w.photos()) {
            String caption = t("casefile.photo", n, ++p, Objects.toString(photo.caption(), Objects.toString(photo.fileName(), "")));
            photos.forDocument(photo).ifPresentOrElse(image -> doc.picture(image.content(),
                    image.contentType().equals("image/png"), image.width(), image.height(), caption),
                    () -> notEmbedded.add(caption)); // WebP: DOCX cannot hold it; the original stays in the registry
        }
        if (!notEmbedded.isEmpty()) {
            doc.fields(List.<String[]>of(field("casefile.photos-not-embedded", String.join("\n", notEmbedded))));
        }
    }

    private String custody(TimelineEntry e) {
        return t("timeline." + e.kind().name(), e.args().stream().map(a -> a == null ? "—" : a).toArray());
    }

    private void people(DocxWriter doc, List<CaseFileSources.PersonInCase> people) {
        doc.heading(t("casefile.section.people"));
        if (people.isEmpty()) {
            doc.paragraph(t("casefile.none"));
            return;
        }
        doc.table(List.of(t("casefile.person-name"), t("casefile.person-born"), t("casefile.person-roles")),
                people.stream().map(p -> List.of(p.name(), Dates.date(p.born(), locale), p.roles().stream()
                        .map(r -> t("casefile.role." + r.kind(), r.what())).collect(Collectors.joining("\n")))).toList());
    }

    private void traces(DocxWriter doc, List<CaseFileSources.Trace> traces) {
        doc.heading(t("casefile.section.traces"));
        if (traces.isEmpty()) {
            doc.paragraph(t("casefile.none"));
        }
        for (CaseFileSources.Trace trace : traces) {
            TraceRequest r = trace.request();
            var fields = new ArrayList<String[]>(List.of(
                    field("casefile.trace-number", r.number()),
                    field("trace.direction", t("trace.direction." + r.direction().name())),
                    field("casefile.trace-counterpart", reference.countryName(r.counterpart(), locale)),
                    field("casefile.trace-status", t("trace.status." + r.status().name())),
                    field("casefile.trace-received", Dates.dateTime(r.receivedAt(), locale)),
                    field("casefile.trace-due", Dates.date(r.dueAt(), locale)),
                    field("casefile.trace-weapon", Stream.of(r.weaponMake(), r.weaponModel(), r.weaponCalibre(),
                            r.weaponSerial()).filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(" ")))));
            if (trace.answer().isEmpty()) {
                fields.add(field("casefile.trace-answer", t("casefile.no-answer")));
            } else {
                TraceAnswer a = trace.answer().get();
                fields.add(field("casefile.trace-outcome", t("trace.outcome." + a.outcome().name())));
                fields.add(field("casefile.trace-findings", dash(a.findings())));
                fields.add(field("casefile.trace-approved", a.approved()
                        ? t("casefile.opened-by", Dates.dateTime(a.approvedAt(), locale), dash(a.approvedBy()))
                        : t("casefile.not-approved")));
            }
            doc.paragraph("");
            doc.fields(fields);
        }
    }

    /** Organisations, alerts and saved investigations: named, since their own pages say the rest. */
    private void others(DocxWriter doc, List<CaseLink> links) {
        var rows = links.stream().filter(l -> l.kind() == LinkKind.ORGANISATION || l.kind() == LinkKind.ALERT
                        || l.kind() == LinkKind.INVESTIGATION || l.kind() == LinkKind.RECOVERY)
                .map(l -> List.of(t("cases.link-kind." + l.kind().name()), l.label().isBlank() ? l.key() : l.label(),
                        Dates.dateTime(l.at(), locale))).toList();
        doc.heading(t("casefile.section.others"));
        if (rows.isEmpty()) {
            doc.paragraph(t("casefile.none"));
        } else {
            doc.table(List.of(t("casefile.link-kind"), t("casefile.link-name"), t("casefile.link-at")), rows);
        }
    }

    private void attachments(DocxWriter doc, List<CaseAttachments.Attachment> attachments) {
        doc.heading(t("casefile.section.attachments"));
        if (attachments.isEmpty()) {
            doc.paragraph(t("casefile.none"));
            return;
        }
        doc.table(List.of(t("casefile.attachment-name"), t("casefile.attachment-size"), "SHA-256"), attachments.stream()
                .map(a -> List.of(Objects.toString(a.fileName(), ""), String.valueOf(a.size()), a.sha256())).toList());
    }

    private void audit(DocxWriter doc, List<AuditEvent> events) {
        doc.heading(t("casefile.section.audit"));
        doc.table(List.of(t("casefile.audit-at"), t("casefile.audit-actor"), t("casefile.audit-action"),
                t("casefile.audit-details")), events.stream().map(e -> List.of(Dates.timestamp(e.at(), locale), e.actor(),
                e.action(), e.details())).toList());
    }

    /** "PROOF: WB (left side of frame, DE, 2019)". */
    private static String marking(Firearm.Marking m) {
        String where = Stream.of(m.position(), m.country(), m.year() == null ? null : m.year().toString())
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        return m.kind() + ": " + m.text() + (where.isEmpty() ? "" : " (" + where + ")");
    }

    private String[] field(String key, String value) {
        return new String[]{t(key), value == null ? "" : value};
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private String t(String key, Object... args) {
        return i18n.getTranslation(key, locale, args);
    }
}
