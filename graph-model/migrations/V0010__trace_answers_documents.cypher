// Answers to trace requests and the documents sent or handed over for them. An answer is never
// edited in place: each draft is a new :TraceAnswer version; the newest is the current one, and
// the approval is stamped on the version the supervisor approved. Every document produced is
// kept (its file, named by SHA-256, in <data dir>/documents) and listed as a :TraceDocument.

CREATE INDEX trace_answer_diversion_country IF NOT EXISTS
FOR (a:TraceAnswer) ON (a.diversionCountry);

CREATE INDEX trace_answer_drafted_at IF NOT EXISTS
FOR (a:TraceAnswer) ON (a.draftedAt);

CREATE INDEX trace_document_sha256 IF NOT EXISTS
FOR (d:TraceDocument) ON (d.sha256);

// The audit events about one thing (a request's page shows its own): entities is a list of
// "Label:id" strings, which only a full-text index can look into; the keyword analyzer keeps each
// entry whole, so a lookup matches one entity exactly.
CREATE FULLTEXT INDEX audit_event_entities IF NOT EXISTS
FOR (e:AuditEvent) ON EACH [e.entities]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
