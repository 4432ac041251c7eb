package org.armstrace.tracing;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Where and how a weapon left legal control: what SDG indicator 16.4.2 counts for traced weapons.
 *
 * @param country ISO code of the country where the weapon was diverted
 * @param date    when, as far as known (may be null)
 * @param place   the place or holder it was diverted from, in words (may be null)
 */
public record PointOfDiversion(String country, LocalDate date, Method method, String place, String details) {

    /** How the weapon left legal control (after the UNODC illicit-trafficking categories). */
    public enum Method {
        THEFT, LOSS, ILLICIT_SALE, UNAUTHORISED_RETRANSFER, STOCKPILE_LEAKAGE, CONVERSION, ILLICIT_MANUFACTURE, UNKNOWN
    }

    public PointOfDiversion {
        if (country == null || !country.strip().matches("[A-Za-z]{2}")) {
            throw new TransitionRefused("trace.unknown-country");
        }
        country = country.strip().toUpperCase(Locale.ROOT);
        method = method == null ? Method.UNKNOWN : method;
        if (date != null && date.isAfter(LocalDate.now().plusDays(1))) {
            throw new TransitionRefused("trace.diversion-in-future");
        }
        place = NewTraceRequest.text(place, 200);
        details = NewTraceRequest.text(details, 8000);
    }
}
