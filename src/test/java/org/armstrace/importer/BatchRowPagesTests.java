package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch's rows page by their places (issue 29: row 5,000,000 as cheap as row 0), and the pages are
 * the rows the line-ordered {@code SKIP} pages were: the same rows in line order, the same filters,
 * the same first and last pages. Rows are written as an import writes them: chunk by chunk, each
 * chunk's rows in the order the writer collects them (rejected first), not in line order.
 */
@ArmsTraceTest
class BatchRowPagesTests {

    @Autowired
    ImportBatches batches;
    @Autowired
    ImportRows rows;
    @Autowired
    RegistryImports imports;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    PlatformTransactionManager transactions;

    /** A batch of its own, its rows written in chunks of 40 in scrambled order; returns them in line order. */
    List<RowOutcome> batchOf(String id, int n) {
        Actors.admin(() -> {
            batches.create(id, id + ".csv", UUID.randomUUID().toString(), 0, imports.profile("kosovo-firearms").orElseThrow(),
                    false);
            return null;
        });
        return write(id, n);
    }

    List<RowOutcome> write(String id, int n) {
        var all = new ArrayList<RowOutcome>();
        var random = new Random(29);
        for (int from = 0; from < n; from += 40) {
            var chunk = new ArrayList<RowOutcome>();
            for (int i = from; i < Math.min(n, from + 40); i++) {
                chunk.add(row(i + 2));
            }
            Collections.shuffle(chunk, random);
            new TransactionTemplate(transactions).executeWithoutResult(s -> batches.saveRows(id, chunk));
            all.addAll(chunk);
        }
        all.sort(Comparator.comparingInt(RowOutcome::line));
        return all;
    }

    /** Every seventh row rejected, every fifth sent to review, every third merged, the others created. */
    static RowOutcome row(int line) {
        String record = "rec-" + line;
        if (line % 7 == 0) {
            return new RowOutcome(line, "rejected", null, null, null, null, null, null, List.of("serial-missing"));
        } else if (line % 5 == 0) {
            return new RowOutcome(line, "review", null, "PERSON", record, "cand-" + line, record, "review", List.of("name"));
        } else if (line % 3 == 0) {
            return new RowOutcome(line, "merged", "automatic", "FIREARM", record, null, null, null, List.of("serial"));
        }
        return new RowOutcome(line, "created", null, "FIREARM", record, null, null, null, List.of());
    }

    static List<ImportRows.Row> listed(List<RowOutcome> rows, String outcome, int offset, int limit) {
        return rows.stream().filter(r -> outcome == null || r.outcome().equals(outcome)).skip(offset).limit(limit)
                .map(r -> new ImportRows.Row(r.line(), r.outcome(), r.detail(), r.kind(), r.record(), r.candidate(),
                        r.reasons())).toList();
    }

    List<ImportRows.Row> page(String batch, String outcome, int offset, int limit) {
        return Actors.admin(() -> rows.page(batch, outcome, offset, limit));
    }

    long count(String batch, String outcome) {
        return Actors.admin(() -> rows.count(batch, outcome));
    }

    @Test
    void every_page_holds_the_rows_in_line_order_from_the_first_to_the_last() {
        String batch = "pages-" + UUID.randomUUID();
        List<RowOutcome> written = batchOf(batch, 250);

        assertThat(count(batch, null)).isEqualTo(250);
        for (int offset : new int[] {0, 1, 39, 40, 79, 123, 200, 249}) {
            assertThat(page(batch, null, offset, 50)).as("offset %d", offset).isEqualTo(listed(written, null, offset, 50));
        }
        assertThat(page(batch, null, 200, 50)).extracting(ImportRows.Row::line).last().isEqualTo(251);
        assertThat(page(batch, null, 250, 50)).isEmpty();
        assertThat(page(batch, null, 1_000_000, 50)).isEmpty();
    }

    @Test
    void a_filtered_page_deep_in_the_batch_holds_that_outcomes_rows_in_line_order() {
        String batch = "filtered-" + UUID.randomUUID();
        List<RowOutcome> written = batchOf(batch, 400);

        for (String outcome : RowOutcome.OUTCOMES) {
            long n = written.stream().filter(r -> r.outcome().equals(outcome)).count();
            assertThat(count(batch, outcome)).as(outcome).isEqualTo(n);
            for (int offset : new int[] {0, 7, (int) n / 2, (int) n - 10, (int) n - 1, (int) n}) {
                assertThat(page(batch, outcome, offset, 10)).as("%s at %d", outcome, offset)
                        .isEqualTo(listed(written, outcome, offset, 10));
            }
        }
        // Deep in the merged rows, across chunks: only merged ones, in line order, none left out.
        assertThat(page(batch, "merged", 40, 25)).hasSize(25).allMatch(r -> r.outcome().equals("merged"))
                .isSortedAccordingTo(Comparator.comparingInt(ImportRows.Row::line));
    }

