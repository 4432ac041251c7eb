package org.armstrace.cases;

import java.time.Instant;

/** One record linked to a case: {@code label} is its name as its owner shows it (a person's name, a request's number). */
public record CaseLink(LinkKind kind, String key, String label, Instant at, String by) {
}
