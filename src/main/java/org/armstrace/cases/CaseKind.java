package org.armstrace.cases;

/** What a case is about; {@code LEGACY} marks one migrated from a free-text reference. */
public enum CaseKind {
    SEIZURE, TRAFFICKING, TRACE, DIVERSION, INTELLIGENCE, OTHER, LEGACY
}
