package org.armstrace.tracing;

import java.time.Instant;
import java.util.List;

/**
 * One partner submission exactly as it was received, whatever became of it: an API body, an
 * uploaded workbook or a request typed in at the desk. Its bytes are kept by SHA-256; it is never
 * edited or deleted. A refused one carries its problems and may later be turned into a request by
 * an intake officer; {@code became} lists the requests it became.
 *
 * @param by      who sent it: {@code token:<name>} for an API token (never its secret), else the user
 * @param country the partner country it speaks for, when known
 */
public record Submission(String id, NewTraceRequest.Channel channel, Outcome outcome, Instant receivedAt, String by,
                         String country, String sha256, long size, String contentType, String fileName,
                         List<Problem> problems, List<Became> became) {

    public Submission {
        problems = List.copyOf(problems);
        became = List.copyOf(became);
    }

    public enum Outcome { ACCEPTED, REFUSED }

    /**
     * What was wrong with it. {@code code} is a translation key (the page says it in the reader's
     * language with {@code args}); {@code detail} is the same in English, as the API answered.
     *
     * @param where the cell (workbook) or the fields (API, typed) at fault, if the problem has a place
     */
    public record Problem(String where, String code, List<String> args, String detail) {
        public Problem {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }

    /** A request this submission became, as received or after correction ({@code converted}). */
    public record Became(String requestId, String number, boolean converted) {
    }
}
