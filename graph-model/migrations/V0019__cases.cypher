// Cases (module cases): the unit of police work. A case is numbered once per year without gaps by a
// counter node (its write lock serialises concurrent creations), and holds its status history, tasks,
// deadlines, notes, attachments and the notifications its notes send. Free-text case references of
// earlier versions are turned into numbered cases at start-up (org.armstrace.cases.LegacyCases): the
// old reference stays on the case (case_reference, V0007).

CREATE CONSTRAINT case_id IF NOT EXISTS
FOR (c:Case) REQUIRE c.id IS UNIQUE;

CREATE CONSTRAINT case_number IF NOT EXISTS
FOR (c:Case) REQUIRE c.number IS UNIQUE;

CREATE CONSTRAINT case_counter_year IF NOT EXISTS
FOR (k:CaseCounter) REQUIRE k.year IS UNIQUE;

// The cases list: open ones, mine.
CREATE INDEX case_status IF NOT EXISTS
FOR (c:Case) ON (c.status);

CREATE INDEX case_owner IF NOT EXISTS
FOR (c:Case) ON (c.owner);

CREATE CONSTRAINT case_task_id IF NOT EXISTS
FOR (t:CaseTask) REQUIRE t.id IS UNIQUE;

CREATE INDEX case_task_assignee IF NOT EXISTS
FOR (t:CaseTask) ON (t.assignee, t.status);

CREATE CONSTRAINT case_deadline_id IF NOT EXISTS
FOR (d:CaseDeadline) REQUIRE d.id IS UNIQUE;

CREATE CONSTRAINT case_note_id IF NOT EXISTS
FOR (n:CaseNote) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT case_attachment_id IF NOT EXISTS
FOR (a:CaseAttachment) REQUIRE a.id IS UNIQUE;

// The bell: a user's unread mentions.
CREATE INDEX case_notification_user IF NOT EXISTS
FOR (n:CaseNotification) ON (n.user, n.read);
