// The serial full-text indexes also carry type and calibre, so that a search with those filters
// takes its candidates among weapons of that type and calibre only. Before, a maker's other lines
// (a Zastava rifle when a Zastava pistol was read) could fill the candidate list and push the
// right weapon out of it (src/bench/README.md, "Registry search").

DROP INDEX firearm_serial_folded IF EXISTS;

DROP INDEX firearm_serial_neighbourhood IF EXISTS;

CREATE FULLTEXT INDEX firearm_serial_folded_ident IF NOT EXISTS
FOR (f:Firearm) ON EACH [f.serialFolded, f.makeCode, f.typeCode, f.calibreCode]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};

CREATE FULLTEXT INDEX firearm_serial_neighbourhood_ident IF NOT EXISTS
FOR (f:Firearm) ON EACH [f.serialNeighbourhood, f.makeCode, f.typeCode, f.calibreCode]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};
