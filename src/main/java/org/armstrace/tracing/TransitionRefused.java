package org.armstrace.tracing;

/** A move the lifecycle does not allow, or one that lacks what it needs; the message is a translation key. */
public class TransitionRefused extends RuntimeException {

    public TransitionRefused(String messageKey) {
        super(messageKey);
    }
}
