package org.armstrace.recovery;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The open trace requests about weapons, as the instant checks need them. Declared here and
 * implemented by the tracing module (the owner of {@code :TraceRequest}), so that recovery does
 * not depend on tracing while tracing reads recoveries through {@link Recoveries}.
 */
public interface OpenTraces {

    /**
     * The numbers of the open (not yet finished, in either direction) trace requests about each
     * weapon, in number order; a weapon without any is left out of the map.
     */
    Map<String, List<String>> openFor(Collection<String> firearmIds);
}
