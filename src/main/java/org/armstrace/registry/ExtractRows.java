package org.armstrace.registry;

import java.time.Instant;
import java.util.List;

/**
 * The rows of registry extracts that became or joined a record, for its page. The importer keeps
 * what each row became and answers this; the registry only asks, so that it does not depend on
 * the importer (which depends on it).
 */
public interface ExtractRows {

    /**
     * One row of one extract and what it did to the record.
     *
     * @param outcome created, merged or review (the row became a record of its own, put to an analyst)
     * @param detail  for a merge: automatic, same-key, changed or unchanged; null otherwise
     * @param at      when the import of the extract started
     */
    record ExtractRow(String fileName, int line, String batchId, String outcome, String detail, Instant at) {
    }

    /** Every row of every (not dry-run) import that named this person, newest import first, at most {@code limit}. */
    List<ExtractRow> ofPerson(String personId, int limit);
}
