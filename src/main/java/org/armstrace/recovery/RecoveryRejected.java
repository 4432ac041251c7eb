package org.armstrace.recovery;

/**
 * A recovery, draft or photo that cannot be accepted as given. The message is a translation key;
 * nothing of the request has been stored when this is thrown.
 */
public class RecoveryRejected extends RuntimeException {

    public RecoveryRejected(String messageKey) {
        super(messageKey);
    }
}
