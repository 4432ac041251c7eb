// Intelligence: trafficking patterns found by the scans, kept as alerts with their history, and
// the notifications that tell an analyst a new one has arrived.

// One alert per pattern instance: the key names the instance (pattern + what it is about), so a
// scan that finds it again updates that alert instead of raising a second one.
CREATE CONSTRAINT alert_id IF NOT EXISTS
FOR (a:Alert) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT alert_key IF NOT EXISTS
FOR (a:Alert) REQUIRE a.key IS UNIQUE;

// The ranked list is read by pattern and status.
CREATE INDEX alert_pattern_status IF NOT EXISTS
FOR (a:Alert) ON (a.pattern, a.status);

// An analyst's unread notifications, for the bell in the header.
CREATE CONSTRAINT notification_id IF NOT EXISTS
FOR (n:Notification) REQUIRE n.id IS UNIQUE;
CREATE INDEX notification_user IF NOT EXISTS
FOR (n:Notification) ON (n.user, n.read);

// Time-to-crime per identification is read by range for the short time-to-crime pattern.
CREATE INDEX identified_as_time_to_crime IF NOT EXISTS
FOR ()-[i:IDENTIFIED_AS]-() ON (i.timeToCrimeDays);
