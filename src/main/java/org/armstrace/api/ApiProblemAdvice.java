package org.armstrace.api;

import jakarta.servlet.http.HttpServletRequest;
import org.armstrace.base.QueryTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every controller error of REST API v1 as problem+json, in English (the API's language); never a
 * stack trace. The controllers live in their features ({@code registry.api}, {@code tracing.api},
 * {@code statistics.api}), each with an advice of its own for its own exceptions; this one comes
 * last, because Spring asks the advices in order and its catch-all would otherwise answer first.
 */
@RestControllerAdvice(basePackages = "org.armstrace")
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(Exception e, HttpServletRequest request) {
        return Problems.at(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The body is not valid JSON of the documented shape (check types and enum values)."), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(Exception e, HttpServletRequest request) {
        return Problems.at(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Send application/json."), request);
    }

    @ExceptionHandler(ApiNotFound.class)
    ProblemDetail notFound(ApiNotFound e, HttpServletRequest request) {
        return Problems.at(Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage()), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            IllegalArgumentException.class})
    ProblemDetail badRequest(Exception e, HttpServletRequest request) {
        String detail = switch (e) {
            case MethodArgumentTypeMismatchException m -> "Parameter '" + m.getName() + "' has an invalid value.";
            case MissingServletRequestParameterException m -> "Parameter '" + m.getParameterName() + "' is required.";
            default -> e.getMessage();
        };
        return Problems.at(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", detail), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e, HttpServletRequest request) {
        return Problems.at(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "This token's role may not do this."), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchEndpoint(NoResourceFoundException e, HttpServletRequest request) {
        return Problems.at(Problems.of(HttpStatus.NOT_FOUND, "no-such-endpoint", "There is no such endpoint in API v1."), request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        if (QueryTimeout.causedBy(e)) {
            // Not a fault to investigate: the database ended a query that ran past armstrace.neo4j.transaction-timeout.
            log.warn("API request {} ran past the transaction timeout", request.getRequestURI());
            return Problems.at(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "query-timeout",
                    "The query took longer than the server allows and was stopped; narrow it (filters, page size) and retry."),
                    request);
        }
        log.error("API request {} failed", request.getRequestURI(), e);
        return Problems.at(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "The request could not be completed; it has been logged."), request);
    }
}
