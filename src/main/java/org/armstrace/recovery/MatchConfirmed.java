package org.armstrace.recovery;

/**
 * Published when an analyst confirms that a recovered weapon is a registered one. Listeners that
 * act on it should use {@code @TransactionalEventListener}, so that they see only what committed.
 *
 * @param firearmId    the weapon as recovered
 * @param registeredId the registered weapon it was identified as
 */
public record MatchConfirmed(String recoveryId, String firearmId, String registeredId) {
}
