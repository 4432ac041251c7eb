package org.armstrace.registry;

import java.util.List;

/**
 * A person was registered who may be one already recorded: the matcher was not sure enough to link
 * them. The importer's review queue ({@code importer.MatchReviews}) takes it up as a question for an
 * analyst, in the same transaction, so the question cannot be lost.
 *
 * @param personId    the person just registered
 * @param candidateId the person they may be
 * @param score       0–1, 0.5 at the review threshold
 * @param reasons     translation keys under {@code import.match.}
 * @param summary     the person as typed, for the review list
 * @param where       where they were typed, e.g. {@code recovery:<id>}
 */
public record PersonMatchUnsure(String personId, String candidateId, double score, List<String> reasons, String summary,
                                String where) {

    public PersonMatchUnsure {
        reasons = List.copyOf(reasons);
    }
}
