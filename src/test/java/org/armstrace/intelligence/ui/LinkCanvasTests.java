package org.armstrace.intelligence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.armstrace.intelligence.EntityRef;
import org.armstrace.intelligence.Investigations;
import org.armstrace.intelligence.LinkGraph;
import org.junit.jupiter.api.Test;

/** Plain JUnit: what is on the link chart's canvas, what it shows, and what a save of it stores. */
class LinkCanvasTests {

    private static final LinkGraph.Entity HOLDER = new LinkGraph.Entity("Person:holder", "Person", "Agim Gashi", null);
    private static final LinkGraph.Entity LICENCE = new LinkGraph.Entity("Licence:lic", "Licence", "L-1",
            LocalDate.of(2015, 3, 1));
    private static final LinkGraph.Entity GUN = new LinkGraph.Entity("Firearm:gun", "Firearm", "Zastava S1", null);
    private static final LinkGraph.Entity RECOVERY = new LinkGraph.Entity("Recovery:rec", "Recovery", "",
            LocalDate.of(2024, 6, 1));
    private static final LinkGraph.Link HOLDS = new LinkGraph.Link("Person:holder", "Licence:lic", "HOLDS");
    private static final LinkGraph.Link COVERS = new LinkGraph.Link("Licence:lic", "Firearm:gun", "COVERS");
    private static final LinkGraph.Link RECOVERED = new LinkGraph.Link("Recovery:rec", "Firearm:gun", "RECOVERED");

    private final LinkCanvas canvas = new LinkCanvas();

    private static LinkGraph graph(List<LinkGraph.Entity> entities, List<LinkGraph.Link> links) {
        return new LinkGraph(entities, links, 0);
    }

    @Test
    void expanding_adds_a_page_of_neighbours_and_remembers_where_the_next_page_starts() {
        canvas.expanded("Person:holder", canvas.nextPage("Person:holder"), graph(List.of(HOLDER, LICENCE), List.of(HOLDS)));
        assertThat(canvas.nextPage("Person:holder")).isEqualTo(1);

        canvas.expanded("Person:holder", 1, graph(List.of(HOLDER, LICENCE, GUN), List.of(HOLDS, COVERS)));
        assertThat(canvas.nextPage("Person:holder")).isEqualTo(3);
        assertThat(canvas.entities().keySet()).containsExactly("Person:holder", "Licence:lic", "Firearm:gun");
        assertThat(canvas.links()).containsExactly(HOLDS, COVERS);
        assertThat(canvas.nextPage("Firearm:gun")).isZero();
    }

    @Test
    void a_hidden_entity_and_its_links_leave_the_picture_until_a_path_runs_through_it() {
        canvas.merge(graph(List.of(HOLDER, LICENCE, GUN), List.of(HOLDS, COVERS)));
        canvas.hide("Licence:lic");
        assertThat(canvas.visibleGraph()).isEqualTo(graph(List.of(HOLDER, GUN), List.of()));

        canvas.paths(List.of(graph(List.of(HOLDER, LICENCE, GUN, RECOVERY), List.of(HOLDS, COVERS, RECOVERED))));

        assertThat(canvas.hidden()).isEmpty();
        assertThat(canvas.onPath()).containsExactlyInAnyOrder("Person:holder", "Licence:lic", "Firearm:gun", "Recovery:rec");
        assertThat(canvas.visibleGraph().links()).containsExactly(HOLDS, COVERS, RECOVERED);
        assertThat(canvas.styleClasses(LICENCE)).isEqualTo("Licence onPath");
    }

    @Test
    void the_dates_hide_events_outside_them_but_never_entities_without_a_date() {
        canvas.merge(graph(List.of(HOLDER, LICENCE, GUN, RECOVERY), List.of(HOLDS, COVERS, RECOVERED)));
        canvas.dates(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31));

        assertThat(canvas.visibleGraph()).isEqualTo(graph(List.of(HOLDER, LICENCE, GUN), List.of(HOLDS, COVERS)));
        assertThat(canvas.inDates(null)).isTrue();
        assertThat(canvas.inDates(LocalDate.of(2015, 12, 31))).as("the last day is within").isTrue();

