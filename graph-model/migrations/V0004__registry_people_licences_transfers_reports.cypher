// Registry: people, organisations that hold or trade weapons, licences, transfers, holding links,
// lost/stolen reports and photos. Provenance on every node; corrections become versions.

CREATE CONSTRAINT person_id IF NOT EXISTS
FOR (p:Person) REQUIRE p.id IS UNIQUE;

// Personal identification number (JMBG / numri personal), normalised: exact lookup.
CREATE INDEX person_national_id_key IF NOT EXISTS
FOR (p:Person) ON (p.nationalIdKey);

// Names in any script and spelling: folded Latin tokens (see PersonNames), fuzzy per token.
CREATE FULLTEXT INDEX person_name IF NOT EXISTS
FOR (p:Person) ON EACH [p.nameKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};

CREATE INDEX person_version_at IF NOT EXISTS
FOR (v:PersonVersion) ON (v.at);

CREATE CONSTRAINT licence_id IF NOT EXISTS
FOR (l:Licence) REQUIRE l.id IS UNIQUE;

// Licence numbers are unique per issuer, not nationally: an index, not a constraint.
CREATE INDEX licence_number_key IF NOT EXISTS
FOR (l:Licence) ON (l.numberKey);

CREATE CONSTRAINT transfer_id IF NOT EXISTS
FOR (t:Transfer) REQUIRE t.id IS UNIQUE;

CREATE INDEX transfer_date IF NOT EXISTS
FOR (t:Transfer) ON (t.date);

CREATE CONSTRAINT lost_stolen_report_id IF NOT EXISTS
FOR (r:LostStolenReport) REQUIRE r.id IS UNIQUE;

CREATE INDEX lost_stolen_report_status IF NOT EXISTS
FOR (r:LostStolenReport) ON (r.status);

CREATE CONSTRAINT photo_id IF NOT EXISTS
FOR (p:Photo) REQUIRE p.id IS UNIQUE;

CREATE INDEX organisation_name IF NOT EXISTS
FOR (o:Organisation) ON (o.name);
