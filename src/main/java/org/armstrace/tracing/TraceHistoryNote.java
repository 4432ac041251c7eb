package org.armstrace.tracing;

import java.time.Instant;
import java.util.List;

/**
 * A step that another feature took on a trace request, for the request's history beside its moves
 * (the escalation job's reminders, say). Its texts are translation keys, so that the page shows them
 * in the reader's language.
 *
 * @param whatKey    what happened, a translation key
 * @param detailKey  the detail, a translation key with {@code detailArgs} as {@code {0}}, …
 */
public record TraceHistoryNote(Instant at, String by, String whatKey, String detailKey, List<String> detailArgs) {

    public TraceHistoryNote {
        detailArgs = List.copyOf(detailArgs);
    }
}