        canvas.dates(null, null);
        assertThat(canvas.visibleGraph().entities()).contains(RECOVERY);
    }

    @Test
    void a_path_starts_at_one_selected_entity_and_ends_at_another() {
        canvas.merge(graph(List.of(HOLDER, GUN, RECOVERY), List.of()));
        assertThat(canvas.canPathToSelected()).isFalse();
        canvas.select("Person:holder");
        canvas.pathFromSelected();
        assertThat(canvas.canPathToSelected()).as("the start is still selected").isFalse();
        canvas.select("Firearm:gun");
        assertThat(canvas.canPathToSelected()).isTrue();
        assertThat(canvas.from()).isEqualTo("Person:holder");
    }

    @Test
    void the_selection_has_a_caption_and_its_own_page_when_its_kind_has_one() {
        canvas.merge(graph(List.of(HOLDER, RECOVERY), List.of()));
        assertThat(canvas.caption("Person:holder")).isEqualTo("Agim Gashi");
        assertThat(canvas.caption("Recovery:rec")).as("no caption: its ref").isEqualTo("Recovery:rec");
        assertThat(canvas.caption(null)).isEqualTo("null");
        assertThat(canvas.recordPage("Recovery:rec")).isEqualTo("recovery/rec");
        assertThat(canvas.recordPage("Case:PR-2024/17")).isNull();
    }

    @Test
    void pinning_twice_unpins_and_the_picture_is_about_the_selection_or_the_first_visible_entities() {
        canvas.merge(graph(List.of(HOLDER, LICENCE, GUN), List.of()));
        canvas.togglePin("Firearm:gun");
        assertThat(canvas.isPinned("Firearm:gun")).isTrue();
        assertThat(canvas.styleClasses(GUN)).isEqualTo("Firearm pinned");
        canvas.togglePin("Firearm:gun");
        assertThat(canvas.pinned()).isEmpty();

        canvas.hide("Person:holder");
        assertThat(canvas.around(1)).containsExactly(EntityRef.parse("Licence:lic"));
        canvas.select("Firearm:gun");
        assertThat(canvas.around(1)).containsExactly(EntityRef.parse("Firearm:gun"));
    }

    @Test
    void a_save_stores_every_entity_its_hidden_and_pinned_ones_the_filters_and_where_each_was_drawn() {
        canvas.merge(graph(List.of(HOLDER, LICENCE, GUN), List.of(HOLDS, COVERS)));
        canvas.hide("Person:holder");
        canvas.togglePin("Firearm:gun");
        canvas.dates(LocalDate.of(2015, 1, 1), null);

        var saved = canvas.toSave(Set.of("HOLDS"), "grid", Map.of("Firearm:gun", Map.of("x", 12.0, "y", 34.0),
                "Firearm:elsewhere", Map.of("x", 1.0, "y", 1.0), "Licence:lic", Map.of("x", 5.0)));

        assertThat(saved).isEqualTo(new Investigations.Canvas(List.of("Person:holder", "Licence:lic", "Firearm:gun"),
                List.of("Person:holder"), List.of("Firearm:gun"), Set.of("HOLDS"), LocalDate.of(2015, 1, 1), null, "grid",
                Map.of("Firearm:gun", new Investigations.Position(12.0, 34.0))));
    }

    @Test
    void a_reopened_canvas_is_drawn_where_it_was_until_the_layout_changes_and_counts_what_is_gone() {
        var saved = new Investigations.Canvas(List.of("Person:holder", "Firearm:gun", "Firearm:destroyed"),
                List.of("Person:holder"), List.of("Firearm:gun"), Set.of(), null, LocalDate.of(2020, 1, 1), "cose",
                Map.of("Firearm:gun", new Investigations.Position(12.0, 34.0)));

        long gone = canvas.reopen(saved, graph(List.of(HOLDER, GUN), List.of()));

        assertThat(gone).isEqualTo(1);
        assertThat(canvas.hidden()).containsExactly("Person:holder");
        assertThat(canvas.pinned()).containsExactly("Firearm:gun");
        assertThat(canvas.until()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(canvas.placed("Firearm:gun")).isEqualTo(new Investigations.Position(12.0, 34.0));
        canvas.forgetPlaces();
        assertThat(canvas.placed("Firearm:gun")).isNull();
    }
}
