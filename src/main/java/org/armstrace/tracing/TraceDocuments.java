package org.armstrace.tracing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.armstrace.base.ContentStore;
import org.armstrace.base.Translations;
import org.armstrace.graph.CypherParams;
import org.armstrace.graph.GraphProperties;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Photos;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.neo4j.driver.types.Node;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of the tracing desk, in English for the partner: our request to another country,
 * the acknowledgement of receipt of theirs, and our approved answer, each as XLSX or DOCX. Every
 * document produced is kept as it was handed out (file by SHA-256, a {@code :TraceDocument} on the
 * request, an audit event), so what was sent can always be shown again.
 */
@Service
public class TraceDocuments {

    public enum Kind {
        /** Our outgoing request (ITI content, weapon identification, markings, photos, recovery). */
        REQUEST,
        /** Acknowledgement of receipt of a partner's request. */
        RECEIPT,
        /** Our approved answer to a partner's request, with the point of diversion if found. */
        ANSWER
    }

    public enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        public final String extension;
        public final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    /** A document as kept. */
    public record Document(String id, Kind kind, Format format, String fileName, String sha256, long size, String by,
                           Instant at) {
    }

    /** A document just produced, with its content. */
    public record Produced(Document document, byte[] content) {
    }

    private static final Locale EN = Locale.ENGLISH;

    private final Neo4jClient neo4j;
    private final TraceRequests traces;
    private final TraceAnswers answers;
    private final FirearmRegistry firearms;
    private final Photos photos;
    private final ReferenceData reference;
    private final Translations i18n;
    private final AuditLog audit;
    private final ContentStore store;
    private final String home;
    private final PersonalDataReads reads;

    TraceDocuments(Neo4jClient neo4j, TraceRequests traces, TraceAnswers answers, FirearmRegistry firearms,
                   Photos photos, ReferenceData reference, Translations i18n, AuditLog audit, GraphProperties graph,
                   @Value("${armstrace.home-country:XK}") String home, PersonalDataReads reads) {
        this.reads = reads;
        this.neo4j = neo4j;
        this.traces = traces;
        this.answers = answers;
        this.firearms = firearms;
        this.photos = photos;
        this.reference = reference;
        this.i18n = i18n;
        this.audit = audit;
        this.store = new ContentStore(graph.dataDir().resolve("documents"));
        this.home = home.toUpperCase(Locale.ROOT);
    }

    /** The kinds of document a request has at this point of its life. */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public List<Kind> available(String requestId) {
        TraceRequest t = traces.find(requestId).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        return available(t, approvedAnswer(t));
    }

    private static List<Kind> available(TraceRequest t, Optional<TraceAnswer> approved) {
        if (t.direction() == Direction.OUTGOING) {
            return List.of(Kind.REQUEST);
        }
        return approved.isPresent() ? List.of(Kind.RECEIPT, Kind.ANSWER) : List.of(Kind.RECEIPT);
    }

    /** Produces a document, keeps it and records who produced it and when. */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional
    public Produced produce(String requestId, Kind kind, Format format) {
        TraceRequest t = traces.find(requestId).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        var approved = approvedAnswer(t);
        if (!available(t, approved).contains(kind)) {
            throw new TransitionRefused(kind == Kind.ANSWER ? "trace.answer-not-approved" : "trace.document-not-available");
        }
        Instant now = Instant.now();
        DocumentContent content = switch (kind) {
            case REQUEST -> request(t, now);
            case RECEIPT -> receipt(t, now);
            case ANSWER -> answer(t, approved.orElseThrow(), now);
        };
        byte[] bytes = switch (format) {
            case XLSX -> XlsxDocument.render(content, sheetName(kind));
            case DOCX -> DocxDocument.render(content);
        };
        String sha = store.put(bytes);
        var document = new Document(UUID.randomUUID().toString(), kind, format,
                t.number() + "-" + kind.name().toLowerCase(Locale.ROOT) + "." + format.extension, sha, bytes.length,
                AuditLog.currentActor(), now);
        neo4j.query("""
                        MATCH (t:TraceRequest {id: $request})
                        CREATE (t)-[:HAS_DOCUMENT]->(:TraceDocument {id: $id, kind: $kind, format: $format,
                                fileName: $fileName, sha256: $sha, size: $size, by: $by, at: $at})
                        """)
                .bindAll(CypherParams.of("request", t.id(), "id", document.id(), "kind", kind.name(),
                        "format", format.name(), "fileName", document.fileName(), "sha", sha, "size", bytes.length,
                        "by", document.by(), "at", now.atZone(ZoneOffset.UTC)))
                .run();
        audit.record("trace.document", List.of("TraceRequest:" + t.id()), document.fileName() + " sha256 " + sha);
        return new Produced(document, bytes);
    }

