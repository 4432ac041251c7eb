package org.armstrace.security;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.armstrace.base.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Anchors the audit chain's head outside the database: every {@code armstrace.audit.anchor-every}
 * events, every {@code anchor-interval} when the head has moved, and at a clean shutdown, an
 * authenticated {@link AuditAnchor} is appended to {@code <data dir>/audit-anchors.log} and logged
 * to {@code armstrace.audit.anchor}, a category an administrator can route to syslog or another
 * machine. An administrator who holds the key and the database could rewrite the chain; anchors
 * copied off the machine are what limit that.
 *
 * <p>On the first start with a key, a chain of older (SHA-256) events is sealed under anchor 1, so
 * they cannot be changed or cut off later either, though they were never authenticated one by one.
 */
@Component
class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    /** One INFO line per anchor, for an administrator to route elsewhere (syslog, a log server). */
    private static final Logger anchorLog = LoggerFactory.getLogger("armstrace.audit.anchor");

    private final Neo4jClient neo4j;
    private final AuditKey key;
    private final Path file;
    private final int every;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService scheduler;
    private long lastNumber;
    /** Read without the lock by {@link #appended}, on every append. */
    private volatile long lastSeq;

    AuditAnchors(Neo4jClient neo4j, AuditKey key, AuditSettings settings) {
        this.neo4j = neo4j;
        this.key = key;
        this.file = settings.anchorsFile();
        this.every = settings.anchorEvery();
        var existing = AnchorFile.read(file, key);
        if (existing.problem() != null) {
            log.error("The audit anchors file {} is damaged or forged after anchor {}; audit-verify will report it. "
                    + "New anchors continue the numbering.", file, existing.anchors().size());
        }
        AuditAnchor latest = existing.latest();
        this.lastNumber = latest == null ? 0 : latest.number();
        this.lastSeq = latest == null ? 0 : latest.seq();
        if (lastNumber == 0) {
            sealLegacyChain();
        }
        if (settings.anchoring()) {
            long seconds = Math.max(1, settings.anchorInterval().toSeconds());
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-anchor").daemon().factory());
            scheduler.scheduleWithFixedDelay(this::anchorQuietly, seconds, seconds, TimeUnit.SECONDS);
        } else {
            scheduler = null;
        }
    }

    Path file() {
        return file;
    }

    /**
     * Called for each appended event: once {@code every} events lie beyond the latest anchor, the
     * head is anchored after the event's transaction commits (an anchor must never cover an event
     * that is then rolled back).
     */
    void appended(long seq) {
        if (scheduler == null || seq - lastSeq < every || !pending.compareAndSet(false, true)) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            scheduler.execute(this::anchorPending);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    scheduler.execute(AuditAnchors.this::anchorPending);
                } else {
                    pending.set(false);
                }
            }
        });
    }

    private void anchorPending() {
        pending.set(false);
        anchorQuietly();
    }

    private void anchorQuietly() {
        try {
            anchorHead();
        } catch (RuntimeException e) {
            log.error("The audit chain's head could not be anchored: {}", e.getMessage(), e);
        }
    }

    /**
     * Anchors the committed head if it moved since the latest anchor and its event is authentic.
     * A head that went back, or an event that fails its MAC, is not anchored but reported in the log.
     */
    synchronized Optional<AuditAnchor> anchorHead() {
        List<AuditEvent> head = neo4j.query("""
                        MATCH (c:AuditChain {id: 'audit'})
                        MATCH (e:AuditEvent {seq: c.seq})
                        WHERE e.hash = c.hash
                        RETURN e
                        """)
                .fetchAs(AuditEvent.class).mappedBy((t, r) -> AuditLog.toEvent(r.get("e").asNode()))
                .all().stream().toList();
        if (head.isEmpty()) {
            log.error("The audit chain's head does not match its newest event; not anchored. Run audit-verify.");
            return Optional.empty();
        }
        AuditEvent event = head.getFirst();
        if (event.seq() <= lastSeq) {
            if (event.seq() < lastSeq) {
                log.error("The audit chain ends at event {}, but anchor {} covers event {}: events were removed. "
                        + "Not anchored; run audit-verify.", event.seq(), lastNumber, lastSeq);
            }
            return Optional.empty();
        }
        if (!key.matches(AuditLog.canonical(event), event.hash())) {
            log.error("The audit chain's newest event {} is not authentic; not anchored. Run audit-verify.", event.seq());
            return Optional.empty();
        }
        return Optional.of(append(event.seq(), event.hash(), AuditAnchor.HEAD));
    }

    /** Before any keyed event exists: anchor 1 fixes the last of the events hashed without a key. */
    private void sealLegacyChain() {
        var legacyHead = neo4j.query("""
                        MATCH (c:AuditChain {id: 'audit'})
                        MATCH (e:AuditEvent {seq: c.seq})
                        WHERE e.scheme IS NULL
                        RETURN e.seq AS seq, e.hash AS hash
                        """)
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(r.get("seq").asLong(), r.get("hash").asString()))
                .one();
        if (legacyHead.isEmpty()) {
            return;
        }
        long seq = (Long) legacyHead.get().getKey();
        String hash = (String) legacyHead.get().getValue();
        AuditAnchor seal = AuditAnchor.sign(key, 1, seq, hash, Instant.EPOCH, AuditAnchor.LEGACY_SEAL);
        // Sealed as found; if the old chain is already broken, the verifier keeps saying where.
        var report = new AuditChainVerifier(neo4j, key).verify(new AnchorFile.Contents(List.of(seal), null, null));
        if (!report.intact()) {
            log.error("The audit chain written before the audit key is broken at event {} ({}). It is sealed as it is; "
                    + "audit-verify will keep reporting the break.", report.firstBrokenSeq(), report.problem());
        }
        try {
            append(seq, hash, AuditAnchor.LEGACY_SEAL);
        } catch (IllegalStateException e) {
            throw new StartupProblem(e.getMessage(), "Make the data directory writable by this user.", e);
        }
        log.warn("Sealed {} audit events written before the audit key (SHA-256, not individually authenticated) "
                + "under anchor 1 in {}.", seq, file);
    }

    private AuditAnchor append(long seq, String hash, String kind) {
        AuditAnchor anchor = AuditAnchor.sign(key, lastNumber + 1, seq, hash,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), kind);
        try {
            AnchorFile.append(file, anchor);
        } catch (IOException e) {
            throw new IllegalStateException("The audit anchors file " + file + " cannot be written: " + e.getMessage(), e);
        }
        lastNumber = anchor.number();
        lastSeq = seq;
        anchorLog.info(anchor.line());
        return anchor;
    }

    /** Anchors the head once more, so that the last events before a clean stop are covered too. */
    @PreDestroy
    void stop() throws InterruptedException {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        anchorQuietly();
    }
}
