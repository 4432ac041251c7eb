package org.armstrace.statistics;

import java.time.Instant;

/**
 * One weapon of one recovery, as the statistics count it: what it is, where and how it was
 * recovered, how far its tracing went, and whether (and since when) its illicit origin is
 * established. A line of the SDG 16.4.2 drill-down.
 *
 * @param identity           the weapon counted once per period: the registered weapon it was identified
 *                           as, else the weapon as recovered
 * @param countryOfImport    country of last legal import (import marking, or our registry's import), or null
 * @param amnesty            surrendered under an amnesty and so excluded from tracing
 * @param tracing            how far international tracing went
 * @param traced             identified in our registry, or traced by a partner (fully or partly)
 * @param establishedAt      when the point of diversion was established, or null; a weapon is read as
 *                           of a moment, so anything established later is null here
 * @param establishedBy      how: {@code TRACE_ANSWER:<request number>} or {@code LOST_STOLEN_REPORT}
 */
public record RecoveredWeapon(String recoveryId, String kind, Instant recoveredAt, String municipality,
                              String caseReference, int weaponsInRecovery, String firearmId, String identity,
                              String type, String make, String model, String serial, String countryOfManufacture,
                              String countryOfImport, boolean amnesty, boolean domesticCheckOpen, boolean identified,
                              Tracing tracing, boolean traced, Instant establishedAt, String establishedBy,
                              String diversionCountry, String diversionMethod) {

    /** International tracing of the weapon: none, asked and waiting, or answered. */
    public enum Tracing {
        NONE, PENDING, ANSWERED
    }

    /** Whether its point of diversion was established by the moment the weapon was read as of. */
    public boolean established() {
        return establishedAt != null;
    }
}
