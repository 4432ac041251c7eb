package org.armstrace.cases;

/** A case operation refused; the message is a translation key, {@link #args()} its arguments. */
public class CaseRejected extends RuntimeException {

    private final transient Object[] args;

    public CaseRejected(String key, Object... args) {
        super(key);
        this.args = args.clone();
    }

    public Object[] args() {
        return args.clone();
    }
}