    /** Every document produced for a request, newest first. */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public List<Document> documents(String requestId) {
        return neo4j.query("MATCH (:TraceRequest {id: $id})-[:HAS_DOCUMENT]->(d:TraceDocument) RETURN d ORDER BY d.at DESC")
                .bind(requestId).to("id").fetchAs(Document.class).mappedBy((x, r) -> {
                    Node d = r.get("d").asNode();
                    return new Document(d.get("id").asString(), Kind.valueOf(d.get("kind").asString()),
                            Format.valueOf(d.get("format").asString()), d.get("fileName").asString(),
                            d.get("sha256").asString(), d.get("size").asLong(), d.get("by").asString(),
                            d.get("at").asZonedDateTime().toInstant());
                }).all().stream().toList();
    }

    /**
     * A kept document exactly as it was produced (checked against its hash). A request or an answer
     * may name people in free text (circumstances, findings), so downloading one is audited; a
     * receipt names nobody.
     */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional
    public byte[] content(Document document) {
        byte[] bytes = store.get(document.sha256());
        if (document.kind() != Kind.RECEIPT) {
            String request = neo4j.query("MATCH (t:TraceRequest)-[:HAS_DOCUMENT]->(:TraceDocument {id: $id}) RETURN t.id")
                    .bind(document.id()).to("id").fetchAs(String.class).one().orElse("");
            reads.recordUnlisted(PersonalDataPath.TRACE_DOCUMENT, List.of("TraceRequest:" + request),
                    document.fileName() + " sha256 " + document.sha256());
        }
        return bytes;
    }

    private Optional<TraceAnswer> approvedAnswer(TraceRequest t) {
        return t.direction() == Direction.OUTGOING ? Optional.empty()
                : answers.current(t.id()).filter(TraceAnswer::approved);
    }

    private DocumentContent request(TraceRequest t, Instant now) {
        Firearm weapon = answers.concerns(t.id()).stream().findFirst().flatMap(firearms::find).orElse(null);
        var sections = new ArrayList<DocumentContent.Section>();
        sections.add(section("doc.section.request",
                field("doc.requesting-country", country(home)),
                field("doc.requested-country", country(t.counterpart())),
                field("doc.priority", label("trace.priority." + t.priority().name())),
                field("doc.request-date", DocumentContent.isoDate(t.receivedAt())),
                field("doc.reply-by", DocumentContent.isoDate(t.dueAt()))));
        sections.add(weapon(t, weapon));
        if (t.circumstances() != null) {
            sections.add(section("doc.section.recovery", field("doc.circumstances", t.circumstances())));
        }
        sections.add(grounds(t));
        var images = new ArrayList<DocumentContent.Image>();
        if (weapon != null) {
            int n = 0;
            var notEmbedded = new ArrayList<String>();
            for (Photos.Photo p : photos.list(weapon.id())) {
                n++;
                String caption = label("doc.photo", n, Objects.toString(p.caption(), Objects.toString(p.fileName(), "")));
                photos.forDocument(p).ifPresentOrElse(image -> images.add(new DocumentContent.Image(image.content(),
                        image.contentType().equals("image/png"), image.width(), image.height(), caption)),
                        () -> notEmbedded.add(caption)); // WebP: neither format can hold it; the original is on request
            }
            if (!notEmbedded.isEmpty()) {
                sections.add(section("doc.section.photos", field("doc.photos-not-embedded",
                        String.join("\n", notEmbedded))));
            }
        }
        String title = label("doc.request.title") + (t.status() == TraceStatus.DRAFT ? " (" + label("doc.draft") + ")" : "");
        return new DocumentContent(title, t.number(), label("doc.number"), now, label("doc.generated-at"),
                sections, images);
    }

