package org.armstrace.registry;

import java.util.List;

/**
 * What one check of lost/stolen reports found that was not known before: a report filed or reopened
 * at the desk, or a batch of imported reports. Published inside the check's transaction, once per
 * check that found something; each {@link LostStolenMatched} is one report's news for the analysts.
 */
public record LostStolenMatches(List<LostStolenMatched> matched) {

    public LostStolenMatches {
        matched = List.copyOf(matched);
    }
}
