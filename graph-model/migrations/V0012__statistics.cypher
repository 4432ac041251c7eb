// Statistics and statutory returns: the periods they are cut by.

// Requests received (incoming) or drafted (outgoing) in a period: the dashboard and the returns
// read a period's requests by range on this index.
CREATE INDEX trace_request_received_at IF NOT EXISTS
FOR (t:TraceRequest) ON (t.receivedAt);

// Recoveries excluded from tracing (surrendered under an amnesty), listed on the SDG drill-down.
CREATE INDEX recovery_amnesty_at IF NOT EXISTS
FOR (r:Recovery) ON (r.amnestyAt);