    private DocumentContent receipt(TraceRequest t, Instant now) {
        Instant acknowledged = traces.history(t.id()).stream().filter(x -> x.to() == TraceStatus.ACKNOWLEDGED)
                .map(TraceTransition::at).findFirst().orElse(null);
        var sections = new ArrayList<DocumentContent.Section>();
        sections.add(section("doc.section.receipt",
                field("doc.our-reference", t.number()),
                field("doc.your-reference", Objects.toString(t.partnerReference(), "")),
                field("doc.requesting-country", country(t.counterpart())),
                field("doc.requested-country", country(home)),
                field("doc.received-at", DocumentContent.iso(t.receivedAt())),
                field("doc.acknowledged-at", DocumentContent.iso(acknowledged)),
                field("doc.priority", label("trace.priority." + t.priority().name())),
                field("doc.answer-due", DocumentContent.isoDate(t.dueAt())),
                field("doc.note", label("doc.receipt-note"))));
        sections.add(weapon(t, null));
        sections.add(grounds(t));
        return new DocumentContent(label("doc.receipt.title"), t.number(), label("doc.number"), now,
                label("doc.generated-at"), sections, List.of());
    }

    private DocumentContent answer(TraceRequest t, TraceAnswer a, Instant now) {
        var sections = new ArrayList<DocumentContent.Section>();
        sections.add(section("doc.section.request",
                field("doc.our-reference", t.number()),
                field("doc.your-reference", Objects.toString(t.partnerReference(), "")),
                field("doc.requesting-country", country(t.counterpart())),
                field("doc.received-at", DocumentContent.iso(t.receivedAt()))));
        sections.add(weapon(t, null));
        sections.add(section("doc.section.answer",
                field("doc.outcome", label("trace.outcome." + a.outcome().name())),
                field("doc.findings", a.findings()),
                field("doc.answer-date", DocumentContent.isoDate(a.approvedAt())),
                field("doc.approved-by", a.approvedBy())));
        PointOfDiversion p = a.diversion();
        if (p != null) {
            sections.add(section("doc.section.diversion",
                    field("doc.diversion-country", country(p.country())),
                    field("doc.diversion-date", p.date() == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(p.date())),
                    field("doc.diversion-method", label("trace.diversion." + p.method().name())),
                    field("doc.diversion-place", Objects.toString(p.place(), "")),
                    field("doc.diversion-details", Objects.toString(p.details(), ""))));
        }
        return new DocumentContent(label("doc.answer.title"), t.number(), label("doc.number"), now,
                label("doc.generated-at"), sections, List.of());
    }

    /** The weapon as the request describes it, and its markings as the registry holds them. */
    private DocumentContent.Section weapon(TraceRequest t, Firearm registered) {
        var fields = new ArrayList<>(List.of(
                field("doc.type", t.weaponType()),
                field("doc.make", t.weaponMake()),
                field("doc.model", t.weaponModel()),
                field("doc.calibre", t.weaponCalibre()),
                field("doc.serial", t.weaponSerial()),
                field("doc.country-of-manufacture", t.weaponCountry() == null ? "" : country(t.weaponCountry()))));
        if (registered != null && !registered.markings().isEmpty()) {
            fields.add(field("doc.markings", registered.markings().stream().map(TraceDocuments::marking)
                    .collect(Collectors.joining("\n"))));
        }
        return new DocumentContent.Section(label("doc.section.weapon"), fields);
    }

    /** "PROOF: WB (left side of frame, DE, 2019)". */
    private static String marking(Firearm.Marking m) {
        String where = Stream.of(m.position(), m.country(), m.year() == null ? null : m.year().toString())
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        return m.kind() + ": " + m.text() + (where.isEmpty() ? "" : " (" + where + ")");
    }

    private DocumentContent.Section grounds(TraceRequest t) {
        return section("doc.section.grounds",
                field("doc.why-illicit", t.whyIllicit()),
                field("doc.legal-basis", t.legalBasis()),
                field("doc.intended-use", t.intendedUse()));
    }

    private DocumentContent.Section section(String key, DocumentContent.Field... fields) {
        return new DocumentContent.Section(label(key), new ArrayList<>(List.of(fields)));
    }

    private DocumentContent.Field field(String key, String value) {
        return new DocumentContent.Field(label(key), value);
    }

    private String label(String key, Object... args) {
        return i18n.getTranslation(key, EN, args);
    }

    private String country(String code) {
        // The weapon's country is as the partner typed it ("rs"); codes are stored in upper case.
        return reference.country(code == null ? null : code.toUpperCase(Locale.ROOT)).map(c -> c.name(EN) + " (" + c.code() + ")").orElse(Objects.toString(code, ""));
    }

    private String sheetName(Kind kind) {
        return label("doc.sheet." + kind.name());
    }
}
