package org.armstrace.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import org.armstrace.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A query the database ended for its timeout reaches the user as a notice, not as silence. */
class QueryTimeoutNoticeTests extends ViewTest {

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void a_query_ended_for_its_timeout_is_told_to_the_user_in_their_language() {
        Throwable failure = runawayUnderOneSecond();

        new QueryTimeoutNotice.Handler().error(new ErrorEvent(failure));

        Notification notice = $(Notification.class).single();
        assertThat(notice.getId()).hasValue("query-timeout");
        assertThat(test(notice).getText()).startsWith("The search took too long and was stopped.");
    }

    @Test
    void any_other_failure_is_left_to_the_default_handler() {
        new QueryTimeoutNotice.Handler().error(new ErrorEvent(new IllegalStateException("not a timeout")));

        assertThat($(Notification.class).all()).isEmpty();
    }

    private Throwable runawayUnderOneSecond() {
        var oneSecond = new TransactionTemplate(transactions);
        oneSecond.setTimeout(1);
        return catchThrowable(() -> oneSecond.execute(s -> neo4j.query(
                "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*)").fetchAs(Long.class).one()));
    }
}
