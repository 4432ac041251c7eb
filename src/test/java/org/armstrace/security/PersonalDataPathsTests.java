package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.armstrace.api.ApiTokenService;
import org.armstrace.casefile.CaseFiles;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.Cases;
import org.armstrace.cases.LinkKind;
import org.armstrace.importer.IssueReport;
import org.armstrace.importer.MatchReviews;
import org.armstrace.importer.RegistryImports;
import org.armstrace.intelligence.Alert;
import org.armstrace.intelligence.Alerts;
import org.armstrace.intelligence.ChartInterchange;
import org.armstrace.intelligence.EntityRef;
import org.armstrace.intelligence.LinkAnalysis;
import org.armstrace.intelligence.LinkGraph;
import org.armstrace.recovery.NewRecoveries;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.FirearmTimeline;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.Neighbourhood;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.NewTransfers;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.Transfer;
import org.armstrace.tracing.AnswerDraft;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.OutgoingTraces;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.TraceDocuments;
import org.armstrace.tracing.TraceIntake;
import org.armstrace.tracing.TraceQueues;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Walks every {@link PersonalDataPath}: performs the read as a role allowed to make it, and checks
 * that one audit event with the path's action now names the reader and the person shown. The
 * {@code switch} over the paths has no default, so a path added without a read here does not
 * compile; the README's table is checked against the same enum.
 */
@ArmsTraceTest
class PersonalDataPathsTests {

    static final Provenance SOURCE = new Provenance("import:personal-data-test", Provenance.Confidence.HIGH);
    static final Place PRISHTINA = new Place(42.6629, 21.1655, 12.0, Place.Method.DEVICE, null);
    static final Path README = Path.of("graph-model/README.md");

    @Autowired AuditLog audit;
    @Autowired PersonRegistry people;
    @Autowired FirearmRegistry firearms;
    @Autowired Holdings holdings;
    @Autowired Neighbourhood neighbourhood;
    @Autowired FirearmTimeline timeline;
    @Autowired Recoveries recoveries;
    @Autowired MatchReviews reviews;
    @Autowired RegistryImports imports;
    @Autowired LinkAnalysis links;
    @Autowired ChartInterchange interchange;
    @Autowired Alerts alerts;
    @Autowired OutgoingTraces outgoingTraces;
    @Autowired TraceDocuments documents;
    @Autowired TraceIntake traceIntake;
    @Autowired TraceQueues traceQueues;
    @Autowired TraceRequests traces;
    @Autowired TraceAnswers answers;
    @Autowired Cases cases;
    @Autowired CaseLinks caseLinks;
    @Autowired CaseFiles caseFiles;
    @Autowired UserAccountService users;
    @Autowired ApiTokenService tokens;
    @Autowired SslBundles ssl;
    @Autowired Neo4jClient neo4j;
    @LocalServerPort int port;
    @TempDir Path tmp;

    /** A licensed holder of a registered weapon, found in possession of it at a recovery. */
    record Fixture(Person holder, Firearm weapon, Licence licence, String recoveryId) {
    }

