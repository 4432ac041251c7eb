// Trace requests under the ITI, in and out: the request, its numbered identity, its every
// transition (never deleted), and the per-year, per-direction counters that number them.

CREATE CONSTRAINT trace_request_id IF NOT EXISTS
FOR (t:TraceRequest) REQUIRE t.id IS UNIQUE;

// {home}-{IN|OUT}-{year}-{000001}: unique, gapless per year and direction (TraceCounter).
CREATE CONSTRAINT trace_request_number IF NOT EXISTS
FOR (t:TraceRequest) REQUIRE t.number IS UNIQUE;

// A partner's retry carries the same key (scoped to the partner's country): one request.
CREATE CONSTRAINT trace_request_idempotency_key IF NOT EXISTS
FOR (t:TraceRequest) REQUIRE t.idempotencyKey IS UNIQUE;

CREATE INDEX trace_request_status IF NOT EXISTS
FOR (t:TraceRequest) ON (t.status);

CREATE INDEX trace_request_due_at IF NOT EXISTS
FOR (t:TraceRequest) ON (t.dueAt);

CREATE INDEX trace_request_assignee IF NOT EXISTS
FOR (t:TraceRequest) ON (t.assignee);

CREATE CONSTRAINT trace_counter_key IF NOT EXISTS
FOR (c:TraceCounter) REQUIRE c.key IS UNIQUE;

CREATE INDEX trace_transition_at IF NOT EXISTS
FOR (x:TraceTransition) ON (x.at);
