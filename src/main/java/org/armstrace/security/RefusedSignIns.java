package org.armstrace.security;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refused sign-ins in the audit trail at a bounded cost. Every audit append takes the chain's one
 * write lock, so a flood of anonymous guesses must not append one event each: refusals are counted
 * here per client address and written once a minute (and at shutdown) as one {@code login.refused}
 * event per address carrying the count. At most {@value #MAX_EVENTS} addresses get an event of
 * their own per flush; the rest share one, so nothing unauthenticated takes the chain lock more
 * than {@value #MAX_EVENTS} + 1 times a minute however many addresses take part. Names are cut to
 * {@value SignInLockout#MAX_NAME} characters and at most {@value #MAX_NAMES} are kept per event.
 */
@Component
class RefusedSignIns {

    static final String ACTION = "login.refused";
    static final String ACTOR = "anonymous";
    static final int MAX_EVENTS = 20;
    static final int MAX_NAMES = 10;
    /** Distinct addresses held between flushes; beyond it they are counted under {@link #OTHERS}. */
    static final int MAX_SOURCES = 10_000;
    static final String OTHERS = "other addresses";
    static final String UNKNOWN = "unknown address";

    /** Why a sign-in was refused, as written in the event. */
    enum Reason {
        /** Wrong password, unknown name, disabled account, expired one-time password: one answer for all. */
        FAILED,
        /** The name or the address was locked out, so the password was not even checked. */
        LOCKED
    }

    /** The refusals from one address in the current window; changed only inside the map's compute. */
    private static final class Bucket {
        final Instant from;
        long failed;
        long locked;
        final Set<String> names = new LinkedHashSet<>();
        long otherNames;

        Bucket(Instant from) {
            this.from = from;
        }

        void add(String name, Reason reason) {
            if (reason == Reason.LOCKED) {
                locked++;
            } else {
                failed++;
            }
            addName(name);
        }

        void addAll(Bucket other) {
            failed += other.failed;
            locked += other.locked;
            otherNames += other.otherNames;
            other.names.forEach(this::addName);
        }

        private void addName(String name) {
            if (names.contains(name)) {
                return;
            }
            if (names.size() < MAX_NAMES) {
                names.add(name);
            } else {
                otherNames++;
            }
        }

        long count() {
            return failed + locked;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RefusedSignIns.class);

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    RefusedSignIns(AuditLog audit) {
        this.audit = audit;
    }

    /** Counts one refusal; cheap, in memory, no lock beyond the map's. */
    void refused(String address, String name, Reason reason) {
        String source = address == null || address.isBlank() ? UNKNOWN : SignInLockout.cut(address);
        String key = buckets.size() >= MAX_SOURCES && !buckets.containsKey(source) ? OTHERS : source;
        String shortName = SignInLockout.cut(name);
        buckets.compute(key, (k, b) -> {
            Bucket bucket = b == null ? new Bucket(clock.instant()) : b;
            bucket.add(shortName, reason);
            return bucket;
        });
    }

    /** Writes what was counted since the last flush: at most {@value #MAX_EVENTS} + 1 events. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @PreDestroy
    synchronized void flush() {
        Instant until = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var taken = new ArrayList<Map.Entry<String, Bucket>>();
        for (String key : List.copyOf(buckets.keySet())) {
            Bucket b = buckets.remove(key); // atomic: a refusal counted after this starts a new bucket
            if (b != null) {
                taken.add(Map.entry(key, b));
            }
        }
        taken.sort(Comparator.comparingLong((Map.Entry<String, Bucket> e) -> e.getValue().count()).reversed());
        Bucket rest = null;
        for (int i = 0; i < taken.size(); i++) {
            var e = taken.get(i);
            if (i < MAX_EVENTS && !OTHERS.equals(e.getKey())) {
                writeOrKeep(e.getKey(), e.getValue(), until);
            } else {
                if (rest == null) {
                    rest = new Bucket(e.getValue().from);
                }
                rest.addAll(e.getValue());
            }
        }
        if (rest != null) {
            writeOrKeep(OTHERS, rest, until);
        }
    }

    /**
     * One event; when it cannot be written (a timeout under the lock contention of a guessing
     * burst), the counts go back for the next flush instead of being lost with the rest.
     */
    private void writeOrKeep(String source, Bucket b, Instant until) {
        try {
            write(source, b, until);
        } catch (RuntimeException e) {
            log.warn("Refused sign-ins from {} could not be written to the audit trail yet; kept for the next flush",
                    source, e);
            buckets.merge(source, b, (newer, kept) -> {
                kept.addAll(newer);
                return kept;
            });
        }
    }

    private void write(String source, Bucket b, Instant until) {
        var entities = new ArrayList<String>();
        entities.add("Address:" + source);
        b.names.forEach(n -> entities.add("User:" + n));
        String details = "count=" + b.count() + "; failed=" + b.failed + "; locked=" + b.locked
                + "; from " + source + "; between " + b.from.truncatedTo(ChronoUnit.SECONDS) + " and "
                + until.truncatedTo(ChronoUnit.SECONDS) + "; names " + String.join(", ", b.names)
                + (b.otherNames > 0 ? " and " + b.otherNames + " more" : "");
        audit.recordAs(ACTOR, ACTION, List.copyOf(entities), details);
    }
}
