package org.armstrace.intelligence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.Cases;
import org.armstrace.cases.LinkKind;
import org.armstrace.cases.ui.CaseView;
import org.armstrace.intelligence.TimeAndPlace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** The case's page shows intelligence's timeline and map of what it links, and opens the chart on its records. */
class CaseTimelineSectionTests extends ViewTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Cases cases;
    @Autowired
    CaseLinks links;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    private Case plantedCase() {
        neo4j.query("""
                CREATE (holder:Person {id: 'tl-holder-' + $run, givenName: 'Agim', familyName: 'Gashi'})
                CREATE (gun:Firearm {id: 'tl-gun-' + $run, makeAsRead: 'Zastava', serialAsRead: 'S1', countryOfManufacture: 'RS'})
                CREATE (seen:Firearm {id: 'tl-seen-' + $run, serialAsRead: 'S1'})
                CREATE (rec:Recovery {id: 'tl-rec-' + $run, kind: 'SEIZED', at: datetime()})
                CREATE (rec)-[:RECOVERED]->(seen)-[:IDENTIFIED_AS]->(gun)
                CREATE (holder)-[:POSSESSED]->(rec)
                CREATE (rec)-[:AT]->(:Location {latitude: 42.6629, longitude: 21.1655, municipality: 'prishtina'})
                """).bind(run).to("run").run();
        Case c = Actors.analyst(() -> cases.open(new Cases.NewCase("Timeline " + run, CaseKind.SEIZURE, null, false, null)));
        Actors.analyst(() -> links.link(c.number(), LinkKind.RECOVERY, "tl-rec-" + run));
        Actors.analyst(() -> links.link(c.number(), LinkKind.PERSON, "tl-holder-" + run));
        Actors.analyst(() -> links.link(c.number(), LinkKind.FIREARM, "tl-gun-" + run));
        return c;
    }

    @Test
    void the_case_page_shows_the_timeline_and_map_of_everything_linked() {
        Case c = plantedCase();
        Actors.analyst(() -> {
            navigate(CaseView.path(c.number()), CaseView.class);
            TimelineMap map = $(TimelineMap.class).single();
            assertThat(map.picture.events()).extracting(TimeAndPlace.Event::ref).contains("Recovery:tl-rec-" + run);
            assertThat(map.picture.routes()).as("the pistol made in Serbia, recovered here").hasSize(1);
            assertThat($(Span.class).withId("chart-timeline-status").single().getText()).contains("1 route(s)");
            assertThat($(Anchor.class).withId("case-open-chart").single().getHref())
                    .isEqualTo("intelligence/chart/CaseRecords:" + c.number());
            return null;
        });
    }

    @Test
    void the_link_chart_opens_with_the_cases_records_as_seeds_and_not_on_a_case_the_analyst_may_not_see() {
        Case c = plantedCase();
        // First: the view is reused by the next navigation, canvas and all.
        Actors.analyst(() -> {
            LinkChartView view = navigate("intelligence/chart/CaseRecords:FFP-1999-999999", LinkChartView.class);
            assertThat(view.canvas.entities()).isEmpty();
            assertThat(view.status.getText()).contains("FFP-1999-999999");
            return null;
        });
        Actors.analyst(() -> {
            LinkChartView view = navigate("intelligence/chart/CaseRecords:" + c.number(), LinkChartView.class);
            assertThat(view.canvas.entities().keySet()).containsExactlyInAnyOrder("Case:" + c.reference(),
                    "Recovery:tl-rec-" + run, "Person:tl-holder-" + run, "Firearm:tl-gun-" + run);
            assertThat(view.status.getText()).isEqualTo("4 records of case " + c.number() + " and the links among them");
            return null;
        });
    }
}
