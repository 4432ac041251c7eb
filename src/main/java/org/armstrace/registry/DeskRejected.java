package org.armstrace.registry;

import java.util.List;

/**
 * A record the desk cannot save as entered: the message is a translation key and {@link #args()}
 * its arguments, so that the form says in the user's language what to fix.
 */
public class DeskRejected extends RuntimeException {

    private final transient List<Object> args;

    public DeskRejected(String messageKey, Object... args) {
        super(messageKey);
        this.args = List.of(args);
    }

    public String key() {
        return getMessage();
    }

    public Object[] args() {
        return args.toArray();
    }
}
