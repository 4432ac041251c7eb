package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.ui.ModelBoxTyping;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.LostStolenEntry;
import org.armstrace.registry.LostStolenHit;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.Provenance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "analyst1", roles = "ANALYST")
class LostStolenViewTests extends ViewTest {

    @Autowired
    FirearmRegistry registry;

    @Test
    void a_weapon_not_in_the_registry_is_reported_from_the_register_and_its_page_shows_the_registration_it_may_be() {
        String digits = "WQV-" + (10_000 + System.nanoTime() % 89_999);
        String serial = digits + "0";
        String town = "Viewtown-" + UUID.randomUUID().toString().substring(0, 6);
        Firearm onRecord = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("CZ")
                .model("75").calibre("9x19").serial(serial).country("CZ").year(2004).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));

        LostStolenView list = navigate("lost-stolen", LostStolenView.class);
        test(list.reportDescribed).click();
        LostStolenForm form = $(LostStolenForm.class).single();
        form.kind.setValue(LostStolenReport.Kind.LOST);
        form.occurredOn.setValue(LocalDate.of(2026, 10, 20));
        test(form.place).setValue(town);
        test(form.make).setValue("CZ");
        test(form.type).setValue("pistol");
        ModelBoxTyping.type(form.model, "75");
        test(form.serial).setValue(digits + "O"); // the owner wrote O for the registered 0
        test(form.report).click();

        LostStolenReportView page = $(LostStolenReportView.class).single();
        assertThat(text(page, "lost-report-facts")).contains(town, "not in the registry", "Česká zbrojovka");
        @SuppressWarnings("unchecked")
        Grid<LostStolenHit> hits = (Grid<LostStolenHit>) $view(Grid.class).withId("lost-hits").single();
        assertThat(hits.getListDataView().getItems().map(h -> h.firearm().id())).contains(onRecord.id());
        int row = hits.getListDataView().getItems().map(h -> h.firearm().id()).toList().indexOf(onRecord.id());
        assertThat(test(hits).getCellText(row, 0)).isEqualTo("Registered");
        assertThat(test(hits).getCellText(row, 2)).contains("read as O");

        test($view(Button.class).withId("lost-close").single()).click();
        test($(TextField.class).withId("lost-reason").single()).setValue("reported twice by mistake");
        test($(Button.class).withId("lost-close-withdrawn").single()).click();
        assertThat(text(page, "lost-report-status")).isEqualTo("Withdrawn (reported in error)");
        test($view(Button.class).withId("lost-reopen").single()).click();
        test($(TextField.class).withId("lost-reason").single()).setValue("it was not a duplicate");
        test($(Button.class).withId("lost-reopen-confirm").single()).click();
        assertThat(text(page, "lost-history")).contains("Reported by analyst1",
                "Closed as \"Withdrawn (reported in error)\" by analyst1: reported twice by mistake",
                "Reopened by analyst1: it was not a duplicate");

        LostStolenView again = navigate("lost-stolen", LostStolenView.class);
        test(again.place).setValue(town);
        @SuppressWarnings("unchecked")
        Grid<LostStolenEntry> grid = (Grid<LostStolenEntry>) $view(Grid.class).withId("lost-grid").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("Lost");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("20/10/2026");
        assertThat(test(grid).getCellText(0, 5)).startsWith("Česká zbrojovka 75 ").endsWith("· not in the registry");
        assertThat(test(grid).getCellText(0, 7)).isNotEqualTo("0");
        again.status.setValue(LostStolenReport.Status.RECOVERED);
        assertThat(test(grid).size()).isZero();
    }

    private String text(Component within, String id) {
        return $(Component.class, within).withId(id).single().getElement().getTextRecursively();
    }
}
