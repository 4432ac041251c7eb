package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.ModelBoxTyping;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.RecordVersion;
import org.armstrace.registry.RegistryDesk;
import org.armstrace.registry.Transfer;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The desk's forms driven as the desk uses them: each save reaches the record with the user as source. */
@WithMockUser(username = "analyst1", roles = "ANALYST")
class RegistryDeskViewTests extends ViewTest {

    private static final Provenance REGISTRY = new Provenance("import:firearms.csv#row=12", Provenance.Confidence.HIGH);

    @Autowired
    FirearmRegistry firearms;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;
    @Autowired
    AuditLog audit;

    static String tag() {
        return Long.toString(System.nanoTime() % 100_000_000, 36).toUpperCase(Locale.ROOT);
    }

    String today() {
        return Dates.date(Dates.today(), Locale.UK);
    }

    @Test
    void a_weapon_registered_with_a_marking_on_the_desk_page_opens_with_the_user_as_its_source() {
        String serial = "DV-" + tag();
        navigate("registry/desk", RegistryDeskView.class);
        test($view(Button.class).withId("desk-register-firearm").single()).click();
        FirearmForm form = $(FirearmForm.class).single();
        test(form.type).selectItem("Self-loading pistol");
        test(form.make).selectItem("Glock GmbH");
        test(form.calibre).selectItem("9×19 mm Parabellum");
        test(form.serial).setValue(serial);
        test(form.country).selectItem("Austria");
        test(form.year).setValue(2018);
        test($(Button.class).withId("firearm-desk-add-marking").single()).click();
        FirearmForm.MarkingRow mark = form.markings.getFirst();
        test(mark.text).setValue("XK 24 IMP");
        test(form.save).click();

        FirearmView page = (FirearmView) getCurrentView();
        assertThat(page.getPageTitle()).startsWith(serial);
        String facts = $view(Div.class).withId("firearm-facts").single().getElement().getTextRecursively();
        assertThat(facts).contains("Glock GmbH", "Austria", "2018", "analyst1");
        assertThat(page.getElement().getTextRecursively()).contains("Import mark: XK 24 IMP");
        assertThat(sentences("firearm-history")).containsExactly("Recorded on " + today() + ", by analyst1, source "
                + "user:analyst1 (reason: registered)");
    }

    @Test
    void a_correction_of_a_weapon_on_its_page_shows_in_its_history_with_display_names() {
        Firearm f = Actors.analyst(() -> firearms.register(new NewFirearm("pistol", "Glock", "17", "9mm", "DC-" + tag(), "AT",
                2015, List.of()), REGISTRY));
        navigate("registry/firearm/" + f.id(), FirearmView.class);

        test($view(Button.class).withId("firearm-correct").single()).click();
        FirearmForm form = $(FirearmForm.class).single();
        assertThat(form.make.getValue().label()).isEqualTo("Glock GmbH");
        ModelBoxTyping.type(form.model, "19");
        test(form.country).selectItem("Germany");
        test(form.reason).setValue("invoice seen");
        test(form.save).click();

        String by = " on " + today() + ", by analyst1, source user:analyst1 (reason: invoice seen)";
        assertThat(sentences("firearm-history")).containsExactlyInAnyOrder(
                "Changed country of manufacture from Austria to Germany" + by,
                "Changed model from 17 to 19" + by,
                "Recorded on " + today() + ", by analyst1, source import firearms.csv row 12 (reason: registered)");
    }

    @Test
    void a_correction_of_a_person_on_their_page_shows_in_the_history_as_a_sentence_and_the_read_is_audited() {
        Person p = Actors.analyst(() -> people.register(new NewPerson("Genc", "Faqja" + tag(), null,
                LocalDate.of(1975, 3, 2), "Podujevë", null), REGISTRY));
        navigate("registry/person/" + p.id(), PersonView.class);
        long reads = personReads(p);

        test($view(Button.class).withId("person-correct").single()).click();
        PersonForm form = $(PersonForm.class).single();
        test(form.birthPlace).setValue("Obiliq");
        test(form.save).click();
        assertThat(form.problem.getText()).isEqualTo("Say why: a correction needs a reason.");
        test(form.reason).setValue("birth certificate seen");
        test(form.save).click();

        assertThat(sentences("person-history")).containsExactly(
                "Changed birth place from Podujevë to Obiliq on " + today() + ", by analyst1, source user:analyst1 "
                        + "(reason: birth certificate seen)",
                "Recorded on " + today() + ", by analyst1, source import firearms.csv row 12 (reason: registered)");
        assertThat(personReads(p)).as("the page shown again with its history is a read of personal data")
                .isEqualTo(reads + 1);
    }

