package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.ui.ModelBoxTyping;
import org.armstrace.registry.FirearmModel;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.ReferenceData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The weapon forms' model: the chosen maker's models from the reference data, or typed as read. */
@WithMockUser(username = "analyst1", roles = "ANALYST")
class ModelPickListTests extends ViewTest {

    @Autowired
    ReferenceData reference;

    @Test
    void the_model_list_offers_the_makers_models_by_any_spelling_shows_an_edit_at_once_and_flags_a_model_it_lacks() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
        String code = "PK" + tag;
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Pick Maker " + tag, "RS", List.of(),
                "MANUFACTURER", false), "test maker"));
        FirearmModel zolja = Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "Zolja",
                List.of("Z-9"), false), "m"));
        Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "Retired One", List.of(), true), "m"));

        navigate("registry/desk", RegistryDeskView.class);
        test($view(Button.class).withId("desk-register-firearm").single()).click();
        FirearmForm form = $(FirearmForm.class).single();
        assertThat(test(form.model).getSuggestions()).as("no make chosen: no models").isEmpty();
        test(form.make).selectItem("Pick Maker " + tag);
        assertThat(test(form.model).getSuggestions()).containsExactly("Zolja");
        test(form.model).setFilter("z 9");
        assertThat(test(form.model).getSuggestions()).containsExactly("Zolja");

        // The administrator adds a spelling while the form is open: the list knows it at the next keystroke.
        Actors.admin(() -> reference.saveModel(new FirearmModel(zolja.id(), code, "Zolja", List.of("Z-9", "Wasp"),
                false), "the export name"));
        test(form.model).setFilter("wasp");
        assertThat(test(form.model).getSuggestions()).containsExactly("Zolja");

        ModelBoxTyping.type(form.model, "z-9");
        assertThat(form.model.getValue()).as("a typed spelling is the model").isEqualTo("Zolja");
        assertThat(form.model.getHelperText()).isNull();
        ModelBoxTyping.type(form.model, "Hornet X");
        assertThat(form.model.getValue()).isEqualTo("Hornet X");
        assertThat(form.model.getHelperText()).isEqualTo("Not among this make's models in the reference data.");

        test(form.type).selectItem("Self-loading pistol");
        test(form.serial).setValue("PKS-" + tag);
        test(form.save).click();
        FirearmView page = (FirearmView) getCurrentView();
        assertThat(page.getPageTitle()).startsWith("PKS-" + tag);
        assertThat($view(Div.class).withId("firearm-facts").single().getElement().getTextRecursively())
                .contains("Pick Maker " + tag, "Hornet X (not in the reference data)");
    }

    /** A maker with the model Zolja (also spelt "Z-9"), unique to the test; returns the maker's name. */
    private String makerWithZolja() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
        String code = "PL" + tag;
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "List Maker " + tag, "RS", List.of(),
                "MANUFACTURER", false), "test maker"));
        Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "Zolja", List.of("Z-9"), false), "m"));
        return "List Maker " + tag;
    }

    @Test
    void the_lost_stolen_form_offers_the_makers_models_and_keeps_a_model_it_does_not_list_as_typed() {
        String maker = makerWithZolja();
        navigate("lost-stolen", LostStolenView.class);
        test($view(Button.class).withId("lost-report-described").single()).click();
        LostStolenForm form = $(LostStolenForm.class).single();
        assertThat(test(form.model).getSuggestions()).as("no make typed: no models").isEmpty();

        test(form.make).setValue(maker);
        assertThat(test(form.model).getSuggestions()).containsExactly("Zolja");
        ModelBoxTyping.type(form.model, "z-9");
        assertThat(form.model.getValue()).as("a typed spelling is the model").isEqualTo("Zolja");
        ModelBoxTyping.type(form.model, "Hornet X");
        assertThat(form.model.getValue()).isEqualTo("Hornet X");
        assertThat(form.model.getHelperText()).isEqualTo("Not among this make's models in the reference data.");

        var filed = new java.util.ArrayList<LostStolenForm.Values>();
        form.addReportListener(e -> filed.add(e.values()));
        test(form.serial).setValue("PLS-" + maker.substring(maker.length() - 6));
        test(form.report).click();
        assertThat(filed).singleElement().satisfies(v -> assertThat(v.weapon().model()).isEqualTo("Hornet X"));
    }
}
