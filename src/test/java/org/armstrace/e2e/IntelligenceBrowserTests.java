package org.armstrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.BrowserTest;
import org.armstrace.intelligence.AlertScanner;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Journey 5 of PRODUCT.md in headless Chromium: the link chart with the mouse, its timeline and map,
 * an alert opened from the list, and the canvas saved as an investigation and reopened.
 */
@ArmsTraceTest
@BrowserTest
class IntelligenceBrowserTests extends ChromiumTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    AlertScanner scanner;

    @Test
    void an_analyst_expands_a_node_finds_a_path_and_opens_an_alert_in_the_chart() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A holder with six licensed pistols, each recovered and identified; a carrier found with the first.
        neo4j.query("""
                CREATE (holder:Person {id: 'holder-' + $run, givenName: 'Agim' + $run, familyName: 'Gashi'})
                CREATE (licence:Licence {id: 'lic-' + $run, number: 'L-' + $run})
                CREATE (holder)-[:HOLDS]->(licence)
                CREATE (carrier:Person {id: 'carrier-' + $run, givenName: 'Dragan', familyName: 'Ilić'})
                WITH holder, licence, carrier
                UNWIND range(1, 6) AS i
                CREATE (gun:Firearm {id: 'gun-' + $run + '-' + i, makeAsRead: 'Zastava', model: 'M70', serialAsRead: 'S' + i,
                                     recordedAt: datetime(), source: 'test'})
                CREATE (seen:Firearm {id: 'seen-' + $run + '-' + i, status: 'RECOVERED', makeAsRead: 'Zastava',
                                      serialAsRead: 'S' + i, recordedAt: datetime(), source: 'test'})
                CREATE (rec:Recovery {id: 'rec-' + $run + '-' + i, kind: 'SEIZED', at: datetime() - duration({days: i}),
                                      status: 'IDENTIFIED', recordedBy: 'officer1', recordedAt: datetime(), source: 'test'})
                CREATE (licence)-[:COVERS]->(gun)
                CREATE (rec)-[:RECOVERED]->(seen)-[:IDENTIFIED_AS {by: 'analyst1', at: datetime()}]->(gun)
                FOREACH (_ IN CASE WHEN i = 1 THEN [1] ELSE [] END |
                    CREATE (carrier)-[:POSSESSED]->(rec)
                    CREATE (rec)-[:PART_OF]->(:Case {reference: 'PR-2024/' + $run})
                    SET gun.countryOfManufacture = 'RS', rec.caseReference = 'PR-2024/' + $run
                    CREATE (rec)-[:AT]->(:Location {latitude: 42.6629, longitude: 21.1655, municipality: 'prishtina',
                                                    method: 'DEVICE'}))
                """).bind(run).to("run").run();
        Actors.analyst(scanner::scanNow).get(2, TimeUnit.MINUTES);

        Page page = signedIn("an-" + run.substring(0, 5), Role.ANALYST);
        page.setDefaultTimeout(30_000);
        try {
            page.navigate(url("/intelligence/chart/Recovery:rec-" + run + "-1"));
            Locator graph = page.locator("#chart-graph");
            waitForNodes(page, 3);

            // Click the recovered pistol on the canvas, and expand it: the registered pistol appears.
            clickNode(page, "Firearm:seen-" + run + "-1");
            assertThat(page.locator("#chart-selection")).hasText("Zastava S1");
            page.locator("#chart-expand").click();
            waitForNode(page, "Firearm:gun-" + run + "-1");

            // Around the selected pistol: its recovery on the timeline, and on the map with its route from Serbia.
            assertThat(page.locator("#chart-timeline-status")).containsText("1 route(s)");
            page.waitForSelector("#chart-timeline[rendered]");
            page.waitForSelector("#chart-map[drawn='2']");
            shot(page, "intelligence-timeline-map");
            assertThat((Integer) page.locator("#chart-map").evaluate("m => m._map.getZoom()"))
                    .as("the map is zoomed to the route, not the world").isGreaterThanOrEqualTo(5);
            // Brushing the left part of the timeline (before the recovery) chooses dates that leave it out.
            var timeline = page.locator("#chart-timeline").boundingBox();
            double y = timeline.y + timeline.height / 2;
            page.mouse().move(timeline.x + 125, y);
            page.mouse().down();
            page.mouse().move(timeline.x + 125 + (timeline.width - 150) * 0.3, y, new Mouse.MoveOptions()
                    .setSteps(8));
            page.mouse().up();
            page.waitForSelector("#chart-map[drawn='0']");
            assertThat(page.locator("#chart-from input")).not().hasValue("");
            assertThat((Integer) graph.evaluate("(g, id) => g._cy.getElementById(id).length", "Recovery:rec-" + run + "-1"))
                    .as("the recovery is outside the brushed dates").isZero();
            page.locator("#chart-from").evaluate("p => { p.value = ''; }");
            page.locator("#chart-until").evaluate("p => { p.value = ''; }");
            page.waitForSelector("#chart-map[drawn='2']");

            // From the carrier to the registered pistol's licence (not drawn yet): the path goes through it.
            clickNode(page, "Person:carrier-" + run);
            page.locator("#chart-path-from").click();
            assertThat(page.locator("#chart-status")).containsText("Paths will start at Dragan Ilić");
            clickNode(page, "Firearm:gun-" + run + "-1");
            page.locator("#chart-expand").click();
            waitForNode(page, "Licence:lic-" + run);
            clickNode(page, "Licence:lic-" + run);
            page.locator("#chart-path-to").click();
            assertThat(page.locator("#chart-status")).containsText("shortest path");
            assertThat((Integer) graph.evaluate("g => g._cy.nodes('.onPath').length")).isEqualTo(5);
            shot(page, "intelligence-path");

            // The chart as a vector drawing, with every node's label in it.
            var download = page.waitForDownload(() -> page.locator("#chart-svg").click());
            assertThat(download.suggestedFilename()).isEqualTo("link-chart.svg");
            String svg = Files.readString(download.path());
            assertThat(svg).contains("<svg").contains("Dragan Ilić");
            // ...as a picture, and as an i2 Analyst's Notebook chart with each entity's identity and icon.
            var png = page.waitForDownload(() -> page.locator("#chart-png").click());
            assertThat(png.suggestedFilename()).isEqualTo("link-chart.png");
            assertThat(Files.readAllBytes(png.path())).startsWith(0x89, 'P', 'N', 'G');
            var anx = page.waitForDownload(() -> page.locator("#chart-anx").click());
            assertThat(anx.suggestedFilename()).isEqualTo("link-chart.anx");
            assertThat(Files.readString(anx.path())).contains("<Chart", "Identity=\"Person:carrier-" + run + "\"",
                    "Label=\"Dragan Ilić\"", "<IconStyle Type=\"Gun\"");

            // The holder behind six recovered pistols is an alert; it opens with its evidence in the chart.
            page.navigate(url("/intelligence/alerts"));
            page.locator("#alerts-pattern").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Diversion")).click();
            page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Agim" + run)).first()
                    .click();
            assertThat(page.locator("#alert-summary")).containsText("is behind 6 recovered weapons");
            page.locator("#alert-open-chart").click();
            page.waitForURL("**/intelligence/chart/Alert:*");
            assertThat(page.locator("#chart-status")).containsText("The alert's evidence");
            waitForNodes(page, 1 + 1 + 6 + 6 + 6);
            shot(page, "intelligence-alert");

            // Pin the holder, save the canvas as an investigation, and reopen it: drawn where it was.
            clickNode(page, "Person:holder-" + run);
            page.locator("#chart-pin").click();
            assertThat(page.locator("#chart-pin")).hasText("Unpin");
            String where = "(g, id) => { const p = g._cy.getElementById(id).position(); return p.x + ',' + p.y; }";
            Object pinnedAt = graph.evaluate(where, "Person:holder-" + run);
            page.locator("#chart-save").click();
            page.locator("#investigation-name input").fill("Straw buyer " + run);
            page.locator("#investigation-notes textarea").fill("Six pistols on one licence.");
            page.locator("#investigation-save").click();
            assertThat(page.locator("#chart-status")).containsText("revision 1");
            page.waitForURL("**/intelligence/chart/Investigation:*");
            page.reload();
            waitForNodes(page, 1 + 1 + 6 + 6 + 6);
            assertThat(page.locator("#chart-status")).containsText("Straw buyer " + run);
            assertThat(graph.evaluate(where, "Person:holder-" + run)).isEqualTo(pinnedAt);
            assertThat((Boolean) graph.evaluate("(g, id) => g._cy.getElementById(id).locked()", "Person:holder-" + run))
                    .isTrue();
            page.locator("#chart-notes").click();
            assertThat(page.locator("#chart-notes")).containsText("Six pistols on one licence.");

            // The recovery page opens its case, whose reference holds a slash, in the chart.
            page.navigate(url("/recovery/rec-" + run + "-1"));
            page.locator("#recovery-case-chart").click();
            page.waitForURL("**/intelligence/chart/Case:*");
            waitForNode(page, "Case:PR-2024/" + run);
            waitForNode(page, "Recovery:rec-" + run + "-1");
        } catch (AssertionError | RuntimeException e) {
            shot(page, "intelligence-failed");
            throw e;
        }
    }

    /** Waits until Cytoscape has drawn at least this many nodes. */
    private static void waitForNodes(Page page, int n) {
        page.waitForFunction("n => { const g = document.querySelector('#chart-graph');"
                + " return g && g._cy && g._cy.nodes().length >= n; }", n);
    }

    private static void waitForNode(Page page, String id) {
        page.waitForFunction("id => { const g = document.querySelector('#chart-graph');"
                + " return g && g._cy && g._cy.getElementById(id).nonempty(); }", id);
    }

    /** A real mouse click where Cytoscape drew the node. */
    private static void clickNode(Page page, String id) {
        Locator graph = page.locator("#chart-graph");
        graph.evaluate("(g, id) => g._cy.getElementById(id).nonempty() || (() => { throw new Error('no node ' + id) })()", id);
        // Let the layout settle before reading where the node is.
        page.waitForTimeout(300);
        @SuppressWarnings("unchecked")
        var at = (Map<String, Number>) graph.evaluate("(g, id) => g._cy.getElementById(id).renderedPosition()", id);
        var box = graph.boundingBox();
        page.mouse().click(box.x + at.get("x").doubleValue(), box.y + at.get("y").doubleValue());
        page.waitForFunction("id => document.querySelector('#chart-selection').textContent.length > 0"
                + " && document.querySelector('#chart-graph')._cy.getElementById(id).selected()", id);
    }
}
