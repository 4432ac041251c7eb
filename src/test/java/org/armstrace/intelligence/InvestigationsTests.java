package org.armstrace.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

@ArmsTraceTest
class InvestigationsTests {

    @Autowired
    Investigations investigations;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    AuditLog audit;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String owner = "inv-owner-" + run;

    private Investigations.Canvas canvas(String... refs) {
        return new Investigations.Canvas(List.of(refs), List.of(refs[refs.length - 1]), List.of(refs[0]),
                Set.of("HOLDS", "COVERS"), LocalDate.of(2020, 1, 1), null, "breadthfirst",
                Map.of(refs[0], new Investigations.Position(10.5, -20)));
    }

    private long stored(String id) {
        return neo4j.query("MATCH (i:Investigation {id: $id}) RETURN count(i)").bind(id).to("id").fetchAs(Long.class)
                .one().orElse(0L);
    }

    @Test
    void a_saved_canvas_reopens_as_it_was_and_every_save_is_kept_as_a_version() {
        String id = Investigations.newId();
        var first = Actors.analyst(owner, () -> investigations.save(id, 0, "  Straw buyer Gashi  ", "Line one\nLine two",
                null, canvas("Person:p-" + run, "Firearm:f-" + run)));
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.name()).isEqualTo("Straw buyer Gashi");

        var opened = Actors.analyst(owner, () -> investigations.open(id));
        assertThat(opened.notes()).isEqualTo("Line one\nLine two");
        assertThat(opened.canvas().entities()).containsExactly("Person:p-" + run, "Firearm:f-" + run);
        assertThat(opened.canvas().hidden()).containsExactly("Firearm:f-" + run);
        assertThat(opened.canvas().pinned()).containsExactly("Person:p-" + run);
        assertThat(opened.canvas().types()).containsExactlyInAnyOrder("HOLDS", "COVERS");
        assertThat(opened.canvas().since()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(opened.canvas().until()).isNull();
        assertThat(opened.canvas().layout()).isEqualTo("breadthfirst");
        assertThat(opened.canvas().positions()).containsEntry("Person:p-" + run, new Investigations.Position(10.5, -20));
        assertThat(Actors.admin(() -> audit.page(0, 5, owner, "investigation.opened"))).isNotEmpty();

        var second = Actors.analyst(owner, () -> investigations.save(id, 1, "Straw buyer Gashi, with the carrier", "",
                null, canvas("Person:p-" + run, "Firearm:f-" + run, "Person:carrier-" + run)));
        assertThat(second.revision()).isEqualTo(2);
        var versions = Actors.analyst(owner, () -> investigations.history(id));
        assertThat(versions).extracting(Investigations.Version::revision).containsExactly(1L, 2L);
        assertThat(versions).extracting(Investigations.Version::name).containsExactly("Straw buyer Gashi",
                "Straw buyer Gashi, with the carrier");
        assertThat(versions).extracting(Investigations.Version::entities).containsExactly(2, 3);
    }

    @Test
    void a_save_on_an_old_revision_or_a_second_save_of_a_new_canvas_is_refused_and_changes_nothing() {
        String id = Investigations.newId();
        Actors.analyst(owner, () -> investigations.save(id, 0, "First", "", null, canvas("Person:p-" + run)));
        // The same new canvas saved again (a double click that got through, a retry): still one investigation.
        assertThatThrownBy(() -> Actors.analyst(owner, () -> investigations.save(id, 0, "First again", "", null,
                canvas("Person:p-" + run)))).hasMessage("intelligence.investigation-changed");
        assertThat(stored(id)).isEqualTo(1);

        Actors.analyst(owner, () -> investigations.save(id, 1, "Second", "", null, canvas("Person:p-" + run)));
        assertThatThrownBy(() -> Actors.analyst(owner, () -> investigations.save(id, 1, "Stale", "", null,
                canvas("Person:p-" + run)))).hasMessage("intelligence.investigation-changed");
        assertThat(Actors.analyst(owner, () -> investigations.open(id)).name()).isEqualTo("Second");
        assertThat(Actors.analyst(owner, () -> investigations.history(id))).hasSize(2);
    }

