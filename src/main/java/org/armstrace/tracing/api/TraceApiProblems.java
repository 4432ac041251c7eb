package org.armstrace.tracing.api;

import jakarta.servlet.http.HttpServletRequest;
import org.armstrace.api.Problems;
import org.armstrace.base.Translations;
import org.armstrace.tracing.ItiContentMissing;
import org.armstrace.tracing.TransitionRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Tracing's own refusals as API v1 problems; asked before the shared advice and its catch-all. */
@RestControllerAdvice(assignableTypes = {TraceApi.class, SubmissionApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceApiProblems {

    private final Translations translations;

    TraceApiProblems(Translations translations) {
        this.translations = translations;
    }

    @ExceptionHandler(ItiContentMissing.class)
    ProblemDetail itiMissing(ItiContentMissing e, HttpServletRequest request) {
        ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "missing-iti-content",
                "The request lacks what the International Tracing Instrument requires: " + String.join(", ", e.fields()) + ".");
        p.setProperty("missing", e.fields());
        return Problems.at(p, request);
    }

    @ExceptionHandler(TransitionRefused.class)
    ProblemDetail traceRefused(TransitionRefused e, HttpServletRequest request) {
        HttpStatus status = e.getMessage().equals("trace.idempotency-conflict") ? HttpStatus.CONFLICT
                : HttpStatus.BAD_REQUEST;
        return Problems.at(Problems.of(status, e.getMessage().replace("trace.", "").replace('.', '-'),
                translations.getTranslation(e.getMessage(), Translations.ENGLISH)), request);
    }
}
