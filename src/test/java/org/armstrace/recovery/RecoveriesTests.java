package org.armstrace.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestSecurity;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.NewTransfer;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Photos;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.Transfer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@ArmsTraceTest
@RecordApplicationEvents
class RecoveriesTests {

    static final Provenance REGISTRY = new Provenance("import:test-registry", Provenance.Confidence.HIGH);
    static final Place PRISHTINA = new Place(42.6629, 21.1655, 12.0, Place.Method.DEVICE, null);

    @Autowired
    Recoveries recoveries;
    @Autowired
    RecoveryDrafts drafts;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;
    @Autowired
    LostStolenRegister lostStolen;
    @Autowired
    Photos photos;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    ApplicationEvents events;

    static <T> T officer(Supplier<T> action) {
        return TestSecurity.as("officer7", "FIELD_OFFICER", action);
    }

    static <T> T analyst(Supplier<T> action) {
        return TestSecurity.as("analyst3", "ANALYST", action);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static NewRecovery.RecoveredWeapon weapon(String make, String model, String serial) {
        return new NewRecovery.RecoveredWeapon(new NewFirearm("pistol", make, model, "7.65 Browning", serial, null, null,
                List.of()), false, List.of());
    }

    static NewRecovery recovery(String key, NewRecovery.RecoveredWeapon... weapons) {
        return new NewRecovery(key, RecoveryKind.SEIZED, Instant.now().minus(2, ChronoUnit.HOURS), PRISHTINA,
                "Vehicle check on the M9", null, List.of(), List.of(weapons));
    }

    private long recoveriesWithKey(String key) {
        return neo4j.query("MATCH (r:Recovery {idempotencyKey: $key}) RETURN count(r)").bind(key).to("key")
                .fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void a_recovery_is_stored_whole_with_place_case_weapons_possessors_and_photos() {
        var photo = officer(() -> photos.stage(PhotosFixtures.jpeg(640, 480), "slide.jpg"));
        var w = new NewRecovery.RecoveredWeapon(new NewFirearm("pistol", "Zastava", "M70", "7.65 Browning",
                "RC-70001", null, null, List.of(new NewFirearm.NewMarking(NewFirearm.MarkingKind.IMPORT, "AL 2004",
                "slide", "AL", 2004))), false, List.of(photo));
        var r = new NewRecovery(key(), RecoveryKind.FOUND, Instant.now().minus(1, ChronoUnit.DAYS), PRISHTINA,
                "Found in a field", "KP-2026-7701",
                List.of(NewRecovery.Possessor.of("Arben", "Krasniqi", "Sali", LocalDate.of(1984, 3, 2), null)),
                List.of(w));

        var recorded = officer(() -> recoveries.record(r));

        assertThat(recorded.created()).isTrue();
        Recovery stored = officer(() -> recoveries.find(recorded.recoveryId())).orElseThrow();
        assertThat(stored.kind()).isEqualTo(RecoveryKind.FOUND);
        assertThat(stored.caseReference()).isEqualTo("KP-2026-7701");
        assertThat(stored.status()).isEqualTo("NEW");
        assertThat(stored.recordedBy()).isEqualTo("officer7");
        assertThat(stored.place().municipality()).as("derived from the position").isEqualTo("prishtina");
        assertThat(stored.weapons()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("RECOVERED");
            assertThat(f.serialAsRead()).isEqualTo("RC-70001");
            assertThat(f.markings()).extracting(Firearm.Marking::country).containsExactly("AL");
            assertThat(officer(() -> photos.list(f.id()))).singleElement()
                    .satisfies(p -> assertThat(p.sha256()).isEqualTo(photo.sha256()));
        });
        assertThat(stored.possessors()).extracting(Recovery.Possessor::name).containsExactly("Arben Krasniqi");
        assertThat(events.stream(FirearmRecovered.class).filter(e -> e.recoveryId().equals(recorded.recoveryId())))
                .singleElement().satisfies(e -> assertThat(e.firearmIds()).hasSize(1));
    }

    @Test
    void submitting_the_same_draft_ten_times_at_once_creates_one_recovery() throws Exception {
        String key = key();
        NewRecovery r = recovery(key, weapon("Zastava", "M70", "RC-71002"));
        var pool = Executors.newFixedThreadPool(10);
        var tasks = new ArrayList<Callable<Recoveries.Recorded>>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> officer(() -> recoveries.record(r)));
        }
        var ids = new ArrayList<String>();
        int created = 0;
        for (var f : pool.invokeAll(tasks)) {
            ids.add(f.get().recoveryId());
            created += f.get().created() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(created).isEqualTo(1);
        assertThat(recoveriesWithKey(key)).isEqualTo(1);
        assertThat(events.stream(FirearmRecovered.class).filter(e -> e.recoveryId().equals(ids.getFirst()))).hasSize(1);
    }

