// Reference data: countries, firearm types, calibres and manufacturers (organisations).
// Entries are never deleted (retired = true instead); every edit leaves a :ReferenceRevision.

CREATE CONSTRAINT country_code IF NOT EXISTS
FOR (c:Country) REQUIRE c.code IS UNIQUE;

CREATE CONSTRAINT firearm_type_code IF NOT EXISTS
FOR (t:FirearmType) REQUIRE t.code IS UNIQUE;

CREATE CONSTRAINT calibre_code IF NOT EXISTS
FOR (c:Calibre) REQUIRE c.code IS UNIQUE;

// Manufacturers, importers, dealers and state agencies share one label; kind tells them apart.
CREATE CONSTRAINT organisation_id IF NOT EXISTS
FOR (o:Organisation) REQUIRE o.id IS UNIQUE;

CREATE INDEX organisation_kind_code IF NOT EXISTS
FOR (o:Organisation) ON (o.kind, o.code);

CREATE INDEX reference_revision_at IF NOT EXISTS
FOR (r:ReferenceRevision) ON (r.at);
