package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
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
    void an_unknown_id_says_so_instead_of_failing() {
        FirearmView view = navigate("registry/firearm/no-such-weapon", FirearmView.class);
        assertThat(view.getElement().getTextRecursively()).contains("No such weapon in the registry.");
    }

    private String text(FirearmView view, String id) {
        return $view(Div.class).withId(id).single().getElement().getTextRecursively();
    }
}
