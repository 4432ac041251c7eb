package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestSecurity;
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

    private <T> T asAnalyst(java.util.function.Supplier<T> action) {
        return TestSecurity.as("analyst1", "ANALYST", action);
    }

    @Test
    void the_chain_importer_dealer_holder_is_kept_and_a_resale_ends_the_earlier_holding_without_deleting_it() {
        String importer = asAnalyst(() -> holdings.registerOrganisation(Holdings.OrganisationKind.IMPORTER, "ALB-IMP-1",
                "Arms Import sh.p.k.", "XK", REGISTRY));
        String dealer = asAnalyst(() -> holdings.registerOrganisation(Holdings.OrganisationKind.DEALER, "D-17",
                "Gjuetari Dealer", "XK", REGISTRY));
        Person first = asAnalyst(() -> people.register(new NewPerson("Arben", "Morina", null, null, null, null), REGISTRY));
        Person second = asAnalyst(() -> people.register(new NewPerson("Luan", "Hasani", null, null, null, null), REGISTRY));
        Licence l1 = asAnalyst(() -> holdings.issueLicence("H-1001", Licence.Kind.HUNTING, first.id(), "MPB",
                LocalDate.of(2018, 1, 1), LocalDate.of(2028, 1, 1), REGISTRY));
        Licence l2 = asAnalyst(() -> holdings.issueLicence("H-2002", Licence.Kind.HUNTING, second.id(), "MPB",
                LocalDate.of(2022, 1, 1), null, REGISTRY));
        Firearm f = asAnalyst(() -> firearms.register(new NewFirearm("rifle", "Zastava", "M70", "7.62x39", "H-CHAIN-1",
                "RS", 2017, List.of()), REGISTRY));

        asAnalyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.IMPORT, LocalDate.of(2018, 2, 1), f.id(),
                "MANUFACTURER:ZASTAVA", importer, null, "customs 18/223"), REGISTRY));
        asAnalyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2018, 3, 1), f.id(),
                importer, dealer, null, null), REGISTRY));
        asAnalyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2018, 4, 1), f.id(),
                dealer, first.id(), l1.id(), null), REGISTRY));
        asAnalyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2023, 5, 1), f.id(),
                first.id(), second.id(), l2.id(), null), REGISTRY));

        assertThat(asAnalyst(() -> holdings.transfers(f.id()))).extracting(Transfer::fromName, Transfer::toName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Zastava Oružje", "Arms Import sh.p.k."),
                        org.assertj.core.groups.Tuple.tuple("Arms Import sh.p.k.", "Gjuetari Dealer"),
                        org.assertj.core.groups.Tuple.tuple("Gjuetari Dealer", "Arben Morina"),
                        org.assertj.core.groups.Tuple.tuple("Arben Morina", "Luan Hasani"));
        var firstRecord = asAnalyst(() -> people.read(first.id())).orElseThrow();
        assertThat(firstRecord.firearms()).singleElement().satisfies(h -> {
            assertThat(h.from()).isEqualTo(LocalDate.of(2018, 4, 1));
            assertThat(h.to()).isEqualTo(LocalDate.of(2023, 5, 1));
        });
        assertThat(asAnalyst(() -> timeline.of(f.id()))).extracting(TimelineEntry::kind).containsSubsequence(
                TimelineEntry.Kind.TRANSFER, TimelineEntry.Kind.TRANSFER, TimelineEntry.Kind.TRANSFER,
                TimelineEntry.Kind.LICENCE_FROM, TimelineEntry.Kind.LICENCE_TO);

        Neighbourhood.Graph graph = asAnalyst(() -> neighbourhood.ofFirearm(f.id()));
        assertThat(graph.nodes()).extracting(Neighbourhood.Node::caption)
                .contains("H-CHAIN-1", "Zastava Oružje", "Arms Import sh.p.k.", "Gjuetari Dealer", "Arben Morina",
                        "Luan Hasani", "H-1001", "H-2002");
        assertThat(graph.edges()).extracting(Neighbourhood.Edge::type).contains("MADE_BY", "COVERS", "HOLDS", "OF", "FROM", "TO");
        assertThat(graph.edges()).allSatisfy(e -> assertThat(graph.nodes()).extracting(Neighbourhood.Node::id)
                .contains(e.from(), e.to()));
    }

    @Test
    void a_licence_needs_a_known_holder_a_sane_number_and_dates_in_order() {
        assertThatThrownBy(() -> asAnalyst(() -> holdings.issueLicence("L-1", Licence.Kind.CARRY, "nobody", null, null,
                null, REGISTRY))).isInstanceOf(IllegalArgumentException.class);
        Person p = asAnalyst(() -> people.register(new NewPerson("Ana", "Petrović", null, null, null, null), REGISTRY));
        assertThatThrownBy(() -> asAnalyst(() -> holdings.issueLicence("~", Licence.Kind.CARRY, p.id(), null, null,
                null, REGISTRY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> asAnalyst(() -> holdings.issueLicence("L-2", Licence.Kind.CARRY, p.id(), null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1), REGISTRY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> asAnalyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.SALE,
                LocalDate.of(2020, 1, 1), "no-such-firearm", null, p.id(), null, null), REGISTRY)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
