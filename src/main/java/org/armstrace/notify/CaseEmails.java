package org.armstrace.notify;

import java.util.List;
import org.armstrace.cases.CaseEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cases' notifications, by e-mail too. A plain (synchronous) listener on purpose: it runs in the
 * transaction that wrote the note, so the e-mail is queued if and only if the note is saved.
 */
@Component
class CaseEmails {

    private final Notifications notifications;

    CaseEmails(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void mentioned(CaseEvents.CaseNoteMentioned event) {
        notifications.enqueue(new Notice(NotificationKind.MENTION, event.mentioned(), "notify.mention.subject",
                "notify.mention.text", List.of(event.by(), event.number()), "case/" + event.number()));
    }
}
