package org.armstrace.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.ui.ModelBoxTyping;
import org.armstrace.registry.FirearmModel;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.ReferenceData;
import org.armstrace.tracing.NewTraceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The trace request form's model: the make's models from the reference data, or typed as the partner wrote it. */
@WithMockUser(username = "intake-models", roles = "INTAKE")
class TraceModelPickListTests extends ViewTest {

    @Autowired
    ReferenceData reference;

    @Test
    void the_trace_request_form_offers_the_makers_models_and_keeps_a_model_it_does_not_list_as_typed() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
        String code = "PT" + tag;
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Trace Maker " + tag, "RS", List.of(),
                "MANUFACTURER", false), "test maker"));
        Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "Zolja", List.of("Z-9"), false), "m"));

        navigate(TraceIntakeView.class);
        TraceRequestForm form = $(TraceRequestForm.class).single();
        form.from.setValue(form.from.getListDataView().getItems().filter(c -> c.code().equals("MK")).findFirst()
                .orElseThrow());
        assertThat(test(form.model).getSuggestions()).as("no make typed: no models").isEmpty();
        test(form.make).setValue("Trace Maker " + tag);
        assertThat(test(form.model).getSuggestions()).containsExactly("Zolja");

        ModelBoxTyping.type(form.model, "z-9");
        assertThat(form.request().weaponModel()).as("a typed spelling is the model").isEqualTo("Zolja");
        ModelBoxTyping.type(form.model, "Hornet X");
        NewTraceRequest typed = form.request();
        assertThat(typed.weaponModel()).isEqualTo("Hornet X");
        assertThat(form.model.getHelperText()).isEqualTo("Not among this make's models in the reference data.");

        // A draft filled from the graph shows its model as stored, listed or not.
        form.fill(typed, null);
        assertThat(form.model.getValue()).isEqualTo("Hornet X");
    }
}
