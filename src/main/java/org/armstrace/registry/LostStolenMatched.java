package org.armstrace.registry;

import java.util.List;

/**
 * A new or reopened lost/stolen report may be weapons already on record (recovered before,
 * registered, or described in another report): one report's records that an earlier check had not
 * found, published with the others of the same check as {@link LostStolenMatches}.
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
