package org.armstrace.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.LibreOfficeTest;
import org.armstrace.base.Dates;
import org.armstrace.base.Sha256;
import org.armstrace.base.Translations;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseAttachments;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.Cases;
import org.armstrace.cases.LinkKind;
import org.armstrace.recovery.NewRecoveries;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.ExifJpeg;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.NewTransfers;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Photos;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.Transfer;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.armstrace.tracing.AnswerDraft;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.TraceIntake;
import org.armstrace.tracing.TraceQueues;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ArmsTraceTest
class CaseFilesTests {

    static final Provenance SOURCE = new Provenance("import:case-file-test", Provenance.Confidence.HIGH);
    static final Locale ALBANIAN = Translations.ALBANIAN;

    @Autowired CaseFiles caseFiles;
    @Autowired Cases cases;
    @Autowired CaseLinks links;
    @Autowired CaseAttachments attachments;
    @Autowired PersonRegistry people;
    @Autowired FirearmRegistry firearms;
    @Autowired Holdings holdings;
    @Autowired Photos photos;
    @Autowired Recoveries recoveries;
    @Autowired TraceIntake traceIntake;
    @Autowired TraceQueues traceQueues;
    @Autowired TraceRequests traces;
    @Autowired TraceAnswers answers;
    @Autowired ReferenceData reference;
    @Autowired UserAccountService users;
    @Autowired AuditLog audit;
    @Autowired Translations i18n;

    final String run = UUID.randomUUID().toString().substring(0, 6);

    /** A case with a registered pistol (photo with a GPS position), its licensed holder found with it, a trace, two files. */
    record Fixture(Case c, Person holder, Firearm weapon, Licence licence, TraceRequest trace, byte[] pdf) {
    }

