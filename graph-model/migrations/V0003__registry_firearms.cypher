// Registry: firearms, their markings and their version history.

CREATE CONSTRAINT firearm_id IF NOT EXISTS
FOR (f:Firearm) REQUIRE f.id IS UNIQUE;

// Exact and normalised serial lookup; make + serial is the identity used by matching.
CREATE INDEX firearm_serial_key IF NOT EXISTS
FOR (f:Firearm) ON (f.serialKey);

CREATE INDEX firearm_make_serial_key IF NOT EXISTS
FOR (f:Firearm) ON (f.makeCode, f.serialKey);

// Partial lookup: Lucene wildcard terms (?) over the confusion-folded serial, one keyword token,
// plus the make code so that a search can be scoped to one maker.
CREATE FULLTEXT INDEX firearm_serial_folded IF NOT EXISTS
FOR (f:Firearm) ON EACH [f.serialFolded, f.makeCode]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};

// Fuzzy lookup: the folded serial's deletion neighbourhood (up to two deletions) as whitespace
// tokens, plus the make code so that a search can be scoped to one maker. See src/bench/README.md.
CREATE FULLTEXT INDEX firearm_serial_neighbourhood IF NOT EXISTS
FOR (f:Firearm) ON EACH [f.serialNeighbourhood, f.makeCode]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};

CREATE CONSTRAINT marking_id IF NOT EXISTS
FOR (m:Marking) REQUIRE m.id IS UNIQUE;

CREATE INDEX marking_key IF NOT EXISTS
FOR (m:Marking) ON (m.key);

CREATE INDEX firearm_version_at IF NOT EXISTS
FOR (v:FirearmVersion) ON (v.at);
