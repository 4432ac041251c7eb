package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.NewTransfers;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Transfer;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "analyst1", roles = "ANALYST")
class FirearmViewTests extends ViewTest {

    @Autowired
    FirearmRegistry registry;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;

    @Test
    void reporting_a_weapon_stolen_from_its_page_shows_the_alert_and_adds_it_to_the_timeline() {
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Glock")
                .model("17").calibre("9x19").serial("VIEW-" + System.nanoTime() % 1_000_000).country("AT").year(2012)
                .build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);
        assertThat(text(view, "firearm-alerts")).doesNotContain("Reported");

        test($view(Button.class).withId("firearm-report-lost").single()).click();
        LostStolenForm form = $(LostStolenForm.class).single();
        form.kind.setValue(LostStolenReport.Kind.STOLEN);
        form.occurredOn.setValue(LocalDate.of(2026, 11, 1));
        test(form.place).setValue("Gjilan");
        test(form.report).click();

        assertThat(text(view, "firearm-alerts")).contains("Reported Stolen on 2026-11-01 Gjilan");
        @SuppressWarnings("unchecked")
        Grid<TimelineEntry> timeline = (Grid<TimelineEntry>) $view(Grid.class).withId("firearm-timeline").single();
        assertThat(test(timeline).size()).isEqualTo(2);
        assertThat(test(timeline).getCellText(0, 2)).as("the theft happened before the registration")
                .isEqualTo("Reported Stolen at Gjilan (ref. –)");
    }

    @Test
    @WithMockUser(username = "officer1", roles = "FIELD_OFFICER")
    void a_field_officer_sees_that_a_licensed_holder_is_on_file_and_not_who() {
        Provenance source = new Provenance("test", Provenance.Confidence.HIGH);
        String serial = "FO-" + System.nanoTime() % 1_000_000;
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("CZ")
                .model("75").calibre("9x19").serial(serial).country("CZ").year(2004).build(), source));
        Person holder = Actors.analyst(() -> people.register(NewPeople.newPerson("Arta", "Morina").build(), source));
        Licence licence = Actors.analyst(() -> holdings.issueLicence("LIC-" + serial, Licence.Kind.POSSESSION, holder.id(),
                "MUP", LocalDate.of(2011, 1, 1), null, source));
        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2012, 2, 2),
                f.id()).to(holder.id()).toLicence(licence.id()).build(), source));

        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);

        assertThat($view(Paragraph.class).withId("firearm-holder-on-file").single().getText())
                .isEqualTo("Registered — licensed holder on file: call the desk");
        @SuppressWarnings("unchecked")
        Grid<TimelineEntry> timeline = (Grid<TimelineEntry>) $view(Grid.class).withId("firearm-timeline").single();
        var cells = new StringBuilder();
        for (int row = 0; row < test(timeline).size(); row++) {
            cells.append(test(timeline).getCellText(row, 2)).append('\n');
        }
        assertThat(cells.toString()).contains("on file: call the desk").doesNotContain("Morina", "Arta");
        assertThat(view.getElement().getOuterHTML()).doesNotContain("Morina");
    }

    @Test
    void an_unknown_id_says_so_instead_of_failing() {
        FirearmView view = navigate("registry/firearm/no-such-weapon", FirearmView.class);
        assertThat(view.getElement().getTextRecursively()).contains("No such weapon in the registry.");
    }

    private String text(FirearmView view, String id) {
        return $view(Div.class).withId(id).single().getElement().getTextRecursively();
    }
}
