// Legacy registry import: batches with their checkpoint, per-row issues, match decisions, saved
// mapping profiles, and the keys the importer matches on.

// One import of one file with one profile. The checkpoint (last line committed) is written in the
// same transaction as the rows it covers, so a run killed mid-way resumes exactly after it.
CREATE CONSTRAINT import_batch_id IF NOT EXISTS
FOR (b:ImportBatch) REQUIRE b.id IS UNIQUE;

// The same file with the same profile is imported once: a second upload finds the first batch.
CREATE INDEX import_batch_file IF NOT EXISTS
FOR (b:ImportBatch) ON (b.sha256, b.profileHash);

// Rejected rows and warnings, listed per batch in line order for the report.
CREATE INDEX import_issue_batch_line IF NOT EXISTS
FOR (i:ImportIssue) ON (i.batch, i.line);

// Identity matching decisions (automatic merges, the review queue, the analyst's decisions).
CREATE CONSTRAINT match_decision_id IF NOT EXISTS
FOR (d:MatchDecision) REQUIRE d.id IS UNIQUE;

CREATE INDEX match_decision_status IF NOT EXISTS
FOR (d:MatchDecision) ON (d.status);

// Mapping profiles edited in the application; every save is a new version, none is overwritten.
CREATE CONSTRAINT mapping_profile_version IF NOT EXISTS
FOR (m:MappingProfile) REQUIRE (m.name, m.version) IS UNIQUE;

// Blocking keys for identity matching (PersonNames.blocks): folded names + year of birth, family
// name + date of birth, given name + date of birth. Each finds a record with one kind of typo.
CREATE INDEX person_block_names IF NOT EXISTS
FOR (p:Person) ON (p.blockNames);

CREATE INDEX person_block_family_date IF NOT EXISTS
FOR (p:Person) ON (p.blockFamilyDate);

CREATE INDEX person_block_given_date IF NOT EXISTS
FOR (p:Person) ON (p.blockGivenDate);

// Weapon matching: make + confusion-folded serial finds the same serial and its misreadings.
CREATE INDEX firearm_make_serial_folded IF NOT EXISTS
FOR (f:Firearm) ON (f.makeCode, f.serialFolded);

// Licences and organisations named by a later row or file (transfers, licence files).
CREATE INDEX organisation_code IF NOT EXISTS
FOR (o:Organisation) ON (o.code);