    @Test
    void the_instant_checks_name_the_registered_weapon_its_holder_and_its_theft_report_with_reasons() {
        Firearm registered = analyst(() -> firearms.register(new NewFirearm("pistol", "Zastava", "M70", "7.65 Browning",
                "RC-72503", "RS", 1991, List.of()), REGISTRY));
        Person holder = analyst(() -> people.register(new NewPerson("Dritan", "Hoxha", null, LocalDate.of(1970, 1, 5),
                null, null), REGISTRY));
        Licence licence = analyst(() -> holdings.issueLicence("LIC-RC-72503", Licence.Kind.POSSESSION, holder.id(),
                "MUP", LocalDate.of(2010, 1, 1), null, REGISTRY));
        analyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2015, 6, 1),
                registered.id(), null, holder.id(), licence.id(), "sale"), REGISTRY));
        analyst(() -> lostStolen.report(registered.id(), LostStolenReport.Kind.STOLEN, LocalDate.of(2024, 2, 2),
                "Peja", "KP-2024-1", "burglary", REGISTRY));

        // Read at the scene with S for 5 and the dash lost.
        var recorded = officer(() -> recoveries.record(recovery(key(), weapon("ZCZ", "M70", "RC72SO3"))));

        assertThat(recorded.checks()).first().satisfies(hit -> {
            assertThat(hit.firearm().id()).isEqualTo(registered.id());
            assertThat(hit.kinds()).contains(MatchCandidate.Kind.REGISTERED, MatchCandidate.Kind.LOST_STOLEN);
            assertThat(hit.holders()).as("the officer who recorded it sees the holder").containsExactly("Dritan Hoxha");
            assertThat(String.join("; ", hit.reasons())).contains("5 read as S", "0 read as O").contains("make matches");
        });
    }

    @Test
    void a_make_misjudged_at_the_scene_still_finds_the_weapon_by_its_serial() {
        Firearm registered = analyst(() -> firearms.register(new NewFirearm("pistol", "CZ", "75", "9mm", "RC-79011",
                "CZ", 2001, List.of()), REGISTRY));

        var recorded = officer(() -> recoveries.record(recovery(key(), weapon("Glock", "17", "RC-79011"))));

        assertThat(recorded.checks()).extracting(c -> c.firearm().id()).contains(registered.id());
        assertThat(recorded.checks().getFirst().reasons()).noneMatch(r -> r.startsWith("make matches"));
    }

    @Test
    void a_weapon_recovered_before_and_one_under_an_open_trace_request_are_both_flagged() {
        officer(() -> recoveries.record(recovery(key(), weapon("CZ", "75", "RC-73004"))));
        Firearm traced = analyst(() -> firearms.register(new NewFirearm("pistol", "Glock", "17", "9mm", "RCT-73005",
                "AT", 2008, List.of()), REGISTRY));
        // Trace requests arrive with the tracing feature; the check reads the graph as documented.
        neo4j.query("""
                        MATCH (f:Firearm {id: $id})
                        CREATE (:TraceRequest {id: randomUUID(), number: 'XK-OUT-2026-000417', status: 'SENT'})-[:CONCERNS]->(f)
                        """).bind(traced.id()).to("id").run();

        var again = officer(() -> recoveries.record(recovery(key(), weapon("CZ", "75", "RC-73004"),
                weapon("Glock", "17", "RCT-73005"))));

        assertThat(again.checks()).anySatisfy(hit -> {
            assertThat(hit.kinds()).contains(MatchCandidate.Kind.EARLIER_RECOVERY);
            assertThat(hit.firearm().serialAsRead()).isEqualTo("RC-73004");
        });
        assertThat(again.checks()).anySatisfy(hit -> {
            assertThat(hit.firearm().id()).isEqualTo(traced.id());
            assertThat(hit.kinds()).contains(MatchCandidate.Kind.TRACE_REQUEST, MatchCandidate.Kind.REGISTERED);
            assertThat(hit.traceRequests()).containsExactly("XK-OUT-2026-000417");
        });
        assertThat(again.checks()).as("a recovery's weapons are not candidates for each other")
                .noneMatch(hit -> hit.recoveredFirearmId().equals(hit.firearm().id()));
    }

    @Test
    void bad_input_is_refused_with_a_reason_and_stores_nothing() {
        String key = key();
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        assertThatThrownBy(() -> new NewRecovery(key, RecoveryKind.SEIZED, tomorrow, PRISHTINA, null, null, List.of(),
                List.of(weapon("CZ", "75", "X1")))).hasMessage("recovery.future-date");
        assertThatThrownBy(() -> new Place(91, 20, null, Place.Method.MAP, null)).hasMessage("recovery.bad-coordinates");
        assertThatThrownBy(() -> new Place(42, -181, null, Place.Method.MAP, null)).hasMessage("recovery.bad-coordinates");
        assertThatThrownBy(() -> new Place(Double.NaN, 20, null, Place.Method.MAP, null))
                .hasMessage("recovery.bad-coordinates");
        assertThatThrownBy(() -> weapon("CZ", "75", "\u0000\u0007\u001b\u0008")).hasMessage("recovery.serial-control");
        assertThatThrownBy(() -> weapon("CZ", "75", "  --  ")).hasMessage("recovery.serial-missing");
        assertThatThrownBy(() -> NewRecovery.Possessor.of(" ", "", null, null, null))
                .hasMessage("recovery.possessor-no-name");
        assertThatThrownBy(() -> new NewRecovery(key, RecoveryKind.SEIZED, Instant.now(), PRISHTINA, null, null,
                List.of(), List.of())).hasMessage("recovery.no-weapon");

        // Refused half-way, after the recovery itself was written: the whole transaction goes.
        var unknownPerson = new NewRecovery(key, RecoveryKind.SEIZED, Instant.now(), PRISHTINA, null, null,
                List.of(new NewRecovery.Possessor("no-such-person", null)), List.of(weapon("CZ", "75", "RC-74001")));
        assertThatThrownBy(() -> officer(() -> recoveries.record(unknownPerson))).hasMessage("recovery.unknown-person");
        assertThat(recoveriesWithKey(key)).isZero();
        assertThat(neo4j.query("MATCH (f:Firearm {serialAsRead: 'RC-74001'}) RETURN count(f)").fetchAs(Long.class)
                .one().orElseThrow()).isZero();
    }

    @Test
    void an_obliterated_weapon_may_have_no_readable_serial_and_gets_no_serial_candidates() {
        var w = new NewRecovery.RecoveredWeapon(new NewFirearm("pistol", "Zastava", "M57", "7.62x25", "??-???", null,
                null, List.of()), true, List.of());
        var recorded = officer(() -> recoveries.record(recovery(key(), w)));

        assertThat(recorded.checks()).isEmpty();
        assertThat(officer(() -> recoveries.find(recorded.recoveryId())).orElseThrow().weapons().getFirst().serialKey())
                .isEqualTo("??-???".replace("-", ""));
    }

    @Test
    void confirming_a_match_links_the_weapons_and_computes_time_to_crime_from_the_last_legal_transfer() {
        Firearm registered = analyst(() -> firearms.register(new NewFirearm("pistol", "CZ", "75", "9mm", "RC-75006",
                "CZ", 2001, List.of()), REGISTRY));
        Person buyer = analyst(() -> people.register(new NewPerson("Milan", "Petrović", null, null, null, null), REGISTRY));
        analyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.IMPORT, LocalDate.of(2019, 3, 1),
                registered.id(), null, null, null, "import"), REGISTRY));
        analyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2021, 5, 10),
                registered.id(), null, buyer.id(), null, "sale"), REGISTRY));
        analyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.THEFT, LocalDate.of(2022, 1, 1),
                registered.id(), buyer.id(), null, null, "theft is not a legal transfer"), REGISTRY));
        Instant at = LocalDate.of(2023, 5, 10).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
        var r = new NewRecovery(key(), RecoveryKind.SEIZED, at, PRISHTINA, null, null, List.of(),
                List.of(weapon("CZ", "75", "RC-75006")));
        var recorded = officer(() -> recoveries.record(r));
        MatchCandidate candidate = recorded.checks().stream().filter(c -> c.firearm().id().equals(registered.id()))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> officer(() -> recoveries.confirm(candidate.id(), "field officers do not decide")))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
        MatchCandidate confirmed = analyst(() -> recoveries.confirm(candidate.id(), "serial and make match"));

        assertThat(confirmed.status()).isEqualTo(MatchCandidate.Status.CONFIRMED);
        assertThat(confirmed.decidedBy()).isEqualTo("analyst3");
        assertThat(confirmed.timeToCrimeDays()).as("2021-05-10 sale → 2023-05-10 recovery").isEqualTo(730);
        assertThat(analyst(() -> recoveries.find(recorded.recoveryId())).orElseThrow().status()).isEqualTo("IDENTIFIED");
        assertThatThrownBy(() -> analyst(() -> recoveries.confirm(candidate.id(), "again")))
                .hasMessage("recovery.already-decided");
        assertThat(neo4j.query("""
                        MATCH (:Recovery {id: $r})-[:RECOVERED]->(:Firearm)-[i:IDENTIFIED_AS]->(:Firearm {id: $f})
                        RETURN i.by + '|' + i.source
                        """).bindAll(Map.of("r", recorded.recoveryId(), "f", registered.id()))
                .fetchAs(String.class).one()).contains("analyst3|user:analyst3");
    }

    @Test
    void rejecting_a_match_needs_a_reason_and_is_kept() {
        analyst(() -> firearms.register(new NewFirearm("pistol", "CZ", "75", "9mm", "RC-76007", "CZ", 2001, List.of()),
                REGISTRY));
        var recorded = officer(() -> recoveries.record(recovery(key(), weapon("CZ", "75", "RC-76007"))));
        String id = recorded.checks().getFirst().id();

        assertThatThrownBy(() -> analyst(() -> recoveries.reject(id, " "))).hasMessage("recovery.reason-required");
        MatchCandidate rejected = analyst(() -> recoveries.reject(id, "frame number differs"));

        assertThat(rejected.status()).isEqualTo(MatchCandidate.Status.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("frame number differs");
        assertThat(analyst(() -> recoveries.candidates(recorded.recoveryId()))).extracting(MatchCandidate::id).contains(id);
        assertThat(analyst(() -> recoveries.find(recorded.recoveryId())).orElseThrow().status()).isEqualTo("IN_REVIEW");
    }

    @Test
    void field_officers_see_only_their_own_recoveries_and_filters_narrow_the_list() {
        var mine = officer(() -> recoveries.record(recovery(key(), weapon("CZ", "75", "RC-77008"))));
        var other = TestSecurity.as("officer8", "FIELD_OFFICER", () -> recoveries.record(
                new NewRecovery(key(), RecoveryKind.SURRENDERED, Instant.now().minus(3, ChronoUnit.HOURS),
                        new Place(42.2139, 20.7397, null, Place.Method.MAP, null), null, null, List.of(),
                        List.of(weapon("CZ", "75", "RC-77009")))));

        assertThat(officer(() -> recoveries.find(other.recoveryId()))).isEmpty();
        assertThat(officer(() -> recoveries.list(RecoveryFilter.ALL, 0, 500))).extracting(Recovery::recordedBy)
                .containsOnly("officer7");
        var surrendered = new RecoveryFilter(LocalDate.now().minusDays(1), LocalDate.now(), RecoveryKind.SURRENDERED,
                "prizren", null);
        assertThat(analyst(() -> recoveries.list(surrendered, 0, 50))).extracting(Recovery::id)
                .contains(other.recoveryId()).doesNotContain(mine.recoveryId());
        assertThat(analyst(() -> recoveries.count(surrendered))).isPositive();
    }

    @Test
    void a_draft_belongs_to_its_officer_and_freezes_once_submitted() {
        String key = key();
        officer(() -> drafts.save(key, Map.of("serial.0", "RC-78", "kind", "SEIZED")));
        long revision = officer(() -> drafts.save(key, Map.of("serial.0", "RC-78010", "kind", "SEIZED")));

        assertThat(revision).isEqualTo(2);
        assertThat(officer(() -> drafts.find(key))).get().satisfies(d -> {
            assertThat(d.fields()).containsEntry("serial.0", "RC-78010");
            assertThat(d.open()).isTrue();
        });
        assertThat(TestSecurity.as("officer8", "FIELD_OFFICER", () -> drafts.find(key))).isEmpty();
        assertThatThrownBy(() -> TestSecurity.as("officer8", "FIELD_OFFICER", () -> drafts.save(key, Map.of())))
                .hasMessage("recovery.draft-closed");

        var recorded = officer(() -> recoveries.record(recovery(key, weapon("CZ", "75", "RC-78010"))));
        assertThat(officer(() -> drafts.find(key))).get().satisfies(d -> {
            assertThat(d.open()).isFalse();
            assertThat(d.recoveryId()).isEqualTo(recorded.recoveryId());
        });
        assertThatThrownBy(() -> officer(() -> drafts.save(key, Map.of("serial.0", "late"))))
                .hasMessage("recovery.draft-closed");
    }
}
