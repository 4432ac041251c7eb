package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.Translations;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "analyst1", roles = "ANALYST")
class RegistrySearchViewTests extends ViewTest {

    @Autowired
    FirearmRegistry registry;
    @Autowired
    ReferenceData reference;
    @Autowired
    PersonRegistry people;
    @Autowired
    AuditLog audit;

    @Test
    void a_misread_serial_finds_the_registered_weapon_with_the_reason_shown() {
        String serial = "V" + Integer.toString(Math.abs(UUID.randomUUID().hashCode()) % 1_000_000, 36).toUpperCase() + "S81";
        Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M70")
                .calibre("7.65 Browning").serial(serial).country("RS").year(1988)
                .build(), new Provenance("test", Provenance.Confidence.HIGH)));
        RegistrySearchView view = navigate(RegistrySearchView.class);

        test(view.serial).setValue(serial.replace("S81", "5B1"));
        view.make.setValue(reference.resolveManufacturer("ZCZ").orElseThrow());
        test(view.search).click();

        assertThat(test(view.results).size()).isEqualTo(1);
        assertThat(test(view.results).getCellText(0, 6)).contains("S read as 5", "make matches");
        assertThat(view.summary.getText()).startsWith("1 weapon(s) found");
    }

    @Test
    void the_empty_result_grid_says_what_to_do_before_a_search_and_that_nothing_matched_after_one() {
        RegistrySearchView view = navigate(RegistrySearchView.class);
        assertThat(view.results.getEmptyStateText())
                .isEqualTo("Enter a serial number, or pick a make, type or calibre, and search.");

        test(view.serial).setValue("QQZX" + Math.abs(UUID.randomUUID().hashCode() % 100_000) + "ZZQQ");
        test(view.search).click();

        assertThat(test(view.results).size()).isZero();
        assertThat(view.results.getEmptyStateText()).isEqualTo("No registered weapon matches this search.");
    }

    @Test
    void the_reasons_are_shown_in_the_language_of_the_ui() {
        String serial = "V" + Integer.toString(Math.abs(UUID.randomUUID().hashCode()) % 1_000_000, 36).toUpperCase() + "S82";
        Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M70")
                .calibre("7.65 Browning").serial(serial).country("RS").year(1988)
                .build(), new Provenance("test", Provenance.Confidence.HIGH)));
        UI.getCurrent().setLocale(Translations.ALBANIAN);
        RegistrySearchView view = navigate(RegistrySearchView.class);

        test(view.serial).setValue(serial.replace("S82", "582"));
        view.make.setValue(reference.resolveManufacturer("ZCZ").orElseThrow());
        test(view.search).click();

        assertThat(test(view.results).getCellText(0, 6)).contains("S u lexua si 5", "prodhuesi përputhet (Zastava Oružje)")
                .doesNotContain("read as", "make matches");
    }

    @Test
    void a_query_of_only_unreadable_positions_is_explained_not_failed() {
        RegistrySearchView view = navigate(RegistrySearchView.class);

        test(view.serial).setValue("??**");
        test(view.search).click();

        assertThat(view.serial.isInvalid()).isTrue();
        assertThat(view.serial.getErrorMessage()).isEqualTo("Give at least three readable characters.");
        assertThat(test(view.results).size()).isZero();
    }

    @Test
    void a_name_in_another_script_lists_the_person_and_a_click_opens_the_audited_record() {
        var person = Actors.analyst(() -> people.register(NewPeople.newPerson("Драган", "Шипка")
                .build(), new Provenance("test", Provenance.Confidence.HIGH)));
        RegistrySearchView view = navigate(RegistrySearchView.class);

        test(view.serial).setValue("Dragan Sipka");
        test(view.search).click();

        assertThat(view.serial.isInvalid()).isFalse();
        assertThat(view.peopleResults.isVisible()).isTrue();
        assertThat(test(view.peopleResults).getCellText(0, 0)).isEqualTo("Драган Шипка");
        assertThat(test(view.peopleResults).getCellText(0, 1)).isEqualTo("Dragan Šipka");
        test(view.peopleResults).clickRow(0);
        PersonView page = (PersonView) getCurrentView();
        assertThat(page.getElement().getTextRecursively()).contains("Dragan Šipka",
                "Opening this record has been written to the audit trail.");
        assertThat(Actors.admin(() -> audit.page(0, 1, "analyst1", "person.read")).getFirst()
                .entities()).containsExactly("Person:" + person.id());
    }

    @Test
    void pick_lists_accept_aliases() {
        assertThat(RegistrySearchView.named("crvena", "ZASTAVA", "Zastava Oružje", List.of("Crvena Zastava"))).isTrue();
        assertThat(RegistrySearchView.named("7,62x3", "762X39", "7.62×39 mm", List.of())).isTrue();
        assertThat(RegistrySearchView.named("glock", "ZASTAVA", "Zastava Oružje", List.of("ZCZ"))).isFalse();
    }
}
