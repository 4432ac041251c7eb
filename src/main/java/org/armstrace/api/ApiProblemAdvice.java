package org.armstrace.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.armstrace.base.Translations;
import org.armstrace.registry.SearchRejected;
import org.armstrace.registry.SerialQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every controller error of REST API v1 as problem+json, in English (the API's language); never a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiProblemAdvice.class)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final Translations translations;

    ApiProblemAdvice(Translations translations) {
        this.translations = translations;
    }

    @ExceptionHandler(SearchRejected.class)
    ProblemDetail rejected(SearchRejected e, HttpServletRequest request) {
        String detail = translations.getTranslation(e.getMessage(), Translations.ENGLISH, SerialQuery.MAX_INPUT);
        return at(Problems.of(HttpStatus.BAD_REQUEST, e.getMessage().replace('.', '-'), detail), request);
    }

    @ExceptionHandler(org.armstrace.tracing.ItiContentMissing.class)
    ProblemDetail itiMissing(org.armstrace.tracing.ItiContentMissing e, HttpServletRequest request) {
        ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "missing-iti-content",
                "The request lacks what the International Tracing Instrument requires: " + String.join(", ", e.fields()) + ".");
        p.setProperty("missing", e.fields());
        return at(p, request);
    }

    @ExceptionHandler(org.armstrace.tracing.TransitionRefused.class)
    ProblemDetail traceRefused(org.armstrace.tracing.TransitionRefused e, HttpServletRequest request) {
        HttpStatus status = e.getMessage().equals("trace.idempotency-conflict") ? HttpStatus.CONFLICT
                : HttpStatus.BAD_REQUEST;
        return at(Problems.of(status, e.getMessage().replace("trace.", "").replace('.', '-'),
                translations.getTranslation(e.getMessage(), Translations.ENGLISH)), request);
    }

    @ExceptionHandler(org.armstrace.statistics.StatisticsRejected.class)
    ProblemDetail statisticsRejected(org.armstrace.statistics.StatisticsRejected e, HttpServletRequest request) {
        HttpStatus status = e.key().startsWith("statistics.forbidden") ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        return at(Problems.of(status, e.key().replace("statistics.", "").replace('.', '-'),
                translations.getTranslation(e.key(), Translations.ENGLISH, e.args())), request);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(Exception e, HttpServletRequest request) {
        return at(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The body is not valid JSON of the documented shape (check types and enum values)."), request);
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(Exception e, HttpServletRequest request) {
        return at(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Send application/json."), request);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e, HttpServletRequest request) {
        return at(Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage()), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            IllegalArgumentException.class})
    ProblemDetail badRequest(Exception e, HttpServletRequest request) {
        String detail = switch (e) {
            case MethodArgumentTypeMismatchException m -> "Parameter '" + m.getName() + "' has an invalid value.";
            case MissingServletRequestParameterException m -> "Parameter '" + m.getParameterName() + "' is required.";
            default -> e.getMessage();
        };
        return at(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", detail), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e, HttpServletRequest request) {
        return at(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "This token's role may not do this."), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchEndpoint(NoResourceFoundException e, HttpServletRequest request) {
        return at(Problems.of(HttpStatus.NOT_FOUND, "no-such-endpoint", "There is no such endpoint in API v1."), request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("API request {} failed", request.getRequestURI(), e);
        return at(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "The request could not be completed; it has been logged."), request);
    }

    private static ProblemDetail at(ProblemDetail p, HttpServletRequest request) {
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }

    /** An id that names nothing. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
