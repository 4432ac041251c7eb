package org.armstrace.intelligence;

/** The trafficking patterns the scans look for, each computed by one bounded query, and the alerts raised on an event. */
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
    REPEAT_PLACE,
    /**
     * A new or reopened lost/stolen report whose weapon may be one already on record (recovered
     * before, registered, described in another report). Raised by the registry's check of the
     * report, not by a scan.
     */
    LOST_STOLEN_MATCH;

    /** Found by the scans; the others are raised when what they are about happens. */
    public boolean scanned() {
        return this != LOST_STOLEN_MATCH;
    }
}
