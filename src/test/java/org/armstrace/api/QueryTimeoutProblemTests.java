package org.armstrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A query the database ended for its timeout answers an API client with problem+json 503, not a 500. */
@ArmsTraceTest
class QueryTimeoutProblemTests {

    @Autowired
    ApiProblemAdvice advice;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void a_query_ended_for_its_timeout_is_a_503_problem_that_says_so() {
        var oneSecond = new TransactionTemplate(transactions);
        oneSecond.setTimeout(1);
        Throwable failure = catchThrowable(() -> oneSecond.execute(s -> neo4j.query(
                "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*)").fetchAs(Long.class).one()));

        ProblemDetail problem = advice.unexpected((Exception) failure, new MockHttpServletRequest("GET", "/api/v1/firearms"));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getType().toString()).isEqualTo("urn:armstrace:problem:query-timeout");
        assertThat(problem.getDetail()).contains("took longer than the server allows");
        assertThat(problem.getInstance()).hasToString("/api/v1/firearms");
    }
}
