package org.armstrace.tracing.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.stream.Collectors;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.security.Role;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.Submission;
import org.armstrace.tracing.Submissions;
import org.armstrace.tracing.TraceRequests;

/**
 * Every partner submission as received, newest first: when, by which channel, from which partner
 * and by whom, its outcome and its problems. An intake officer opens a refused one, reads what was
 * sent, corrects it in the request form and turns it into a request; the submission stays as it
 * was, linked to the request it became.
 */
@Route("tracing/submissions")
@Menu(order = 34, title = "menu.trace-submissions", icon = "vaadin:archive")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE})
public class SubmissionsView extends VerticalLayout implements HasDynamicTitle {

    private final Submissions submissions;
    private final TraceRequests traces;
    final ComboBox<Submission.Outcome> outcome = new ComboBox<>();
    final Grid<Submission> grid = new Grid<>();
    final Div detail = new Div();
    TraceRequestForm form;

    public SubmissionsView(Submissions submissions, TraceRequests traces) {
        this.submissions = submissions;
        this.traces = traces;
        outcome.setId("submissions-outcome");
        outcome.setLabel(getTranslation("submission.outcome"));
        outcome.setItems(Submission.Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("submission.outcome." + o.name()));
        outcome.setClearButtonVisible(true);
        outcome.setPlaceholder(getTranslation("submission.all"));
        outcome.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.setId("submissions");
        EmptyGrids.say(grid, "empty.submissions");
        var when = when();
        grid.addColumn(s -> when.format(s.receivedAt())).setHeader(getTranslation("submission.received"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> getTranslation("submission.channel." + s.channel().name()))
                .setHeader(getTranslation("submission.channel")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> Objects.toString(s.country(), "—")).setHeader(getTranslation("submission.partner"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Submission::by).setHeader(getTranslation("trace.by")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> getTranslation("submission.outcome." + s.outcome().name()))
                .setHeader(getTranslation("submission.outcome")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.problems().stream().map(this::problem).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("submission.problems"));
        grid.addColumn(s -> s.became().stream().map(Submission.Became::number).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("submission.became")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(q -> submissions.page(outcome.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, submissions.count(outcome.getValue())));
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        detail.setId("submission-detail");
        detail.setWidthFull();
        add(new H2(getTranslation("menu.trace-submissions")), outcome, grid, detail);
    }

    /** One submission: its problems, what was sent, the requests it became and, if refused, the form to correct it. */
    void show(Submission s) {
        detail.removeAll();
        form = null;
        if (s == null) {
            return;
        }
        detail.add(new H3(getTranslation("submission.channel." + s.channel().name()) + " · "
                + when().format(s.receivedAt())));
        detail.add(new Paragraph("SHA-256 " + s.sha256() + " · " + s.size() + " B"));
        s.problems().forEach(p -> detail.add(new Paragraph("⚠ " + problem(p))));
        for (Submission.Became b : s.became()) {
            var link = new Anchor("tracing/request/" + b.requestId(), b.number());
            link.addClassName("submission-became");
            detail.add(new Div(link));
        }
        byte[] content = submissions.content(s);
        if (s.channel() == NewTraceRequest.Channel.WORKBOOK) {
            String name = "submission-" + s.sha256().substring(0, 12) + ".xlsx";
            detail.add(new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                    new ByteArrayInputStream(content), name, s.contentType(), content.length)), name));
        } else {
            var sent = new Pre(new String(content, StandardCharsets.UTF_8));
            sent.setId("submission-content");
            sent.getStyle().set("white-space", "pre-wrap");
            detail.add(sent);
        }
        if (s.outcome() == Submission.Outcome.REFUSED) {
            detail.add(new H3(getTranslation("submission.correct")));
            form = new TraceRequestForm(Direction.INCOMING, traces.counterparts(), traces.models());
            // A workbook is not read back into the form: the officer types the row the problems name.
            submissions.asReceived(s).ifPresent(r -> form.fill(r, null));
            form.save.setText(getTranslation("submission.convert"));
            form.addSubmitListener(e -> form.create(() -> submissions.convert(s.id(), e.request())));
            detail.add(form);
        }
    }


    /** A problem in the reader's language: where, and what. */
    private String problem(Submission.Problem p) {
        if (p.code().equals("trace.iti-missing")) {
            return getTranslation(p.code(), String.join(", ", p.args().stream()
                    .map(f -> getTranslation("trace.field." + f)).toList()));
        }
        String text = getTranslation(p.code(), p.args().toArray());
        return p.where() == null ? text : p.where() + ": " + text;
    }

    private DateTimeFormatter when() {
        return Dates.dateTimeFormatter(getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.trace-submissions");
    }
}
