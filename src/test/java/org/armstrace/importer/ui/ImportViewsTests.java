package org.armstrace.importer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.importer.ImportBatch;
import org.armstrace.importer.ImportRows;
import org.armstrace.importer.Issue;
import org.armstrace.importer.MatchReviews;
import org.armstrace.importer.RegistryImports;
import org.armstrace.registry.ExtractRows;
import org.armstrace.registry.ui.PersonView;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "admin-view", roles = "ADMIN")
class ImportViewsTests extends ViewTest {

    @Autowired
    RegistryImports imports;
    @Autowired
    MatchReviews reviews;
    @Autowired
    Neo4jClient neo4j;

    ImportBatch importText(String name, String csv) {
        return Actors.as("admin-view", Role.ADMIN, () -> {
            var stored = imports.store(name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
            return imports.runNow(stored, imports.profile("kosovo-people").orElseThrow(), false, p -> { }).batch();
        });
    }

    @Test
    void an_earlier_import_shows_its_totals_and_its_issues_line_by_line() {
        String family = "Viewtest" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x");
        importText("view-" + family + ".csv", "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n"
                + ",Agim," + family + ",Naim,14.03.1971,Prizren\n,Besnik," + family + ",Naim,31.02.1971,Prizren\n");
        navigate("admin/imports", ImportsView.class);
        @SuppressWarnings("unchecked")
        Grid<ImportBatch> history = (Grid<ImportBatch>) $(Grid.class).withId("import-history").single();
        int row = -1;
        for (int i = 0; i < test(history).size(); i++) {
            if (test(history).getRow(i).fileName().contains(family)) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        test(history).clickRow(row);
        assertThat($(Paragraph.class).withId("import-totals").single().getText()).isEqualTo("2 read = 1 accepted + 1 rejected");
        @SuppressWarnings("unchecked")
        Grid<Issue> issues = (Grid<Issue>) $(Grid.class).withId("import-issues").single();
        assertThat(test(issues).getCellText(test(issues).size() - 1, 3)).isEqualTo("31.02.1971 is not a date in any known layout.");
        assertThat($(Button.class).withId("import-run").single().isEnabled()).as("no file uploaded yet").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_batch_lists_what_each_row_became_filtered_by_outcome_and_the_person_lists_the_row_that_made_them() {
        String family = "Rowtest" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x");
        ImportBatch b = importText("rows-" + family + ".csv", "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n"
                // Names and a date no other test uses: another test's Agim born the same day would be a candidate.
                + ",Gentian," + family + ",Ramiz,21.09.1936,Gjilan\n,Besnik," + family + ",Ramiz,31.02.1936,Gjilan\n");
        navigate("admin/imports", ImportsView.class);
        Grid<ImportBatch> history = (Grid<ImportBatch>) $(Grid.class).withId("import-history").single();
        for (int i = 0; i < test(history).size(); i++) {
            if (test(history).getRow(i).id().equals(b.id())) {
                test(history).clickRow(i);
            }
        }
        assertThat($(Div.class).withId("import-rows").single().getText())
                .startsWith("Rows: 2 read = 1 created + 0 merged + 0 sent to review + 1 rejected");
        Grid<ImportRows.Row> rows = (Grid<ImportRows.Row>) $(Grid.class).withId("import-rows-grid").single();
        assertThat(test(rows).size()).isEqualTo(2);
        assertThat(test(rows).getCellText(0, 1)).isEqualTo("Created");
        Select<String> filter = (Select<String>) $(Select.class).withId("import-row-filter").single();
        filter.setValue("rejected");
        assertThat(test(rows).size()).isEqualTo(1);
        assertThat(test(rows).getRow(0).line()).isEqualTo(3);
        assertThat(test(rows).getCellText(0, 4)).isEqualTo("date-invalid");

        String person = neo4j.query("MATCH (p:Person {familyName: $f}) RETURN p.id").bind(family).to("f")
                .fetchAs(String.class).one().orElseThrow();
        navigate("registry/person/" + person, PersonView.class);
        Grid<ExtractRows.ExtractRow> extractRows = (Grid<ExtractRows.ExtractRow>) $(Grid.class)
                .withId("person-extract-rows").single();
        assertThat(test(extractRows).size()).isEqualTo(1);
        assertThat(test(extractRows).getCellText(0, 0)).isEqualTo(b.fileName());
        assertThat(test(extractRows).getCellText(0, 1)).isEqualTo("2");
        assertThat(test(extractRows).getCellText(0, 3)).isEqualTo("Created");
    }

    @Test
    void an_analyst_merges_a_doubtful_person_and_can_take_it_back() {
        String family = "Reviewtest" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "y");
        importText("first-" + family + ".csv", "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n"
                + ",Milica," + family + ",,08.03.1978,\n");
        ImportBatch second = importText("second-" + family + ".csv", "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n"
                + ",Милица," + family + ",,03.08.1978,\n");
        assertThat(second.counts()).containsEntry("person.review", 1L);
        MatchReviews.Review pending = Actors.analyst("a", () -> reviews.list("PENDING", 0, 500)).stream()
                .filter(r -> r.batch().equals(second.id())).findFirst().orElseThrow();

        navigate("admin/imports/review", MatchReviewView.class);
        @SuppressWarnings("unchecked")
        Grid<MatchReviews.Review> grid = (Grid<MatchReviews.Review>) $(Grid.class).withId("review-grid").single();
        int row = -1;
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i).id().equals(pending.id())) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        assertThat(test(grid).getCellText(row, 4)).contains("same family name").contains("date of birth one typo apart");
        var actions = (HorizontalLayout) test(grid).getCellComponent(row, 5);
        test((Button) actions.getComponentAt(0)).click();
        assertThat(Actors.analyst("a", () -> reviews.find(pending.id())).orElseThrow().status()).isEqualTo("MERGED");
        assertThat(sameAs(pending, true)).isEqualTo(1);

        Actors.analyst("a", () -> reviews.undo(pending.id()));
        assertThat(Actors.analyst("a", () -> reviews.find(pending.id())).orElseThrow().status()).isEqualTo("PENDING");
        assertThat(sameAs(pending, true)).as("the link is revoked").isZero();
        assertThat(sameAs(pending, false)).as("and kept").isEqualTo(1);
    }