    Fixture fixture() {
        String tag = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        Person holder = Actors.analyst(() -> people.register(NewPeople.newPerson("Drita", "Berisha")
                .born(LocalDate.of(1975, 4, 9)).nationalId("11" + tag + "0042").build(), SOURCE));
        Firearm weapon = Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M70").calibre("7.65 Browning").serial("PDR-" + tag).country("RS").year(1990).build(), SOURCE));
        Licence licence = Actors.analyst(() -> holdings.issueLicence("LIC-PDR-" + tag, Licence.Kind.POSSESSION,
                holder.id(), "MUP", LocalDate.of(2010, 1, 1), null, SOURCE));
        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2015, 6, 1),
                weapon.id()).to(holder.id()).toLicence(licence.id()).reference("sale").build(), SOURCE));
        String recovery = Actors.officer(() -> recoveries.record(NewRecoveries.newRecovery().key(UUID.randomUUID().toString())
                .kind(RecoveryKind.SEIZED).at(Instant.now().minus(1, ChronoUnit.HOURS)).place(PRISHTINA)
                .circumstances("Vehicle check").possessor(new NewRecovery.Possessor(holder.id(), null))
                .weapon(new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M70")
                        .calibre("7.65 Browning").serial("PDR-" + tag).build(), false, List.of()))
                .build())).recoveryId();
        return new Fixture(holder, weapon, licence, recovery);
    }

    /** One read: who makes it, the entity its event must name, and the read itself. */
    record Read(String actor, String entity, Runnable read) {
    }

    Read read(PersonalDataPath path, Fixture f) {
        String person = "Person:" + f.holder().id();
        return switch (path) {
            case PERSON_PAGE -> new Read(Actors.ANALYST, person, () -> Actors.analyst(() -> people.read(f.holder().id())));
            case PERSON_SEARCH -> new Read(Actors.INTAKE, person,
                    () -> Actors.intake(() -> people.search(f.holder().nationalId(), 20)));
            case PERSON_SEARCH_API -> new Read(null, person, () -> apiSearch(f.holder().nationalId()));
            case PERSON_IDENTIFIED -> new Read(Actors.OFFICER, person,
                    () -> Actors.officer(() -> people.identify(f.holder().nationalId())));
            case FIREARM_NEIGHBOURHOOD -> new Read(Actors.ANALYST, person,
                    () -> Actors.analyst(() -> neighbourhood.ofFirearm(f.weapon().id())));
            case FIREARM_TIMELINE -> new Read(Actors.SUPERVISOR, person,
                    () -> Actors.supervisor(() -> timeline.of(f.weapon().id())));
            case FIREARM_TRANSFERS -> new Read(Actors.ANALYST, person,
                    () -> Actors.analyst(() -> holdings.transfers(f.weapon().id())));
            case RECOVERY_POSSESSORS -> new Read(Actors.ANALYST, person,
                    () -> Actors.analyst(() -> recoveries.find(f.recoveryId())));
            case RECOVERY_CHECKS -> new Read(Actors.ANALYST, person,
                    () -> Actors.analyst(() -> recoveries.candidates(f.recoveryId())));
            case IMPORT_REVIEW -> {
                String review = personReview(f.holder().id());
                yield new Read(Actors.ANALYST, person, () -> Actors.analyst(() -> reviews.find(review)));
            }
            case IMPORT_ISSUE_REPORT -> {
                String batch = batchWithIssues();
                yield new Read(Actors.ADMIN, "ImportBatch:" + batch, () -> Actors.admin(() -> report(batch)));
            }
            case IMPORT_ISSUES -> {
                String batch = batchWithIssues();
                yield new Read(Actors.ADMIN, "ImportBatch:" + batch, () -> Actors.admin(() -> imports.issues(batch, 0, 50)));
            }
            case CHART_EXPAND -> new Read(Actors.ANALYST, person, () -> Actors.analyst(() -> links.expand(
                    new EntityRef(EntityRef.Kind.LICENCE, f.licence().id()), Set.of(), 0, 25)));
            case CHART_NEIGHBOURHOOD -> new Read(Actors.ANALYST, person, () -> Actors.analyst(() -> links.neighbourhood(
                    new EntityRef(EntityRef.Kind.FIREARM, f.weapon().id()), Set.of(), 2)));
            case CHART_PATHS -> new Read(Actors.ANALYST, person, () -> Actors.analyst(() -> links.shortestPaths(
                    new EntityRef(EntityRef.Kind.FIREARM, f.weapon().id()),
                    new EntityRef(EntityRef.Kind.PERSON, f.holder().id()), Set.of(), 4, 1)));
            case CHART_SUBGRAPH -> new Read(Actors.SUPERVISOR, person, () -> Actors.supervisor(() -> links.subgraph(
                    List.of(new EntityRef(EntityRef.Kind.LICENCE, f.licence().id()),
                            new EntityRef(EntityRef.Kind.PERSON, f.holder().id())), Set.of(), "test")));
            case CHART_EXPORT -> new Read(Actors.ANALYST, person, () -> Actors.analyst(() -> {
                LinkGraph chart = links.expand(new EntityRef(EntityRef.Kind.LICENCE, f.licence().id()), Set.of(), 0, 25);
                links.exported(chart);
                return chart;
            }));
            case CHART_ANX_EXPORT -> new Read(Actors.ANALYST, person, () -> Actors.analyst(() -> {
                LinkGraph chart = links.expand(new EntityRef(EntityRef.Kind.LICENCE, f.licence().id()), Set.of(), 0, 25);
                interchange.exportAnx(chart, type -> type, OutputStream.nullOutputStream());
                return chart;
            }));
            case ALERT_LIST -> {
                personAlert(f.holder().id());
                yield new Read(Actors.ANALYST, person, () -> Actors.analyst(() -> alerts.list(
                        new Alert.Filter(org.armstrace.intelligence.Pattern.REPEAT_POSSESSOR, Alert.Status.OPEN, false),
                        0, 5)));
            }
            case TRACE_DOCUMENT -> {
                TraceRequest t = outgoingRequest(f.weapon());
                var produced = Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST,
                        TraceDocuments.Format.DOCX));
                yield new Read(Actors.ANALYST, "TraceRequest:" + t.id(),
                        () -> Actors.analyst(() -> documents.content(produced.document())));
            }
            case CASE_FILE -> {
                String number = Actors.analyst(() -> cases.open(new Cases.NewCase("Personal data", CaseKind.OTHER, null,
                        false, null))).number();
                Actors.analyst(() -> caseLinks.link(number, LinkKind.PERSON, f.holder().id()));
                var produced = Actors.analyst(() -> caseFiles.produce(number, Locale.ENGLISH));
                yield new Read(Actors.SUPERVISOR, person, () -> Actors.supervisor(() -> caseFiles.content(produced.file(), true)));
            }
            case TRACE_ANSWER_PARTNER -> {
                TraceRequest t = answeredRequestFrom("AL");
                yield new Read(null, "TraceRequest:" + t.id(), () -> Actors.partner("AL", () -> answers.forPartner(t.number())));
            }
            case CASE_PEOPLE -> {
                String number = Actors.analyst(() -> cases.open(new Cases.NewCase("Personal data " + f.holder().id(),
                        CaseKind.OTHER, null, false, null))).number();
                Actors.analyst(() -> caseLinks.link(number, LinkKind.PERSON, f.holder().id()));
                yield new Read(Actors.SUPERVISOR, person, () -> Actors.supervisor(() -> caseLinks.links(number)));
            }
        };
    }

    @Test
    void every_path_that_shows_a_person_writes_one_event_naming_the_reader_and_the_person() {
        Fixture f = fixture();
        var missing = new LinkedHashMap<PersonalDataPath, String>();
        for (PersonalDataPath path : PersonalDataPath.values()) {
            Read r = read(path, f);
            long last = latest(r.entity());
            r.read().run();
            List<AuditEvent> written = Actors.admin(() -> audit.about(r.entity(), 1_000)).stream()
                    .filter(e -> e.seq() > last && e.action().equals(path.action())).toList();
            if (written.size() != 1 || (r.actor() != null && !written.getFirst().actor().equals(r.actor()))) {
                missing.put(path, written.size() + " event(s) " + path.action() + " naming " + r.entity() + ": " + written);
            }
        }
        assertThat(missing).as("paths whose read did not write exactly one event naming the reader and the person")
                .isEmpty();
    }

    @Test
    void the_readme_table_lists_exactly_the_paths_and_actions_of_the_code() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Personal data: who sees it, and the audit event each read writes");
        assertThat(start).as("graph-model/README.md has the personal data section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 3);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        var rows = new LinkedHashMap<String, String>();
        var row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|[^|]*\\|[^|]*\\| `([a-z.-]+)` \\|");
        var m = row.matcher(section);
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        var code = new LinkedHashMap<String, String>();
        for (PersonalDataPath p : PersonalDataPath.values()) {
            code.put(p.name(), p.action());
        }
        assertThat(rows).isEqualTo(code);
    }

    @Test
    void a_read_that_shows_nobody_writes_nothing() {
        Firearm lone = Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("pistol").make("CZ").model("75")
                .calibre("9mm").serial("PDN-" + System.nanoTime() % 1_000_000).country("CZ").year(2001).build(), SOURCE));
        long before = Actors.admin(() -> audit.count(Actors.ANALYST, "firearm."));
        Actors.analyst(() -> neighbourhood.ofFirearm(lone.id()));
        Actors.analyst(() -> timeline.of(lone.id()));
        Actors.analyst(() -> holdings.transfers(lone.id()));
        assertThat(Actors.admin(() -> audit.count(Actors.ANALYST, "firearm."))).isEqualTo(before);
    }

    @Test
    void a_read_of_many_people_names_the_first_fifty_and_counts_them_all() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 70; i++) {
            ids.add("bound-" + UUID.randomUUID());
        }
        var reads = new PersonalDataReads(audit);
        Actors.analyst(() -> {
            reads.record(PersonalDataPath.ALERT_LIST, ids);
            return null;
        });
        AuditEvent e = Actors.admin(() -> audit.about("Person:" + ids.getFirst(), 10)).getFirst();
        assertThat(e.entities()).hasSize(PersonalDataReads.MAX_PEOPLE).startsWith("Person:" + ids.getFirst())
                .doesNotContain("Person:" + ids.getLast());
        assertThat(e.details()).isEqualTo("70 person(s) shown; the first 50 listed");
        assertThat(e.actor()).isEqualTo(Actors.ANALYST);
    }

    /** The highest sequence number of the events about the entity so far, 0 when none. */
    private long latest(String entity) {
        return Actors.admin(() -> audit.about(entity, 1_000)).stream().mapToLong(AuditEvent::seq).max().orElse(0);
    }

    private void apiSearch(String nationalId) {
        String token = Actors.admin(() -> tokens.create("pd test " + System.nanoTime(), Role.ANALYST, 1_000, null)).secret();
        try {
            HttpResponse<String> response = TestHttps.client(ssl).send(HttpRequest.newBuilder(TestHttps.uri(port,
                            "/api/v1/people?q=" + nationalId)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Berisha");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An identity question as an import leaves it: the imported person may be this one. */
    private String personReview(String personId) {
        String id = "pd-review-" + UUID.randomUUID();
        neo4j.query("""
                        CREATE (:MatchDecision {id: $id, batch: 'pd-test', line: 2, kind: 'PERSON', status: 'PENDING',
                                score: 0.8, reasons: ['name matches'], summary: 'Drita Berisha', recordId: $person,
                                candidateId: $person, at: $now})
                        """)
                .bindAll(Map.of("id", id, "person", personId, "now", ZonedDateTime.now(ZoneOffset.UTC))).run();
        return id;
    }

    /** A possessor alert about the person, ranked first among the open ones. */
    private void personAlert(String personId) {
        neo4j.query("""
                        CREATE (:Alert {id: $id, pattern: 'REPEAT_POSSESSOR', key: $id, subject: $subject, score: 1.0e9,
                                args: ['Drita Berisha', '2'], evidence: [$subject], status: 'OPEN', current: true,
                                firstSeenAt: $now, seenAt: $now})
                        """)
                .bindAll(Map.of("id", "pd-alert-" + UUID.randomUUID(), "subject", "Person:" + personId,
                        "now", ZonedDateTime.now(ZoneOffset.UTC))).run();
    }

    /** An organisations workbook with one row too long: its report quotes the rows. */
    private String batchWithIssues() {
        Path file = tmp.resolve("pd-organisations-" + UUID.randomUUID() + ".csv");
        try {
            Files.writeString(file, "Kodi,Emri,Lloji,Shteti\nPD-1,\"" + "x".repeat(5_000) + "\",Tregtar,XK\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Actors.admin(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                RegistryImports.StoredFile stored = imports.store(file.getFileName().toString(), in);
                return imports.runNow(stored, imports.profile("kosovo-organisations").orElseThrow(), false, p -> { })
                        .batch().id();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Object report(String batch) {
        try {
            imports.writeReport(batch, IssueReport.Format.CSV, Locale.ENGLISH, new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** A request from {@code country}, answered by an analyst with findings that name a holder, approved and sent. */
    private TraceRequest answeredRequestFrom(String country) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String analyst = "pd-an-" + tag;
        Actors.admin(() -> users.create(analyst, "Personal data", EnumSet.of(Role.ANALYST)));
        TraceRequest t = Actors.intake(() -> traceIntake.receive(new NewTraceRequest(Direction.INCOMING, country,
                "REF-" + tag, Priority.ROUTINE, "pistol", "Zastava", "M70", "7.65 Browning", "PDA-" + tag, "RS",
                "Seized without licence", "Law on Weapons art. 12", "Criminal proceedings", "Vehicle check",
                NewTraceRequest.Channel.API, null, null)));
        Actors.as("sup1", Role.SUPERVISOR, () -> traceQueues.assign(t.id(), analyst, "test"));
        Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.IN_PROGRESS, null));
        Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), new AnswerDraft(TraceAnswer.Outcome.TRACED,
                "Last licensed to Dritan Hoxha of Prizren until 2019.", null, null)));
        Actors.as("sup1", Role.SUPERVISOR, () -> traces.approve(t.id(), 1, null));
        return Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.ANSWERED, null));
    }

    private TraceRequest outgoingRequest(Firearm weapon) {
        Supplier<TraceRequest> draft = () -> {
            NewTraceRequest filled = outgoingTraces.outgoingFor(weapon.id()).orElseThrow();
            return outgoingTraces.draft(new NewTraceRequest(Direction.OUTGOING, "RS", null, Priority.ROUTINE,
                    filled.weaponType(), filled.weaponMake(), filled.weaponModel(), filled.weaponCalibre(),
                    filled.weaponSerial(), filled.weaponCountry(), "Seized at a vehicle check", "Criminal Procedure Code art. 212",
                    "Criminal investigation", "Seized in a vehicle check", NewTraceRequest.Channel.MANUAL, null, weapon.id()));
        };
        return Actors.analyst(draft);
    }
}
