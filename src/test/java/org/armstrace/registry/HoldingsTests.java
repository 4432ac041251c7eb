package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ArmsTraceTest
class HoldingsTests {

    static final Provenance REGISTRY = new Provenance("import:test-registry.csv", Provenance.Confidence.HIGH);

    @Autowired
    Holdings holdings;
    @Autowired
    PersonRegistry people;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    FirearmTimeline timeline;
    @Autowired
    Neighbourhood neighbourhood;

    @Test
    void the_chain_importer_dealer_holder_is_kept_and_a_resale_ends_the_earlier_holding_without_deleting_it() {
        String importer = Actors.analyst(() -> holdings.registerOrganisation(Holdings.OrganisationKind.IMPORTER, "ALB-IMP-1",
                "Arms Import sh.p.k.", "XK", REGISTRY));
        String dealer = Actors.analyst(() -> holdings.registerOrganisation(Holdings.OrganisationKind.DEALER, "D-17",
                "Gjuetari Dealer", "XK", REGISTRY));
        Person first = Actors.analyst(() -> people.register(NewPeople.newPerson("Arben", "Morina").build(), REGISTRY));
        Person second = Actors.analyst(() -> people.register(NewPeople.newPerson("Luan", "Hasani").build(), REGISTRY));
        Licence l1 = Actors.analyst(() -> holdings.issueLicence("H-1001", Licence.Kind.HUNTING, first.id(), "MPB",
                LocalDate.of(2018, 1, 1), LocalDate.of(2028, 1, 1), REGISTRY));
        Licence l2 = Actors.analyst(() -> holdings.issueLicence("H-2002", Licence.Kind.HUNTING, second.id(), "MPB",
                LocalDate.of(2022, 1, 1), null, REGISTRY));
        Firearm f = Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("rifle").make("Zastava")
                .model("M70").calibre("7.62x39").serial("H-CHAIN-1").country("RS").year(2017).build(), REGISTRY));

        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.IMPORT, LocalDate.of(2018, 2, 1), f.id())
                .from("MANUFACTURER:ZASTAVA").to(importer).reference("customs 18/223").build(), REGISTRY));
        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2018, 3, 1), f.id())
                .from(importer).to(dealer).build(), REGISTRY));
        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2018, 4, 1), f.id())
                .from(dealer).to(first.id()).toLicence(l1.id()).build(), REGISTRY));
        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2023, 5, 1), f.id())
                .from(first.id()).to(second.id()).toLicence(l2.id()).build(), REGISTRY));

        assertThat(Actors.analyst(() -> holdings.transfers(f.id()))).extracting(Transfer::fromName, Transfer::toName)
                .containsExactly(
                        Tuple.tuple("Zastava Oružje", "Arms Import sh.p.k."),
                        Tuple.tuple("Arms Import sh.p.k.", "Gjuetari Dealer"),
                        Tuple.tuple("Gjuetari Dealer", "Arben Morina"),
                        Tuple.tuple("Arben Morina", "Luan Hasani"));
        var firstRecord = Actors.analyst(() -> people.read(first.id())).orElseThrow();
        assertThat(firstRecord.firearms()).singleElement().satisfies(h -> {
            assertThat(h.from()).isEqualTo(LocalDate.of(2018, 4, 1));
            assertThat(h.to()).isEqualTo(LocalDate.of(2023, 5, 1));
        });
        assertThat(Actors.analyst(() -> timeline.of(f.id()))).extracting(TimelineEntry::kind).containsSubsequence(
                TimelineEntry.Kind.TRANSFER, TimelineEntry.Kind.TRANSFER, TimelineEntry.Kind.TRANSFER,
                TimelineEntry.Kind.LICENCE_FROM, TimelineEntry.Kind.LICENCE_TO);

        Neighbourhood.Graph graph = Actors.analyst(() -> neighbourhood.ofFirearm(f.id()));
        assertThat(graph.nodes()).extracting(Neighbourhood.Node::caption)
                .contains("H-CHAIN-1", "Zastava Oružje", "Arms Import sh.p.k.", "Gjuetari Dealer", "Arben Morina",
                        "Luan Hasani", "H-1001", "H-2002");
        assertThat(graph.edges()).extracting(Neighbourhood.Edge::type).contains("MADE_BY", "COVERS", "HOLDS", "OF", "FROM", "TO");
        assertThat(graph.edges()).allSatisfy(e -> assertThat(graph.nodes()).extracting(Neighbourhood.Node::id)
                .contains(e.from(), e.to()));
    }

    @Test
    void a_licence_needs_a_known_holder_a_sane_number_and_dates_in_order() {
        assertThatThrownBy(() -> Actors.analyst(() -> holdings.issueLicence("L-1", Licence.Kind.CARRY, "nobody", null, null,
                null, REGISTRY))).isInstanceOf(IllegalArgumentException.class);
        Person p = Actors.analyst(() -> people.register(NewPeople.newPerson("Ana", "Petrović").build(), REGISTRY));
        assertThatThrownBy(() -> Actors.analyst(() -> holdings.issueLicence("~", Licence.Kind.CARRY, p.id(), null, null,
                null, REGISTRY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actors.analyst(() -> holdings.issueLicence("L-2", Licence.Kind.CARRY, p.id(), null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1), REGISTRY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2020, 1, 1), "no-such-firearm")
                .to(p.id()).build(), REGISTRY)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
