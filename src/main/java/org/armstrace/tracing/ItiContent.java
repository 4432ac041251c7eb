package org.armstrace.tracing;

import java.util.ArrayList;
import java.util.List;

/**
 * What the International Tracing Instrument requires of every trace request: the weapon's unique
 * identification (make and serial), why it is considered illicit, the legal basis, and the intended
 * use of the answer (ITI § 17). An incoming request lacking any of it is not taken in; an
 * outgoing one cannot be READY.
 */
public final class ItiContent {

    private ItiContent() {
    }

    /** What a request as received or drafted lacks, by field name. */
    public static List<String> missing(NewTraceRequest r) {
        return missing(r.weaponMake(), r.weaponSerial(), r.whyIllicit(), r.legalBasis(), r.intendedUse());
    }

    /** The same check on a stored request. */
    public static List<String> missing(TraceRequest t) {
        return missing(t.weaponMake(), t.weaponSerial(), t.whyIllicit(), t.legalBasis(), t.intendedUse());
    }

    /** The same check on the fields as typed (the intake form shows it live). */
    public static List<String> missing(String make, String serial, String whyIllicit, String legalBasis,
                                       String intendedUse) {
        var missing = new ArrayList<String>();
        if (blank(make)) {
            missing.add("weapon.make");
        }
        if (blank(serial)) {
            missing.add("weapon.serial");
        }
        if (blank(whyIllicit)) {
            missing.add("whyIllicit");
        }
        if (blank(legalBasis)) {
            missing.add("legalBasis");
        }
        if (blank(intendedUse)) {
            missing.add("intendedUse");
        }
        return missing;
    }

    /** Refuses a request that lacks what the ITI requires. */
    static void require(NewTraceRequest r) {
        List<String> missing = missing(r);
        if (!missing.isEmpty()) {
            throw new ItiContentMissing(missing);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
