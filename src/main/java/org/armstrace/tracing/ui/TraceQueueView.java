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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.security.Role;
import org.armstrace.tracing.TraceQueues;
import org.armstrace.tracing.TraceRequest;

/**
 * The tracing desk's work queues: my requests, the team's unassigned ones, the overdue and the
 * soon due, most urgent first; for supervisors, who is late. A row opens the request.
 */
@Route("tracing")
@Menu(order = 30, title = "menu.tracing", icon = "vaadin:exchange")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE})
public class TraceQueueView extends VerticalLayout implements HasDynamicTitle {

    private final TraceQueues work;
    final Tabs tabs = new Tabs();
    final Grid<TraceRequest> grid = new Grid<>();
    final Grid<TraceQueues.Workload> escalation = new Grid<>();
    private final Map<Tab, TraceQueues.Queue> queues = new LinkedHashMap<>();

    public TraceQueueView(TraceQueues work) {
        this.work = work;
        setSizeFull();
        for (TraceQueues.Queue q : TraceQueues.Queue.values()) {
            var tab = new Tab(getTranslation("trace.queue." + q.name()));
            tab.setId("queue-" + q.name().toLowerCase(Locale.ROOT));
            queues.put(tab, q);
            tabs.add(tab);
        }
        var when = Dates.dateTimeFormatter(getLocale());
        grid.setId("trace-queue");
        EmptyGrids.say(grid, "empty.trace-queue");
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
        grid.addColumn(t -> Stream.of(t.weaponMake(), t.weaponModel(), t.weaponSerial())
                        .filter(Objects::nonNull).collect(Collectors.joining(" ")))
                .setHeader(getTranslation("trace.weapon"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TraceRequestView.class, e.getItem().id())));
        tabs.addSelectedChangeListener(e -> show(queues.get(e.getSelectedTab())));

        add(new H2(getTranslation("menu.tracing")), tabs, grid);
        expand(grid);
        if (Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR)) {
            escalation.setId("trace-escalation");
            EmptyGrids.say(escalation, "empty.escalation");
            escalation.addColumn(TraceQueues.Workload::analyst).setHeader(getTranslation("trace.assignee"));
            escalation.addColumn(TraceQueues.Workload::open).setHeader(getTranslation("trace.open"));
            escalation.addColumn(TraceQueues.Workload::overdue).setHeader(getTranslation("trace.queue.OVERDUE"));
            escalation.addColumn(TraceQueues.Workload::soonDue).setHeader(getTranslation("trace.queue.SOON_DUE"));
            escalation.addColumn(TraceQueues.Workload::weighted).setHeader(getTranslation("trace.weighted"));
            escalation.setItems(work.escalation());
            escalation.setAllRowsVisible(true);
            add(new H2(getTranslation("trace.escalation")), escalation);
        }
        show(TraceQueues.Queue.MINE);
    }

    private void show(TraceQueues.Queue queue) {
        // Fetched page by page as the user scrolls; no count query needed.
        grid.setItems(q -> work.queue(queue, q.getOffset(), q.getLimit()).stream());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.tracing");
    }
}
