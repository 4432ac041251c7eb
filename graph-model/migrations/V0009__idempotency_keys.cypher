// A lock per idempotency key: the first request under a key takes it, and a concurrent retry with
// the same key waits on it until the first has committed, then finds the first request.

CREATE CONSTRAINT idempotency_key IF NOT EXISTS
FOR (k:IdempotencyKey) REQUIRE k.key IS UNIQUE;
