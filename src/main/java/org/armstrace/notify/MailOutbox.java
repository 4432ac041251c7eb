package org.armstrace.notify;

import jakarta.annotation.PreDestroy;
import jakarta.mail.SendFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.armstrace.graph.CypherParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.mail.MailSendException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. A message is claimed in one transaction (status SENDING with a lease), sent
 * outside any transaction, and its outcome written in another: sent, refused (the server rejected
 * the address: kept with its error, not retried), or failed (retried with doubling back-off, then
 * kept as FAILED). A sender that stops mid-send leaves its claim to run out, and the message is sent
 * again: at least once, never lost. Two instances can run this at once: the claim re-reads the
 * status under the node's write lock, so only one of them takes a message.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final int BATCH = 20;
    private static final int MAX_ERROR = 500;

    private record Claimed(String id, String token, String address, String subject, String text, int attempts) {
    }

    private final Neo4jClient neo4j;
    private final TransactionTemplate tx;
    private final EmailChannel channel;
    private final Clock clock;
    private final Duration retryFirst;
    private final Duration retryMax;
    private final int maxAttempts;
    private final Duration lease;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mail-outbox").factory());

    @Autowired
    MailOutbox(Neo4jClient neo4j, PlatformTransactionManager transactions, EmailChannel channel,
               @Value("${armstrace.notify.retry-first}") Duration retryFirst,
               @Value("${armstrace.notify.retry-max}") Duration retryMax,
               @Value("${armstrace.notify.max-attempts}") int maxAttempts) {
        this(neo4j, transactions, channel, Clock.systemUTC(), retryFirst, retryMax, maxAttempts);
    }

    MailOutbox(Neo4jClient neo4j, PlatformTransactionManager transactions, EmailChannel channel, Clock clock,
               Duration retryFirst, Duration retryMax, int maxAttempts) {
        this.neo4j = neo4j;
        this.tx = new TransactionTemplate(transactions);
        this.channel = channel;
        this.clock = clock;
        this.retryFirst = retryFirst;
        this.retryMax = retryMax;
        this.maxAttempts = Math.max(1, maxAttempts);
        // Long enough for a slow server's time-outs (Boot's defaults are infinite: set spring.mail.properties).
        this.lease = Duration.ofMinutes(5);
    }

    /** Sends what was just queued, off the caller's thread, once its transaction has committed. */
    @TransactionalEventListener
    void queued(Notifications.EmailQueued queued) {
        if (channel.enabled()) {
            afterCommit.execute(this::sendDueNow);
        }
    }

    /** Retries what failed before (and what a stopped instance left claimed). */
    @Scheduled(fixedDelayString = "${armstrace.notify.retry-interval}", initialDelayString = "${armstrace.notify.retry-interval}")
    void sendDueNow() {
        if (!channel.enabled()) {
            return;
        }
        try {
            sendDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("E-mail outbox: {}", e.toString());
        }
    }

    /** Sends every message due at {@code now}; returns how many the server took. */
    int sendDue(Instant now) {
        int sent = 0;
        List<Claimed> batch;
        do {
            batch = claim(now);
            for (Claimed m : batch) {
                sent += send(m, now) ? 1 : 0;
            }
        } while (batch.size() == BATCH);
        return sent;
    }

    private List<Claimed> claim(Instant now) {
        String token = UUID.randomUUID().toString();
        // SET _lock takes the node's write lock; the WHERE after it re-reads the status under that lock,
        // so a message another sender claimed meanwhile is left to it.
        List<Claimed> claimed = tx.execute(s -> neo4j.query("""
                        MATCH (m:OutboundEmail)
                        WHERE (m.status = 'PENDING' AND m.nextAttemptAt <= $now) OR (m.status = 'SENDING' AND m.leaseUntil < $now)
                        WITH m ORDER BY m.nextAttemptAt LIMIT $batch
                        SET m._lock = true
                        WITH m
                        WHERE (m.status = 'PENDING' AND m.nextAttemptAt <= $now) OR (m.status = 'SENDING' AND m.leaseUntil < $now)
                        SET m.status = 'SENDING', m.claim = $token, m.leaseUntil = $lease
                        REMOVE m._lock
                        RETURN m.id AS id, m.address AS address, m.subject AS subject, m.text AS text, m.attempts AS attempts""")
                .bindAll(CypherParams.of("now", now.atZone(ZoneOffset.UTC), "lease", now.plus(lease).atZone(ZoneOffset.UTC),
                        "token", token, "batch", BATCH))
                .fetchAs(Claimed.class).mappedBy((t, r) -> new Claimed(r.get("id").asString(), token,
                        r.get("address").asString(), r.get("subject").asString(), r.get("text").asString(),
                        r.get("attempts").asInt()))
                .all().stream().toList());
        return claimed == null ? List.of() : claimed;
    }

    private boolean send(Claimed m, Instant now) {
        try {
            channel.send(m.address(), m.subject(), m.text());
        } catch (Exception e) {
            boolean refused = refused(e);
            int attempts = m.attempts() + 1;
            boolean last = refused || attempts >= maxAttempts;
            String status = refused ? "REFUSED" : last ? "FAILED" : "PENDING";
            log.warn("E-mail {} {} on attempt {}, now {} ({})", m.id(), refused ? "refused" : "failed", attempts, status,
                    e.toString());
            outcome(m, status, attempts, now.plus(backOff(attempts)), error(e), now);
            return false;
        }
        outcome(m, "SENT", m.attempts() + 1, null, null, now);
        return true;
    }

    private void outcome(Claimed m, String status, int attempts, Instant next, String error, Instant now) {
        // Only the claim's holder writes the outcome: a sender whose lease ran out may no longer own it.
        tx.executeWithoutResult(s -> neo4j.query("""
                        MATCH (m:OutboundEmail {id: $id}) WHERE m.claim = $token
                        SET m.status = $status, m.attempts = $attempts, m.lastAttemptAt = $now,
                            m.nextAttemptAt = coalesce($next, m.nextAttemptAt),
                            m.sentAt = CASE WHEN $status = 'SENT' THEN $now ELSE m.sentAt END,
                            m.lastError = CASE WHEN $status = 'SENT' THEN m.lastError ELSE $error END
                        REMOVE m.claim, m.leaseUntil""")
                .bindAll(CypherParams.of("id", m.id(), "token", m.token(), "status", status, "attempts", attempts,
                        "now", now.atZone(ZoneOffset.UTC), "next", next == null ? null : next.atZone(ZoneOffset.UTC),
                        "error", error))
                .run());
    }

    /** First retry after {@code retry-first}, each next one twice as late, never later than {@code retry-max}. */
    Duration backOff(int attempts) {
        Duration wait = retryFirst;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    /** The server said no to the address (5xx to RCPT): sending again will not help. */
    static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof MailSendException send) {
                for (Exception inner : send.getMessageExceptions()) {
                    if (inner != t && refused(inner)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String error(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e == root ? e.toString() : e + " / " + root;
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    @PreDestroy
    void stop() {
        afterCommit.shutdown();
    }
}
