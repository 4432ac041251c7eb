package org.armstrace.registry;

import java.time.Instant;
import java.util.List;

/** One step in a record's history: what changed ("key=value" before and after), who, why, on what source. */
public record RecordVersion(int version, Instant at, String by, String source, String confidence, String reason,
                            List<String> before, List<String> after) {
}
