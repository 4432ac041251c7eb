package org.armstrace.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Pre;
import java.util.UUID;
import org.armstrace.ViewTest;
import org.armstrace.tracing.Submission;
import org.armstrace.tracing.Submissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "intake-subs", roles = "INTAKE")
class SubmissionsViewTests extends ViewTest {

    @Autowired
    Submissions submissions;

    @Test
    void an_intake_officer_opens_a_refused_submission_corrects_it_and_turns_it_into_a_request() {
        String serial = "SV-" + UUID.randomUUID().toString().substring(0, 6);
        navigate(TraceIntakeView.class);
        TraceRequestForm typed = $(TraceRequestForm.class).single();
        typed.from.setValue(typed.from.getListDataView().getItems().filter(c -> c.code().equals("MK")).findFirst()
                .orElseThrow());
        test(typed.make).setValue("Crvena Zastava");
        test(typed.serial).setValue(serial);
        test(typed.legalBasis).setValue("Law on Weapons");
        test(typed.save).click(); // refused: why illicit and the intended use are missing

        SubmissionsView view = navigate(SubmissionsView.class);
        view.outcome.setValue(Submission.Outcome.REFUSED);
        Submission refused = submissions.page(Submission.Outcome.REFUSED, 0, 20).stream()
                .filter(s -> s.by().equals("intake-subs") && s.became().isEmpty()).findFirst().orElseThrow();
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("Refused");
        view.grid.select(refused);
        assertThat($(Pre.class).withId("submission-content").single().getText()).contains(serial);
        assertThat(view.form.serial.getValue()).isEqualTo(serial);
        assertThat(view.form.from.getValue().code()).isEqualTo("MK");
        test(view.form.whyIllicit).setValue("Found in an abandoned house near Tetovo");
        test(view.form.intendedUse).setValue("Criminal proceedings");
        test(view.form.save).click();

        TraceRequestView page = (TraceRequestView) getCurrentView();
        Submission after = submissions.find(refused.id()).orElseThrow();
        assertThat(after.outcome()).isEqualTo(Submission.Outcome.REFUSED);
        assertThat(after.became()).singleElement().satisfies(b -> {
            assertThat(b.number()).isEqualTo(page.getPageTitle());
            assertThat(b.converted()).isTrue();
        });
    }
}
