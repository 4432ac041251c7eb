package org.armstrace.tracing.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.armstrace.security.Role;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;

/**
 * The tracing desk's work queues: my requests, the team's unassigned ones, the overdue and the
 * soon due, most urgent first; for supervisors, who is late. A row opens the request.
 */
@Route("tracing")
@Menu(order = 30, title = "menu.tracing", icon = "vaadin:exchange")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE})
public class TraceQueueView extends VerticalLayout implements HasDynamicTitle {

    private final TraceRequests traces;
    final Tabs tabs = new Tabs();
    final Grid<TraceRequest> grid = new Grid<>();
    final Grid<TraceRequests.Workload> escalation = new Grid<>();
    private final Map<Tab, TraceRequests.Queue> queues = new LinkedHashMap<>();

    public TraceQueueView(TraceRequests traces) {
        this.traces = traces;
        setSizeFull();
        for (TraceRequests.Queue q : TraceRequests.Queue.values()) {
            var tab = new Tab(getTranslation("trace.queue." + q.name()));
            tab.setId("queue-" + q.name().toLowerCase(java.util.Locale.ROOT));
            queues.put(tab, q);
            tabs.add(tab);
        }
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.setId("trace-queue");
        grid.addColumn(TraceRequest::number).setHeader(getTranslation("trace.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> getTranslation("trace.direction." + t.direction().name())).setHeader(
                getTranslation("trace.direction")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TraceRequest::counterpart).setHeader(getTranslation("trace.counterpart")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(t -> getTranslation("trace.priority." + t.priority().name())).setHeader(
                getTranslation("trace.priority")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> getTranslation("trace.status." + t.status().name())).setHeader(getTranslation("trace.status"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.dueAt() == null ? "" : when.format(t.dueAt()) + (t.overdue() ? " ⚠" : ""))
                .setHeader(getTranslation("trace.due")).setAutoWidth(true);
        grid.addColumn(t -> t.assignee() == null ? "—" : t.assignee()).setHeader(getTranslation("trace.assignee"))
                .setAutoWidth(true);
        grid.addColumn(t -> java.util.stream.Stream.of(t.weaponMake(), t.weaponModel(), t.weaponSerial())
                        .filter(Objects::nonNull).collect(java.util.stream.Collectors.joining(" ")))
                .setHeader(getTranslation("trace.weapon"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TraceRequestView.class, e.getItem().id())));
        tabs.addSelectedChangeListener(e -> show(queues.get(e.getSelectedTab())));

        add(new H2(getTranslation("menu.tracing")), tabs, grid);
        expand(grid);
        if (Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR)) {
            escalation.setId("trace-escalation");
            escalation.addColumn(TraceRequests.Workload::analyst).setHeader(getTranslation("trace.assignee"));
            escalation.addColumn(TraceRequests.Workload::open).setHeader(getTranslation("trace.open"));
            escalation.addColumn(TraceRequests.Workload::overdue).setHeader(getTranslation("trace.queue.OVERDUE"));
            escalation.addColumn(TraceRequests.Workload::soonDue).setHeader(getTranslation("trace.queue.SOON_DUE"));
            escalation.addColumn(TraceRequests.Workload::weighted).setHeader(getTranslation("trace.weighted"));
            escalation.setItems(traces.escalation());
            escalation.setAllRowsVisible(true);
            add(new H2(getTranslation("trace.escalation")), escalation);
        }
        show(TraceRequests.Queue.MINE);
    }

    private void show(TraceRequests.Queue queue) {
        // Fetched page by page as the user scrolls; no count query needed.
        grid.setItems(q -> traces.queue(queue, q.getOffset(), q.getLimit()).stream());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.tracing");
    }
}
