package org.armstrace.registry;

/**
 * A record the desk cannot save as entered: the message is a translation key and {@link #args()}
 * its arguments, so that the form says in the user's language what to fix.
 */
public class DeskRejected extends RuntimeException {

    private final transient Object[] args;

    public DeskRejected(String messageKey, Object... args) {
        super(messageKey);
        this.args = args.clone();
    }

    public String key() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }
}
