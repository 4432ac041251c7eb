// Notifications (module notify) and escalation (module escalation).
//
// :OutboundEmail is the e-mail outbox: one node per message, written in the transaction of the event
// that caused it, sent after commit, retried with back-off and never deleted (sent, refused and
// failed ones stay, with their error, for the administrator).
CREATE CONSTRAINT outbound_email_id IF NOT EXISTS
FOR (m:OutboundEmail) REQUIRE m.id IS UNIQUE;

// The sender's scan: pending messages that are due.
CREATE INDEX outbound_email_due IF NOT EXISTS
FOR (m:OutboundEmail) ON (m.status, m.nextAttemptAt);

CREATE INDEX outbound_email_created IF NOT EXISTS
FOR (m:OutboundEmail) ON (m.createdAt);

// A user's address and the kinds of notification they want by e-mail.
CREATE CONSTRAINT notification_settings_user IF NOT EXISTS
FOR (s:NotificationSettings) REQUIRE s.user IS UNIQUE;

// One escalation per item and step: two schedulers (two instances on one server) that fire at once
// both MERGE on the key; the unique index's lock lets one create it and the other find it.
CREATE CONSTRAINT escalation_key IF NOT EXISTS
FOR (e:Escalation) REQUIRE e.key IS UNIQUE;

CREATE INDEX escalation_item IF NOT EXISTS
FOR (e:Escalation) ON (e.item);
