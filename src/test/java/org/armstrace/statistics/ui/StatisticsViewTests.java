package org.armstrace.statistics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.armstrace.ViewTest;
import org.armstrace.base.ui.ChartView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;

class StatisticsViewTests extends ViewTest {

    @Test
    @WithMockUser(username = "sup1", roles = "SUPERVISOR")
    void the_dashboard_draws_every_table_offers_its_exports_and_switches_a_chart_to_its_table() {
        StatisticsView view = navigate(StatisticsView.class);
        assertThat(view.figures).as("this year, at once").isNotNull();
        assertThat($(ChartView.class).all()).hasSizeGreaterThanOrEqualTo(12);
        assertThat($(Anchor.class).withId("statistics-annual-return").single().getHref()).isNotBlank();
        assertThat($(Anchor.class).withId("export-recoveries-by-type").single().getHref()).isNotBlank();

        assertThat($(Grid.class).withId("table-requests-by-direction").all()).as("hidden until asked for").isEmpty();
        view.toggle(element(view, "toggle-requests-by-direction"));
        Grid<?> table = $(Grid.class).withId("table-requests-by-direction").single();
        assertThat(table.isVisible()).isTrue();
        assertThat(test(table).size()).as("both directions").isEqualTo(2);
    }

    @Test
    @WithMockUser(username = "sup1", roles = "SUPERVISOR")
    void a_chart_s_table_is_built_only_when_asked_for_and_only_once() {
        StatisticsView view = navigate(StatisticsView.class);
        assertThat(grids(view)).as("no table built, not even a hidden one").isZero();

        var toggle = element(view, "toggle-recoveries-by-kind");
        view.toggle(toggle);
        view.toggle(toggle);
        view.toggle(toggle);

        assertThat(grids(view)).isEqualTo(1);
        assertThat($(Grid.class).withId("table-recoveries-by-kind").single().isVisible()).isTrue();
        assertThat(toggle.getText()).as("the button now offers the chart back").isEqualTo("Chart");
    }

    @Test
    @WithMockUser(username = "sup1", roles = "SUPERVISOR")
    void the_dashboard_keeps_no_chart_option_once_sent_and_sends_it_again_to_a_chart_attached_anew() {
        navigate(StatisticsView.class);
        List<ChartView> charts = $(ChartView.class).all();
        Map<StateNode, JsonNode> sent = optionsSent();

        assertThat(charts).allSatisfy(chart -> assertThat(chart.getElement().hasProperty("option"))
                .as("the option kept as an element property, in the session for as long as the page is open").isFalse());
        assertThat(sent.keySet()).as("every chart was sent its option")
                .containsExactlyInAnyOrderElementsOf(charts.stream().map(c -> c.getElement().getNode()).toList());
        ChartView byKind = charts.stream().filter(c -> "chart-recoveries-by-kind".equals(
                c.getElement().getParent().getAttribute("id"))).findFirst().orElseThrow();
        assertThat(sent.get(byKind.getElement().getNode()).get("series")).as("what ECharts draws").isNotEmpty();

        var card = byKind.getElement().getParent();
        card.removeChild(byKind.getElement());
        card.appendChild(byKind.getElement());
        var again = optionsSent();
        assertThat(again).as("a chart attached anew is drawn again").containsOnlyKeys(byKind.getElement().getNode());
        assertThat(again.get(byKind.getElement().getNode())).isEqualTo(sent.get(byKind.getElement().getNode()));
    }

    /** The options sent to the charts since the last call, by chart element, as the next response carries them. */
    private static Map<StateNode, JsonNode> optionsSent() {
        var internals = UI.getCurrent().getInternals();
        internals.getStateTree().runExecutionsBeforeClientResponse();
        var sent = new HashMap<StateNode, JsonNode>();
        for (var js : internals.dumpPendingJavaScriptInvocations()) {
            if (js.getInvocation().getExpression().contains("this.option = $0")) {
                sent.put(js.getOwner(), (JsonNode) js.getInvocation().getParameters().getFirst());
            }
        }
        return sent;
    }

    /** The element with this id anywhere under the view, plain elements included. */
    private static Element element(Component view, String id) {
        return find(view.getElement(), id).orElseThrow(() -> new AssertionError("no element #" + id));
    }

    private static Optional<Element> find(Element root, String id) {
        return id.equals(root.getAttribute("id")) ? Optional.of(root)
                : root.getChildren().map(c -> find(c, id)).flatMap(Optional::stream).findFirst();
    }

    /** Grids anywhere in the component tree, hidden ones included. */
    private static long grids(Component root) {
        return (root instanceof Grid<?> ? 1 : 0) + root.getChildren().mapToLong(StatisticsViewTests::grids).sum();
    }

    @Test
    @WithMockUser(username = "sup1", roles = "SUPERVISOR")
    void a_reversed_or_too_long_period_is_explained_and_the_figures_shown_stay() {
        StatisticsView view = navigate(StatisticsView.class);
        var shown = view.figures;
        view.from.setValue(LocalDate.of(2025, 6, 1));
        view.to.setValue(LocalDate.of(2025, 1, 31));
        test(view.show).click();
        assertThat(view.error.getText()).contains("ends (2025-01-31) before it starts (2025-06-01)");
        assertThat(view.figures).isSameAs(shown);

        view.from.setValue(LocalDate.of(2001, 1, 1));
        view.to.setValue(LocalDate.of(2020, 12, 31));
        test(view.show).click();
        assertThat(view.error.getText()).contains("at most 10 years");

        view.from.setValue(LocalDate.of(1999, 1, 1));
        view.to.setValue(LocalDate.of(1999, 12, 31));
        test(view.show).click();
        assertThat(view.error.getText()).isEmpty();
        assertThat(view.figures.notices()).contains("statistics.no-data");
    }
}
