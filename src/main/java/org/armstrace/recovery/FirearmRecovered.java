package org.armstrace.recovery;

import java.time.Instant;
import java.util.List;

/**
 * Published when a recovery is saved (once per recovery, never for a replayed submission).
 * Listeners that act on it should use {@code @TransactionalEventListener}, so that they see only
 * recoveries that were committed.
 *
 * @param firearmIds the recovered weapons as recorded at the scene
 * @param hits       how many candidate matches the instant checks found
 */
public record FirearmRecovered(String recoveryId, RecoveryKind kind, Instant at, String municipality,
                               List<String> firearmIds, int hits) {

    public FirearmRecovered {
        firearmIds = List.copyOf(firearmIds);
    }
}
