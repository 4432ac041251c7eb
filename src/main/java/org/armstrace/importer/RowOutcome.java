package org.armstrace.importer;

import java.util.List;
import java.util.Locale;

/**
 * What one row of an extract became, as stored with its batch ({@code :ImportRow}): exactly one of
 * created as a record, merged into a record (automatically, or by the same key), sent to review
 * against a record, or rejected with its reasons.
 *
 * @param outcome      {@code created}, {@code merged}, {@code review} or {@code rejected} ({@link #OUTCOMES})
 * @param detail       how a merge came about: {@code automatic} (the matcher), {@code same-key} (the
 *                     record's key, another row of the run, or an identical row), {@code changed} or
 *                     {@code unchanged} (a later word of the record's own source); null otherwise
 * @param kind         the kind of the row's main record ({@code PERSON}, {@code FIREARM} …); null when rejected
 * @param record       the row's main record: the one created, merged into, or (review) the row's own
 * @param candidate    for a review, the record the row may be; null otherwise
 * @param person       the person the row names, when it names one (its main record or a possessor)
 * @param personOutcome what the row did to that person: created, merged or review
 * @param reasons      rejection codes, or the matcher's reasons for a merge or review
 */
record RowOutcome(int line, String outcome, String detail, String kind, String record, String candidate,
                  String person, String personOutcome, List<String> reasons) {

    /** The four outcomes, in the order the report prints them: {@code read = created + merged + review + rejected}. */
    static final List<String> OUTCOMES = List.of("created", "merged", "review", "rejected");

    static RowOutcome rejected(int line, List<Issue> issues) {
        return new RowOutcome(line, "rejected", null, null, null, null, null, null, issues.stream()
                .filter(i -> i.severity() == Issue.Severity.REJECTED).map(Issue::code).distinct().toList());
    }

    /**
     * A row's outcome from the count it was given ({@code created|merged|review|changed|unchanged}) and
     * its main record's decision, if the matcher made one.
     */
    static RowOutcome accepted(int line, String counted, String main, ChunkWriter.Decision decision, String person,
                               String personOutcome) {
        String kind = main.substring(0, main.indexOf(':'));
        String id = main.substring(main.indexOf(':') + 1);
        String outcome = switch (counted) {
            case "changed", "unchanged" -> "merged";
            default -> counted;
        };
        String detail = switch (counted) {
            case "changed", "unchanged" -> counted;
            case "merged" -> decision != null ? "automatic" : "same-key";
            default -> null;
        };
        String candidate = decision != null && outcome.equals("review") ? decision.candidateId() : null;
        List<String> reasons = decision != null ? decision.reasons() : List.of();
        return new RowOutcome(line, outcome, detail, kind, id, candidate, person, personOutcome, reasons);
    }

    /** The outcome as a filter or translation key suffix. */
    static String check(String outcome) {
        String o = outcome.toLowerCase(Locale.ROOT);
        if (!OUTCOMES.contains(o)) {
            throw new IllegalArgumentException("Unknown row outcome: " + outcome);
        }
        return o;
    }
}
