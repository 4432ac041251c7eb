package org.armstrace.tracing.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.armstrace.security.Role;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.Submissions;
import org.armstrace.tracing.TraceRequests;

/**
 * Manual intake of a partner's request; the request is numbered, acknowledged and assigned, then opened.
 * What was typed is kept as a submission, accepted or refused.
 */
@Route("tracing/new")
@Menu(order = 31, title = "menu.trace-intake", icon = "vaadin:inbox")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE})
public class TraceIntakeView extends VerticalLayout implements HasDynamicTitle {

    public TraceIntakeView(TraceRequests traces, Submissions submissions) {
        setMaxWidth("1000px");
        var form = new TraceRequestForm(Direction.INCOMING, traces.counterparts(), traces.models());
        // Kept as typed, whatever the outcome.
        form.addSubmitListener(e -> form.create(() -> submissions.receiveTyped(e.request())));
        add(new H2(getTranslation("menu.trace-intake")), form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.trace-intake");
    }
}
