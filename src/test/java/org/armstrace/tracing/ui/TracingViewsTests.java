package org.armstrace.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Provenance;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.PointOfDiversion;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.AnswerDraft;
import org.armstrace.tracing.TraceIntake;
import org.armstrace.tracing.TraceQueues;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;
import org.armstrace.tracing.TraceTransition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "sup-view", roles = "SUPERVISOR")
class TracingViewsTests extends ViewTest {

    @Autowired
    TraceRequests traces;
    @Autowired
    TraceIntake traceIntake;
    @Autowired
    UserAccountService users;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    TraceAnswers answers;

    private TraceRequest received() {
        String analyst = "an-v-" + UUID.randomUUID().toString().substring(0, 4);
        Actors.admin(() -> users.create(analyst, "View", EnumSet.of(Role.ANALYST)));
        return Actors.intake(() -> traceIntake.receive(new NewTraceRequest(Direction.INCOMING, "AL",
                "AL-V-1", Priority.URGENT, "pistol", "Zastava", "M70", "7.65", "VIEW-" + UUID.randomUUID().toString()
                .substring(0, 5), "RS", "found at a border crossing", "CPC art. 208", "criminal proceedings", null,
                NewTraceRequest.Channel.MANUAL, null, null)));
    }

    @Test
    void the_request_page_offers_only_allowed_moves_and_a_delay_needs_its_reason() {
        TraceRequest r = received();
        TraceRequestView view = navigate("tracing/request/" + r.id(), TraceRequestView.class);
        assertThat($(Button.class).withId("move-IN_PROGRESS").all()).hasSize(1);
        assertThat($(Button.class).withId("move-ANSWERED").all()).as("not allowed from ASSIGNED").isEmpty();

        test($(Button.class).withId("move-IN_PROGRESS").single()).click();
        test($(Button.class).withId("move-DELAYED").single()).click();
        test($(Button.class).withId("trace-reason-ok").single()).click(); // no reason: refused, stays in progress
        assertThat(traces.find(r.id()).orElseThrow().status()).isEqualTo(TraceStatus.IN_PROGRESS);
        test($(TextArea.class).withId("trace-reason").single()).setValue("Waiting for the importer's records");
        test($(Button.class).withId("trace-reason-ok").single()).click();

        assertThat($(Span.class).withId("trace-status").single().getText()).isEqualTo("Delayed");
        @SuppressWarnings("unchecked")
        Grid<TraceTransition> timeline = (Grid<TraceTransition>)
                $(Grid.class).withId("trace-timeline").single();
        assertThat(test(timeline).size()).isEqualTo(5);
        assertThat(test(timeline).getCellText(4, 3)).isEqualTo("Waiting for the importer's records");
        assertThat(view.getPageTitle()).isEqualTo(r.number());
    }

    @Test
    void a_supervisor_gives_the_request_to_another_analyst_and_the_timeline_says_so() {
        TraceRequest r = received();
        String other = "an-o-" + UUID.randomUUID().toString().substring(0, 4);
        Actors.admin(() -> users.create(other, "Other", EnumSet.of(Role.ANALYST)));
        navigate("tracing/request/" + r.id(), TraceRequestView.class);
        @SuppressWarnings("unchecked")
        var to = (ComboBox<String>) $(ComboBox.class)
                .withId("trace-reassign-to").single();
        to.setValue(other);
        test($(Button.class).withId("trace-reassign").single()).click();

        assertThat(traces.find(r.id()).orElseThrow().assignee()).isEqualTo(other);
        assertThat(traces.history(r.id()).getLast().reason()).isEqualTo("assigned to " + other);
    }

    @Test
    void the_supervisor_sees_the_queues_and_who_is_late() {
        TraceRequest r = received();
        navigate(TraceQueueView.class);
        @SuppressWarnings("unchecked")
        Grid<TraceQueues.Workload> escalation = (Grid<TraceQueues.Workload>) $(Grid.class).withId("trace-escalation")
                .single();
        assertThat(test(escalation).size()).isPositive();
        TraceQueueView view = $(TraceQueueView.class).single();
        view.tabs.setSelectedIndex(3); // due soon: an urgent request is due within two days
        @SuppressWarnings("unchecked")
        Grid<TraceRequest> queue = (Grid<TraceRequest>) $(Grid.class).withId("trace-queue").single();
        boolean listed = false;
        for (int i = 0; i < test(queue).size(); i++) {
            listed |= test(queue).getCellText(i, 0).equals(r.number());
        }
        assertThat(listed).isTrue();
    }

