// Unchanged rows kept compactly (issue 27 item 2, module importer): the rows of a later extract that
// its source sent exactly as last time are not one :ImportRow each but, per run of consecutive ones in
// a chunk (at most 5,000), one :UnchangedRows node with their lines and records as arrays, numbered
// from the place of the first among all the batch's rows (pos) and among its merged rows (outcomePos).
// A batch's page reads them as a range on one of these indexes, beside V0037's.

CREATE INDEX unchanged_rows_batch_pos IF NOT EXISTS
FOR (u:UnchangedRows) ON (u.batch, u.pos);

CREATE INDEX unchanged_rows_batch_outcome_pos IF NOT EXISTS
FOR (u:UnchangedRows) ON (u.batch, u.outcomePos);
