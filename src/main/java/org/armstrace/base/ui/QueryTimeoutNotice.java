package org.armstrace.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.armstrace.base.QueryTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A query the database ended for running past {@code armstrace.neo4j.transaction-timeout}, in a
 * click, a grid page or a search: the user is told so in their language, instead of a page that
 * seems to hang or fails without a word. Every other failure goes to Vaadin's own handler.
 */
@Component
class QueryTimeoutNotice implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(QueryTimeoutNotice.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    static final class Handler implements ErrorHandler {
        private final ErrorHandler fallback = new DefaultErrorHandler();

        @Override
        public void error(ErrorEvent event) {
            UI ui = UI.getCurrent();
            if (ui == null || !QueryTimeout.causedBy(event.getThrowable())) {
                fallback.error(event);
                return;
            }
            log.warn("A query ran past the transaction timeout and was ended: {}", event.getThrowable().toString());
            show(ui);
        }
    }

    /** The notice itself, also for views that catch the failure themselves. */
    static Notification show(UI ui) {
        var notice = new Notification(ui.getTranslation("error.query-timeout"), 8000, Notification.Position.MIDDLE);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notice.setId("query-timeout");
        notice.open();
        return notice;
    }
}
