package org.armstrace.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.graph.BatchTransactions;
import org.armstrace.intelligence.Alerts;
import org.armstrace.recovery.NewRecoveries;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.NewFirearms;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

@ArmsTraceTest
class CasesTests {

    @Autowired
    Cases cases;
    @Autowired
    CaseLinks links;
    @Autowired
    CaseWork work;
    @Autowired
    CaseAttachments attachments;
    @Autowired
    LegacyCases legacy;
    @Autowired
    Recoveries recoveries;
    @Autowired
    Alerts alerts;
    @Autowired
    UserAccountService users;
    @Autowired
    AuditLog audit;
    @Autowired
    BatchTransactions transactions;
    @Autowired
    Neo4jClient neo4j;
    @Value("${armstrace.cases.zone}")
    ZoneId zone;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String analyst = "case-an-" + run;
    final String colleague = "case-col-" + run;
    final String outsider = "case-out-" + run;

    @BeforeEach
    void people() {
        Actors.admin(() -> {
            users.create(analyst, "Case Analyst", EnumSet.of(Role.ANALYST));
            users.create(colleague, "Case Colleague", EnumSet.of(Role.ANALYST));
            users.create(outsider, "Other Desk", EnumSet.of(Role.SUPERVISOR));
            users.setOffice(analyst, "Organised crime " + run);
            users.setOffice(colleague, "Organised crime " + run);
            users.setOffice(outsider, "Border " + run);
            return null;
        });
    }

    private Case open(String title) {
        return Actors.analyst(analyst, () -> cases.open(new Cases.NewCase(title, CaseKind.SEIZURE, null, false, null)));
    }

    private long seq(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    @Test
    void numbers_are_unique_and_gapless_under_concurrent_creation_and_a_rolled_back_case_takes_none() throws Exception {
        int year = Instant.now().atZone(zone).getYear();
        var pool = Executors.newFixedThreadPool(6);
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            tasks.add(() -> open("Concurrent " + run + " " + n).number());
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(tasks)) {
            numbers.add(f.get());
        }
        pool.shutdown();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("FFP-" + year + "-\\d{6}"));

