package org.armstrace.registry;

import static org.armstrace.registry.RegistryDeskTests.glock;
import static org.armstrace.registry.RegistryDeskTests.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Corrections of organisations, licences, transfers and markings at the desk: the old values kept
 * as versions with the user as source and the reason, audited; a licence ended with a date, its
 * holdings closed and nothing deleted; a corrected marking found by the serial search at once, a
 * retired one no longer.
 */
@ArmsTraceTest
class RecordCorrectionsTests {

    @Autowired
    RegistryDesk desk;
    @Autowired
    RecordCorrections corrections;
    @Autowired
    MarkingCorrections markings;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    Holdings holdings;
    @Autowired
    SerialSearch search;
    @Autowired
    AuditLog audit;
    @Autowired
    Neo4jClient neo4j;

    List<String> actions(String entity) {
        return Actors.admin(() -> audit.about(entity, 100)).stream().map(AuditEvent::action).toList();
    }

    @Test
    void an_organisation_corrected_at_the_desk_keeps_its_old_name_and_country_in_a_version_with_the_user_as_source() {
        String t = tag();
        String dealer = Actors.analyst(() -> desk.registerOrganisation(Holdings.OrganisationKind.DEALER, "COR" + t,
                "Armeria Vjetër " + t, "XK"));

        Actors.intake(() -> done(() -> corrections.correctOrganisation(dealer, "Armeria e Re " + t, "AL",
                "business register extract")));

        Holdings.OrganisationRecord o = Actors.analyst(() -> holdings.organisation(dealer)).orElseThrow();
        assertThat(o.name()).isEqualTo("Armeria e Re " + t);
        assertThat(o.country()).isEqualTo("AL");
        assertThat(o.source()).isEqualTo("user:" + Actors.INTAKE);
        assertThat(Actors.analyst(() -> corrections.organisationHistory(dealer))).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.source()).isEqualTo("user:" + Actors.INTAKE);
            assertThat(v.reason()).isEqualTo("business register extract");
            assertThat(v.before()).containsExactlyInAnyOrder("name=Armeria Vjetër " + t, "country=XK");
            assertThat(v.after()).containsExactlyInAnyOrder("name=Armeria e Re " + t, "country=AL");
        });
        assertThat(actions("Organisation:" + dealer)).contains("organisation.registered", "organisation.corrected");
        assertThatThrownBy(() -> Actors.intake(() -> done(() -> corrections.correctOrganisation(dealer, "Armeria e Re " + t,
                "AL", "again")))).isInstanceOf(DeskRejected.class).hasMessage("desk.nothing-changed");
    }

    @Test
    void a_licence_corrected_and_then_revoked_keeps_every_value_in_versions_and_its_holding_ends_on_the_day_without_deletion() {
        String t = tag();
        Firearm f = Actors.analyst(() -> desk.registerFirearm(glock("LCR-" + t)));
        Person holder = Actors.analyst(() -> desk.registerPerson(new NewPerson("Arta", "Mbajtësja" + t, null, null, null, null)));
        Licence licence = Actors.analyst(() -> desk.issueLicence("LIC-C-" + t, Licence.Kind.POSSESSION, holder.id(), "MPB",
                LocalDate.of(2021, 3, 1), LocalDate.of(2031, 3, 1)));
        Actors.analyst(() -> desk.recordTransfer(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2022, 1, 5), f.id(),
                null, holder.id(), licence.id(), null), true));

        Licence corrected = Actors.analyst(() -> corrections.correctLicence(licence.id(),
                new RecordCorrections.LicenceCorrection("LIC-K-" + t, Licence.Kind.HUNTING, "MPB", LocalDate.of(2021, 3, 2),
                        LocalDate.of(2031, 3, 1)), "licence document seen"));
        Licence revoked = Actors.analyst(() -> corrections.endLicence(licence.id(), Licence.Status.REVOKED,
                LocalDate.of(2024, 4, 30), "revocation order 12/2024"));

        assertThat(corrected.number()).isEqualTo("LIC-K-" + t);
        assertThat(corrected.kind()).isEqualTo(Licence.Kind.HUNTING);
        assertThat(revoked.status()).isEqualTo(Licence.Status.REVOKED);
        assertThat(revoked.endedOn()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(Actors.analyst(() -> corrections.licenceHistory(licence.id()))).satisfiesExactly(
                v -> {
                    assertThat(v.before()).containsExactlyInAnyOrder("number=LIC-C-" + t, "kind=POSSESSION",
                            "validFrom=2021-03-01");
                    assertThat(v.after()).containsExactlyInAnyOrder("number=LIC-K-" + t, "kind=HUNTING",
                            "validFrom=2021-03-02");
                    assertThat(v.source()).isEqualTo("user:" + Actors.ANALYST);
                },
                v -> {
                    assertThat(v.before()).isEmpty();
                    assertThat(v.after()).containsExactlyInAnyOrder("status=REVOKED", "endedOn=2024-04-30");
                    assertThat(v.reason()).isEqualTo("revocation order 12/2024");
                });
        assertThat(neo4j.query("""
                        MATCH (:Licence {id: $id})-[c:COVERS]->(:Firearm {id: $f}) RETURN c.from AS from, c.to AS to
                        """).bindAll(Map.of("id", licence.id(), "f", f.id())).fetch().all())
                .as("the holding stays, ended on the day of revocation")
                .containsExactly(Map.of("from", LocalDate.of(2022, 1, 5), "to", LocalDate.of(2024, 4, 30)));
        assertThat(Actors.analyst(() -> holdings.licence(licence.id()))).isPresent();
        assertThat(actions("Licence:" + licence.id())).contains("licence.issued", "licence.corrected", "licence.ended");
        assertThatThrownBy(() -> Actors.analyst(() -> corrections.endLicence(licence.id(), Licence.Status.EXPIRED,
                LocalDate.of(2024, 5, 1), "again"))).isInstanceOf(DeskRejected.class).hasMessage("desk.licence-already-ended");
    }

    @Test
    void a_transfer_corrected_at_the_desk_keeps_its_old_date_in_a_version_and_the_holding_it_began_moves_with_it() {
        String t = tag();
        Firearm f = Actors.analyst(() -> desk.registerFirearm(glock("TCR-" + t)));
        Person buyer = Actors.analyst(() -> desk.registerPerson(new NewPerson("Blerim", "Blerësi" + t, null, null, null, null)));
        Licence licence = Actors.analyst(() -> desk.issueLicence("LIC-T-" + t, Licence.Kind.POSSESSION, buyer.id(), "MPB",
                LocalDate.of(2020, 1, 1), null));
        Transfer sale = Actors.analyst(() -> desk.recordTransfer(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2023, 6, 1),
                f.id(), null, buyer.id(), licence.id(), "S-1"), true));

        Actors.analyst(() -> done(() -> corrections.correctTransfer(sale.id(), new RecordCorrections.TransferCorrection(
                Transfer.Kind.INHERITANCE, LocalDate.of(2023, 5, 28), "S-1"), "contract date misread")));

        assertThat(Actors.analyst(() -> holdings.transfers(f.id()))).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Transfer.Kind.INHERITANCE);
            assertThat(x.date()).isEqualTo(LocalDate.of(2023, 5, 28));
            assertThat(x.source()).isEqualTo("user:" + Actors.ANALYST);
        });
        assertThat(Actors.analyst(() -> corrections.transferHistories(f.id()))).singleElement()
                .satisfies(h -> assertThat(h.versions()).singleElement().satisfies(v -> {
                    assertThat(v.before()).containsExactlyInAnyOrder("kind=SALE", "date=2023-06-01");
                    assertThat(v.after()).containsExactlyInAnyOrder("kind=INHERITANCE", "date=2023-05-28");
                    assertThat(v.reason()).isEqualTo("contract date misread");
                }));
        assertThat(neo4j.query("MATCH (:Licence {id: $id})-[c:COVERS]->(:Firearm) RETURN c.from")
                .bind(licence.id()).to("id").fetchAs(LocalDate.class).one()).contains(LocalDate.of(2023, 5, 28));
        assertThat(actions("Transfer:" + sale.id())).contains("transfer.recorded", "transfer.corrected");
    }

    @Test
    void a_marking_added_corrected_and_retired_is_in_the_weapons_history_and_the_search_follows_each_step_at_once() {
        String t = tag();
        String imported = "IMP" + t + "K";
        Firearm f = Actors.analyst(() -> desk.registerFirearm(NewFirearms.newFirearm().type("pistol").make("Glock")
                .model("17").calibre("9x19").serial("MKC-" + t).marking(NewFirearm.MarkingKind.IMPORT, imported, "frame",
                        null, null).build()));
        String added = "ARS" + t + "Q";
        String fixed = "ARS" + t + "R";

        Actors.analyst(() -> done(() -> markings.add(f.id(), new NewFirearm.NewMarking(NewFirearm.MarkingKind.ARSENAL,
                added, "slide", null, null), "arsenal number seen on the slide")));
        assertThat(found(added)).as("added").contains(f.id());

        Firearm.Marking arsenal = Actors.analyst(() -> firearms.find(f.id())).orElseThrow().markings().stream()
                .filter(m -> m.kind().equals("ARSENAL")).findFirst().orElseThrow();
        Actors.intake(() -> done(() -> markings.correct(f.id(), arsenal, new NewFirearm.NewMarking(
                NewFirearm.MarkingKind.ARSENAL, fixed, "slide", null, null), "last character misread")));
        assertThat(found(fixed)).as("corrected: found by its new text").contains(f.id());
        assertThat(exact(added)).as("corrected: no longer by its old text").doesNotContain(f.id());

        Firearm.Marking importMark = Actors.analyst(() -> firearms.find(f.id())).orElseThrow().markings().stream()
                .filter(m -> m.kind().equals("IMPORT")).findFirst().orElseThrow();
        Actors.analyst(() -> done(() -> markings.retire(f.id(), importMark, "not on the weapon: entered in error")));

        assertThat(Actors.analyst(() -> firearms.find(f.id())).orElseThrow().markings())
                .extracting(Firearm.Marking::text).containsExactly(fixed);
        assertThat(exact(imported)).as("retired").doesNotContain(f.id());
        assertThat(neo4j.query("MATCH (:Firearm {id: $id})-[h:HAD_MARKING]->(m:Marking) RETURN m.text")
                .bind(f.id()).to("id").fetchAs(String.class).all()).as("kept, not deleted").containsExactly(imported);
        assertThat(Actors.analyst(() -> firearms.history(f.id()))).extracting(RecordVersion::before, RecordVersion::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(List.of(), firstVersionAfter(f)),
                        org.assertj.core.groups.Tuple.tuple(List.of(), List.of("marking=ARSENAL " + added + " (slide)")),
                        org.assertj.core.groups.Tuple.tuple(List.of("marking=ARSENAL " + added + " (slide)"),
                                List.of("marking=ARSENAL " + fixed + " (slide)")),
                        org.assertj.core.groups.Tuple.tuple(List.of("marking=IMPORT " + imported + " (frame)"), List.of()));
        assertThat(actions("Firearm:" + f.id())).contains("marking.added", "marking.corrected", "marking.retired");
    }

    @Test
    void a_field_officer_may_not_correct_organisations_licences_transfers_or_markings() {
        assertThatThrownBy(() -> Actors.officer(() -> done(() -> corrections.correctOrganisation("DEALER:X", "X", null, "r"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.supervisor(() -> corrections.endLicence("x", Licence.Status.REVOKED,
                LocalDate.of(2024, 1, 1), "r"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.officer(() -> done(() -> markings.retire("x", null, "r"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** A void service call as an actor's action. */
    private static Object done(Runnable call) {
        call.run();
        return null;
    }

    private List<String> firstVersionAfter(Firearm f) {
        return Actors.analyst(() -> firearms.history(f.id())).getFirst().after();
    }

    private List<String> found(String serial) {
        return Actors.analyst(() -> search.search(new SerialQuery(serial, null, null, null, 20))).stream()
                .map(h -> h.firearm().id()).toList();
    }

    private List<String> exact(String serial) {
        return Actors.analyst(() -> search.search(new SerialQuery(serial, null, null, null, 20, SerialQuery.Mode.EXACT,
                null))).stream().map(h -> h.firearm().id()).toList();
    }
}
