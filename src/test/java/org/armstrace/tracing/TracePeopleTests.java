package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonMatcher;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The people a partner's request names go through the registry's matcher, as possessors at a
 * recovery do: a sure match is linked, an unsure one is registered and put to the review queue.
 * Each test has a family name of its own, so that the shared graph's people are no candidates.
 */
@ArmsTraceTest
class TracePeopleTests {

    static final Provenance REGISTRY = new Provenance("import:test-registry", Provenance.Confidence.HIGH);

    @Autowired
    Submissions submissions;
    @Autowired
    TraceIntake intake;
    @Autowired
    PersonRegistry people;
    @Autowired
    PersonMatcher matcher;
    @Autowired
    Neo4jClient neo4j;

    String tag;

    @BeforeEach
    void namesOfItsOwn() {
        String consonants = "bdfgklmnpt";
        var sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append("aeiu".charAt(ThreadLocalRandom.current().nextInt(4)))
                    .append(consonants.charAt(ThreadLocalRandom.current().nextInt(10)));
        }
        tag = sb.toString();
    }

    static byte[] body(String serial, String people) {
        return """
                {"partnerReference": "AL-PEOPLE-1", "priority": "ROUTINE",
                 "weapon": {"type": "pistol", "make": "Zastava", "model": "M70", "calibre": "7.65 Browning",
                            "serial": "%s", "countryOfManufacture": "RS"},
                 "whyIllicit": "Found without a licence in a car at the Morinë crossing",
                 "legalBasis": "Criminal Procedure Code art. 208",
                 "intendedUse": "Criminal proceedings against the possessor",
                 "people": [%s]}
                """.formatted(serial, people).getBytes(StandardCharsets.UTF_8);
    }

    TraceRequest send(String people) {
        String serial = "TP-" + UUID.randomUUID().toString().substring(0, 8);
        return Actors.partner("AL", () -> submissions.receiveApi(body(serial, people), null));
    }

    long recorded(String family) {
        return neo4j.query("MATCH (p:Person {familyName: $family}) RETURN count(p)").bind(family).to("family")
                .fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void a_person_named_in_a_partners_request_who_matches_a_recorded_person_is_linked_to_them_not_registered_again() {
        String family = "Berish" + tag;
        Person known = Actors.analyst(() -> people.register(NewPeople.newPerson("Shkëlqim", family).parent("Ilaz")
                .born(LocalDate.of(1979, 5, 17)).bornIn("Prizren").build(), REGISTRY));

        // Written abroad without the diacritics, and without the parent's name or the place of birth.
        TraceRequest request = send("""
                {"givenName": "Shkelqim", "familyName": "%s", "birthDate": "1979-05-17"}""".formatted(family));

        assertThat(Actors.intake(() -> intake.peopleOf(request.id()))).containsExactly(known.id());
        assertThat(recorded(family)).isEqualTo(1);
        assertThat(neo4j.query("MATCH (d:MatchDecision {batch: $where}) RETURN count(d)")
                .bind("trace:" + request.number()).to("where").fetchAs(Long.class).one()).contains(0L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_person_named_in_a_partners_request_who_may_be_a_recorded_person_is_registered_and_put_to_the_review_queue() {
        String family = "Lushtak" + tag;
        Person known = Actors.analyst(() -> people.register(NewPeople.newPerson("Fatbardh", family)
                .born(LocalDate.of(1968, 1, 9)).bornIn("Gjakovë").build(), REGISTRY));

        // No date of birth: the names alone cannot decide, and must not be silently apart either.
        TraceRequest request = send("""
                {"givenName": "Fatbardh", "familyName": "%s"}""".formatted(family));

        List<String> named = Actors.intake(() -> intake.peopleOf(request.id()));
        assertThat(named).singleElement().isNotEqualTo(known.id());
        Map<String, Object> question = neo4j.query("""
                        MATCH (d:MatchDecision {recordId: $record})
                        RETURN d.status AS status, d.kind AS kind, d.candidateId AS candidate, d.batch AS batch,
                               d.reasons AS reasons""")
                .bind(named.getFirst()).to("record").fetch().one().orElseThrow();
        assertThat(question).containsEntry("status", "PENDING").containsEntry("kind", "PERSON")
                .containsEntry("candidate", known.id()).containsEntry("batch", "trace:" + request.number());
        assertThat((List<String>) question.get("reasons")).contains("born-missing", "given-equal", "family-equal");
        assertThat(neo4j.query("MATCH (p:Person {id: $id}) RETURN p.source").bind(named.getFirst()).to("id")
                .fetchAs(String.class).one()).contains("partner:" + request.number());
    }

    @Test
    void a_partners_token_may_neither_match_nor_register_a_person_by_itself() {
        var typed = NewPeople.newPerson("Arben", "Kastrat" + tag).born(LocalDate.of(1990, 3, 4)).build();

        assertThatThrownBy(() -> Actors.partner("AL", () -> matcher.resolve(typed, REGISTRY, "trace:x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.partner("AL", () -> people.register(typed, REGISTRY)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(recorded("Kastrat" + tag)).isZero();
    }

    @Test
    void the_person_a_partners_request_registers_is_audited_as_intake_acting_for_that_partner() {
        String family = "Dukagjin" + tag;

        TraceRequest request = send("""
                {"givenName": "Lulzim", "familyName": "%s", "birthDate": "1984-11-02"}""".formatted(family));

        String id = Actors.intake(() -> intake.peopleOf(request.id())).getFirst();
        assertThat(neo4j.query("""
                        MATCH (e:AuditEvent {action: 'person.registered'}) WHERE 'Person:' + $id IN e.entities
                        RETURN e.actor""")
                .bind(id).to("id").fetchAs(String.class).all()).containsExactly("intake-for:token:AL");
    }

    @Test
    void a_person_without_a_family_name_refuses_the_request_and_nothing_is_recorded() {
        String serial = "TP-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> Actors.partner("AL", () -> submissions.receiveApi(body(serial, """
                {"givenName": "Besnik"}"""), null))).hasMessage("trace.bad-person");
        assertThat(neo4j.query("MATCH (t:TraceRequest {weaponSerial: $s}) RETURN count(t)").bind(serial).to("s")
                .fetchAs(Long.class).one()).contains(0L);
    }
}
