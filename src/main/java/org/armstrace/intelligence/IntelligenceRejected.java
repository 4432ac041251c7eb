package org.armstrace.intelligence;

/** An analysis asked for with input it will not run on; the message is a translation key. */
public class IntelligenceRejected extends RuntimeException {

    public IntelligenceRejected(String key) {
        super(key);
    }
}
