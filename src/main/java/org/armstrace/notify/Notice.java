package org.armstrace.notify;

import java.util.List;

/**
 * A notification to some users, written once and rendered in each recipient's language: the
 * subject and the text are translation keys ({@code vaadin-i18n/translations*.properties}) with
 * {@code {0}}-style arguments; an argument that starts with {@link #KEY} is itself a translation key,
 * translated into the recipient's language. Keep the arguments to what every recipient may read anyway (a
 * number, a title): the text says what happened and links to the page, nothing more.
 *
 * @param link the application path the e-mail links to (for example {@code cases/FFP-2026-000001}),
 *             or null
 */
public record Notice(NotificationKind kind, List<String> recipients, String subjectKey, String textKey,
                     List<String> args, String link) {

    /** Marks an argument as a translation key: {@code "key:alerts.pattern.DIVERSION"}. */
    public static final String KEY = "key:";

    public Notice {
        recipients = List.copyOf(recipients);
        args = List.copyOf(args);
    }
}
