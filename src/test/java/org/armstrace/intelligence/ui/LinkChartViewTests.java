package org.armstrace.intelligence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.armstrace.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.WithMockUser;

class LinkChartViewTests extends ViewTest {

    @Autowired
    Neo4jClient neo4j;

    String run;

    @BeforeEach
    void plant() {
        run = UUID.randomUUID().toString().substring(0, 8);
        neo4j.query("""
                CREATE (holder:Person {id: 'holder-' + $run, givenName: 'Agim', familyName: 'Gashi'})
                CREATE (licence:Licence {id: 'lic-' + $run, number: 'L-' + $run})
                CREATE (gun:Firearm {id: 'gun-' + $run, makeAsRead: 'Zastava', serialAsRead: 'S1'})
                CREATE (seen:Firearm {id: 'seen-' + $run, serialAsRead: 'S1'})
                CREATE (rec:Recovery {id: 'rec-' + $run, kind: 'SEIZED', at: datetime()})
                CREATE (carrier:Person {id: 'carrier-' + $run, givenName: 'Dragan', familyName: 'Ilić'})
                CREATE (holder)-[:HOLDS]->(licence)-[:COVERS]->(gun)
                CREATE (rec)-[:RECOVERED]->(seen)-[:IDENTIFIED_AS]->(gun)
                CREATE (carrier)-[:POSSESSED]->(rec)
                """).bind(run).to("run").run();
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void the_chart_opens_on_an_entity_grows_on_expand_hides_and_finds_the_path_between_two_people() {
        LinkChartView view = navigate("intelligence/chart/Recovery:rec-" + run, LinkChartView.class);
        assertThat(view.entities.keySet()).containsExactlyInAnyOrder("Recovery:rec-" + run, "Firearm:seen-" + run,
                "Person:carrier-" + run);
        assertThat(view.status.getText()).contains("Every link");

        view.grow("Firearm:seen-" + run);
        assertThat(view.entities).containsKey("Firearm:gun-" + run);

        // "Path from here" on the selected recovery, then "to here" is offered only for another entity.
        test(view.pathFrom).click();
        assertThat(view.status.getText()).contains("Paths will start at");
        assertThat(view.pathTo.isEnabled()).as("the recovery is still selected").isFalse();

        // Path from the carrier to the licence holder, who is not on the chart yet.
        view.paths("Person:carrier-" + run, "Person:holder-" + run);
        assertThat(view.onPath).contains("Person:holder-" + run, "Licence:lic-" + run, "Firearm:gun-" + run);
        assertThat(view.status.getText()).contains("shortest path");

        view.hidden.add("Licence:lic-" + run);
        view.grow("Person:holder-" + run);
        assertThat(view.entities).containsKey("Licence:lic-" + run);
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void a_hostile_or_unknown_entity_is_explained_not_thrown() {
        LinkChartView view = navigate("intelligence/chart/User:admin", LinkChartView.class);
        assertThat(view.status.getText()).isEqualTo("That is not an entity of an investigation.");
        assertThat(view.entities).isEmpty();
    }
}