    Fixture fixture() {
        Person holder = Actors.analyst(() -> people.register(NewPeople.newPerson("Besnik", "Krasniqi")
                .born(LocalDate.of(1980, 3, 14)).nationalId("12" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "0077")
                .build(), SOURCE));
        Firearm weapon = Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M70").calibre("7.65 Browning").serial("CF-" + run).country("RS").year(1990)
                .marking(NewFirearm.MarkingKind.PROOF, "ZCZ", "left side of frame", "RS", 1990).build(), SOURCE));
        Actors.analyst(() -> photos.attach(weapon.id(), ExifJpeg.withGps(640, 480, 1), "side.jpg", "Left side", SOURCE));
        Licence licence = Actors.analyst(() -> holdings.issueLicence("LIC-CF-" + run, Licence.Kind.POSSESSION, holder.id(),
                "MUP", LocalDate.of(2012, 5, 2), null, SOURCE));
        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2013, 6, 1),
                weapon.id()).to(holder.id()).toLicence(licence.id()).reference("invoice 77").build(), SOURCE));
        String recovery = Actors.officer(() -> recoveries.record(NewRecoveries.newRecovery().key(UUID.randomUUID().toString())
                .kind(RecoveryKind.SEIZED).at(Instant.now().minus(2, ChronoUnit.HOURS))
                .place(new Place(42.6629, 21.1655, 12.0, Place.Method.DEVICE, null)).circumstances("Vehicle check")
                .possessor(new NewRecovery.Possessor(holder.id(), null))
                .weapon(new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M70")
                        .calibre("7.65 Browning").serial("CF-" + run).build(), false, List.of()))
                .build())).recoveryId();
        TraceRequest trace = answeredTrace();
        Case c = Actors.analyst(() -> cases.open(new Cases.NewCase("Pistols at the border " + run, CaseKind.SEIZURE, null,
                false, "PR-" + run)));
        Actors.analyst(() -> links.link(c.number(), LinkKind.RECOVERY, recovery));
        Actors.analyst(() -> links.link(c.number(), LinkKind.FIREARM, weapon.id()));
        Actors.analyst(() -> links.link(c.number(), LinkKind.PERSON, holder.id()));
        Actors.analyst(() -> links.link(c.number(), LinkKind.TRACE_REQUEST, trace.id()));
        byte[] pdf = ("%PDF-1.4\n% statement of the officer " + run + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        Actors.analyst(() -> attachments.attach(c.number(), pdf, "statement of the officer.pdf"));
        Actors.analyst(() -> attachments.attach(c.number(), ExifJpeg.withGps(200, 100, 1), "scene.jpg"));
        return new Fixture(c, holder, weapon, licence, trace, pdf);
    }

    private TraceRequest answeredTrace() {
        String analyst = "cf-an-" + run;
        Actors.admin(() -> users.create(analyst, "Case file", EnumSet.of(Role.ANALYST)));
        TraceRequest t = Actors.intake(() -> traceIntake.receive(new NewTraceRequest(Direction.INCOMING, "AL",
                "REF-" + run, Priority.ROUTINE, "pistol", "Zastava", "M70", "7.65 Browning", "CF-" + run, "RS",
                "Seized without licence", "Law on Weapons art. 12", "Criminal proceedings", "Vehicle check",
                NewTraceRequest.Channel.API, null, null)));
        Actors.supervisor(() -> traceQueues.assign(t.id(), analyst, "test"));
        Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.IN_PROGRESS, null));
        Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), new AnswerDraft(TraceAnswer.Outcome.TRACED,
                "Sold in 2013 to the licence holder " + run + ".", null, null)));
        Actors.supervisor(() -> traces.approve(t.id(), 1, null));
        return Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.ANSWERED, null));
    }

    @Test
    void the_docx_holds_summary_weapons_by_name_with_clean_photos_custody_people_in_their_roles_traces_and_audit()
            throws Exception {
        Fixture f = fixture();
        CaseFiles.Produced p = Actors.analyst(() -> caseFiles.produce(f.c().number(), ALBANIAN));

        String text;
        List<byte[]> pictures;
        try (var doc = new XWPFDocument(new ByteArrayInputStream(p.docx()));
             var extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
            pictures = doc.getAllPictures().stream().map(XWPFPictureData::getData).toList();
        }
        // The summary, in the producer's language, dates as Dates writes them in Albanian.
        assertThat(text).contains(t("casefile.section.summary"), f.c().number(), f.c().title(), "PR-" + run, t("cases.kind.SEIZURE"), t("cases.status.OPEN"),
                Dates.dateTime(f.c().openedAt(), ALBANIAN));
        // Weapons by their names, not their codes, with markings; the recovered one beside the registered one.
        assertThat(text).contains(reference.typeName(f.weapon().typeCode(), ALBANIAN),
                reference.makeName(f.weapon().makeCode(), f.weapon().makeAsRead()),
                reference.countryName("RS", ALBANIAN), "PROOF: ZCZ (left side of frame, RS, 1990)",
                t("casefile.how.LINKED"), t("casefile.how.RECOVERED"));
        // The chain of custody of the registered pistol: the sale to its holder and the licence covering it.
        assertThat(text).contains(t("casefile.custody"), "LIC-CF-" + run, "invoice 77", Dates.date(LocalDate.of(2013, 6, 1),
                ALBANIAN));
        // The holder in the three roles the case gives him.
        assertThat(text).contains("Besnik Krasniqi", Dates.date(LocalDate.of(1980, 3, 14), ALBANIAN),
                t("casefile.role.LINKED", ""), t("casefile.role.LICENCE_HOLDER", "LIC-CF-" + run + " · Zastava M70 CF-" + run))
                .contains(t("casefile.role.POSSESSOR", "").strip());
        // The trace with its approved answer; the attachments; the audit extract.
        assertThat(text).contains(f.trace().number(), t("trace.outcome.TRACED"), "Sold in 2013 to the licence holder " + run,
                "statement of the officer.pdf", Sha256.hex(f.pdf()), "case.created", "case.linked");
        // The one photo, re-encoded: no EXIF, no GPS position of the camera.
        assertThat(pictures).hasSize(1);
        assertThat(ExifJpeg.contains(pictures.getFirst(), ExifJpeg.EXIF_HEADER)).isFalse();
        assertThat(ExifJpeg.contains(pictures.getFirst(), ExifJpeg.GPS_MARKER.getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
    }

    @Test
    void the_zip_manifest_lists_every_file_with_a_hash_that_checks_and_the_entities_of_the_case() {
        Fixture f = fixture();
        CaseFiles.Produced p = Actors.supervisor(() -> caseFiles.produce(f.c().number(), Locale.ENGLISH));

        Map<String, byte[]> entries = unzip(p.zip());
        JsonNode manifest = JsonMapper.builder().build().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("format").asString()).isEqualTo(CaseFilePackage.FORMAT);
        assertThat(manifest.get("caseNumber").asString()).isEqualTo(f.c().number());
        assertThat(manifest.get("producedBy").asString()).isEqualTo(Actors.SUPERVISOR);
        assertThat(Instant.parse(manifest.get("producedAt").asString())).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
        // Every file but the manifest is listed once, and each one's size and SHA-256 check.
        var listed = new LinkedHashMap<String, JsonNode>();
        manifest.get("files").forEach(file -> listed.put(file.get("path").asString(), file));
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(entries.keySet().stream()
                .filter(name -> !name.equals("manifest.json")).toList());
        listed.forEach((path, file) -> {
            assertThat(file.get("sha256").asString()).as(path).isEqualTo(Sha256.hex(entries.get(path)));
            assertThat(file.get("size").asLong()).as(path).isEqualTo(entries.get(path).length);
        });
        assertThat(listed).containsKeys(f.c().number() + "-case-file.docx", "attachments/1-scene.jpg",
                "attachments/2-statement_of_the_officer.pdf");
        assertThat(entries.get(f.c().number() + "-case-file.docx")).isEqualTo(p.docx());
        assertThat(entries.get("attachments/2-statement_of_the_officer.pdf")).isEqualTo(f.pdf());
        // The entities the case links, by kind and id.
        var entities = new java.util.ArrayList<String>();
        manifest.get("entities").forEach(e -> entities.add(e.get("kind").asString() + ":" + e.get("id").asString()));
        assertThat(entities).contains("Person:" + f.holder().id(), "Firearm:" + f.weapon().id(),
                "TraceRequest:" + f.trace().id()).hasSize(4);
        // An altered file no longer checks.
        byte[] altered = entries.get("attachments/2-statement_of_the_officer.pdf").clone();
        altered[altered.length - 2] ^= 1;
        assertThat(Sha256.hex(altered)).isNotEqualTo(listed.get("attachments/2-statement_of_the_officer.pdf")
                .get("sha256").asString());
    }

    @Test
    void each_production_is_kept_recorded_on_the_case_and_audited_with_the_people_it_names() {
        Fixture f = fixture();
        CaseFiles.Produced p = Actors.analyst(() -> caseFiles.produce(f.c().number(), Locale.ENGLISH));

        List<CaseFile> kept = Actors.analyst(() -> caseFiles.productions(f.c().number()));
        assertThat(kept).singleElement().satisfies(file -> {
            assertThat(file.docxSha256()).isEqualTo(Sha256.hex(p.docx()));
            assertThat(file.zipSha256()).isEqualTo(Sha256.hex(p.zip()));
            assertThat(file.docxSize()).isEqualTo(p.docx().length);
            assertThat(file.zipSize()).isEqualTo(p.zip().length);
            assertThat(file.by()).isEqualTo(Actors.ANALYST);
            assertThat(file.entities()).isEqualTo(4);
        });
        assertThat(Actors.supervisor(() -> caseFiles.content(kept.getFirst(), true))).isEqualTo(p.zip());
        assertThat(Actors.supervisor(() -> caseFiles.content(kept.getFirst(), false))).isEqualTo(p.docx());

        List<AuditEvent> events = Actors.admin(() -> audit.about("Case:" + f.c().number(), 1_000));
        assertThat(events).filteredOn(e -> e.action().equals("case.file-produced")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains(Sha256.hex(p.docx()), Sha256.hex(p.zip())));
        // The production and the two downloads each read the holder.
        assertThat(events).filteredOn(e -> e.action().equals("case.file-read")).hasSize(3)
                .allSatisfy(e -> assertThat(e.entities()).contains("Person:" + f.holder().id()))
                .extracting(AuditEvent::actor).containsExactly(Actors.ANALYST, Actors.SUPERVISOR, Actors.SUPERVISOR);
    }

    @Test
    void only_analysts_and_supervisors_produce_it_and_a_case_restricted_to_another_team_does_not_exist_for_them() {
        Case c = Actors.analyst(() -> cases.open(new Cases.NewCase("Roles " + run, CaseKind.OTHER, null, false, null)));
        assertThatThrownBy(() -> Actors.admin(() -> caseFiles.produce(c.number(), Locale.ENGLISH)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.intake(() -> caseFiles.produce(c.number(), Locale.ENGLISH)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.officer(() -> caseFiles.produce(c.number(), Locale.ENGLISH)))
                .isInstanceOf(AccessDeniedException.class);

        String insider = "cf-in-" + run;
        Actors.admin(() -> {
            users.create(insider, "Insider", EnumSet.of(Role.ANALYST));
            users.setOffice(insider, "Undercover " + run);
            return null;
        });
        Case restricted = Actors.analyst(insider, () -> cases.open(new Cases.NewCase("Restricted " + run, CaseKind.OTHER,
                null, true, null)));
        assertThatThrownBy(() -> Actors.supervisor(() -> caseFiles.produce(restricted.number(), Locale.ENGLISH)))
                .isInstanceOf(CaseRejected.class).hasMessage("cases.not-found");
        assertThat(Actors.analyst(insider, () -> caseFiles.produce(restricted.number(), Locale.ENGLISH)).docx()).isNotEmpty();
    }

    /** LibreOffice is the strictest reader at hand: the case file must convert without complaint. */
    @Test
    @LibreOfficeTest
    void the_case_file_opens_in_libreoffice(@TempDir Path dir) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/soffice"))) {
            // On CI a missing LibreOffice is a broken install step (.ci/run), not a reason to skip.
            Assumptions.assumeFalse(System.getenv("CI") == null, "LibreOffice is not installed");
            throw new IllegalStateException("LibreOffice is not installed at /usr/bin/soffice (see .ci/run)");
        }
        Fixture f = fixture();
        CaseFiles.Produced p = Actors.analyst(() -> caseFiles.produce(f.c().number(), Translations.SERBIAN_LATIN));
        Path docx = dir.resolve(p.file().docxName());
        Files.write(docx, p.docx());
        var process = new ProcessBuilder("/usr/bin/soffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Path pdf = dir.resolve(p.file().docxName().replace(".docx", ".pdf"));
        assertThat(pdf).as(output).exists();
        assertThat(Files.size(pdf)).isGreaterThan(1000);
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(entries.put(e.getName(), in.readAllBytes())).as("entry %s once", e.getName()).isNull();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private String t(String key, Object... args) {
        return i18n.getTranslation(key, ALBANIAN, args);
    }
}
