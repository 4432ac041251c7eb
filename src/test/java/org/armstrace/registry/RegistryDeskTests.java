package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.base.Dates;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The desk's maintenance of records: every write goes through the register's services with the
 * user as its source, a version where the record is versioned, and an audit event; what cannot be
 * right is refused with a message, and a transfer from someone who does not hold the weapon is
 * recorded only once the desk has seen the warning.
 */
@ArmsTraceTest
class RegistryDeskTests {

    @Autowired
    RegistryDesk desk;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;
    @Autowired
    AuditLog audit;

    static String tag() {
        return Long.toString(System.nanoTime() % 100_000_000, 36).toUpperCase();
    }

    static NewFirearm glock(String serial) {
        return NewFirearms.newFirearm().type("pistol").make("Glock").model("17").calibre("9x19").serial(serial)
                .country("AT").year(2015).marking(NewFirearm.MarkingKind.IMPORT, "XK-24", "frame", null, null).build();
    }

    List<String> actions(String entity) {
        return Actors.admin(() -> audit.about(entity, 100)).stream().map(AuditEvent::action).toList();
    }

    @Test
    void a_weapon_registered_and_corrected_at_the_desk_keeps_both_versions_with_the_user_as_source_and_is_audited() {
        String serial = "DSK-" + tag();
        Firearm f = Actors.analyst(() -> desk.registerFirearm(glock(serial)));
        assertThat(f.source()).isEqualTo("user:" + Actors.ANALYST);
        assertThat(f.markings()).extracting(Firearm.Marking::kind, Firearm.Marking::text, Firearm.Marking::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IMPORT", "XK-24", "frame"));

        Firearm corrected = Actors.intake(() -> desk.correctFirearm(f.id(), new FirearmRegistry.Correction("pistol",
                "Glock GmbH", "19", "9x19", serial, "AT", 2016), "purchase invoice seen"));

        assertThat(corrected.model()).isEqualTo("19");
        assertThat(corrected.year()).isEqualTo(2016);
        assertThat(corrected.makeAsRead()).as("the same maker picked from the list leaves the make as read").isEqualTo("Glock");
        List<RecordVersion> history = Actors.analyst(() -> firearms.history(f.id()));
        assertThat(history).hasSize(2);
        assertThat(history.getLast()).satisfies(v -> {
            assertThat(v.source()).isEqualTo("user:" + Actors.INTAKE);
            assertThat(v.by()).isEqualTo(Actors.INTAKE);
            assertThat(v.reason()).isEqualTo("purchase invoice seen");
            assertThat(v.before()).containsExactlyInAnyOrder("model=17", "year=2015");
            assertThat(v.after()).containsExactlyInAnyOrder("model=19", "year=2016");
        });
        assertThat(actions("Firearm:" + f.id())).containsSubsequence("firearm.registered", "firearm.corrected");
    }

    @Test
    void a_person_registered_and_corrected_at_the_desk_keeps_both_versions_with_the_user_as_source_and_is_audited() {
        String t = tag();
        Person p = Actors.analyst(() -> desk.registerPerson(new NewPerson("Genc", "Desku" + t, "Agim",
                LocalDate.of(1975, 3, 2), "Podujevë", null)));
        assertThat(p.source()).isEqualTo("user:" + Actors.ANALYST);

        Person corrected = Actors.analyst(() -> desk.correctPerson(p.id(), new NewPerson("Genc", "Desku" + t, "Agim",
                LocalDate.of(1975, 3, 2), "Obiliq", null), "birth certificate seen"));

        assertThat(corrected.birthPlace()).isEqualTo("Obiliq");
        PersonRegistry.PersonRecord record = Actors.analyst(() -> people.read(p.id())).orElseThrow();
        assertThat(record.history()).hasSize(2).last().satisfies(v -> {
            assertThat(v.source()).isEqualTo("user:" + Actors.ANALYST);
            assertThat(v.before()).containsExactly("birthPlace=Podujevë");
            assertThat(v.after()).containsExactly("birthPlace=Obiliq");
        });
        assertThat(actions("Person:" + p.id())).containsSubsequence("person.registered", "person.corrected");
    }

    @Test
    void an_organisation_a_licence_and_a_transfer_recorded_at_the_desk_carry_the_users_source_and_are_audited() {
        String t = tag();
        Firearm f = Actors.analyst(() -> desk.registerFirearm(glock("DSK-" + t)));
        String dealer = Actors.analyst(() -> desk.registerOrganisation(Holdings.OrganisationKind.DEALER, "DSK" + t,
                "Armeria " + t, "XK"));
        Person buyer = Actors.analyst(() -> desk.registerPerson(new NewPerson("Arben", "Blerësi" + t, null, null, null, null)));
        Licence dealers = Actors.analyst(() -> desk.issueLicence("LIC-D-" + t, Licence.Kind.DEALER, dealer, "MPB",
                LocalDate.of(2020, 1, 1), null));
        Licence buyers = Actors.analyst(() -> desk.issueLicence("LIC-P-" + t, Licence.Kind.POSSESSION, buyer.id(), "MPB",
                LocalDate.of(2022, 5, 1), LocalDate.of(2032, 5, 1)));
        Actors.analyst(() -> desk.recordTransfer(new NewTransfer(Transfer.Kind.IMPORT, LocalDate.of(2021, 1, 10), f.id(),
                null, dealer, dealers.id(), "IMP-" + t), false));

        Transfer sale = Actors.analyst(() -> desk.recordTransfer(new NewTransfer(Transfer.Kind.SALE,
                LocalDate.of(2023, 2, 1), f.id(), dealer, buyer.id(), buyers.id(), null), false));

        assertThat(dealers.source()).isEqualTo("user:" + Actors.ANALYST);
        assertThat(buyers.source()).isEqualTo("user:" + Actors.ANALYST);
        assertThat(sale.source()).isEqualTo("user:" + Actors.ANALYST);
        assertThat(sale.fromId()).isEqualTo(dealer);
        assertThat(actions("Organisation:" + dealer)).contains("organisation.registered", "licence.issued");
        assertThat(actions("Person:" + buyer.id())).contains("licence.issued");
        assertThat(actions("Firearm:" + f.id())).contains("transfer.recorded").doesNotContain("transfer.warning-confirmed");
    }

    @Test
    void a_transfer_from_someone_who_does_not_hold_the_weapon_is_recorded_only_after_the_warning_and_that_is_audited() {
        String t = tag();
        Firearm f = Actors.analyst(() -> desk.registerFirearm(glock("DSK-" + t)));
        Person stranger = Actors.analyst(() -> desk.registerPerson(new NewPerson("Besim", "Tjetri" + t, null, null, null, null)));
        Person buyer = Actors.analyst(() -> desk.registerPerson(new NewPerson("Dardan", "Blerësi" + t, null, null, null, null)));
        var sale = new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2024, 6, 1), f.id(), stranger.id(), buyer.id(), null, null);

