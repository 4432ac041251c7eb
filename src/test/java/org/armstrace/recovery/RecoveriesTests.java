package org.armstrace.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.MatchReason;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.NewTransfers;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Photos;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.Transfer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
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

    /** The officer who records these recoveries, and the analyst who decides their candidates. */
    static final String OFFICER = "officer7";
    static final String ANALYST = "analyst3";

    static String key() {
        return UUID.randomUUID().toString();
    }

    static NewRecovery.RecoveredWeapon weapon(String make, String model, String serial) {
        return new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol").make(make).model(model)
                .calibre("7.65 Browning").serial(serial).build(), false, List.of());
    }

    static NewRecovery recovery(String key, NewRecovery.RecoveredWeapon... weapons) {
        return NewRecoveries.newRecovery().key(key).kind(RecoveryKind.SEIZED)
                .at(Instant.now().minus(2, ChronoUnit.HOURS)).place(PRISHTINA).circumstances("Vehicle check on the M9")
                .weapons(List.of(weapons)).build();
    }

    private long recoveriesWithKey(String key) {
        return neo4j.query("MATCH (r:Recovery {idempotencyKey: $key}) RETURN count(r)").bind(key).to("key")
                .fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void a_recovery_is_stored_whole_with_place_case_weapons_possessors_and_photos() {
        var photo = Actors.officer(OFFICER, () -> photos.stage(PhotosFixtures.jpeg(640, 480), "slide.jpg"));
        var w = new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M70")
                .calibre("7.65 Browning").serial("RC-70001")
                .markings(List.of(new NewFirearm.NewMarking(NewFirearm.MarkingKind.IMPORT, "AL 2004", "slide", "AL", 2004)))
                .build(), false, List.of(photo));
        var r = NewRecoveries.newRecovery().key(key()).kind(RecoveryKind.FOUND)
                .at(Instant.now().minus(1, ChronoUnit.DAYS)).place(PRISHTINA).circumstances("Found in a field")
                .caseReference("KP-2026-7701")
                .possessor(NewRecovery.Possessor.of("Arben", "Krasniqi", "Sali", LocalDate.of(1984, 3, 2), null))
                .weapon(w).build();

        var recorded = Actors.officer(OFFICER, () -> recoveries.record(r));

        assertThat(recorded.created()).isTrue();
        Recovery stored = Actors.officer(OFFICER, () -> recoveries.find(recorded.recoveryId())).orElseThrow();
        assertThat(stored.kind()).isEqualTo(RecoveryKind.FOUND);
        assertThat(stored.caseReference()).isEqualTo("KP-2026-7701");
        assertThat(stored.status()).isEqualTo("NEW");
        assertThat(stored.recordedBy()).isEqualTo(OFFICER);
        assertThat(stored.place().municipality()).as("derived from the position").isEqualTo("prishtina");
        assertThat(stored.weapons()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("RECOVERED");
            assertThat(f.serialAsRead()).isEqualTo("RC-70001");
            assertThat(f.markings()).extracting(Firearm.Marking::country).containsExactly("AL");
            assertThat(Actors.officer(OFFICER, () -> photos.list(f.id()))).singleElement()
                    .satisfies(p -> assertThat(p.sha256()).isEqualTo(photo.sha256()));
        });
        assertThat(stored.possessors()).extracting(Recovery.Possessor::name).containsExactly("Arben Krasniqi");
        assertThat(events.stream(FirearmRecovered.class).filter(e -> e.recoveryId().equals(recorded.recoveryId())))
                .singleElement().satisfies(e -> assertThat(e.firearmIds()).hasSize(1));
    }

    @Test
    void a_possessor_who_matches_a_recorded_person_is_linked_to_them_not_registered_again() {
        Person known = Actors.analyst(ANALYST, () -> people.register(NewPeople.newPerson("Shkëlqim", "Berishaj")
                .parent("Ilaz").born(LocalDate.of(1979, 5, 17)).bornIn("Prizren").build(), REGISTRY));
        // Typed at the roadside family name first, without diacritics, and without a personal number.
        var r = NewRecoveries.newRecovery().key(key()).kind(RecoveryKind.SEIZED).at(Instant.now().minus(1, ChronoUnit.HOURS))
                .place(PRISHTINA).circumstances("Vehicle check")
                .possessor(NewRecovery.Possessor.of("Berishaj", "Shkelqim", null, LocalDate.of(1979, 5, 17), null))
                .weapon(weapon("Zastava", "M70", "RC-79517")).build();

        var recorded = Actors.officer(OFFICER, () -> recoveries.record(r));

        assertThat(neo4j.query("MATCH (p:Person)-[:POSSESSED]->(:Recovery {id: $id}) RETURN p.id")
                .bind(recorded.recoveryId()).to("id").fetchAs(String.class).all()).containsExactly(known.id());
        assertThat(neo4j.query("MATCH (p:Person) WHERE p.nameKeys CONTAINS 'berisaj' RETURN count(p)")
                .fetchAs(Long.class).one()).contains(1L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_possessor_who_may_be_a_recorded_person_is_registered_and_put_to_the_review_queue() {
        Person known = Actors.analyst(ANALYST, () -> people.register(NewPeople.newPerson("Fatbardh", "Lushtaku")
                .born(LocalDate.of(1968, 1, 9)).bornIn("Gjakovë").build(), REGISTRY));
        // No date of birth: the names alone cannot decide, and must not be silently apart either.
        var r = NewRecoveries.newRecovery().key(key()).kind(RecoveryKind.SEIZED).at(Instant.now().minus(1, ChronoUnit.HOURS))
                .place(PRISHTINA).circumstances("Vehicle check")
                .possessor(NewRecovery.Possessor.of("Fatbardh", "Lushtaku", null, null, null))
                .weapon(weapon("Zastava", "M70", "RC-68019")).build();

        var recorded = Actors.officer(OFFICER, () -> recoveries.record(r));

        String possessor = neo4j.query("MATCH (p:Person)-[:POSSESSED]->(:Recovery {id: $id}) RETURN p.id")
                .bind(recorded.recoveryId()).to("id").fetchAs(String.class).one().orElseThrow();
        assertThat(possessor).isNotEqualTo(known.id());
        Map<String, Object> question = neo4j.query("""
                        MATCH (d:MatchDecision {recordId: $record})
                        RETURN d.status AS status, d.kind AS kind, d.candidateId AS candidate, d.batch AS batch,
                               d.reasons AS reasons""")
                .bind(possessor).to("record").fetch().one().orElseThrow();
        assertThat(question).containsEntry("status", "PENDING").containsEntry("kind", "PERSON")
                .containsEntry("candidate", known.id()).containsEntry("batch", "recovery:" + recorded.recoveryId());
        assertThat((List<String>) question.get("reasons")).contains("born-missing", "given-equal", "family-equal");
    }

    @Test
    void submitting_the_same_draft_ten_times_at_once_creates_one_recovery() throws Exception {
        String key = key();
        NewRecovery r = recovery(key, weapon("Zastava", "M70", "RC-71002"));
        var pool = Executors.newFixedThreadPool(10);
        var tasks = new ArrayList<Callable<Recoveries.Recorded>>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> Actors.officer(OFFICER, () -> recoveries.record(r)));
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
    void the_instant_checks_name_the_registered_weapon_and_its_theft_report_and_the_holder_only_to_the_desk() {
        Firearm registered = Actors.analyst(ANALYST, () -> firearms.register(NewFirearms.newFirearm().type("pistol")
                .make("Zastava").model("M70").calibre("7.65 Browning").serial("RC-72503").country("RS").year(1991)
                .build(), REGISTRY));
        Person holder = Actors.analyst(ANALYST, () -> people.register(NewPeople.newPerson("Dritan", "Hoxha")
                .born(LocalDate.of(1970, 1, 5)).build(), REGISTRY));
        Licence licence = Actors.analyst(ANALYST, () -> holdings.issueLicence("LIC-RC-72503", Licence.Kind.POSSESSION, holder.id(),
                "MUP", LocalDate.of(2010, 1, 1), null, REGISTRY));
        Actors.analyst(ANALYST, () -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2015, 6, 1), registered.id())
                .to(holder.id()).toLicence(licence.id()).reference("sale").build(), REGISTRY));
        Actors.analyst(ANALYST, () -> lostStolen.report(registered.id(), LostStolenReport.Kind.STOLEN, LocalDate.of(2024, 2, 2),
                "Peja", "KP-2024-1", "burglary", REGISTRY));

        // Read at the scene with S for 5 and the dash lost.
        var recorded = Actors.officer(OFFICER, () -> recoveries.record(recovery(key(), weapon("ZCZ", "M70", "RC72SO3"))));

        assertThat(recorded.checks()).first().satisfies(hit -> {
            assertThat(hit.firearm().id()).isEqualTo(registered.id());
            assertThat(hit.kinds()).contains(MatchCandidate.Kind.REGISTERED, MatchCandidate.Kind.LOST_STOLEN);
            assertThat(hit.holders()).as("the officer at the scene learns there is a holder, not who").isEmpty();
            assertThat(hit.holdersOnFile()).isEqualTo(1);
            assertThat(String.join("; ", MatchReason.texts(hit.reasons(), Locale.ENGLISH))).contains("5 read as S", "0 read as O").contains("make matches");
        });
        assertThat(Actors.officer(OFFICER, () -> recoveries.candidates(recorded.recoveryId())).getFirst().holders())
                .as("not on a later look either").isEmpty();
        assertThat(Actors.analyst(ANALYST, () -> recoveries.candidates(recorded.recoveryId())).getFirst().holders())
                .containsExactly("Dritan Hoxha");
    }

    @Test
    void a_make_misjudged_at_the_scene_still_finds_the_weapon_by_its_serial() {
        Firearm registered = Actors.analyst(ANALYST, () -> firearms.register(NewFirearms.newFirearm().type("pistol")
                .make("CZ").model("75").calibre("9mm").serial("RC-79011").country("CZ").year(2001).build(), REGISTRY));

        var recorded = Actors.officer(OFFICER, () -> recoveries.record(recovery(key(), weapon("Glock", "17", "RC-79011"))));

        assertThat(recorded.checks()).extracting(c -> c.firearm().id()).contains(registered.id());
        assertThat(MatchReason.texts(recorded.checks().getFirst().reasons(), Locale.ENGLISH)).noneMatch(r -> r.startsWith("make matches"));
    }

    @Test
    void a_weapon_recovered_before_and_one_under_an_open_trace_request_are_both_flagged() {
        Actors.officer(OFFICER, () -> recoveries.record(recovery(key(), weapon("CZ", "75", "RC-73004"))));
        Firearm traced = Actors.analyst(ANALYST, () -> firearms.register(NewFirearms.newFirearm().type("pistol")
                .make("Glock").model("17").calibre("9mm").serial("RCT-73005").country("AT").year(2008)
                .build(), REGISTRY));
        // Trace requests arrive with the tracing feature; the check reads the graph as documented.
        neo4j.query("""
                        MATCH (f:Firearm {id: $id})
                        CREATE (:TraceRequest {id: randomUUID(), number: 'XK-OUT-2026-000417', status: 'SENT'})-[:CONCERNS]->(f)
                        """).bind(traced.id()).to("id").run();

        var again = Actors.officer(OFFICER, () -> recoveries.record(recovery(key(), weapon("CZ", "75", "RC-73004"),
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
        assertThatThrownBy(() -> NewRecoveries.newRecovery().key(key).kind(RecoveryKind.SEIZED).at(tomorrow)
                .place(PRISHTINA).weapon(weapon("CZ", "75", "X1")).build()).hasMessage("recovery.future-date");
        assertThatThrownBy(() -> new Place(91, 20, null, Place.Method.MAP, null)).hasMessage("recovery.bad-coordinates");
        assertThatThrownBy(() -> new Place(42, -181, null, Place.Method.MAP, null)).hasMessage("recovery.bad-coordinates");
        assertThatThrownBy(() -> new Place(Double.NaN, 20, null, Place.Method.MAP, null))
                .hasMessage("recovery.bad-coordinates");
        assertThatThrownBy(() -> weapon("CZ", "75", "\u0000\u0007\u001b\u0008")).hasMessage("recovery.serial-control");
        assertThatThrownBy(() -> weapon("CZ", "75", "  --  ")).hasMessage("recovery.serial-missing");
        assertThatThrownBy(() -> NewRecovery.Possessor.of(" ", "", null, null, null))
                .hasMessage("recovery.possessor-no-name");
        assertThatThrownBy(() -> NewRecoveries.newRecovery().key(key).kind(RecoveryKind.SEIZED).at(Instant.now())
                .place(PRISHTINA).build()).hasMessage("recovery.no-weapon");

        // Refused half-way, after the recovery itself was written: the whole transaction goes.
        var unknownPerson = NewRecoveries.newRecovery().key(key).kind(RecoveryKind.SEIZED).at(Instant.now())
                .place(PRISHTINA).possessor(new NewRecovery.Possessor("no-such-person", null))
                .weapon(weapon("CZ", "75", "RC-74001")).build();
        assertThatThrownBy(() -> Actors.officer(OFFICER, () -> recoveries.record(unknownPerson))).hasMessage("recovery.unknown-person");
        assertThat(recoveriesWithKey(key)).isZero();
        assertThat(neo4j.query("MATCH (f:Firearm {serialAsRead: 'RC-74001'}) RETURN count(f)").fetchAs(Long.class)
                .one().orElseThrow()).isZero();
    }

    @Test
    void an_obliterated_weapon_may_have_no_readable_serial_and_gets_no_serial_candidates() {
        var w = new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M57")
                .calibre("7.62x25").serial("??-???").build(), true, List.of());
        var recorded = Actors.officer(OFFICER, () -> recoveries.record(recovery(key(), w)));

        assertThat(recorded.checks()).isEmpty();
        assertThat(Actors.officer(OFFICER, () -> recoveries.find(recorded.recoveryId())).orElseThrow().weapons().getFirst().serialKey())
                .isEqualTo("??-???".replace("-", ""));
    }

    @Test
    void confirming_a_match_links_the_weapons_and_computes_time_to_crime_from_the_last_legal_transfer() {
        Firearm registered = Actors.analyst(ANALYST, () -> firearms.register(NewFirearms.newFirearm().type("pistol")
                .make("CZ").model("75").calibre("9mm").serial("RC-75006").country("CZ").year(2001).build(), REGISTRY));
        Person buyer = Actors.analyst(ANALYST, () -> people.register(NewPeople.newPerson("Milan", "Petrović")
                .build(), REGISTRY));
        Actors.analyst(ANALYST, () -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.IMPORT, LocalDate.of(2019, 3, 1), registered.id())
                .reference("import").build(), REGISTRY));
        Actors.analyst(ANALYST, () -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2021, 5, 10), registered.id())
                .to(buyer.id()).reference("sale").build(), REGISTRY));
        Actors.analyst(ANALYST, () -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.THEFT, LocalDate.of(2022, 1, 1), registered.id())
                .from(buyer.id()).reference("theft is not a legal transfer").build(), REGISTRY));
        Instant at = LocalDate.of(2023, 5, 10).atTime(10, 0).toInstant(ZoneOffset.UTC);
        var r = NewRecoveries.newRecovery().key(key()).kind(RecoveryKind.SEIZED).at(at).place(PRISHTINA)
                .weapon(weapon("CZ", "75", "RC-75006")).build();
        var recorded = Actors.officer(OFFICER, () -> recoveries.record(r));
        MatchCandidate candidate = recorded.checks().stream().filter(c -> c.firearm().id().equals(registered.id()))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> Actors.officer(OFFICER, () -> recoveries.confirm(candidate.id(), "field officers do not decide")))
                .isInstanceOf(AuthorizationDeniedException.class);
        MatchCandidate confirmed = Actors.analyst(ANALYST, () -> recoveries.confirm(candidate.id(), "serial and make match"));

        assertThat(confirmed.status()).isEqualTo(MatchCandidate.Status.CONFIRMED);
        assertThat(confirmed.decidedBy()).isEqualTo(ANALYST);
        assertThat(confirmed.timeToCrimeDays()).as("2021-05-10 sale → 2023-05-10 recovery").isEqualTo(730);
        assertThat(Actors.analyst(ANALYST, () -> recoveries.find(recorded.recoveryId())).orElseThrow().status()).isEqualTo("IDENTIFIED");
        assertThatThrownBy(() -> Actors.analyst(ANALYST, () -> recoveries.confirm(candidate.id(), "again")))
                .hasMessage("recovery.already-decided");
        assertThat(neo4j.query("""
                        MATCH (:Recovery {id: $r})-[:RECOVERED]->(:Firearm)-[i:IDENTIFIED_AS]->(:Firearm {id: $f})
                        RETURN i.by + '|' + i.source
                        """).bindAll(Map.of("r", recorded.recoveryId(), "f", registered.id()))
                .fetchAs(String.class).one()).contains("analyst3|user:analyst3");
    }

    @Test
    void rejecting_a_match_needs_a_reason_and_is_kept() {
        Actors.analyst(ANALYST, () -> firearms.register(NewFirearms.newFirearm().type("pistol").make("CZ").model("75")
                .calibre("9mm").serial("RC-76007").country("CZ").year(2001).build(),
                REGISTRY));
        var recorded = Actors.officer(OFFICER, () -> recoveries.record(recovery(key(), weapon("CZ", "75", "RC-76007"))));
        String id = recorded.checks().getFirst().id();

        assertThatThrownBy(() -> Actors.analyst(ANALYST, () -> recoveries.reject(id, " "))).hasMessage("recovery.reason-required");
        MatchCandidate rejected = Actors.analyst(ANALYST, () -> recoveries.reject(id, "frame number differs"));

        assertThat(rejected.status()).isEqualTo(MatchCandidate.Status.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("frame number differs");
        assertThat(Actors.analyst(ANALYST, () -> recoveries.candidates(recorded.recoveryId()))).extracting(MatchCandidate::id).contains(id);
        assertThat(Actors.analyst(ANALYST, () -> recoveries.find(recorded.recoveryId())).orElseThrow().status()).isEqualTo("IN_REVIEW");
    }

    @Test
    void field_officers_see_only_their_own_recoveries_and_filters_narrow_the_list() {
        var mine = Actors.officer(OFFICER, () -> recoveries.record(recovery(key(), weapon("CZ", "75", "RC-77008"))));
        var other = Actors.officer("officer8", () -> recoveries.record(
                NewRecoveries.newRecovery().key(key()).kind(RecoveryKind.SURRENDERED)
                        .at(Instant.now().minus(3, ChronoUnit.HOURS))
                        .place(new Place(42.2139, 20.7397, null, Place.Method.MAP, null))
                        .weapon(weapon("CZ", "75", "RC-77009")).build()));

        assertThat(Actors.officer(OFFICER, () -> recoveries.find(other.recoveryId()))).isEmpty();
        assertThat(Actors.officer(OFFICER, () -> recoveries.list(RecoveryFilter.ALL, 0, 500))).extracting(Recovery::recordedBy)
                .containsOnly(OFFICER);
        var surrendered = new RecoveryFilter(LocalDate.now().minusDays(1), LocalDate.now(), RecoveryKind.SURRENDERED,
                "prizren", null);
        assertThat(Actors.analyst(ANALYST, () -> recoveries.list(surrendered, 0, 50))).extracting(Recovery::id)
                .contains(other.recoveryId()).doesNotContain(mine.recoveryId());
        assertThat(Actors.analyst(ANALYST, () -> recoveries.count(surrendered))).isPositive();
    }

    @Test
    void a_draft_belongs_to_its_officer_and_freezes_once_submitted() {
        String key = key();
        Actors.officer(OFFICER, () -> drafts.save(key, Map.of("serial.0", "RC-78", "kind", "SEIZED")));
        long revision = Actors.officer(OFFICER, () -> drafts.save(key, Map.of("serial.0", "RC-78010", "kind", "SEIZED")));

        assertThat(revision).isEqualTo(2);
        assertThat(Actors.officer(OFFICER, () -> drafts.find(key))).get().satisfies(d -> {
            assertThat(d.fields()).containsEntry("serial.0", "RC-78010");
            assertThat(d.open()).isTrue();
        });
        assertThat(Actors.officer("officer8", () -> drafts.find(key))).isEmpty();
        assertThatThrownBy(() -> Actors.officer("officer8", () -> drafts.save(key, Map.of())))
                .hasMessage("recovery.draft-closed");

        var recorded = Actors.officer(OFFICER, () -> recoveries.record(recovery(key, weapon("CZ", "75", "RC-78010"))));
        assertThat(Actors.officer(OFFICER, () -> drafts.find(key))).get().satisfies(d -> {
            assertThat(d.open()).isFalse();
            assertThat(d.recoveryId()).isEqualTo(recorded.recoveryId());
        });
        assertThatThrownBy(() -> Actors.officer(OFFICER, () -> drafts.save(key, Map.of("serial.0", "late"))))
                .hasMessage("recovery.draft-closed");
    }
}
