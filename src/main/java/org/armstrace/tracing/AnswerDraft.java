package org.armstrace.tracing;

/**
 * An answer as the analyst writes it (incoming) or as the partner's answer is recorded (outgoing).
 *
 * @param firearmId the registry weapon found, if any (it becomes what the request CONCERNS)
 * @param diversion the point of diversion, if the trace established it
 */
public record AnswerDraft(TraceAnswer.Outcome outcome, String findings, String firearmId, PointOfDiversion diversion) {

    public AnswerDraft {
        if (outcome == null) {
            throw new TransitionRefused("trace.answer-outcome-required");
        }
        findings = NewTraceRequest.text(findings, 8000);
        if (findings == null) {
            throw new TransitionRefused("trace.answer-findings-required");
        }
        firearmId = firearmId == null || firearmId.isBlank() ? null : firearmId.strip();
    }
}
