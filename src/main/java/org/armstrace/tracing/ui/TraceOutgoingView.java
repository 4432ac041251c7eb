package org.armstrace.tracing.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.armstrace.security.Role;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.OutgoingTraces;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TransitionRefused;

/**
 * A new request of ours to another country. Opened from a weapon's page ({@code ?firearm=<id>}),
 * it is filled from the graph; the analyst completes what the ITI requires and saves a numbered
 * DRAFT, which the request page takes on to READY and SENT.
 */
@Route("tracing/outgoing")
@Menu(order = 33, title = "trace.outgoing.new", icon = "vaadin:paperplane")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST})
public class TraceOutgoingView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final OutgoingTraces outgoing;
    private final TraceRequestForm form;

    public TraceOutgoingView(TraceRequests traces, OutgoingTraces outgoing) {
        this.outgoing = outgoing;
        setMaxWidth("1000px");
        form = new TraceRequestForm(Direction.OUTGOING, traces.counterparts(), traces.models());
        form.addSubmitListener(e -> {
            try {
                TraceRequest created = outgoing.draft(e.request());
                getUI().ifPresent(ui -> ui.navigate(TraceRequestView.class, created.id()));
            } catch (TransitionRefused refused) {
                form.showError(getTranslation(refused.getMessage()));
            }
        });
        add(new H2(getTranslation("trace.outgoing.new")), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("firearm")
                .flatMap(outgoing::outgoingFor).ifPresent(r -> form.fill(r, null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("trace.outgoing.new");
    }
}
