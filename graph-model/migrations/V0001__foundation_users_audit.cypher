// Foundation: migration bookkeeping, users, and the audit hash chain.
// Every statement is idempotent (IF NOT EXISTS); the runner records this file as (:__Migration {version: 1}).

// One record per applied migration file.
CREATE CONSTRAINT migration_version IF NOT EXISTS
FOR (m:__Migration) REQUIRE m.version IS UNIQUE;

// Application users: log in by username (stored lower-case).
CREATE CONSTRAINT user_username IF NOT EXISTS
FOR (u:User) REQUIRE u.username IS UNIQUE;

// Audit events are numbered 1, 2, 3, ... with no gaps; the number is the chain position.
CREATE CONSTRAINT audit_event_seq IF NOT EXISTS
FOR (e:AuditEvent) REQUIRE e.seq IS UNIQUE;

// The single chain head (id 'audit'): its write lock serialises appends, even across a cluster.
CREATE CONSTRAINT audit_chain_id IF NOT EXISTS
FOR (c:AuditChain) REQUIRE c.id IS UNIQUE;

// "Who did what, when" and "what happened to this entity" lookups.
CREATE INDEX audit_event_at IF NOT EXISTS
FOR (e:AuditEvent) ON (e.at);

CREATE INDEX audit_event_actor IF NOT EXISTS
FOR (e:AuditEvent) ON (e.actor);
