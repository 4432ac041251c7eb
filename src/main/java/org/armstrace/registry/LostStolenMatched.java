package org.armstrace.registry;

import java.util.List;

/**
 * A new or reopened lost/stolen report may be weapons already on record (recovered before,
 * registered, or described in another report): published inside the report's transaction, once per
 * check that found records it had not found before.
 *
 * @param weapon     the reported weapon in one line (make, model, serial)
 * @param firearmIds the records newly found, closest first
 */
public record LostStolenMatched(String reportId, LostStolenReport.Kind kind, String reference, String weapon,
                                List<String> firearmIds) {

    public LostStolenMatched {
        firearmIds = List.copyOf(firearmIds);
    }
}
