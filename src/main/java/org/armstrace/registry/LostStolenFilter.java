package org.armstrace.registry;

import java.time.LocalDate;

/**
 * Filters of the lost/stolen register; null means "any". The dates bound when the loss or theft
 * happened (the day it was reported when that is unknown), inclusive. {@code makeCode} is the
 * manufacturer's code; {@code place} is matched as a part of the place written in the report,
 * ignoring case.
 */
public record LostStolenFilter(LostStolenReport.Status status, LostStolenReport.Kind kind, LocalDate from,
                               LocalDate to, String makeCode, String place) {

    public static final LostStolenFilter ALL = new LostStolenFilter(null, null, null, null, null, null);

    public static final LostStolenFilter ACTIVE =
            new LostStolenFilter(LostStolenReport.Status.ACTIVE, null, null, null, null, null);
}
