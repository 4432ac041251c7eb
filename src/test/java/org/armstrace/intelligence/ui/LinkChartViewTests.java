package org.armstrace.intelligence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.ViewTest;
import org.armstrace.base.ui.ChartView;
import org.armstrace.base.ui.MapView;
import org.armstrace.intelligence.LinkChartWorkbook;
import org.armstrace.intelligence.LinkGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;

class LinkChartViewTests extends ViewTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    org.armstrace.intelligence.ChartInterchange interchange;

    String run;

    @BeforeEach
    void plant() {
        run = UUID.randomUUID().toString().substring(0, 8);
        neo4j.query("""
                CREATE (holder:Person {id: 'holder-' + $run, givenName: 'Agim', familyName: 'Gashi'})
                CREATE (licence:Licence {id: 'lic-' + $run, number: 'L-' + $run, validFrom: date('2015-03-01')})
                CREATE (gun:Firearm {id: 'gun-' + $run, makeAsRead: 'Zastava', serialAsRead: 'S1', countryOfManufacture: 'RS'})
                CREATE (seen:Firearm {id: 'seen-' + $run, serialAsRead: 'S1'})
                CREATE (rec:Recovery {id: 'rec-' + $run, kind: 'SEIZED', at: datetime()})
                CREATE (carrier:Person {id: 'carrier-' + $run, givenName: 'Dragan', familyName: 'Ilić'})
                CREATE (holder)-[:HOLDS]->(licence)-[:COVERS]->(gun)
                CREATE (rec)-[:RECOVERED]->(seen)-[:IDENTIFIED_AS]->(gun)
                CREATE (carrier)-[:POSSESSED]->(rec)
                CREATE (rec)-[:AT]->(:Location {latitude: 42.6629, longitude: 21.1655, municipality: 'prishtina'})
                """).bind(run).to("run").run();
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void the_chart_opens_on_an_entity_grows_on_expand_hides_and_finds_the_path_between_two_people() {
        LinkChartView view = navigate("intelligence/chart/Recovery:rec-" + run, LinkChartView.class);
        assertThat(view.canvas.entities().keySet()).containsExactlyInAnyOrder("Recovery:rec-" + run, "Firearm:seen-" + run,
                "Person:carrier-" + run);
        assertThat(view.status.getText()).contains("Every link");
        assertThat(view.toolbar.record.isVisible()).isTrue();
        assertThat(view.toolbar.record.getHref()).as("the selected entity's own page").isEqualTo("recovery/rec-" + run);

        view.grow("Firearm:seen-" + run);
        assertThat(view.canvas.entities()).containsKey("Firearm:gun-" + run);

        // "Path from here" on the selected recovery, then "to here" is offered only for another entity.
        test(view.toolbar.pathFrom).click();
        assertThat(view.status.getText()).contains("Paths will start at");
        assertThat(view.toolbar.pathTo.isEnabled()).as("the recovery is still selected").isFalse();

        // Path from the carrier to the licence holder, who is not on the chart yet.
        view.paths("Person:carrier-" + run, "Person:holder-" + run);
        assertThat(view.canvas.onPath()).contains("Person:holder-" + run, "Licence:lic-" + run, "Firearm:gun-" + run);
        assertThat(view.status.getText()).contains("shortest path");

        view.canvas.hide("Licence:lic-" + run);
        view.grow("Person:holder-" + run);
        assertThat(view.canvas.entities()).containsKey("Licence:lic-" + run);
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void the_dates_hide_events_outside_them_and_the_workbook_holds_what_is_visible() throws Exception {
        LinkChartView view = navigate("intelligence/chart/Person:carrier-" + run, LinkChartView.class);
        view.neighbourhood("Person:carrier-" + run, 3);
        assertThat(view.canvas.visibleGraph().entities()).extracting(LinkGraph.Entity::ref)
                .contains("Recovery:rec-" + run, "Firearm:gun-" + run);

        // The recovery happened today: a window ending yesterday hides it and its links, not the people or weapons.
        view.toolbar.until.setValue(LocalDate.now().minusDays(1));
        LinkGraph visible = view.canvas.visibleGraph();
        assertThat(visible.entities()).extracting(LinkGraph.Entity::ref).doesNotContain("Recovery:rec-" + run)
                .contains("Person:carrier-" + run, "Firearm:gun-" + run);
        assertThat(visible.links()).noneMatch(l -> l.from().equals("Recovery:rec-" + run) || l.to().equals("Recovery:rec-" + run));

        var out = new ByteArrayOutputStream();
        LinkChartWorkbook.write(visible, "Entities", List.of("Entity", "Kind", "Caption",
                "Date"), "Links", List.of("From", "To", "Relationship"), java.util.Locale.ENGLISH, out);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheet("Entities").getLastRowNum()).isEqualTo(visible.entities().size());
            assertThat(book.getSheet("Links").getLastRowNum()).isEqualTo(visible.links().size());
            assertThat(book.getSheet("Entities").getRow(1).getCell(0).getStringCellValue()).isEqualTo("Person:carrier-" + run);
        }
        view.toolbar.until.clear();
        assertThat(view.canvas.visibleGraph().entities()).extracting(LinkGraph.Entity::ref).contains("Recovery:rec-" + run);
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void brushing_the_timeline_sets_the_dates_and_the_chart_and_map_show_only_what_happened_in_them() {
        LinkChartView view = navigate("intelligence/chart/Firearm:seen-" + run, LinkChartView.class);
        view.grow("Firearm:seen-" + run);
        // The recovered weapon is selected: its timeline holds the licence of the weapon it was
        // identified as (2015) and today's recovery, whose route runs from Serbia to Prishtina.
        assertThat(view.timelineMap.picture.events()).extracting(e -> e.ref()).containsExactly("Licence:lic-" + run,
                "Recovery:rec-" + run);
        assertThat(view.timelineMap.timelineStatus.getText()).startsWith("2 dated event(s) and 1 route(s)");
        assertThat(drawn(view.timelineMap.map, "points")).isEqualTo(1);
        assertThat(drawn(view.timelineMap.map, "lines")).isEqualTo(1);

        ComponentUtil.fireEvent(view.timelineMap.timeline, new ChartView.RangeEvent(view.timelineMap.timeline, true, "2015-01-01", "2015-12-31"));
        assertThat(view.toolbar.since.getValue()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(view.toolbar.until.getValue()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(view.canvas.visibleGraph().entities()).extracting(LinkGraph.Entity::ref).doesNotContain("Recovery:rec-" + run)
                .contains("Firearm:seen-" + run);
        assertThat(drawn(view.timelineMap.map, "points")).as("the recovery is outside the brushed dates").isZero();
        assertThat(drawn(view.timelineMap.map, "lines")).isZero();
        assertThat(view.timelineMap.timeline.getElement().getPropertyRaw("range").toString()).contains("2015-01-01", "2015-12-31");

        // A brush the client garbled, or a cleared one, means no dates.
        ComponentUtil.fireEvent(view.timelineMap.timeline, new ChartView.RangeEvent(view.timelineMap.timeline, true, "2015-13-99", null));
        assertThat(view.toolbar.since.getValue()).isNull();
        assertThat(drawn(view.timelineMap.map, "points")).isEqualTo(1);
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void a_saved_canvas_reopens_with_its_pins_hidden_entities_and_places_and_is_listed_with_its_versions() {
        LinkChartView view = navigate("intelligence/chart/Recovery:rec-" + run, LinkChartView.class);
        view.grow("Firearm:seen-" + run);
        test(view.toolbar.pin).click();
        assertThat(view.toolbar.pin.getText()).isEqualTo("Unpin");
        view.canvas.hide("Person:carrier-" + run);
        view.save("Carrier " + run, "Seen twice.", "SUPERVISOR", Map.of("Recovery:rec-" + run, Map.of("x", 12.0, "y", 34.0),
                "Firearm:elsewhere", Map.of("x", 1.0, "y", 1.0)));
        assertThat(view.status.getText()).isEqualTo("Saved as \u201cCarrier " + run + "\u201d, revision 1.");
        String id = view.investigation.id();

        LinkChartView reopened = navigate("intelligence/chart/Investigation:" + id, LinkChartView.class);
        assertThat(reopened.canvas.entities().keySet()).containsExactlyInAnyOrderElementsOf(view.canvas.entities().keySet());
        assertThat(reopened.canvas.pinned()).containsExactly("Recovery:rec-" + run);
        assertThat(reopened.canvas.hidden()).containsExactly("Person:carrier-" + run);
        assertThat(reopened.notes.isVisible()).isTrue();
        assertThat(reopened.status.getText()).startsWith("Investigation \u201cCarrier " + run + "\u201d, revision 1");
        var drawnNodes = (JsonNode) reopened.graph.getElement().getPropertyRaw("elements");
        var rec = StreamSupport.stream(drawnNodes.spliterator(), false)
                .filter(n -> n.path("data").path("id").asString().equals("Recovery:rec-" + run)).findFirst().orElseThrow();
        assertThat(rec.path("position").path("x").asDouble()).isEqualTo(12.0);
        assertThat(rec.path("classes").asString()).contains("pinned");

        InvestigationsView list = navigate("intelligence/investigations", InvestigationsView.class);
        var saved = list.list.getGenericDataView().getItems().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        list.list.select(saved);
        assertThat(list.versions.getGenericDataView().getItems().toList()).singleElement()
                .satisfies(v -> assertThat(v.savedBy()).isEqualTo("analyst1"));
        assertThat(list.open.isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void a_case_whose_reference_holds_a_slash_opens_with_its_recoveries_and_links_are_captioned_in_the_users_language() {
        neo4j.query("MATCH (r:Recovery {id: 'rec-' + $run}) CREATE (r)-[:PART_OF]->(:Case {reference: 'PR-2024/17 ' + $run})")
                .bind(run).to("run").run();
        LinkChartView view = navigate("intelligence/chart/Case:PR-2024/17 " + run, LinkChartView.class);
        assertThat(view.canvas.entities().keySet()).containsExactlyInAnyOrder("Case:PR-2024/17 " + run, "Recovery:rec-" + run);
        assertThat(view.toolbar.record.isVisible()).as("a case has no page of its own").isFalse();
        var drawnEdges = (JsonNode) view.graph.getElement().getPropertyRaw("elements");
        assertThat(drawnEdges.toString()).contains("part of case").doesNotContain("PART_OF\"");
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void an_investigation_that_does_not_exist_or_is_not_shared_is_explained() {
        LinkChartView view = navigate("intelligence/chart/Investigation:" + UUID.randomUUID(), LinkChartView.class);
        assertThat(view.status.getText()).isEqualTo("There is no such investigation, or it is not shared with you.");
        assertThat(view.canvas.entities()).isEmpty();
    }

    private static int drawn(MapView map, String property) {
        return ((JsonNode) map.getElement().getPropertyRaw(property)).size();
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void a_hostile_or_unknown_entity_is_explained_not_thrown() {
        LinkChartView view = navigate("intelligence/chart/User:admin", LinkChartView.class);
        assertThat(view.status.getText()).isEqualTo("That is not an entity of an investigation.");
        assertThat(view.canvas.entities()).isEmpty();
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void a_partners_chart_is_drawn_dashed_beside_ours_and_an_accepted_match_joins_it_to_the_record() {
        LinkChartView view = navigate("intelligence/chart/Recovery:rec-" + run, LinkChartView.class);
        String anx = """
                <Chart><ChartItemCollection>
                  <ChartItem Label="Their pistol"><End><Entity EntityId="g" Identity="Firearm:gun-%1$s">
                    <Icon><IconStyle Type="Gun"/></Icon></Entity></End></ChartItem>
                  <ChartItem Label="Their courier"><End><Entity EntityId="c" Identity="AL-C-1">
                    <Icon><IconStyle Type="Car"/></Icon></Entity></End></ChartItem>
                  <ChartItem Label="drove"><Link End1Id="c" End2Id="g"><LinkStyle Type="Link"/></Link></ChartItem>
                </ChartItemCollection></Chart>""".formatted(run);
        view.partner.show(interchange.importAnx("partner " + run + ".anx",
                new ByteArrayInputStream(anx.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        String drawnNow = view.graph.getElement().getPropertyRaw("elements").toString();
        assertThat(drawnNow).contains("\"i2:g\"", "\"i2:c\"", "Their courier", "dashed", "drove");
        assertThat(view.canvas.entities()).as("nothing of the partner's chart is on our canvas")
                .doesNotContainKeys("i2:g", "Firearm:gun-" + run);
        assertThat(view.partner.summary.getText()).contains("2 entities and 1 links");
        var rows = view.partner.proposals.getGenericDataView().getItems().toList();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.anxId()).isEqualTo("g");
            assertThat(r.proposal().ref()).isEqualTo("Firearm:gun-" + run);
        });

        view.partner.accept(rows.getFirst());

        assertThat(view.canvas.entities()).as("the accepted record comes onto the canvas").containsKey("Firearm:gun-" + run);
        var elements = (JsonNode) view.graph.getElement().getPropertyRaw("elements");
        assertThat(StreamSupport.stream(elements.spliterator(), false).filter(e -> e.path("data").path("source").asString()
                .equals("i2:g")).map(e -> e.path("data").path("target").asString()).toList())
                .as("the partner's pistol is joined to our record").contains("Firearm:gun-" + run);
        assertThat(view.partner.summary.getText()).contains("Accepted: Their pistol is", "i2:partner " + run + ".anx");
    }

    @Test
    @WithMockUser(username = "analyst1", roles = "ANALYST")
    void a_picture_of_the_chart_is_audited_as_an_export_of_the_people_in_it() {
        LinkChartView view = navigate("intelligence/chart/Recovery:rec-" + run, LinkChartView.class);
        for (String button : List.of("chart-png", "chart-svg")) {
            long before = exports();
            test($(com.vaadin.flow.component.button.Button.class).withId(button).single()).click();
            assertThat(exports()).as(button).isEqualTo(before + 1);
        }
    }

    /** Export events naming the carrier, who is on the chart. */
    private long exports() {
        return neo4j.query("""
                        MATCH (e:AuditEvent {action: 'intelligence.chart-exported'})
                        WHERE 'Person:carrier-' + $run IN e.entities RETURN count(e) AS n""")
                .bind(run).to("run").fetchAs(Long.class).one().orElseThrow();
    }
}
