/**
 * Notifications outside the application: e-mail through the SMTP server of {@code spring.mail.*}.
 * Features hand a {@link org.armstrace.notify.Notice} to {@link org.armstrace.notify.Notifications}
 * in the transaction of the event; it becomes one {@code :OutboundEmail} per recipient who wants
 * that kind, in the recipient's language, and is sent after commit, retried with back-off and
 * never deleted. Without an SMTP host, e-mail is off and the settings page says so.
 *
 * <p>This module sits above the features whose events it turns into e-mail (cases' mentions,
 * intelligence's new alerts), and below escalation, which calls it. Lost/stolen hits are a kind a
 * user can choose, but nothing sends them yet: the recovery's instant checks publish no event
 * that says a hit was on the lost and stolen register.
 */
@ApplicationModule(displayName = "Notifications")
package org.armstrace.notify;

import org.springframework.modulith.ApplicationModule;
