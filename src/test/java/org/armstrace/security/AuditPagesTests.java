package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's pages (issue 29: row 5,000,000 as cheap as row 0) are the events the {@code SKIP}
 * pages were: newest first, the same first and last pages, the same filters (any part of the actor
 * or action, in any case), also when the chain has lost an event. Each test compares with the whole
 * chain read in one go, so other tests' events in the shared store only make the chain longer.
 */
@ArmsTraceTest
class AuditPagesTests {

    @Autowired
    AuditLog audit;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    PlatformTransactionManager transactions;

    /** Every event's seq, newest first, with its actor and action: what the pages are cut from. */
    List<Map<String, Object>> chain() {
        return neo4j.query("MATCH (e:AuditEvent) RETURN e.seq AS seq, e.actor AS actor, e.action AS action ORDER BY e.seq DESC")
                .fetch().all().stream().toList();
    }

    static List<Long> cut(List<Map<String, Object>> chain, String actor, String action, int offset, int limit) {
        return chain.stream()
                .filter(e -> ((String) e.get("actor")).toLowerCase(Locale.ROOT).contains(actor.toLowerCase(Locale.ROOT)))
                .filter(e -> ((String) e.get("action")).toLowerCase(Locale.ROOT).contains(action.toLowerCase(Locale.ROOT)))
                .skip(offset).limit(limit).map(e -> (Long) e.get("seq")).toList();
    }

    List<Long> page(int offset, int limit, String actor, String action) {
        return Actors.admin(() -> audit.page(offset, limit, actor, action)).stream().map(AuditEvent::seq).toList();
    }

    void appendSome(String actor, int n) {
        for (int i = 0; i < n; i++) {
            audit.recordAs(i % 3 == 0 ? actor.toUpperCase(Locale.ROOT) : actor, i % 2 == 0 ? "pages.even" : "pages.odd",
                    List.of("Thing:" + i), "");
        }
    }

    @Test
    void every_page_holds_the_events_newest_first_from_the_first_to_the_last() {
        appendSome("pager-" + UUID.randomUUID().toString().substring(0, 8), 60);
        var chain = chain();
        int n = chain.size();

        assertThat(Actors.admin(() -> audit.count("", ""))).isEqualTo(n);
        for (int offset : new int[] {0, 1, 17, 50, n / 2, n - 50, n - 1}) {
            assertThat(page(offset, 50, "", "")).as("offset %d", offset).isEqualTo(cut(chain, "", "", offset, 50));
        }
        assertThat(page(n - 1, 50, "", "")).containsExactly((Long) chain.getLast().get("seq"));
        assertThat(page(n, 50, "", "")).isEmpty();
        assertThat(page(n + 1_000_000, 50, null, null)).isEmpty();
    }

    @Test
    void a_filtered_page_deep_in_the_log_holds_the_events_whose_actor_and_action_contain_the_texts_in_any_case() {
        String actor = "Deep-" + UUID.randomUUID().toString().substring(0, 8);
        appendSome(actor, 90);
        var chain = chain();

        String part = actor.substring(2).toLowerCase(Locale.ROOT);
        assertThat(Actors.admin(() -> audit.count(part, "PAGES.EVEN"))).isEqualTo(45);
        for (int offset : new int[] {0, 10, 30, 44, 45}) {
            assertThat(page(offset, 10, part, "PAGES.EVEN")).as("offset %d", offset)
                    .isEqualTo(cut(chain, part, "PAGES.EVEN", offset, 10));
        }
        assertThat(page(60, 20, part, "")).hasSize(20).isEqualTo(cut(chain, part, "", 60, 20));
        assertThat(page(5, 7, "", ".odd")).isEqualTo(cut(chain, "", ".odd", 5, 7));
    }

    @Test
    void a_chain_that_has_lost_an_event_is_still_paged_without_a_gap_or_a_repeat() {
        appendSome("lossy-" + UUID.randomUUID().toString().substring(0, 8), 30);
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            // Within a transaction rolled back at the end: the shared chain stays whole for the other tests.
            long lost = (Long) chain().get(10).get("seq");
            neo4j.query("MATCH (e:AuditEvent {seq: $seq}) DETACH DELETE e").bind(lost).to("seq").run();
            var chain = chain();
            int n = chain.size();

            assertThat(Actors.admin(() -> audit.count("", ""))).isEqualTo(n);
            for (int offset : new int[] {0, 5, 9, 10, 11, n - 3}) {
                assertThat(page(offset, 5, "", "")).as("offset %d", offset).isEqualTo(cut(chain, "", "", offset, 5))
                        .doesNotContain(lost);
            }
            s.setRollbackOnly();
        });
    }
}
