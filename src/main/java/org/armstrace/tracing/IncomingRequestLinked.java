package org.armstrace.tracing;

/**
 * Published when a partner's request enters the graph: received (with the weapon it names, when
 * that is known), or tied to a registered weapon the analyst confirmed. Listeners that act on it
 * should use {@code @TransactionalEventListener}, so that they see only what committed; a replayed
 * request is not published again.
 */
public record IncomingRequestLinked(String requestId) {
}