    /** A monthly extract's rows: mostly unchanged, every eleventh created, every thirteenth changed, every seventh rejected. */
    static RowOutcome monthly(int line) {
        String record = "rec-" + line;
        if (line % 7 == 0) {
            return new RowOutcome(line, "rejected", null, null, null, null, null, null, List.of("serial-missing"));
        } else if (line % 11 == 0) {
            return new RowOutcome(line, "created", null, "PERSON", record, null, record, "created", List.of());
        } else if (line % 13 == 0) {
            return new RowOutcome(line, "merged", "changed", "PERSON", record, null, record, "changed", List.of());
        }
        return new RowOutcome(line, "merged", "unchanged", "PERSON", record, null, record, "unchanged", List.of());
    }

    @Test
    void unchanged_rows_kept_in_runs_page_in_line_order_among_the_others_and_are_counted() {
        String batch = "monthly-" + UUID.randomUUID();
        Actors.admin(() -> {
            batches.create(batch, batch + ".csv", UUID.randomUUID().toString(), 0, imports.profile("kosovo-people").orElseThrow(),
                    false);
            return null;
        });
        var written = new ArrayList<RowOutcome>();
        var random = new Random(27);
        for (int from = 0; from < 300; from += 40) {
            var chunk = new ArrayList<RowOutcome>();
            for (int i = from; i < Math.min(300, from + 40); i++) {
                chunk.add(monthly(i + 2));
            }
            Collections.shuffle(chunk, random);
            new TransactionTemplate(transactions).executeWithoutResult(s -> batches.saveRows(batch, chunk));
            written.addAll(chunk);
        }
        written.sort(Comparator.comparingInt(RowOutcome::line));
        long unchanged = written.stream().filter(r -> "unchanged".equals(r.detail())).count();

        assertThat(neo4j.query("MATCH (r:ImportRow {batch: $id}) RETURN count(r)").bind(batch).to("id")
                .fetchAs(Long.class).one()).as("only the rows that say more than 'unchanged' have nodes")
                .contains(300 - unchanged);
        assertThat(count(batch, null)).isEqualTo(300);
        for (int offset : new int[] {0, 1, 17, 39, 40, 41, 150, 299, 300}) {
            assertThat(page(batch, null, offset, 23)).as("offset %d", offset).isEqualTo(listed(written, null, offset, 23));
        }
        for (String outcome : RowOutcome.OUTCOMES) {
            long n = written.stream().filter(r -> r.outcome().equals(outcome)).count();
            assertThat(count(batch, outcome)).as(outcome).isEqualTo(n);
            for (int offset : new int[] {0, 5, (int) n / 2, (int) Math.max(0, n - 3), (int) n}) {
                assertThat(page(batch, outcome, offset, 9)).as("%s at %d", outcome, offset)
                        .isEqualTo(listed(written, outcome, offset, 9));
            }
        }
    }

    @Test
    void a_chunk_rolled_back_gives_its_places_back_and_the_pages_have_no_gap() {
        String batch = "rollback-" + UUID.randomUUID();
        List<RowOutcome> first = batchOf(batch, 80);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            batches.saveRows(batch, List.of(row(82), row(83)));
            throw new IllegalStateException("the chunk's records failed");
        })).isInstanceOf(IllegalStateException.class);
        var again = new ArrayList<>(first);
        var next = List.of(row(82), row(83), row(84));
        new TransactionTemplate(transactions).executeWithoutResult(s -> batches.saveRows(batch, next));
        again.addAll(next);

        assertThat(count(batch, null)).isEqualTo(83);
        assertThat(page(batch, null, 60, 50)).isEqualTo(listed(again, null, 60, 50));
        assertThat(page(batch, "created", 0, 100)).isEqualTo(listed(again, "created", 0, 100));
    }

    @Test
    void a_batch_written_before_rows_were_numbered_is_still_paged_in_line_order() {
        String batch = "unnumbered-" + UUID.randomUUID();
        Actors.admin(() -> {
            batches.create(batch, batch + ".csv", UUID.randomUUID().toString(), 0,
                    imports.profile("kosovo-firearms").orElseThrow(), false);
            return null;
        });
        // As such a batch stands in the store: no counters, so its rows get no places.
        neo4j.query("""
                MATCH (b:ImportBatch {id: $id})
                REMOVE b.listed, b.listed_created, b.listed_merged, b.listed_review, b.listed_rejected
                """).bind(batch).to("id").run();
        List<RowOutcome> written = write(batch, 100);

        assertThat(neo4j.query("MATCH (r:ImportRow {batch: $id}) WHERE r.pos IS NOT NULL RETURN count(r)").bind(batch)
                .to("id").fetchAs(Long.class).one()).contains(0L);
        assertThat(count(batch, null)).isEqualTo(100);
        assertThat(count(batch, "review")).isEqualTo(written.stream().filter(r -> r.outcome().equals("review")).count());
        assertThat(page(batch, null, 45, 50)).isEqualTo(listed(written, null, 45, 50));
        assertThat(page(batch, "rejected", 3, 5)).isEqualTo(listed(written, "rejected", 3, 5));
    }
}