        assertThat(Actors.analyst(() -> desk.transferWarnings(sale))).containsExactly("desk.warning.not-holder");
        assertThatThrownBy(() -> Actors.analyst(() -> desk.recordTransfer(sale, false)))
                .isInstanceOf(DeskRejected.class).hasMessage("desk.warning.not-holder");
        assertThat(Actors.analyst(() -> holdings.transfers(f.id()))).isEmpty();

        Transfer recorded = Actors.analyst(() -> desk.recordTransfer(sale, true));

        assertThat(Actors.analyst(() -> holdings.transfers(f.id()))).extracting(Transfer::id).containsExactly(recorded.id());
        List<AuditEvent> events = Actors.admin(() -> audit.about("Transfer:" + recorded.id(), 10));
        assertThat(events).extracting(AuditEvent::action).contains("transfer.recorded", "transfer.warning-confirmed");
        assertThat(events).filteredOn(e -> e.action().equals("transfer.warning-confirmed")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Actors.ANALYST));
        // The buyer now holds it: a sale on from the buyer raises nothing.
        assertThat(Actors.analyst(() -> desk.transferWarnings(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2025, 1, 1),
                f.id(), buyer.id(), stranger.id(), null, null)))).isEmpty();
    }

    @Test
    void a_bad_serial_unknown_reference_data_dates_in_the_future_and_a_correction_without_change_are_refused_with_a_message() {
        String t = tag();
        LocalDate tomorrow = Dates.today().plusDays(1);
        assertThatThrownBy(() -> Actors.analyst(() -> desk.registerFirearm(glock("?-*"))))
                .isInstanceOf(DeskRejected.class).hasMessage("desk.bad-serial");
        assertThatThrownBy(() -> Actors.analyst(() -> desk.registerFirearm(NewFirearms.newFirearm().type("pistol")
                .make("Nosuchmaker Arms").serial("DSK-" + t).build())))
                .isInstanceOf(DeskRejected.class).hasMessage("desk.unknown-make")
                .satisfies(e -> assertThat(((DeskRejected) e).args()).containsExactly("Nosuchmaker Arms"));
        assertThatThrownBy(() -> Actors.analyst(() -> desk.registerFirearm(NewFirearms.newFirearm().calibre("9x99 Phantom")
                .serial("DSK-" + t).build())))
                .isInstanceOf(DeskRejected.class).hasMessage("desk.unknown-calibre");
        assertThatThrownBy(() -> Actors.analyst(() -> desk.registerFirearm(NewFirearms.newFirearm().serial("DSK-" + t)
                .year(Dates.today().getYear() + 1).build())))
                .isInstanceOf(DeskRejected.class).hasMessage("desk.bad-year");
        assertThatThrownBy(() -> Actors.analyst(() -> desk.registerPerson(new NewPerson("Ardit", "Ardhshëm" + t, null,
                tomorrow, null, null))))
                .isInstanceOf(DeskRejected.class).hasMessage("desk.date-in-future");

        Firearm f = Actors.analyst(() -> desk.registerFirearm(glock("DSK-" + t)));
        assertThatThrownBy(() -> Actors.analyst(() -> desk.recordTransfer(new NewTransfer(Transfer.Kind.SALE, tomorrow,
                f.id(), null, null, null, null), true)))
                .isInstanceOf(DeskRejected.class).hasMessage("desk.date-in-future");
        assertThatThrownBy(() -> Actors.analyst(() -> desk.correctFirearm(f.id(), new FirearmRegistry.Correction(
                "pistol", "Glock", "17", "9x19", "DSK-" + t, "AT", 2015), "no change")))
                .isInstanceOf(DeskRejected.class).hasMessage("desk.nothing-changed");
        assertThat(Actors.analyst(() -> firearms.history(f.id()))).hasSize(1);
    }

    @Test
    void a_field_officer_a_supervisor_and_a_partner_may_not_maintain_records() {
        String t = tag();
        Person p = Actors.analyst(() -> desk.registerPerson(new NewPerson("Fatos", "Rojtari" + t, null, null, null, null)));
        assertThatThrownBy(() -> Actors.officer(() -> desk.registerFirearm(glock("DSK-" + t))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.officer(() -> desk.correctPerson(p.id(), new NewPerson("Fatos", "Rojtari" + t,
                null, null, "Prizren", null), "officer says")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.supervisor(() -> desk.registerPerson(new NewPerson("Sokol", "Mbikqyrës" + t,
                null, null, null, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.partner("AL", () -> desk.registerOrganisation(Holdings.OrganisationKind.DEALER,
                "P" + t, "Partner's dealer", "AL")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.as("statistician", Role.STATISTICS, () -> desk.issueLicence("LIC-S-" + t,
                Licence.Kind.HUNTING, p.id(), null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(Actors.analyst(() -> people.read(p.id())).orElseThrow().history()).hasSize(1);
    }
}
