package org.armstrace.tracing;

import java.time.Instant;

/** One move in a request's life, kept for ever: who, when, from what to what, and why. */
public record TraceTransition(TraceStatus from, TraceStatus to, Instant at, String by, String reason) {
}
