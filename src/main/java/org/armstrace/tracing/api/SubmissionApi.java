package org.armstrace.tracing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.armstrace.tracing.Submission;
import org.armstrace.tracing.Submissions;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API v1: what a partner sent us, as we received it. Every body is kept with its SHA-256 and
 * outcome, so a partner can see which of its submissions were refused, and why, without asking.
 * Scoped to the token's country like every partner endpoint.
 */
@RestController
@RequestMapping(path = "/api/v1/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Submissions", description = "Every request body you sent, as received, with its outcome")
@SecurityRequirement(name = "bearer")
class SubmissionApi {

    /** One body as received: its hash (SHA-256 of the exact bytes), when, the outcome and, if refused, why. */
    record SubmissionJson(String id, Instant receivedAt, Submission.Outcome outcome, String sha256, long size,
                          List<ProblemJson> problems, List<String> requests) {
        static SubmissionJson of(Submission s) {
            return new SubmissionJson(s.id(), s.receivedAt(), s.outcome(), s.sha256(), s.size(),
                    s.problems().stream().map(p -> new ProblemJson(p.where(), p.detail())).toList(),
                    s.became().stream().map(Submission.Became::number).toList());
        }
    }

    /** What was wrong: the fields at fault, if any, and the problem as the API answered it. */
    record ProblemJson(String where, String detail) {
    }

    private final Submissions submissions;

    SubmissionApi(Submissions submissions) {
        this.submissions = submissions;
    }

    @Operation(summary = "Your submissions, newest first",
            description = "Every body you POSTed to /api/v1/trace-requests, accepted or refused, with its SHA-256. "
                    + "A refused one lists its problems; one an intake officer later corrected lists the request it became.")
    @GetMapping
    @PreAuthorize("hasRole('PARTNER')")
    List<SubmissionJson> list(@Parameter(description = "accepted or refused; both when left out")
                              @RequestParam(required = false) String outcome,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page must be ≥ 0 and size between 1 and 200.");
        }
        Submission.Outcome wanted = outcome(outcome);
        return submissions.partnerSubmissions(wanted, page * size, size).stream().map(SubmissionJson::of).toList();
    }

    private static Submission.Outcome outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return Submission.Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome must be accepted or refused.");
        }
    }
}
