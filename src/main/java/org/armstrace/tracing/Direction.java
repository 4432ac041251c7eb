package org.armstrace.tracing;

/** Whether a partner asks us (INCOMING, numbered IN) or we ask a partner (OUTGOING, numbered OUT). */
public enum Direction {
    INCOMING("IN"), OUTGOING("OUT");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The direction's part of a request number. */
    public String code() {
        return code;
    }
}
