// Every partner submission kept as received (tracing): API bodies, uploaded workbooks and requests
// typed in at the desk, accepted or refused. The bytes lie in <data dir>/submissions named by their
// SHA-256; the node holds the outcome and problems, and (:Submission)-[:BECAME]->(:TraceRequest)
// links it to each request it became. Nothing here is ever deleted.

CREATE CONSTRAINT submission_id IF NOT EXISTS
FOR (s:Submission) REQUIRE s.id IS UNIQUE;

// The desk's list, newest first, and a partner's own (its country), filtered by outcome.
CREATE INDEX submission_received_at IF NOT EXISTS
FOR (s:Submission) ON (s.receivedAt);

CREATE INDEX submission_country_outcome IF NOT EXISTS
FOR (s:Submission) ON (s.country, s.outcome);

CREATE INDEX submission_sha256 IF NOT EXISTS
FOR (s:Submission) ON (s.sha256);