    @Test
    void two_analysts_deciding_one_question_at_once_get_one_decision_and_one_refusal() throws Exception {
        String family = "Racetest" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "z");
        var csv = new StringBuilder("Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n");
        // Five people nothing alike but for one date each, read day-first and then month-first: five questions.
        for (String name : List.of("Milica,Kovač", "Jelena,Horvat", "Ana,Babić", "Vesna,Stojanović", "Dragana,Perić")) {
            csv.append(',').append(name).append(family).append(",,08.03.1978,\n");
        }
        importText("race-first-" + family + ".csv", csv.toString());
        ImportBatch second = importText("race-second-" + family + ".csv", csv.toString().replace("08.03.1978", "03.08.1978"));
        var pending = Actors.analyst("a", () -> reviews.list("PENDING", 0, 500)).stream()
                .filter(r -> r.batch().equals(second.id())).toList();
        assertThat(pending).hasSize(5);

        try (var pool = Executors.newFixedThreadPool(2)) {
            for (MatchReviews.Review question : pending) {
                var start = new CountDownLatch(1);
                var merge = pool.submit(() -> decideAfter(start, "a", question, MatchReviews.Verdict.MERGED));
                var apart = pool.submit(() -> decideAfter(start, "b", question, MatchReviews.Verdict.KEPT_APART));
                start.countDown();
                List<String> outcomes = List.of(merge.get(), apart.get());
                assertThat(outcomes).as("one decides, the other is told it is decided").containsExactlyInAnyOrder(
                        "decided", "import.review.not-pending");
                String status = Actors.analyst("a", () -> reviews.find(question.id())).orElseThrow().status();
                assertThat(sameAs(question, true)).as("a link exactly when merged").isEqualTo(status.equals("MERGED") ? 1 : 0);
            }
        }
    }

    private String decideAfter(CountDownLatch start, String analyst, MatchReviews.Review question,
                               MatchReviews.Verdict verdict) throws InterruptedException {
        start.await();
        try {
            Actors.analyst(analyst, () -> reviews.decide(question.id(), verdict));
            return "decided";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private long sameAs(MatchReviews.Review r, boolean activeOnly) {
        return neo4j.query("MATCH (:Person {id: $a})-[s:SAME_AS]->(:Person {id: $b}) WHERE NOT $active OR s.revokedAt IS NULL RETURN count(s)")
                .bindAll(Map.of("a", r.recordId(), "b", r.candidateId(), "active", activeOnly))
                .fetchAs(Long.class).one().orElseThrow();
    }
}