        // Rolled back after its number was taken: the number is not lost.
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> transactions.writes().execute(tx -> {
            cases.open(new Cases.NewCase("Rolled back " + run, CaseKind.OTHER, null, false, null));
            throw new IllegalStateException("stop");
        }))).hasMessage("stop");
        long next = seq(open("After the rollback " + run).number());
        assertThat(next).isEqualTo(numbers.stream().mapToLong(this::seq).max().orElseThrow() + 1);

        // Every number of the year, from 1 to the counter, exists exactly once.
        List<Long> all = neo4j.query("MATCH (c:Case) WHERE c.number STARTS WITH $prefix RETURN c.number AS n")
                .bind("FFP-" + year + "-").to("prefix").fetchAs(String.class).all().stream().map(this::seq).sorted().toList();
        long counter = neo4j.query("MATCH (k:CaseCounter {year: $year}) RETURN k.value").bind(year).to("year")
                .fetchAs(Long.class).one().orElseThrow();
        assertThat(all).doesNotHaveDuplicates().hasSize((int) counter).last().isEqualTo(counter);
    }

    @Test
    void the_number_format_is_configurable() {
        var numbers = new CaseNumbers(null, "KP/{seq:0000}/{year}", ZoneId.of("UTC"));
        assertThat(numbers.format(2027, 42)).isEqualTo("KP/0042/2027");
        assertThat(new CaseNumbers(null, "FFP-{year}-{seq:000000}", ZoneId.of("UTC")).format(2026, 123)).isEqualTo("FFP-2026-000123");
        assertThatThrownBy(() -> new CaseNumbers(null, "FFP-{seq}", ZoneId.of("UTC"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void status_moves_need_a_reason_are_kept_in_order_and_a_closed_case_is_reopened_before_it_is_suspended() {
        String number = open("Status " + run).number();
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> cases.changeStatus(number, CaseStatus.SUSPENDED, "  ")))
                .hasMessage("cases.bad-reason");
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> cases.changeStatus(number, CaseStatus.OPEN, "again")))
                .hasMessage("cases.bad-transition");
        Actors.analyst(analyst, () -> cases.changeStatus(number, CaseStatus.SUSPENDED, "Waiting for Serbia's answer"));
        Case closed = Actors.analyst(colleague, () -> cases.changeStatus(number, CaseStatus.CLOSED, "Charged"));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.statusReason()).isEqualTo("Charged");
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> cases.changeStatus(number, CaseStatus.SUSPENDED, "wait")))
                .hasMessage("cases.bad-transition");
        Actors.analyst(analyst, () -> cases.changeStatus(number, CaseStatus.OPEN, "A new weapon of the batch was seized"));

        assertThat(Actors.analyst(analyst, () -> cases.history(number)))
                .extracting(Cases.Transition::from, Cases.Transition::to, Cases.Transition::by, Cases.Transition::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, CaseStatus.OPEN, analyst, "opened"),
                        org.assertj.core.groups.Tuple.tuple(CaseStatus.OPEN, CaseStatus.SUSPENDED, analyst, "Waiting for Serbia's answer"),
                        org.assertj.core.groups.Tuple.tuple(CaseStatus.SUSPENDED, CaseStatus.CLOSED, colleague, "Charged"),
                        org.assertj.core.groups.Tuple.tuple(CaseStatus.CLOSED, CaseStatus.OPEN, analyst,
                                "A new weapon of the batch was seized"));
        assertThat(Actors.admin(() -> audit.about("Case:" + number, 20))).extracting(e -> e.action())
                .containsExactly("case.created", "case.status", "case.status", "case.status");
    }

    @Test
    void a_case_restricted_to_its_team_does_not_exist_for_anyone_else() {
        Case c = Actors.analyst(analyst, () -> cases.open(new Cases.NewCase("Informant " + run, CaseKind.TRAFFICKING, null,
                true, "PP-77/2026")));
        assertThat(c.team()).isEqualTo("Organised crime " + run);
        assertThat(c.restricted()).isTrue();

        assertThat(Actors.analyst(colleague, () -> cases.read(c.number()))).isPresent();
        assertThat(Actors.supervisor(outsider, () -> cases.read(c.number()))).isEmpty();
        assertThat(Actors.admin(() -> cases.find(c.number()))).as("need-to-know holds for administrators too").isEmpty();
        assertThat(Actors.supervisor(outsider, () -> cases.list(Cases.Filter.ALL, 500))).extracting(Case::number)
                .doesNotContain(c.number());
        assertThatThrownBy(() -> Actors.supervisor(outsider, () -> work.addNote(c.number(), "hello")))
                .hasMessage("cases.not-found");
        assertThatThrownBy(() -> Actors.supervisor(outsider, () -> cases.changeStatus(c.number(), CaseStatus.CLOSED, "x")))
                .hasMessage("cases.not-found");

        // Lifting the restriction shows it to everyone who works cases.
        Actors.analyst(analyst, () -> cases.update(c.number(), new Cases.Details(c.title(), c.kind(), analyst, c.team(), false,
                c.prosecutorReference())));
        assertThat(Actors.supervisor(outsider, () -> cases.read(c.number()))).isPresent();
        assertThatThrownBy(() -> Actors.officer(() -> cases.list(Cases.Filter.ALL, 10))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void attachments_are_kept_by_hash_and_refused_past_the_limit_or_when_not_a_document() {
        String number = open("Attachments " + run).number();
        byte[] pdf = ("%PDF-1.7\n% court order " + run + "\n%%EOF").getBytes();
        var a = Actors.analyst(analyst, () -> attachments.attach(number, pdf, "order.pdf"));
        assertThat(a.contentType()).isEqualTo("application/pdf");
        assertThat(a.sha256()).isEqualTo(org.armstrace.base.Sha256.hex(pdf));
        assertThat(Actors.analyst(analyst, () -> attachments.content(number, a.id()))).isEqualTo(pdf);

        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes();
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> attachments.attach(number, script, "order.pdf")))
                .hasMessage("cases.attachment-type");
        byte[] big = new byte[(int) attachments.maxBytes() + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> attachments.attach(number, big, "big.pdf")))
                .isInstanceOf(CaseRejected.class).hasMessage("cases.attachment-too-large");
        assertThat(Actors.analyst(analyst, () -> attachments.list(number))).singleElement()
                .extracting(CaseAttachments.Attachment::fileName).isEqualTo("order.pdf");
    }

    @Test
    void a_recovery_an_alert_and_a_trace_request_join_the_case_they_name() {
        // A field officer's recovery naming a reference nobody has used opens a case under it.
        var recovery = NewRecoveries.newRecovery().key(UUID.randomUUID().toString()).kind(RecoveryKind.SEIZED)
                .at(Instant.now().minus(1, ChronoUnit.HOURS)).place(new Place(42.6629, 21.1655, 12.0, Place.Method.DEVICE, null))
                .caseReference("KP-" + run).weapon(new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol")
                        .make("Zastava").model("M70").calibre("7.65 Browning").serial("C" + run).build(), false, List.of()))
                .build();
        String recoveryId = Actors.officer(() -> recoveries.record(recovery)).recoveryId();
        List<Case> named = Actors.analyst(analyst, () -> cases.list(Cases.Filter.ALL, 500)).stream()
                .filter(c -> ("KP-" + run).equals(c.reference())).toList();
        assertThat(named).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("KP-" + run);
            assertThat(c.owner()).as("a field officer does not work cases").isNull();
        });
        String number = named.getFirst().number();
        assertThatThrownBy(() -> Actors.officer(() -> cases.find(number))).isInstanceOf(AccessDeniedException.class);

        // An alert promoted with the case's number joins it.
        neo4j.query("""
                CREATE (a:Alert {id: 'case-alert-' + $run, key: 'DIVERSION:Person:x-' + $run, pattern: 'DIVERSION',
                                 subject: 'Person:x-' + $run, score: 10.0, status: 'OPEN', current: true, args: [],
                                 evidence: [], firstSeenAt: datetime(), seenAt: datetime()})
                CREATE (:TraceRequest {id: 'case-trace-' + $run, number: 'XK-OUT-' + $run, status: 'DRAFT'})
                CREATE (:Firearm {id: 'case-gun-' + $run, makeAsRead: 'Zastava', model: 'M57', serialAsRead: 'Z' + $run})
                """).bind(run).to("run").run();
        Actors.analyst(analyst, () -> alerts.promote("case-alert-" + run, number, "Same batch as the seizure"));

        // An intake officer adds a trace request, but nothing else.
        Actors.intake(() -> links.link(number, LinkKind.TRACE_REQUEST, "case-trace-" + run));
        assertThatThrownBy(() -> Actors.intake(() -> links.link(number, LinkKind.FIREARM, "case-gun-" + run)))
                .hasMessage("cases.not-allowed");
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> links.link(number, LinkKind.FIREARM, "no-such-" + run)))
                .hasMessage("cases.no-such-record");

        assertThat(Actors.analyst(analyst, () -> links.links(number)))
                .extracting(CaseLink::kind, CaseLink::key, CaseLink::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LinkKind.RECOVERY, recoveryId,
                                "SEIZED · " + recovery.at().atZone(java.time.ZoneOffset.UTC).toLocalDate()),
                        org.assertj.core.groups.Tuple.tuple(LinkKind.TRACE_REQUEST, "case-trace-" + run, "XK-OUT-" + run + " · DRAFT"),
                        org.assertj.core.groups.Tuple.tuple(LinkKind.ALERT, "case-alert-" + run, "DIVERSION · Person:x-" + run));

        // A search result opens a new case of its own.
        Case fromGun = Actors.analyst(analyst, () -> links.openWith(new Cases.NewCase("Zastava M57 " + run, CaseKind.TRACE,
                null, false, null), LinkKind.FIREARM, "case-gun-" + run));
        assertThat(Actors.analyst(analyst, () -> links.links(fromGun.number()))).extracting(CaseLink::key)
                .containsExactly("case-gun-" + run);
    }

    @Test
    void reading_a_case_s_people_is_audited_with_their_names() {
        String number = open("People " + run).number();
        neo4j.query("CREATE (:Person {id: 'case-p-' + $run, givenName: 'Agim', familyName: 'Gashi'})").bind(run).to("run").run();
        Actors.analyst(analyst, () -> links.link(number, LinkKind.PERSON, "case-p-" + run));
        assertThat(Actors.analyst(colleague, () -> links.links(number))).extracting(CaseLink::label).containsExactly("Agim Gashi");
        assertThat(Actors.admin(() -> audit.about("Person:case-p-" + run, 10))).extracting(e -> e.action(), e -> e.actor())
                .contains(org.assertj.core.groups.Tuple.tuple("person.read", colleague));
    }

    @Test
    void a_note_that_mentions_a_colleague_notifies_them_and_tasks_and_deadlines_make_a_case_overdue() {
        String number = open("Notes " + run).number();
        var note = Actors.analyst(analyst, () -> work.addNote(number, "@" + colleague + " please check the import papers; "
                + "cc @nobody-" + run + " and me @" + analyst));
        assertThat(note.mentions()).containsExactly(colleague);
        assertThat(Actors.analyst(colleague, () -> work.unreadMentions())).singleElement()
                .satisfies(m -> assertThat(m.caseNumber()).isEqualTo(number));
        assertThat(Actors.analyst(analyst, () -> work.unreadMentions())).isEmpty();
        Actors.analyst(colleague, () -> work.notes(number));
        assertThat(Actors.analyst(colleague, () -> work.unreadMentions())).as("reading the notes reads the mention").isEmpty();

        LocalDate today = LocalDate.now(zone);
        var task = Actors.analyst(analyst, () -> work.addTask(number, "Ask the importer", colleague, today.minusDays(1)));
        assertThat(Actors.analyst(colleague, () -> cases.list(Cases.Filter.MINE, 500))).extracting(Case::number).contains(number);
        assertThat(Actors.analyst(analyst, () -> cases.list(Cases.Filter.OVERDUE, 500))).extracting(Case::number).contains(number);
        Actors.analyst(colleague, () -> {
            work.completeTask(number, task.id());
            return null;
        });
        var deadline = Actors.analyst(analyst, () -> work.addDeadline(number, "File to the prosecutor", today.plusDays(3)));
        assertThat(Actors.analyst(analyst, () -> cases.list(Cases.Filter.OVERDUE, 500))).extracting(Case::number)
                .doesNotContain(number);
        assertThat(Actors.analyst(analyst, () -> cases.find(number)).orElseThrow().nextDue()).isEqualTo(deadline.due());
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> work.addTask(number, "x", "ghost-" + run, null)))
                .hasMessage("cases.no-such-user");
    }

    @Test
    void free_text_case_references_become_numbered_cases_that_keep_the_reference_and_are_reported() {
        neo4j.query("""
                CREATE (r:Recovery {id: 'legacy-rec-' + $run, kind: 'FOUND', at: datetime('2024-05-01T10:00:00Z')})
                CREATE (r)-[:PART_OF]->(c:Case {reference: 'PR-2024/17 ' + $run, recordedAt: datetime('2024-05-01T10:05:00Z'),
                                                source: 'user:officer1'})
                CREATE (a:Alert {id: 'legacy-alert-' + $run, key: 'DIVERSION:Person:legacy-' + $run, pattern: 'DIVERSION',
                                 subject: 'Person:legacy-' + $run, score: 10.0, args: [], evidence: [], current: false,
                                 status: 'PROMOTED', decidedBy: 'analyst1', decidedAt: datetime('2025-01-02T09:00:00Z')})
                       -[:PROMOTED_TO]->(c)
                """).bind(run).to("run").run();

        List<String> migrated = legacy.migrate();
        assertThat(migrated).anyMatch(m -> m.startsWith("PR-2024/17 " + run + " -> FFP-2024-"));
        String number = migrated.stream().filter(m -> m.startsWith("PR-2024/17 " + run)).findFirst().orElseThrow()
                .substring(("PR-2024/17 " + run + " -> ").length());

        Case c = Actors.analyst(analyst, () -> cases.find(number)).orElseThrow();
        assertThat(c.reference()).isEqualTo("PR-2024/17 " + run);
        assertThat(c.title()).isEqualTo("PR-2024/17 " + run);
        assertThat(c.kind()).isEqualTo(CaseKind.LEGACY);
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(Actors.analyst(analyst, () -> links.links(number))).extracting(CaseLink::kind, CaseLink::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LinkKind.RECOVERY, "legacy-rec-" + run),
                        org.assertj.core.groups.Tuple.tuple(LinkKind.ALERT, "legacy-alert-" + run));
        assertThat(Actors.admin(() -> audit.about("Case:" + number, 5))).first()
                .satisfies(e -> assertThat(e.action()).isEqualTo("case.migrated"))
                .satisfies(e -> assertThat(e.details()).contains("PR-2024/17 " + run));
        assertThat(legacy.migrate()).as("a second start finds nothing left").isEmpty();
        assertThat(neo4j.query("MATCH (c:Case) WHERE c.number IS NULL RETURN count(c)").fetchAs(Long.class).one()).contains(0L);
    }
}
