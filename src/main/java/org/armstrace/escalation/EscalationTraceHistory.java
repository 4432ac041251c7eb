package org.armstrace.escalation;

import java.util.List;
import org.armstrace.tracing.TraceHistoryNote;
import org.armstrace.tracing.TraceHistoryNotes;
import org.springframework.stereotype.Component;

/**
 * The escalation steps taken on a trace request (soon due, overdue, told the supervisors, given to
 * the supervisor on duty), for the request's history on its page: read from {@link Escalations},
 * which owns them.
 */
@Component
class EscalationTraceHistory implements TraceHistoryNotes {

    private final Escalations escalations;

    EscalationTraceHistory(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public List<TraceHistoryNote> about(String traceRequestId) {
        return escalations.history("TraceRequest:" + traceRequestId).stream()
                .map(e -> new TraceHistoryNote(e.at(), "system", "escalation.step." + e.step().name(), "escalation.told",
                        List.of(String.join(", ", e.told()))))
                .toList();
    }
}
