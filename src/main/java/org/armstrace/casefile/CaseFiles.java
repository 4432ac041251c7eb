package org.armstrace.casefile;

import static org.armstrace.graph.GraphValues.instant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.base.ContentStore;
import org.armstrace.base.Translations;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseAttachments;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.Cases;
import org.armstrace.graph.CypherParams;
import org.armstrace.graph.GraphProperties;
import org.armstrace.registry.Photos;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.armstrace.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces a case's file for the prosecutor (a DOCX, see {@link CaseFileDocx}) and the package beside
 * it (a ZIP with a manifest, the DOCX and the attachments, see {@link CaseFilePackage}), keeps both
 * as they were handed out (by SHA-256 under {@code <data dir>/case-file-productions}) and records the
 * production on the case as a {@code :CaseFile} with both hashes, who and when; the production is
 * audited ({@code case.file-produced}) and, since the file names the case's people, so is the read
 * of them ({@link PersonalDataPath#CASE_FILE}), on production and on every later download.
 *
 * <p>Who (PRODUCT.md): analysts, who work the case and write its findings, and supervisors, who
 * answer for what leaves the focal point. Administrators look after users and reference data and do
 * not produce evidence for a prosecutor; intake officers and field officers do not see cases.
 */
@Service
public class CaseFiles {

    static final String PRODUCERS = "hasAnyRole('SUPERVISOR','ANALYST')";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String ZIP = "application/zip";

    /** A production with the two files as produced. */
    public record Produced(CaseFile file, byte[] docx, byte[] zip) {
    }

    private final Neo4jClient neo4j;
    private final Cases cases;
    private final CaseAttachments attachments;
    private final CaseFileSources sources;
    private final Translations i18n;
    private final ReferenceData reference;
    private final Photos photos;
    private final AuditLog audit;
    private final PersonalDataReads reads;
    private final ContentStore store;

    CaseFiles(Neo4jClient neo4j, Cases cases, CaseAttachments attachments, CaseFileSources sources, Translations i18n,
              ReferenceData reference, Photos photos, AuditLog audit, PersonalDataReads reads, GraphProperties graph) {
        this.neo4j = neo4j;
        this.cases = cases;
        this.attachments = attachments;
        this.sources = sources;
        this.i18n = i18n;
        this.reference = reference;
        this.photos = photos;
        this.audit = audit;
        this.reads = reads;
        this.store = new ContentStore(graph.dataDir().resolve("case-file-productions"));
    }

    /** Whether the signed-in user may produce case files (the page shows the action only to them). */
    public static boolean mayProduce() {
        return Role.current(Role.Names.SUPERVISOR, Role.Names.ANALYST);
    }

    /** Produces the case file in the given language and its package, keeps both and records the production. */
    @PreAuthorize(PRODUCERS)
    @Transactional
    public Produced produce(String number, Locale language) {
        Case c = cases.find(number).orElseThrow(() -> new CaseRejected("cases.not-found", number));
        Instant at = Instant.now();
        String by = AuditLog.currentActor();
        CaseFileSources.Sources s = sources.of(c);
        byte[] docx = new CaseFileDocx(i18n, reference, photos, Translations.supported(language)).render(s, at, by);
        String docxName = c.number() + "-case-file.docx";
        var entries = new ArrayList<CaseFilePackage.Entry>();
        entries.add(new CaseFilePackage.Entry(docxName, DOCX, docx));
        int n = 0;
        for (CaseAttachments.Attachment a : s.attachments()) {
            entries.add(new CaseFilePackage.Entry("attachments/" + (++n) + "-" + CaseFilePackage.safeName(a.fileName()),
                    a.contentType(), attachments.content(c.number(), a.id())));
        }
        byte[] zip = CaseFilePackage.zip(c.number(), c.title(), at, by, entries, s.links());
        var file = new CaseFile(UUID.randomUUID().toString(), c.number(), docxName, store.put(docx), docx.length,
                c.number() + "-case-file.zip", store.put(zip), zip.length, by, at, s.links().size());
        List<String> people = s.people().stream().map(CaseFileSources.PersonInCase::id).toList();
        neo4j.query("""
                        MATCH (c:Case {number: $number})
                        CREATE (:CaseFile {id: $id, docxName: $docxName, docxSha256: $docxSha, docxSize: $docxSize,
                                           zipName: $zipName, zipSha256: $zipSha, zipSize: $zipSize, by: $by, at: $at,
                                           entities: $entities, people: $people})-[:FILE_OF]->(c)""")
                .bindAll(CypherParams.of("number", c.number(), "id", file.id(), "docxName", docxName,
                        "docxSha", file.docxSha256(), "docxSize", docx.length, "zipName", file.zipName(),
                        "zipSha", file.zipSha256(), "zipSize", zip.length, "by", by, "at", at.atZone(ZoneOffset.UTC),
                        "entities", file.entities(), "people", people))
                .run();
        audit.record("case.file-produced", List.of("Case:" + c.number()), docxName + " sha256 " + file.docxSha256() + "; "
                + file.zipName() + " sha256 " + file.zipSha256() + "; " + file.entities() + " linked record(s), "
                + s.attachments().size() + " attachment(s)");
        reads.record(PersonalDataPath.CASE_FILE, List.of("Case:" + c.number()), people);
        return new Produced(file, docx, zip);
    }

    /** The files produced for a case, newest first. */
    @PreAuthorize(PRODUCERS)
    @Transactional(readOnly = true)
    public List<CaseFile> productions(String number) {
        Case c = cases.find(number).orElseThrow(() -> new CaseRejected("cases.not-found", number));
        return neo4j.query("MATCH (f:CaseFile)-[:FILE_OF]->(:Case {number: $number}) RETURN f ORDER BY f.at DESC LIMIT 100")
                .bind(c.number()).to("number").fetchAs(CaseFile.class).mappedBy((t, r) -> {
                    var f = r.get("f");
                    return new CaseFile(f.get("id").asString(), c.number(), f.get("docxName").asString(),
                            f.get("docxSha256").asString(), f.get("docxSize").asLong(), f.get("zipName").asString(),
                            f.get("zipSha256").asString(), f.get("zipSize").asLong(), f.get("by").asString(),
                            instant(f.get("at")), f.get("entities").asInt(0));
                }).all().stream().toList();
    }

    /**
     * A kept file (the DOCX, or the ZIP when {@code zip}) exactly as produced, checked against its
     * hash; the people it names are a personal-data read again.
     */
    @PreAuthorize(PRODUCERS)
    @Transactional
    public byte[] content(CaseFile file, boolean zip) {
        CaseFile kept = productions(file.caseNumber()).stream().filter(f -> f.id().equals(file.id())).findFirst()
                .orElseThrow(() -> new CaseRejected("casefile.not-found"));
        List<String> people = neo4j.query("MATCH (f:CaseFile {id: $id}) UNWIND coalesce(f.people, []) AS p RETURN p")
                .bind(kept.id()).to("id").fetchAs(String.class).all().stream().toList();
        byte[] bytes = store.get(zip ? kept.zipSha256() : kept.docxSha256());
        reads.record(PersonalDataPath.CASE_FILE, List.of("Case:" + kept.caseNumber()), people);
        return bytes;
    }
}
