package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ArmsTraceTest
class PersonRegistryTests {

    static final Provenance REGISTRY = new Provenance("import:test-people.csv", Provenance.Confidence.HIGH);

    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    AuditLog audit;

    @Test
    void a_person_written_in_cyrillic_is_found_by_latin_spellings_with_and_without_diacritics() {
        Person p = Actors.analyst(() -> people.register(NewPeople.newPerson("Ђорђе", "Ђорђевић")
                .born(LocalDate.of(1971, 3, 4)).bornIn("Kraljevo").nationalId("0403971780011").build(), REGISTRY));
        assertThat(p.givenName()).isEqualTo("Ђорђе");
        assertThat(p.nameLatin()).isEqualTo("Đorđe Đorđević");

        for (String query : List.of("Djordje Djordjevic", "Đorđe Đorđević", "Gjorgje Gjorgjeviq", "Ђорђевић")) {
            List<PersonHit> hits = Actors.analyst(() -> people.search(query, 10));
            assertThat(hits).as(query).extracting(h -> h.person().id()).contains(p.id());
        }
        PersonHit hit = Actors.analyst(() -> people.search("Djordje Djordjevic", 10)).stream()
                .filter(h -> h.person().id().equals(p.id())).findFirst().orElseThrow();
        assertThat(hit.reasons()).singleElement().asString().contains("across script or spelling");
    }

    @Test
    void one_typo_per_word_still_finds_the_person_but_every_word_must_match() {
        Person p = Actors.analyst(() -> people.register(NewPeople.newPerson("Xhemajl", "Krasniqi").parent("Ramë")
                .build(), REGISTRY));
        assertThat(Actors.analyst(() -> people.search("Xhemail Krasniqi", 10))).extracting(h -> h.person().id()).contains(p.id());
        assertThat(Actors.analyst(() -> people.search("Džemajl Krasnići", 10))).extracting(h -> h.person().id()).contains(p.id());
        assertThat(Actors.analyst(() -> people.search("Xhemajl Morina", 10))).extracting(h -> h.person().id())
                .doesNotContain(p.id());
    }

    @Test
    void exact_names_rank_before_typos_and_a_year_of_birth_narrows_a_common_name() {
        Person older = Actors.analyst(() -> people.register(NewPeople.newPerson("Fatmir", "Zeqiri")
                .born(LocalDate.of(1961, 2, 3)).build(), REGISTRY));
        Person younger = Actors.analyst(() -> people.register(NewPeople.newPerson("Fatmir", "Zeqiri")
                .born(LocalDate.of(1990, 7, 8)).build(), REGISTRY));
        Person typo = Actors.analyst(() -> people.register(NewPeople.newPerson("Fatmir", "Zeqira").build(), REGISTRY));

        List<PersonHit> all = Actors.analyst(() -> people.search("Fatmir Zeqiri", 10));
        assertThat(all).extracting(h -> h.person().id()).hasSize(3);
        assertThat(all.subList(0, 2)).extracting(h -> h.person().id()).containsExactlyInAnyOrder(older.id(), younger.id());
        assertThat(all.get(2).person().id()).as("a one-letter difference ranks after exact spellings").isEqualTo(typo.id());
        assertThat(Actors.analyst(() -> people.search("Fatmir Zeqiri 1990", 10))).extracting(h -> h.person().id())
                .containsExactly(younger.id());
    }

    @Test
    void a_licence_number_or_personal_number_finds_the_holder_with_the_reason() {
        Person p = Actors.analyst(() -> people.register(NewPeople.newPerson("Agim", "Berisha").nationalId("1234567890")
                .build(), REGISTRY));
        Actors.analyst(() -> holdings.issueLicence("PR-2024/00917", Licence.Kind.POSSESSION, p.id(), "MPB Prishtinë",
                LocalDate.of(2024, 1, 1), LocalDate.of(2029, 1, 1), REGISTRY));

        PersonHit byLicence = Actors.analyst(() -> people.search("pr 2024 00917", 10)).getFirst();
        assertThat(byLicence.person().id()).isEqualTo(p.id());
        assertThat(byLicence.reasons()).containsExactly("holds licence PR-2024/00917");
        assertThat(Actors.analyst(() -> people.search("1234567890", 10)).getFirst().reasons())
                .containsExactly("personal number matches");
    }