    @Test
    void the_answer_is_drafted_on_the_request_page_and_whoever_drafted_it_cannot_approve_it() {
        TraceRequest r = received();
        navigate("tracing/request/" + r.id(), TraceRequestView.class);
        test($(Button.class).withId("move-IN_PROGRESS").single()).click();

        TraceAnswerForm form = $(TraceAnswerForm.class).single();
        test(form.save).click();
        assertThat(form.error.getText()).isEqualTo("Choose the outcome of the trace.");
        form.outcome.setValue(TraceAnswer.Outcome.NOT_FOUND);
        test(form.findings).setValue("No record under this serial or its likely misreadings.");
        form.diverted.setValue(true);
        form.diversionCountry.setValue(form.diversionCountry.getListDataView().getItems()
                .filter(c -> c.code().equals("AL")).findFirst().orElseThrow());
        form.method.setValue(PointOfDiversion.Method.CONVERSION);
        test(form.save).click();

        assertThat($(Span.class).withId("trace-status").single().getText()).isEqualTo("Answer drafted");
        assertThat($(Paragraph.class).withId("trace-answer-version").single().getText())
                .startsWith("Version 1, drafted by sup-view").contains("Awaiting a supervisor's approval");
        test($(Button.class).withId("move-APPROVED").single()).click();
        assertThat(traces.find(r.id()).orElseThrow().status()).isEqualTo(TraceStatus.ANSWER_DRAFTED);
        assertThat($(Button.class).withId("document-receipt-docx").all()).hasSize(1);
        assertThat($(Button.class).withId("document-answer-docx").all())
                .as("not before approval").isEmpty();
    }

    @Test
    void an_outgoing_request_opened_from_a_weapon_is_filled_from_the_graph_and_saved_as_a_numbered_draft() {
        var weapon = Actors.analyst(() -> firearms.register(new NewFirearm(
                "pistol", "Zastava", "M70", "7.65 Browning", "OV-" + UUID.randomUUID().toString().substring(0, 6), "RS",
                1990, List.of()), new Provenance("user:analyst1",
                Provenance.Confidence.HIGH)));
        UI.getCurrent().navigate("tracing/outgoing",
                QueryParameters.of("firearm", weapon.id()));
        TraceRequestForm form = $(TraceRequestForm.class).single();
        assertThat(form.serial.getValue()).isEqualTo(weapon.serialAsRead());
        assertThat(form.from.getValue().code()).isEqualTo("RS");
        assertThat(form.missing.getText()).contains("why the weapon is considered illicit");

        test(form.whyIllicit).setValue("Recovered at a shooting scene");
        test(form.legalBasis).setValue("ITI and the bilateral police cooperation agreement");
        test(form.intendedUse).setValue("Criminal investigation");
        test(form.save).click();

        TraceRequestView page = (TraceRequestView) getCurrentView();
        assertThat(page.getPageTitle()).matches("XK-OUT-\\d{4}-\\d{6}");
        assertThat($(Span.class).withId("trace-status").single().getText()).isEqualTo("Draft");
        assertThat($(TraceRequestForm.class).all()).as("the draft is edited on its page").hasSize(1);
        assertThat($(Button.class).withId("document-request-xlsx").all()).hasSize(1);
    }

    @Test
    void the_workbook_page_offers_the_template_and_refuses_a_file_over_five_megabytes_in_words() {
        navigate(TraceWorkbookView.class);
        var upload = $(Upload.class).withId("workbook-upload").single();
        assertThat(upload.getMaxFileSize()).isEqualTo(5 * 1024 * 1024);
        assertThat(upload.getI18n().getError().getFileIsTooBig())
                .isEqualTo("The file is larger than 5 MB. Split the requests over several workbooks.");
        assertThat($(Anchor.class).withId("workbook-template").single().getText())
                .isEqualTo("Request workbook template");
    }

    @Test
    void a_supervisor_who_read_version_one_cannot_approve_once_the_analyst_has_drafted_version_two() {
        TraceRequest r = received();
        String analyst = r.assignee();
        Actors.as(analyst, Role.ANALYST, () -> traces.transition(r.id(), TraceStatus.IN_PROGRESS, null));
        Actors.as(analyst, Role.ANALYST, () -> answers.draft(r.id(), new AnswerDraft(TraceAnswer.Outcome.NOT_FOUND,
                "Version one: no record under this serial.", null, null)));
        navigate("tracing/request/" + r.id(), TraceRequestView.class); // the supervisor reads version 1
        Actors.as(analyst, Role.ANALYST, () -> answers.draft(r.id(), new AnswerDraft(TraceAnswer.Outcome.TRACED,
                "Version two: text the supervisor has not read.", null, null)));

        test($(Button.class).withId("move-APPROVED").single()).click();

        assertThat(traces.find(r.id()).orElseThrow().status()).isEqualTo(TraceStatus.ANSWER_DRAFTED);
        assertThat(Actors.supervisor(() -> answers.versions(r.id()))).extracting(TraceAnswer::approvedBy)
                .containsOnlyNulls();
    }
}
