// Intelligence: saved investigations. A named link-chart canvas with notes, kept in versions
// (every save adds one; none is overwritten) and shared, if its owner wishes, with one role.

CREATE CONSTRAINT investigation_id IF NOT EXISTS
FOR (i:Investigation) REQUIRE i.id IS UNIQUE;

// The list an analyst sees: their own, and those shared with a role they hold.
CREATE INDEX investigation_owner IF NOT EXISTS
FOR (i:Investigation) ON (i.owner);
CREATE INDEX investigation_shared_with IF NOT EXISTS
FOR (i:Investigation) ON (i.sharedWith);
