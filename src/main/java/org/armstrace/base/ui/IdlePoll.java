package org.armstrace.base.ui;

import java.time.Duration;

/**
 * Whether a page's poll still has someone at the desk. Flow counts every request, polls included, as the
 * session's activity, so a tab left open would poll its session alive for ever, and its sign-in with it,
 * whatever the session timeout and {@code vaadin.closeIdleSessions} say. A poll with nothing of the user's
 * own since the previous one (the UI's last client message id grew by exactly one: the poll itself) is
 * idleness; once it has lasted {@code limit}, the page signs out, as a closed tab's session would have timed
 * out. A navigation, or any other request, is activity. Times are in milliseconds.
 */
final class IdlePoll {

    private final long limitMillis;
    private long activeAt;
    private int lastId;

    /** @param clientId the UI's last processed client-to-server message id when the page was attached */
    IdlePoll(Duration limit, int clientId, long now) {
        this.limitMillis = limit.toMillis();
        this.lastId = clientId;
        this.activeAt = now;
    }

    /** The user did something (a navigation, the request of message {@code clientId}): idleness starts again. */
    void active(int clientId, long now) {
        lastId = clientId;
        activeAt = now;
    }

    /**
     * A poll arrived.
     *
     * @param clientId the UI's last processed client-to-server message id, this poll's own
     * @return whether the user is still at the desk: false once the page has been idle for the limit
     */
    boolean poll(int clientId, long now) {
        if (clientId != lastId + 1) {
            activeAt = now; // other requests came between the two polls: the user's
        }
        lastId = clientId;
        return now - activeAt < limitMillis;
    }
}
