// Reference data (module registry): firearm models per manufacturer, with their aliases, edited like
// every other reference entry (a :ReferenceRevision per edit, never deleted), and the manufacturer a
// merged one now lives on as (mergedInto on the kept record).

CREATE CONSTRAINT firearm_model_id IF NOT EXISTS
FOR (m:FirearmModel) REQUIRE m.id IS UNIQUE;
