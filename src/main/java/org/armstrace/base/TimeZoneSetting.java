package org.armstrace.base;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands {@code armstrace.time-zone} to {@link Dates}, which views, documents and exports call
 * statically: one application per JVM, and a static call keeps every view's constructor as it is.
 */
@Component
class TimeZoneSetting {

    TimeZoneSetting(@Value("${armstrace.time-zone:Europe/Belgrade}") ZoneId zone) {
        Dates.zone(zone);
    }
}