    @Test
    void reading_a_record_and_searching_are_audited_with_the_reader() {
        Person p = Actors.analyst(() -> people.register(NewPeople.newPerson("Mira", "Hoxha").build(), REGISTRY));
        long before = Actors.admin(() -> audit.count("analyst2", "person.read"));

        Actors.analyst("analyst2", () -> people.read(p.id()));
        Actors.analyst("analyst2", () -> people.search("Hodža", 5));

        assertThat(Actors.admin(() -> audit.count("analyst2", "person.read"))).isEqualTo(before + 1);
        var searched = Actors.admin(() -> audit.page(0, 1, "analyst2", "person.searched")).getFirst();
        assertThat(searched.entities()).contains("Person:" + p.id());
        assertThat(searched.details()).startsWith("query Hodža;");
    }

    @Test
    void a_record_shows_licences_weapons_held_and_the_corrections_with_the_old_values() {
        Person p = Actors.analyst(() -> people.register(NewPeople.newPerson("Besnik", "Gashi").bornIn("Pejë")
                .build(), REGISTRY));
        Licence l = Actors.analyst(() -> holdings.issueLicence("L-77001", Licence.Kind.HUNTING, p.id(), "MPB Pejë",
                LocalDate.of(2020, 5, 1), null, REGISTRY));
        Firearm f = Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("shotgun").make("Zastava")
                .model("M12").calibre("12 gauge").serial("A77001").country("RS").year(2015).build(), REGISTRY));
        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2020, 6, 1), f.id())
                .to(p.id()).toLicence(l.id()).reference("invoice 44").build(), REGISTRY));
        Actors.analyst(() -> people.correct(p.id(), NewPeople.newPerson("Besnik", "Gashi").parent("Ilir").bornIn("Peć")
                .build(),
                "birth place as in the ID card", new Provenance("user:analyst1", Provenance.Confidence.HIGH)));

        var record = Actors.analyst(() -> people.read(p.id())).orElseThrow();
        assertThat(record.licences()).extracting(Licence::number).containsExactly("L-77001");
        assertThat(record.firearms()).singleElement().satisfies(h -> {
            assertThat(h.firearm().id()).isEqualTo(f.id());
            assertThat(h.from()).isEqualTo(LocalDate.of(2020, 6, 1));
            assertThat(h.to()).isNull();
        });
        assertThat(record.person().birthPlace()).isEqualTo("Peć");
        assertThat(record.history()).hasSize(2);
        assertThat(record.history().get(1).before()).contains("birthPlace=Pejë").doesNotContain("givenName=Besnik");
        assertThat(record.history().get(1).after()).contains("birthPlace=Peć", "parentName=Ilir");
    }

    @Test
    void personal_data_is_refused_to_field_officers_and_partners() {
        assertThatThrownBy(() -> Actors.officer("officer", () -> people.search("Gashi", 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.as("partner", Role.PARTNER, () -> people.read("x")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_supervisor_may_read_a_person_but_not_correct_one_as_the_desk_decided() {
        Person p = Actors.analyst(() -> people.register(NewPeople.newPerson("Arben", "Krasniqi").bornIn("Prizren").build(),
                REGISTRY));
        assertThat(Actors.supervisor(() -> people.read(p.id()))).isPresent();
        assertThatThrownBy(() -> Actors.supervisor(() -> people.correct(p.id(),
                NewPeople.newPerson("Arben", "Krasniqi").bornIn("Prishtinë").build(), "typo", new Provenance("user:sup1",
                        Provenance.Confidence.HIGH)))).isInstanceOf(AccessDeniedException.class);
        assertThat(Actors.analyst(() -> people.read(p.id())).orElseThrow().person().birthPlace()).isEqualTo("Prizren");
    }

    @Test
    void hostile_or_empty_queries_are_refused_with_a_reason_or_find_nothing() {
        assertThatThrownBy(() -> Actors.analyst(() -> people.search("", 10))).isInstanceOf(SearchRejected.class);
        assertThatThrownBy(() -> Actors.analyst(() -> people.search("x".repeat(10_000), 10))).isInstanceOf(SearchRejected.class);
        assertThatThrownBy(() -> Actors.analyst(() -> people.search("Gashi", 0))).isInstanceOf(SearchRejected.class);
        assertThatThrownBy(() -> Actors.analyst(() -> people.search("Gashi", 1_000_000))).isInstanceOf(SearchRejected.class);
        assertThatThrownBy(() -> Actors.analyst(() -> people.search("🔫 ~", 10))).isInstanceOf(SearchRejected.class);
        assertThat(Actors.analyst(() -> people.search("x') OR 1=1 // MATCH (n) DETACH DELETE n", 10))).isEmpty();
        assertThat(Actors.analyst(() -> people.search("*:* AND name:~", 10))).isEmpty();
    }
}
