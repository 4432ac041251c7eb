// Serial search keys scoped to the maker (issue 26, the N targets): the folded serial and its
// deletion neighbourhood again, each key prefixed with the maker's code ("ZASTAVA.12345"), in two
// full-text indexes of their own. A search that knows the make asks for "ZASTAVA.1234" and walks that
// maker's postings only; before, a four-character neighbourhood member was shared by thousands of
// weapons of every maker, and the make was only intersected afterwards (src/bench/README.md, "N").
// The unscoped indexes stay for searches on the serial alone. Written by FirearmRegistry.identification
// (SerialNumbers.scoped) and kept in step by corrections, imports and manufacturer merges.

// Weapons written before this migration, before the indexes exist (a bulk population is cheaper
// than an index update per weapon): the same keys as SerialNumbers.scoped computes, for makers whose
// code can be a Lucene term.
MATCH (f:Firearm) WHERE f.makeCode =~ '[A-Z0-9_]+' AND f.serialFolded IS NOT NULL AND f.makeNeighbourhood IS NULL
CALL (f) {
  SET f.makeSerialFolded = f.makeCode + '.' + f.serialFolded,
      f.makeNeighbourhood = reduce(s = '', t IN split(f.serialNeighbourhood, ' ') |
          s + CASE WHEN s = '' THEN '' ELSE ' ' END + f.makeCode + '.' + t)
} IN TRANSACTIONS OF 10000 ROWS;

CREATE FULLTEXT INDEX firearm_scoped_serial_folded IF NOT EXISTS
FOR (f:Firearm) ON EACH [f.makeSerialFolded, f.typeCode, f.calibreCode]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};

CREATE FULLTEXT INDEX firearm_scoped_serial_neighbourhood IF NOT EXISTS
FOR (f:Firearm) ON EACH [f.makeNeighbourhood, f.typeCode, f.calibreCode]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};
