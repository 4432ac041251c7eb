package org.armstrace.intelligence;

/** The trafficking patterns the scans look for, each computed by one bounded query. */
public enum Pattern {
    /** One licence holder, dealer or state stock behind several recovered weapons. */
    DIVERSION,
    /** Last legal transfer → recovery shorter than the threshold. */
    TIME_TO_CRIME,
    /** (Near-)consecutive serials of one maker and model recovered in different places or cases. */
    SERIAL_BATCH,
    /** Recovered weapons that share a foreign origin → last legal import route. */
    CROSS_BORDER,
    /** A connected group of people, weapons, cases and recoveries. */
    COMMUNITY,
    /** A person found in possession at several recoveries. */
    REPEAT_POSSESSOR,
    /** A place where weapons were recovered several times. */
    REPEAT_PLACE
}
