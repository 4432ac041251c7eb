package org.armstrace.base;

import java.time.ZoneId;

/** For tests that need the home jurisdiction's day to differ from the server's: {@link Dates}'s zone, set for a while. */
public final class HomeZone {

    private HomeZone() {
    }

    /** Runs {@code action} with {@code zone} as the home zone, then puts the configured one back. */
    public static void during(ZoneId zone, Runnable action) {
        ZoneId configured = Dates.zone();
        Dates.zone(zone);
        try {
            action.run();
        } finally {
            Dates.zone(configured);
        }
    }
}
