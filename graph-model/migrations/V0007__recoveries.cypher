// Recoveries at the scene: the recovery, where it happened, the case, the weapons as found, the
// candidate matches the instant checks proposed and the analysts' decisions, and drafts that
// outlive a dropped connection. Recovered weapons are :Firearm nodes with status 'RECOVERED'.

CREATE CONSTRAINT recovery_id IF NOT EXISTS
FOR (r:Recovery) REQUIRE r.id IS UNIQUE;

// A double tap, a retry or a re-sent request carries the same key: one recovery, never two.
CREATE CONSTRAINT recovery_idempotency_key IF NOT EXISTS
FOR (r:Recovery) REQUIRE r.idempotencyKey IS UNIQUE;

CREATE INDEX recovery_at IF NOT EXISTS
FOR (r:Recovery) ON (r.at);

CREATE INDEX recovery_status IF NOT EXISTS
FOR (r:Recovery) ON (r.status);

CREATE INDEX location_municipality IF NOT EXISTS
FOR (l:Location) ON (l.municipality);

CREATE CONSTRAINT case_reference IF NOT EXISTS
FOR (c:Case) REQUIRE c.reference IS UNIQUE;

CREATE CONSTRAINT match_candidate_id IF NOT EXISTS
FOR (c:MatchCandidate) REQUIRE c.id IS UNIQUE;

CREATE INDEX match_candidate_status IF NOT EXISTS
FOR (c:MatchCandidate) ON (c.status);

CREATE CONSTRAINT recovery_draft_id IF NOT EXISTS
FOR (d:RecoveryDraft) REQUIRE d.id IS UNIQUE;

CREATE INDEX recovery_draft_owner IF NOT EXISTS
FOR (d:RecoveryDraft) ON (d.owner);
