package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The matcher against the graph's candidates, at the numbers of a national registry. */
@ArmsTraceTest
class PersonMatcherTests {

    static final Provenance REGISTRY = new Provenance("import:test-people.csv", Provenance.Confidence.HIGH);

    @Autowired
    PersonRegistry people;
    @Autowired
    PersonMatcher matcher;

    /** A family name of this test's own, so that the shared graph's people are no candidates. */
    static String family() {
        return "Krasniqi" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
    }

    /** A hundred namesakes born on other days in {@code town}: more than one blocking key returns. */
    void namesakes(String family, String town) {
        for (int i = 0; i < 100; i++) {
            LocalDate born = LocalDate.of(1950 + i % 40, 1 + i % 12, 1 + i % 28);
            Actors.admin(() -> people.register(NewPeople.newPerson("Arben", family).born(born).bornIn(town).build(), REGISTRY));
        }
    }

    @Test
    void a_person_written_family_name_first_is_found_among_a_hundred_namesakes_registered_before_them() {
        String family = family();
        namesakes(family, "Prishtinë");
        Person wanted = Actors.admin(() -> people.register(NewPeople.newPerson("Arben", family).parent("Sadik")
                .born(LocalDate.of(1977, 6, 30)).bornIn("Prishtinë").build(), REGISTRY));

        PersonMatcher.Match match = Actors.analyst(() -> matcher.match(NewPeople.newPerson(family, "Arben")
                .born(LocalDate.of(1977, 6, 30)).bornIn("Prishtina").build()));

        assertThat(match.candidateId()).isEqualTo(wanted.id());
        assertThat(match.decision()).isEqualTo(PersonMatching.Decision.SAME);
        assertThat(match.reasons()).contains("name-swapped", "born-equal");
    }

    @Test
    void a_row_without_a_date_of_birth_goes_to_review_against_the_namesake_of_its_town_among_a_hundred_others() {
        String family = family();
        namesakes(family, "Prishtinë");
        Person wanted = Actors.admin(() -> people.register(NewPeople.newPerson("Arben", family)
                .born(LocalDate.of(1977, 6, 30)).bornIn("Gjilan").build(), REGISTRY));

        PersonMatcher.Match match = Actors.analyst(() -> matcher.match(NewPeople.newPerson("Arben", family)
                .bornIn("Gnjilane").build()));

        assertThat(match.candidateId()).isEqualTo(wanted.id());
        assertThat(match.decision()).isEqualTo(PersonMatching.Decision.REVIEW);
        assertThat(match.reasons()).contains("born-missing", "place-equal");
    }
}
