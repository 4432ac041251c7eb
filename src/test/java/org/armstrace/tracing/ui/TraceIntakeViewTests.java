package org.armstrace.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import org.armstrace.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "intake-view", roles = "INTAKE")
class TraceIntakeViewTests extends ViewTest {

    @Test
    void the_form_says_what_the_iti_still_requires_and_a_complete_request_opens_numbered() {
        navigate(TraceIntakeView.class);
        TraceRequestForm form = $(TraceRequestForm.class).single();
        assertThat(form.missing.getText()).isEqualTo("The ITI still requires: the make, the serial, why the weapon is "
                + "considered illicit, the legal basis, the intended use of the answer");
        assertThat(form.from.getListDataView().getItems()).noneMatch(c -> c.code().equals("XK"));

        test(form.save).click();
        assertThat(form.error.getText()).isEqualTo("Unknown country: give its two-letter ISO code (not our own).");

        form.from.setValue(form.from.getListDataView().getItems().filter(c -> c.code().equals("MK")).findFirst()
                .orElseThrow());
        test(form.make).setValue("Crvena Zastava");
        test(form.serial).setValue("MK-INTAKE-77");
        test(form.whyIllicit).setValue("Found in an abandoned house near Tetovo");
        test(form.legalBasis).setValue("Law on Weapons");
        assertThat(form.missing.getText()).isEqualTo("The ITI still requires: the intended use of the answer");
        test(form.save).click();
        assertThat(form.error.getText()).isEqualTo("The ITI still requires: the intended use of the answer");

        test(form.intendedUse).setValue("Criminal proceedings");
        test(form.save).click();

        TraceRequestView page = (TraceRequestView) getCurrentView();
        assertThat(page.getPageTitle()).matches("XK-IN-\\d{4}-\\d{6}");
        assertThat($(Span.class).withId("trace-status").single().getText()).isIn("Assigned", "Acknowledged");
    }
}