    @Test
    void an_investigation_shared_with_a_role_is_open_to_that_role_only_and_only_its_owner_changes_the_sharing() {
        String id = Investigations.newId();
        Actors.analyst(owner, () -> investigations.save(id, 0, "Shared " + run, "", "SUPERVISOR", canvas("Person:p-" + run)));

        assertThat(Actors.supervisor("sup-" + run, () -> investigations.list(200))).extracting(Investigations.Investigation::id)
                .contains(id);
        assertThat(Actors.analyst("other-" + run, () -> investigations.list(200))).extracting(Investigations.Investigation::id)
                .doesNotContain(id);
        assertThatThrownBy(() -> Actors.analyst("other-" + run, () -> investigations.open(id)))
                .hasMessage("intelligence.no-such-investigation");
        assertThatThrownBy(() -> Actors.analyst("other-" + run, () -> investigations.save(id, 1, "Taken over", "", null,
                canvas("Person:p-" + run)))).hasMessage("intelligence.no-such-investigation");

        // A supervisor saves a new revision; asking to make it private does not change whom it is shared with.
        var bySupervisor = Actors.supervisor("sup-" + run, () -> investigations.save(id, 1, "Shared, reviewed", "Checked.",
                null, canvas("Person:p-" + run)));
        assertThat(bySupervisor.sharedWith()).isEqualTo("SUPERVISOR");
        assertThat(bySupervisor.updatedBy()).isEqualTo("sup-" + run);
        assertThat(bySupervisor.owner()).isEqualTo(owner);
        var byOwner = Actors.analyst(owner, () -> investigations.save(id, 2, "Mine again", "", null, canvas("Person:p-" + run)));
        assertThat(byOwner.sharedWith()).isNull();
        assertThatThrownBy(() -> Actors.supervisor("sup-" + run, () -> investigations.open(id)))
                .hasMessage("intelligence.no-such-investigation");
    }

    @Test
    void hostile_or_oversized_input_is_refused_before_anything_is_stored() {
        String id = Investigations.newId();
        var ok = canvas("Person:p-" + run);
        var layout = new Investigations.Canvas(List.of("Person:p"), List.of(), List.of(), Set.of(), null, null, "<script>",
                Map.of());
        var type = new Investigations.Canvas(List.of("Person:p"), List.of(), List.of(),
                Set.of("HOLDS]-() DETACH DELETE n //"), null, null, null, Map.of());
        var big = new Investigations.Canvas(IntStream.range(0, 201).mapToObj(i -> "Firearm:f" + i).toList(), List.of(),
                List.of(), Set.of(), null, null, null, Map.of());
        var offCanvas = new Investigations.Canvas(List.of("Person:p"), List.of("Person:elsewhere"), List.of(), Set.of(),
                null, null, null, Map.of());
        List<Map.Entry<String, Supplier<Object>>> attempts = List.of(
                Map.entry("intelligence.bad-name", () -> investigations.save(id, 0, " ", "", null, ok)),
                Map.entry("intelligence.bad-name", () -> investigations.save(id, 0, "x".repeat(121), "", null, ok)),
                Map.entry("intelligence.bad-name", () -> investigations.save(id, 0, "a\u0000b", "", null, ok)),
                Map.entry("intelligence.bad-notes", () -> investigations.save(id, 0, "n", "bell\u0007", null, ok)),
                Map.entry("intelligence.bad-share", () -> investigations.save(id, 0, "n", "", "FIELD_OFFICER", ok)),
                Map.entry("intelligence.bad-entity", () -> investigations.save(id, 0, "n", "", null, canvas("User:admin"))),
                Map.entry("intelligence.bad-entity", () -> investigations.save(id, 0, "n", "", null, offCanvas)),
                Map.entry("intelligence.bad-layout", () -> investigations.save(id, 0, "n", "", null, layout)),
                Map.entry("intelligence.bad-type", () -> investigations.save(id, 0, "n", "", null, type)),
                Map.entry("intelligence.canvas-too-big", () -> investigations.save(id, 0, "n", "", null, big)),
                Map.entry("intelligence.no-such-investigation", () -> investigations.save("../../etc", 0, "n", "", null, ok)));
        attempts.forEach(a -> assertThatThrownBy(() -> Actors.analyst(owner, a.getValue()))
                .as(a.getKey()).hasMessage(a.getKey()));
        assertThat(stored(id)).isZero();
        assertThatThrownBy(() -> Actors.officer("officer-" + run, () -> investigations.list(10)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
