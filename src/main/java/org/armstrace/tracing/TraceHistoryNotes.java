package org.armstrace.tracing;

import java.util.List;

/**
 * What features above tracing add to a trace request's history. They provide beans; the request's
 * page lists their notes with its moves, so that tracing needs to know nothing of them (escalation
 * depends on tracing, not the other way round).
 */
public interface TraceHistoryNotes {

    /** The notes about this request, in any order; the signed-in user may read the request. */
    List<TraceHistoryNote> about(String traceRequestId);
}
