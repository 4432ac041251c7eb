// Blocking key for identity matching that ignores name order and the date of birth
// (PersonNames.blocks, `pair`): the first given-name word and the last family-name word, folded and
// taken to their group of registry/name-equivalents.txt, in alphabetical order. It finds
// "Gashi Shpend" for "Shpend Gashi", "Shpend Agim Gashi", "Гаши Шпенд" and a record without a date
// of birth. People recorded before it get it from ImportedRecords.addMissingBlockKeys.
CREATE INDEX person_block_name_pair IF NOT EXISTS
FOR (p:Person) ON (p.blockNamePair);
