package org.armstrace.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether opening a case's page is audited ({@code case.opened}): once per user and case within
 * {@code armstrace.cases.opened-audit-window} (default 30 minutes). A reload, or going back and forth
 * between a case and its records, is one opening to the reader, and an event for each would bury
 * the trail; the first in each window says who looked and when. This concerns the case itself
 * only: the people on the page are audited at every read ({@code CaseLinks.links}, as every read of
 * a person is). Remembered in this instance's memory: after a restart the next opening is audited
 * again, so the trail can get an event more, never one fewer.
 */
@Component
class CaseOpenings {

    /** Openings remembered at most; past this, those outside the window are forgotten. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Duration window;
    private final Map<String, Instant> last = new ConcurrentHashMap<>();

    CaseOpenings(@Value("${armstrace.cases.opened-audit-window:30m}") Duration window) {
        this.window = window;
    }

    /** True when {@code user}'s opening of case {@code number} at {@code now} is the first in the window, and remembers it. */
    boolean first(String user, String number, Instant now) {
        if (window.isZero() || window.isNegative()) {
            return true; // configured to audit every opening
        }
        Instant since = now.minus(window);
        if (last.size() > MAX_REMEMBERED) {
            last.values().removeIf(at -> at.isBefore(since));
        }
        var fresh = new boolean[1];
        last.compute(user + '\n' + number, (key, at) -> {
            fresh[0] = at == null || at.isBefore(since);
            return fresh[0] ? now : at;
        });
        return fresh[0];
    }
}
