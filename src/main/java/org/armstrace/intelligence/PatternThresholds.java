package org.armstrace.intelligence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a pattern instance is worth an analyst's time ({@code armstrace.intelligence.patterns.*}).
 * The defaults follow the literature the project grew from: ATF treats under three years from
 * retail sale to recovery as a short time-to-crime, and a holder behind three recovered weapons is
 * already far outside what chance produces in a registry of lawful owners.
 *
 * @param diversionWeapons     recovered weapons behind one licence holder, dealer or state stock
 * @param timeToCrimeDays      last legal transfer → recovery shorter than this is "short"
 * @param batchWeapons         weapons in one run of (near-)consecutive serials
 * @param batchGap             the largest step between neighbouring serials of one run
 * @param batchPlaces          distinct places or cases a run must span
 * @param routeWeapons         recovered weapons on one origin → last legal import route
 * @param communityRecoveries  recoveries in one connected group
 * @param communityPeople      people in one connected group
 * @param possessorRecoveries  recoveries one person was found in possession at
 * @param placeRecoveries      recoveries at one place (a cell of about 100 m)
 * @param maxAlerts            the highest-ranked instances kept per pattern and scan
 * @param maxEvidence          entities kept as one alert's evidence
 * @param scanRows             rows one scan query may read before it stops (and says so)
 * @param nightlyScan          cron of the full scan that also covers bulk imports; "-" for none
 */
@ConfigurationProperties("armstrace.intelligence.patterns")
public record PatternThresholds(Integer diversionWeapons, Integer timeToCrimeDays, Integer batchWeapons,
                                Integer batchGap, Integer batchPlaces, Integer routeWeapons,
                                Integer communityRecoveries, Integer communityPeople, Integer possessorRecoveries,
                                Integer placeRecoveries, Integer maxAlerts, Integer maxEvidence, Integer scanRows,
                                String nightlyScan) {

    public PatternThresholds {
        diversionWeapons = atLeast("diversion-weapons", diversionWeapons, 3, 2);
        timeToCrimeDays = atLeast("time-to-crime-days", timeToCrimeDays, 3 * 365, 1);
        batchWeapons = atLeast("batch-weapons", batchWeapons, 3, 2);
        batchGap = atLeast("batch-gap", batchGap, 5, 1);
        batchPlaces = atLeast("batch-places", batchPlaces, 2, 2);
        routeWeapons = atLeast("route-weapons", routeWeapons, 3, 2);
        communityRecoveries = atLeast("community-recoveries", communityRecoveries, 3, 2);
        communityPeople = atLeast("community-people", communityPeople, 2, 1);
        possessorRecoveries = atLeast("possessor-recoveries", possessorRecoveries, 2, 2);
        placeRecoveries = atLeast("place-recoveries", placeRecoveries, 3, 2);
        maxAlerts = atLeast("max-alerts", maxAlerts, 500, 1);
        maxEvidence = atLeast("max-evidence", maxEvidence, 200, 10);
        scanRows = atLeast("scan-rows", scanRows, 5_000_000, 1_000);
        nightlyScan = nightlyScan == null || nightlyScan.isBlank() ? "0 30 2 * * *" : nightlyScan.strip();
    }

    /** The defaults, for tests and tools. */
    public static PatternThresholds defaults() {
        return new PatternThresholds(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static int atLeast(String name, Integer value, int fallback, int minimum) {
        int v = value == null ? fallback : value;
        if (v < minimum) {
            throw new IllegalArgumentException("armstrace.intelligence.patterns." + name + " must be at least " + minimum);
        }
        return v;
    }
}
