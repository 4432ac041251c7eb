package org.armstrace.tracing;

import java.util.List;

/** A request without what the International Tracing Instrument requires; {@link #fields()} names what is missing. */
public class ItiContentMissing extends TransitionRefused {

    private final List<String> fields;

    public ItiContentMissing(List<String> fields) {
        super("trace.missing-iti-content");
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }
}
