package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** A lawful erasure order blanks a person's data, keeps the record and its links, and is never silent. */
@ArmsTraceTest
class ErasureOrdersTests {

    private static final Provenance REGISTRY = new Provenance("import:erasure.csv#row=2", Provenance.Confidence.HIGH);

    @Autowired
    ErasureOrders erasures;
    @Autowired
    PersonRegistry people;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    Holdings holdings;
    @Autowired
    AuditLog audit;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void an_erasure_order_blanks_the_persons_data_in_the_record_and_its_history_and_keeps_the_links_and_a_tombstone() {
        String t = RegistryDeskTests.tag();
        String family = "Fshirë" + t;
        Person p = Actors.analyst(() -> people.register(new NewPerson("Luan", family, "Bekim", LocalDate.of(1980, 1, 2),
                "Pejë", "12345" + t), REGISTRY));
        Actors.analyst(() -> people.correct(p.id(), new NewPerson("Luan", family, "Bekim", LocalDate.of(1980, 1, 2),
                "Istog", "12345" + t), "certificate", new Provenance("user:analyst1", Provenance.Confidence.HIGH)));
        Firearm f = Actors.analyst(() -> firearms.register(RegistryDeskTests.glock("ERA-" + t), REGISTRY));
        Licence l = Actors.analyst(() -> holdings.issueLicence("LIC-E-" + t, Licence.Kind.HUNTING, p.id(), "MPB",
                LocalDate.of(2010, 1, 1), null, REGISTRY));
        Actors.analyst(() -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2011, 1, 1), f.id(),
                null, p.id(), l.id(), null), REGISTRY));

        ErasureOrders.Erasure done = Actors.admin(() -> erasures.erase(p.id(), "DPA-2026-17", "court ruling"));

        assertThat(done.orderReference()).isEqualTo("DPA-2026-17");
        assertThat(done.by()).isEqualTo(Actors.ADMIN);
        PersonRegistry.PersonRecord record = Actors.analyst(() -> people.read(p.id())).orElseThrow();
        assertThat(record.person()).satisfies(x -> {
            assertThat(x.givenName()).isEmpty();
            assertThat(x.familyName()).isEmpty();
            assertThat(x.parentName()).isNull();
            assertThat(x.birthDate()).isNull();
            assertThat(x.birthPlace()).isNull();
            assertThat(x.nationalId()).isNull();
        });
        assertThat(record.history().toString()).doesNotContain(family, "Pejë", "Istog", "Bekim", "12345" + t, "1980");
        assertThat(record.history()).last().satisfies(v -> {
            assertThat(v.reason()).isEqualTo("erasure order DPA-2026-17: court ruling");
            assertThat(v.before()).contains("familyName=" + ErasureOrders.ERASED);
        });
        assertThat(record.licences()).extracting(Licence::number).containsExactly("LIC-E-" + t);
        assertThat(record.firearms()).extracting(h -> h.firearm().id()).containsExactly(f.id());
        Map<String, Object> keys = neo4j.query("MATCH (p:Person {id: $id}) RETURN p.nameKeys AS names, p.nationalIdKey AS nid")
                .bind(p.id()).to("id").fetch().one().orElseThrow();
        assertThat(keys).containsEntry("names", null).containsEntry("nid", null);
        assertThat(Actors.analyst(() -> people.search(family, 10))).isEmpty();

        List<AuditEvent> events = Actors.admin(() -> audit.about("Person:" + p.id(), 100));
        assertThat(events).filteredOn(e -> e.action().equals("person.erased")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(Actors.ADMIN);
            assertThat(e.details()).contains("DPA-2026-17");
        });
        assertThatThrownBy(() -> Actors.admin(() -> erasures.erase(p.id(), "DPA-2026-18", null)))
                .isInstanceOf(DeskRejected.class).hasMessage("erasure.already");
    }

    @Test
    void only_an_administrator_carries_out_an_erasure_order_and_only_with_its_reference() {
        Person p = Actors.analyst(() -> people.register(new NewPerson("Mira", "Ruajtur" + RegistryDeskTests.tag(), null,
                null, "Prizren", null), REGISTRY));
        assertThatThrownBy(() -> Actors.analyst(() -> erasures.erase(p.id(), "ORDER-1", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.supervisor(() -> erasures.erase(p.id(), "ORDER-1", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.admin(() -> erasures.erase(p.id(), " ", null)))
                .isInstanceOf(DeskRejected.class).hasMessage("erasure.order-required");
        assertThat(Actors.analyst(() -> people.read(p.id())).orElseThrow().person().birthPlace()).isEqualTo("Prizren");
    }
}