    @Test
    void a_transfer_from_someone_who_does_not_hold_the_weapon_is_recorded_only_when_the_desk_confirms_the_warning() {
        String t = tag();
        Firearm f = Actors.analyst(() -> firearms.register(new NewFirearm("pistol", "Glock", "17", "9x19", "DT-" + t, "AT",
                2015, List.of()), REGISTRY));
        Person seller = Actors.analyst(() -> people.register(new NewPerson("Besim", "Shitësi" + t, null, null, null, null),
                REGISTRY));
        Person buyer = Actors.analyst(() -> people.register(new NewPerson("Dardan", "Blerësi" + t, null, null, null, null),
                REGISTRY));
        navigate("registry/firearm/" + f.id(), FirearmView.class);

        test($view(Button.class).withId("firearm-record-transfer").single()).click();
        TransferForm form = $(TransferForm.class).single();
        form.date.setValue(LocalDate.of(2024, 6, 1));
        form.from.setValue(new RegistryDesk.Party(seller.id(), seller.displayName(), true));
        form.to.setValue(new RegistryDesk.Party(buyer.id(), buyer.displayName(), true));
        test(form.save).click();

        assertThat(form.problem.getText()).startsWith("The party it comes from is not recorded as holding this weapon");
        assertThat(form.save.getText()).isEqualTo("Record anyway");
        assertThat(Actors.analyst(() -> holdings.transfers(f.id()))).isEmpty();

        test(form.save).click();

        assertThat(Actors.analyst(() -> holdings.transfers(f.id()))).singleElement()
                .satisfies(x -> assertThat(x.source()).isEqualTo("user:analyst1"))
                .satisfies(x -> assertThat(x.kind()).isEqualTo(Transfer.Kind.SALE));
    }

    @Test
    void an_organisation_registered_on_the_desk_page_gets_a_licence_recorded_on_its_own_page() {
        String code = "DO" + tag();
        navigate("registry/desk", RegistryDeskView.class);
        test($view(Button.class).withId("desk-register-organisation").single()).click();
        OrganisationForm form = $(OrganisationForm.class).single();
        assertThat(form.kind.getListDataView().getItems()).as("makers are reference data, for administrators")
                .doesNotContain(Holdings.OrganisationKind.MANUFACTURER);
        form.kind.setValue(Holdings.OrganisationKind.IMPORTER);
        test(form.code).setValue(code);
        test(form.name).setValue("Importi " + code);
        test(form.country).selectItem("Kosovo");
        test(form.save).click();

        OrganisationView page = (OrganisationView) getCurrentView();
        assertThat(page.getPageTitle()).startsWith("Importi " + code);
        test($view(Button.class).withId("record-licence").single()).click();
        LicenceForm licence = $(LicenceForm.class).single();
        test(licence.number).setValue("LIC-" + code);
        licence.kind.setValue(Licence.Kind.DEALER);
        licence.validFrom.setValue(Dates.today().plusDays(3));
        test(licence.save).click();
        assertThat(licence.problem.getText()).isEqualTo("A date is not valid or lies in the future.");
        licence.validFrom.setValue(LocalDate.of(2024, 1, 15));
        test(licence.save).click();

        @SuppressWarnings("unchecked")
        Grid<Licence> licences = (Grid<Licence>) $view(Grid.class).withId("organisation-licences").single();
        assertThat(test(licences).getCellText(0, 0)).isEqualTo("LIC-" + code);
        assertThat(Actors.analyst(() -> holdings.organisation("IMPORTER:" + code)).orElseThrow().licences())
                .singleElement().satisfies(l -> assertThat(l.source()).isEqualTo("user:analyst1"));
    }

    @Test
    @WithMockUser(username = "officer1", roles = "FIELD_OFFICER")
    void a_field_officer_gets_no_desk_buttons_on_a_weapons_page() {
        Firearm f = Actors.analyst(() -> firearms.register(new NewFirearm("pistol", "Glock", "17", "9x19", "DO-" + tag(),
                "AT", 2015, List.of()), REGISTRY));
        navigate("registry/firearm/" + f.id(), FirearmView.class);
        assertThat($view(Button.class).withId("firearm-correct").exists()).isFalse();
        assertThat($view(Button.class).withId("firearm-record-transfer").exists()).isFalse();
    }

    @Test
    void a_change_from_an_import_names_the_file_and_row_and_a_new_value_is_said_to_be_set() {
        FirearmView page = navigate("registry/firearm/none", FirearmView.class);
        var at = Instant.parse("2026-12-06T10:00:00Z");
        List<String> sentences = HistorySentences.sentences(page, List.of(
                new RecordVersion(2, at, "importer", "import:firearms.csv#row=12", "HIGH", "",
                        List.of("serialAsRead=A123", "serialKey=A123"), List.of("serialAsRead=A128", "serialKey=A128", "model=M70"))),
                (field, value) -> value);
        assertThat(sentences).containsExactly(
                "Changed serial as read from A123 to A128 on 06/12/2026, by importer, source import firearms.csv row 12",
                "Set model to M70 on 06/12/2026, by importer, source import firearms.csv row 12");
    }

    List<String> sentences(String id) {
        return $view(UnorderedList.class).withId(id).single().getChildren()
                .map(c -> c.getElement().getTextRecursively()).toList();
    }

    long personReads(Person p) {
        return Actors.admin(() -> audit.about("Person:" + p.id(), 1000)).stream().map(AuditEvent::action)
                .filter("person.read"::equals).count();
    }
}
