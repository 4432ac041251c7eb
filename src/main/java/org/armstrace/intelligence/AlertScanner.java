package org.armstrace.intelligence;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.armstrace.recovery.FirearmRecovered;
import org.armstrace.recovery.MatchConfirmed;
import org.armstrace.security.AuditLog;
import org.armstrace.tracing.IncomingRequestLinked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the pattern scans, one at a time, on a thread of its own: after a recovery, an
 * identification or an incoming request has committed (so that an analyst hears of a new instance
 * within seconds), every night (which covers bulk imports), and on demand. Arrivals that come in
 * while a scan runs are gathered into the next one, so a burst of recoveries costs one more scan,
 * not one each.
 */
@Component
public class AlertScanner implements DisposableBean {

    /** What one scan found and how long each pattern took. */
    public record Report(Instant at, Map<Pattern, Run> runs) {
        public Duration total() {
            return runs.values().stream().map(Run::took).reduce(Duration.ZERO, Duration::plus);
        }
    }

    public record Run(int found, int created, int changed, int gone, int notified, Duration took) {
    }

    private static final Logger log = LoggerFactory.getLogger(AlertScanner.class);

    private final PatternScan scan;
    private final AlertStore store;
    private final AuditLog audit;
    private final boolean onArrival;
    private final MeterRegistry metrics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pattern-scan");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private Set<String> pending;           // arrivals waiting for the next scan; null when none is queued
    private CompletableFuture<Report> next; // the queued scan
    private volatile Report last;

    AlertScanner(PatternScan scan, AlertStore store, AuditLog audit,
                 @Value("${armstrace.intelligence.patterns.scan-on-arrival:true}") boolean onArrival,
                 MeterRegistry metrics) {
        this.scan = scan;
        this.metrics = metrics;
        this.store = store;
        this.audit = audit;
        this.onArrival = onArrival;
    }

    @TransactionalEventListener
    void recovered(FirearmRecovered e) {
        arrived(Stream.concat(Stream.of("Recovery:" + e.recoveryId()),
                e.firearmIds().stream().map(id -> "Firearm:" + id)).collect(Collectors.toSet()));
    }

    @TransactionalEventListener
    void identified(MatchConfirmed e) {
        arrived(Set.of("Recovery:" + e.recoveryId(), "Firearm:" + e.firearmId()));
    }

    @TransactionalEventListener
    void linked(IncomingRequestLinked e) {
        arrived(Set.of("TraceRequest:" + e.requestId()));
    }

    @Scheduled(cron = "${armstrace.intelligence.patterns.nightly-scan:0 30 2 * * *}")
    void nightly() {
        request(Set.of());
    }

    /** Scans now (or joins the scan already queued); the future completes with its report. */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    public CompletableFuture<Report> scanNow() {
        audit.record("intelligence.scan-requested", List.of(), "");
        return request(Set.of());
    }

    /** The last finished scan, if any since start-up. */
    public Report last() {
        return last;
    }

    private void arrived(Set<String> arrivals) {
        if (onArrival) {
            request(arrivals);
        }
    }

    private CompletableFuture<Report> request(Set<String> arrivals) {
        synchronized (lock) {
            if (pending != null) {
                pending.addAll(arrivals);
                return next;
            }
            pending = new HashSet<>(arrivals);
            var queued = new CompletableFuture<Report>();
            next = queued;
            worker.execute(() -> {
                Set<String> mine;
                synchronized (lock) {
                    mine = pending;
                    pending = null;
                    next = null;
                }
                long started = System.nanoTime();
                try {
                    queued.complete(run(mine));
                    scanned("completed", started);
                } catch (RuntimeException | Error e) {
                    scanned("failed", started);
                    log.error("Pattern scan failed", e);
                    queued.completeExceptionally(e);
                }
            });
            return queued;
        }
    }

    private Report run(Set<String> arrivals) {
        var runs = new EnumMap<Pattern, Run>(Pattern.class);
        for (Pattern p : Pattern.values()) {
            if (!p.scanned()) {
                continue; // a scan would find none of them and mark them all gone
            }
            long start = System.nanoTime();
            List<PatternInstance> found = scan.find(p);
            AlertStore.Applied applied = store.apply(p, found, arrivals);
            var took = Duration.ofNanos(System.nanoTime() - start);
            runs.put(p, new Run(applied.found(), applied.created(), applied.changed(), applied.gone(), applied.notified(),
                    took));
            // Which pattern's query has grown slow as the graph grew.
            Timer.builder("armstrace.alert.pattern.scans").description("Time of one pattern's query and alert update")
                    .tag("pattern", p.name().toLowerCase(Locale.ROOT)).register(metrics).record(took);
        }
        var report = new Report(Instant.now(), Map.copyOf(runs));
        last = report;
        if (!arrivals.isEmpty() && runs.values().stream().allMatch(r -> r.created() + r.changed() + r.gone() == 0)) {
            return report; // an arrival that changed nothing is not worth an audit line
        }
        StringBuilder details = new StringBuilder();
        runs.forEach((p, r) -> details.append(p).append(": ").append(r.found()).append(" found, ").append(r.created())
                .append(" new, ").append(r.notified()).append(" notified, ").append(r.took().toMillis()).append(" ms; "));
        audit.record("intelligence.scanned", List.of(), details.toString());
        return report;
    }

    /** For operators ({@code /actuator/prometheus}): how long whole scans take, and how many fail. */
    private void scanned(String outcome, long started) {
        Timer.builder("armstrace.alert.scans").description("Pattern scans (all patterns), by how they ended")
                .tag("outcome", outcome).register(metrics).record(Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
