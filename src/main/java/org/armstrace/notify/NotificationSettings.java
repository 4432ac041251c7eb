package org.armstrace.notify;

import java.util.Set;

/**
 * A user's e-mail notifications: the address and the kinds they want. No address: no e-mail.
 *
 * @param emailEnabled whether the application can send e-mail at all (an SMTP server is configured)
 */
public record NotificationSettings(String email, Set<NotificationKind> wanted, boolean emailEnabled) {

    public NotificationSettings {
        wanted = Set.copyOf(wanted);
    }
}
