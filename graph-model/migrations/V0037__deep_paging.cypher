// Deep pages (issue 29, module importer): a batch's rows are numbered when written, without gaps, in
// line order among all its rows (pos) and among those of their outcome (outcomePos), with counters on
// the batch (listed, listed_<outcome>). A page at row 5,000,000 is then a range on one of these
// indexes rather than SKIP over every row before it. Batches from before this file keep their
// unnumbered rows, paged by line as before (V0034's indexes).

CREATE INDEX import_row_batch_pos IF NOT EXISTS
FOR (r:ImportRow) ON (r.batch, r.pos);

CREATE INDEX import_row_batch_outcome_pos IF NOT EXISTS
FOR (r:ImportRow) ON (r.batch, r.outcome, r.outcomePos);
