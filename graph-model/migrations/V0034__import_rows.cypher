// Every row of an import accounted for (module importer): one :ImportRow per row read, written with
// its chunk, saying what the row became (created, merged, review, rejected) and which record.

// A batch's rows in line order, for its page and report.
CREATE INDEX import_row_batch_line IF NOT EXISTS
FOR (r:ImportRow) ON (r.batch, r.line);

// A batch's rows of one outcome (the page's filter), still in line order.
CREATE INDEX import_row_batch_outcome IF NOT EXISTS
FOR (r:ImportRow) ON (r.batch, r.outcome, r.line);

// The rows that became or joined a person, for the person's page.
CREATE INDEX import_row_person IF NOT EXISTS
FOR (r:ImportRow) ON (r.person);
