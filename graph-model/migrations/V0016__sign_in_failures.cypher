// Sign-in lockout (security): failed sign-ins counted per account name and per client address,
// kept in the graph so that a restart does not forgive a lock. One node per key
// ('account:<name>' or 'address:<ip>'); the unique key also makes concurrent MERGEs of one key
// wait for each other instead of creating two counters.
CREATE CONSTRAINT sign_in_failures_key IF NOT EXISTS
FOR (f:SignInFailures) REQUIRE f.key IS UNIQUE;

// The clean-up deletes counters whose last failure is older than the lockout duration.
CREATE INDEX sign_in_failures_last IF NOT EXISTS
FOR (f:SignInFailures) ON (f.lastFailureAt);
