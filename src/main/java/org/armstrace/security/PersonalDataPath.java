package org.armstrace.security;

/**
 * Every place where the application shows a person (a {@code :Person}'s name or record) to someone,
 * with the audit action each read writes. {@code graph-model/README.md} ("Personal data: who sees
 * it, and the audit event each read writes") lists the same paths; {@code PersonalDataPathsTests}
 * checks the two agree and performs each read, so a path added here without a test, or shown in
 * the README without an entry here, fails the build.
 *
 * <p>A read that shows people writes one event naming the reader and the people
 * ({@link PersonalDataReads}); a read that shows nobody writes nothing.
 */
public enum PersonalDataPath {

    PERSON_PAGE("person.read"),
    PERSON_SEARCH("person.searched"),
    PERSON_SEARCH_API("person.searched"),
    PERSON_IDENTIFIED("person.identified"),
    FIREARM_NEIGHBOURHOOD("firearm.neighbourhood-read"),
    FIREARM_TIMELINE("firearm.timeline-read"),
    FIREARM_TRANSFERS("firearm.transfers-read"),
    RECOVERY_POSSESSORS("recovery.possessors-read"),
    RECOVERY_CHECKS("recovery.holders-read"),
    IMPORT_REVIEW("import.review-read"),
    IMPORT_ISSUE_REPORT("import.issue-report-read"),
    IMPORT_ISSUES("import.issues-read"),
    CHART_EXPAND("intelligence.expanded"),
    CHART_NEIGHBOURHOOD("intelligence.neighbourhood"),
    CHART_PATHS("intelligence.paths"),
    CHART_SUBGRAPH("intelligence.opened"),
    CHART_EXPORT("intelligence.chart-exported"),
    CHART_ANX_EXPORT("intelligence.chart-anx-exported"),
    ALERT_LIST("alert.list-read"),
    TRACE_DOCUMENT("trace.document-read"),
    TRACE_ANSWER_PARTNER("trace.answer-read"),
    CASE_PEOPLE("person.read"),
    CASE_FILE("case.file-read");

    private final String action;

    PersonalDataPath(String action) {
        this.action = action;
    }

    /** The audit action a read on this path writes. */
    public String action() {
        return action;
    }
}
