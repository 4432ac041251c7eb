package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A field officer at the scene learns that a weapon is registered and has a holder on file, not
 * who: the registry's services return {@link Person#ON_FILE} instead of people to that role, so no
 * view or API can show more. The desk gets the names, and the read is audited.
 */
@ArmsTraceTest
class FieldOfficerRedactionTests {

    static final Provenance REGISTRY = new Provenance("import:redaction-test", Provenance.Confidence.HIGH);

    @Autowired
    FirearmRegistry firearms;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;
    @Autowired
    Neighbourhood neighbourhood;
    @Autowired
    FirearmTimeline timeline;
    @Autowired
    AuditLog audit;

    record Held(Person holder, Person seller, Firearm weapon) {
    }

    /** A weapon sold by one person to another, who holds it under a licence. */
    private Held held() {
        String tag = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        Person holder = Actors.analyst(() -> people.register(NewPeople.newPerson("Valon", "Kastrati" + letters(tag)).build(),
                REGISTRY));
        Person seller = Actors.analyst(() -> people.register(NewPeople.newPerson("Besnik", "Shala" + letters(tag)).build(),
                REGISTRY));
        Firearm weapon = Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("rifle").make("Zastava")
                .model("M48").calibre("7.92x57").serial("RED-" + tag).country("RS").year(1956).build(), REGISTRY));
        Licence licence = Actors.analyst(() -> holdings.issueLicence("LIC-RED-" + tag, Licence.Kind.HUNTING, holder.id(),
                "MUP", LocalDate.of(2012, 3, 1), null, REGISTRY));
        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2013, 5, 1),
                weapon.id()).from(seller.id()).to(holder.id()).toLicence(licence.id()).build(), REGISTRY));
        return new Held(holder, seller, weapon);
    }

    private static String letters(String digits) {
        return digits.chars().mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
    }

    private List<AuditEvent> eventsAbout(Person p) {
        return Actors.admin(() -> audit.about("Person:" + p.id(), 100));
    }

    @Test
    void a_field_officer_gets_the_weapon_page_without_holders_or_parties_and_no_read_is_recorded() {
        Held h = held();
        int before = eventsAbout(h.holder()).size();

        Neighbourhood.Graph graph = Actors.officer(() -> neighbourhood.ofFirearm(h.weapon().id()));
        List<TimelineEntry> entries = Actors.officer(() -> timeline.of(h.weapon().id()));
        List<Transfer> transfers = Actors.officer(() -> holdings.transfers(h.weapon().id()));

        String everything = graph + " " + entries + " " + transfers;
        assertThat(everything).doesNotContain(h.holder().familyName(), h.seller().familyName(), h.holder().id(),
                h.seller().id());
        assertThat(graph.nodes()).filteredOn(n -> n.kind().equals("Person"))
                .containsExactly(new Neighbourhood.Node(Person.ON_FILE, "Person", ""));
        assertThat(transfers).singleElement().satisfies(t -> {
            assertThat(t.fromName()).isEqualTo(Person.ON_FILE);
            assertThat(t.toName()).isEqualTo(Person.ON_FILE);
        });
        assertThat(entries).filteredOn(e -> e.kind() == TimelineEntry.Kind.LICENCE_FROM).singleElement()
                .satisfies(e -> assertThat(e.args()).contains(Person.ON_FILE));
        assertThat(eventsAbout(h.holder())).as("nobody was shown, so nothing is recorded").hasSize(before);
    }

    @Test
    void an_analyst_gets_the_names_and_each_read_names_the_analyst_and_both_people() {
        Held h = held();
        String holder = h.holder().displayName();
        String seller = h.seller().displayName();

        Neighbourhood.Graph graph = Actors.analyst(() -> neighbourhood.ofFirearm(h.weapon().id()));
        List<TimelineEntry> entries = Actors.analyst(() -> timeline.of(h.weapon().id()));

        assertThat(graph.nodes()).extracting(Neighbourhood.Node::caption).contains(holder, seller);
        assertThat(entries).flatExtracting(TimelineEntry::args).contains(holder, seller);
        for (String action : List.of("firearm.neighbourhood-read", "firearm.timeline-read")) {
            assertThat(eventsAbout(h.holder())).filteredOn(e -> e.action().equals(action)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo(Actors.ANALYST);
                        assertThat(e.entities()).containsExactlyInAnyOrder("Firearm:" + h.weapon().id(),
                                "Person:" + h.holder().id(), "Person:" + h.seller().id());
                        assertThat(e.details()).isEqualTo("2 person(s) shown");
                    });
        }
    }
}
