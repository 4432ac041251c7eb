package org.armstrace.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.armstrace.base.QueryTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any unexpected failure while opening a view: the user sees a plain message and an incident
 * number; the stack trace goes to the log under that number, never to the screen. A query the
 * database ended for its timeout is said as such (503), with a hint to narrow the search.
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        if (QueryTimeout.causedBy(parameter.getException())) {
            log.warn("A query ran past the transaction timeout while opening {}", event.getLocation().getPath());
            add(new H2(getTranslation("error.title")), new Paragraph(getTranslation("error.query-timeout")));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Incident {} while opening {}", incident, event.getLocation().getPath(), parameter.getException());
        add(new H2(getTranslation("error.title")), new Paragraph(getTranslation("error.text", incident)));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
