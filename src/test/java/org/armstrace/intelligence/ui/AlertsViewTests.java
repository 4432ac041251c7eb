package org.armstrace.intelligence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import java.util.UUID;
import org.armstrace.ViewTest;
import org.armstrace.intelligence.Alert;
import org.armstrace.intelligence.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.WithMockUser;

class AlertsViewTests extends ViewTest {

    @Autowired
    Neo4jClient neo4j;

    String run;

    /** An open diversion alert as a scan leaves it, over a holder, his licence and a recovered pistol. */
    @BeforeEach
    void plant() {
        run = UUID.randomUUID().toString().substring(0, 8);
        neo4j.query("""
                CREATE (holder:Person {id: 'holder-' + $run, givenName: 'Agim', familyName: 'Gashi'})
                CREATE (licence:Licence {id: 'lic-' + $run, number: 'L-' + $run})
                CREATE (gun:Firearm {id: 'gun-' + $run, makeAsRead: 'Zastava', serialAsRead: 'S1'})
                CREATE (holder)-[:HOLDS]->(licence)-[:COVERS]->(gun)
                CREATE (a:Alert {id: 'alert-' + $run, key: 'DIVERSION:Person:holder-' + $run, pattern: 'DIVERSION',
                                 subject: 'Person:holder-' + $run, score: 1000.0, status: 'OPEN', current: true,
                                 args: ['Agim Gashi', '3', '4', 'PERSON'], firstSeenAt: datetime(), seenAt: datetime(),
                                 evidence: ['Person:holder-' + $run, 'Licence:lic-' + $run, 'Firearm:gun-' + $run]})
                CREATE (a)-[:HAS_EVENT]->(:AlertEvent {at: datetime(), by: 'system', kind: 'FOUND', added: a.evidence,
                                                       removed: []})
                """).bind(run).to("run").run();
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void the_ranked_list_reads_an_alert_and_a_dismissal_needs_a_reason() {
        AlertsView view = navigate("intelligence/alerts", AlertsView.class);
        view.pattern.setValue(Pattern.TIME_TO_CRIME);
        assertThat(view.timeToCrime.isVisible()).as("the distribution per origin is drawn for time-to-crime").isTrue();
        view.pattern.setValue(Pattern.DIVERSION);
        assertThat(view.timeToCrime.isVisible()).isFalse();
        Alert top = view.grid.getGenericDataView().getItems().findFirst().orElseThrow();
        assertThat(top.id()).isEqualTo("alert-" + run);
        assertThat(view.summary(top)).isEqualTo("Agim Gashi (PERSON) is behind 3 recovered weapons, of 4 handled");

        view.grid.select(top);
        assertThat(view.details.getElement().getTextRecursively()).contains("3 entities of evidence", "found by a scan");
        test(view.details.getChildren().flatMap(c -> c.getChildren()).filter(c -> "alert-dismiss".equals(c.getId().orElse(null)))
                .findFirst().map(Button.class::cast).orElseThrow()).click();
        AlertDecisionForm form = $(AlertDecisionForm.class).single();
        test(form.decide).click();
        assertThat($(Notification.class).last().getElement().getProperty("text")).isEqualTo("Give a reason.");
        assertThat(form.decide.isEnabled()).as("the form stays open to try again").isTrue();

        test(form.reason).setValue("A registered collector; the weapons were stolen from him in 2019.");
        test(form.decide).click();
        assertThat(view.shown.status()).isEqualTo(Alert.Status.DISMISSED);
        assertThat(view.details.getElement().getTextRecursively()).contains("dismissed by analyst1");
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void an_alert_opens_in_the_link_chart_with_its_evidence_linked() {
        LinkChartView chart = navigate("intelligence/chart/Alert:alert-" + run, LinkChartView.class);
        assertThat(chart.canvas.entities()).containsOnlyKeys("Person:holder-" + run, "Licence:lic-" + run, "Firearm:gun-" + run);
        assertThat(chart.canvas.links()).extracting(l -> l.type()).containsExactlyInAnyOrder("HOLDS", "COVERS");

        LinkChartView missing = navigate("intelligence/chart/Alert:nothing-" + run, LinkChartView.class);
        assertThat(missing.status.getText()).isEqualTo("There is no such alert.");
    }
}
