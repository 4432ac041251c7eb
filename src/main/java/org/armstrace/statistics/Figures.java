package org.armstrace.statistics;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Every figure of one period, computed once from the graph and shown the same way on the
 * dashboard, in the exports and through the API. Codes (countries, weapon types, municipalities,
 * offices) are kept as codes; {@link StatisticsTables} puts names on them in the reader's language.
 *
 * @param asOf    the moment the figures describe: a trace answered later does not count yet
 * @param notices translation keys of what the reader should know (e.g. no data in the period)
 */
public record Figures(Period period, Instant asOf, List<String> notices, Requests requests,
                      Recoveries recoveries, Sdg sdg, Tracing tracing, List<Seizure> significantSeizures) {

    /**
     * A significant seizure (at least {@code armstrace.statistics.significant-seizure} weapons in one
     * recovery) with its route as far as known: where its weapons were made, last legally
     * imported and diverted, and where they were recovered.
     */
    public record Seizure(String recoveryId, Instant at, String kind, String municipality, String caseReference,
                          int weapons, SortedMap<String, Long> types,
                          SortedSet<String> countriesOfManufacture,
                          SortedSet<String> countriesOfImport, SortedSet<String> countriesOfDiversion) {
    }

    /** Counts of trace requests for one step of the trend (a month or a year), both directions. */
    public record Step(String label, long receivedIncoming, long sentOutgoing, long answeredIncoming,
                       long answeredOutgoing, long pendingAtEnd, long overdueAtEnd) {
    }

    /** Requests of one office, one partner country or one direction over the whole period. */
    public record RequestCount(String key, String direction, long received, long answered, long pending,
                               long overdue) {
    }

    /** Median and 90th percentile, in hours, over the requests acknowledged or answered in the period. */
    public record Times(String direction, long acknowledged, Double medianHoursToAcknowledge,
                        Double p90HoursToAcknowledge, long answered, Double medianHoursToAnswer,
                        Double p90HoursToAnswer) {
    }

    public record Requests(List<Step> steps, List<RequestCount> byDirection, List<RequestCount> byOffice,
                           List<RequestCount> byCountry, List<Times> times) {
    }

    /** A breakdown line of recovered weapons: by the recovery kind, and in total. */
    public record Breakdown(String key, long seized, long found, long surrendered) {
        public long total() {
            return seized + found + surrendered;
        }
    }

    /**
     * Weapons recovered in the period (each weapon once, see {@link RecoveredWeapon#identity()}),
     * by kind and dimension, and how many were traced and had their illicit origin established.
     */
    public record Recoveries(long recoveries, Breakdown weapons, List<Breakdown> byType,
                             List<Breakdown> byMunicipality, List<Breakdown> byCountryOfManufacture,
                             List<Breakdown> byCountryOfImport, long traced, long established,
                             Double shareTraced, Double shareEstablished) {
    }

    /**
     * SDG indicator 16.4.2: of the arms seized, found or surrendered in the period (denominator),
     * those whose illicit origin or context was established (numerator).
     *
     * @param pending             in the denominator, with an international trace still awaiting its answer
     * @param amnestyExcluded     in the denominator, surrendered under an amnesty and not traced
     * @param recoveredMoreThanOnce weapons recovered more than once in the period, counted once
     */
    public record Sdg(long numerator, long denominator, Double ratio, Breakdown numeratorByKind,
                      Breakdown denominatorByKind, long pending, long amnestyExcluded, long recoveredMoreThanOnce) {
    }

    /**
     * Traces initiated, answered and successful, the IAFQ way: domestic (the registry check of
     * every recovered weapon) and international (our requests abroad, and partners' requests to us).
     */
    public record Tracing(long domesticInitiated, long domesticAnswered, long domesticSuccessful,
                          long outgoingInitiated, long outgoingAnswered, long outgoingSuccessful,
                          long incomingReceived, long incomingAnswered, long incomingSuccessful) {
    }

    /** Nothing recovered and no request in the period. */
    public boolean empty() {
        return recoveries.recoveries() == 0 && requests.byDirection().stream().allMatch(c -> c.received() == 0
                && c.pending() == 0);
    }
}
