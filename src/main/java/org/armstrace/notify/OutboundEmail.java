package org.armstrace.notify;

import java.time.Instant;

/**
 * One message of the e-mail outbox, as the administrator sees it (the text is not shown there:
 * it is the recipient's to read).
 *
 * @param lastError why the last attempt failed or was refused, or null
 */
public record OutboundEmail(String id, NotificationKind kind, String user, String address, String subject,
                            Status status, int attempts, Instant createdAt, Instant nextAttemptAt,
                            Instant sentAt, String lastError) {

    public enum Status {
        /** Waiting for its (next) attempt. */
        PENDING,
        /** Taken by a sender; back to pending if its lease runs out (the instance stopped mid-send). */
        SENDING,
        SENT,
        /** The server refused the address: not retried by the job; an administrator may send it again. */
        REFUSED,
        /** Every attempt failed: kept with the last error until an administrator retries it. */
        FAILED
    }
}
