package org.armstrace.registry.api;

import jakarta.servlet.http.HttpServletRequest;
import org.armstrace.api.Problems;
import org.armstrace.base.Translations;
import org.armstrace.registry.SearchRejected;
import org.armstrace.registry.SerialQuery;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The registry's own refusals as API v1 problems; asked before the shared advice and its catch-all. */
@RestControllerAdvice(assignableTypes = RegistryApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryApiProblems {

    private final Translations translations;

    RegistryApiProblems(Translations translations) {
        this.translations = translations;
    }

    @ExceptionHandler(SearchRejected.class)
    ProblemDetail rejected(SearchRejected e, HttpServletRequest request) {
        String detail = translations.getTranslation(e.getMessage(), Translations.ENGLISH, SerialQuery.MAX_INPUT);
        return Problems.at(Problems.of(HttpStatus.BAD_REQUEST, e.getMessage().replace('.', '-'), detail), request);
    }
}
