package org.armstrace.statistics.api;

import jakarta.servlet.http.HttpServletRequest;
import org.armstrace.api.Problems;
import org.armstrace.base.Translations;
import org.armstrace.statistics.StatisticsRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The statistics' own refusals as API v1 problems; asked before the shared advice and its catch-all. */
@RestControllerAdvice(assignableTypes = StatisticsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatisticsApiProblems {

    private final Translations translations;

    StatisticsApiProblems(Translations translations) {
        this.translations = translations;
    }

    @ExceptionHandler(StatisticsRejected.class)
    ProblemDetail statisticsRejected(StatisticsRejected e, HttpServletRequest request) {
        HttpStatus status = e.key().startsWith("statistics.forbidden") ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        return Problems.at(Problems.of(status, e.key().replace("statistics.", "").replace('.', '-'),
                translations.getTranslation(e.key(), Translations.ENGLISH, e.args())), request);
    }
}
