package org.armstrace.notify;

import java.util.List;
import org.armstrace.intelligence.AlertRaised;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new alert, by e-mail to the analysts it told in the app. Synchronous, in the scan's transaction,
 * so that the e-mail is queued exactly when the in-app notification is written.
 */
@Component
class AlertEmails {

    private final Notifications notifications;

    AlertEmails(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void raised(AlertRaised event) {
        notifications.enqueue(new Notice(NotificationKind.ALERT, event.told(), "notify.alert.subject", "notify.alert.text",
                List.of(Notice.KEY + "alerts.pattern." + event.pattern().name()), "intelligence/chart/Alert:" + event.alertId()));
    }
}
