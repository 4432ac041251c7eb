package org.armstrace.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MunicipalitiesTest {

    final Municipalities kosovo = new Municipalities("XK");

    @Test
    void the_home_country_has_its_thirty_eight_municipalities_named_in_three_languages() {
        assertThat(kosovo.all()).hasSize(38);
        assertThat(kosovo.find("mitrovica-north")).get().satisfies(m -> {
            assertThat(m.name(Locale.of("sq"))).isEqualTo("Mitrovicë e Veriut");
            assertThat(m.name(Locale.forLanguageTag("sr-Latn"))).isEqualTo("Severna Mitrovica");
        });
    }

    @Test
    void a_position_is_placed_in_the_municipality_whose_boundary_contains_it() {
        assertThat(kosovo.at(42.6629, 21.1655)).get().extracting(Municipalities.Municipality::code).isEqualTo("prishtina");
        assertThat(kosovo.at(42.2139, 20.7397)).get().extracting(Municipalities.Municipality::code).isEqualTo("prizren");
        assertThat(kosovo.at(41.3275, 19.8187)).as("Tirana is abroad").isEmpty();
    }

    @Test
    void a_municipality_centre_lies_inside_it() {
        for (Municipalities.Municipality m : kosovo.all()) {
            assertThat(kosovo.at(m.centreLatitude(), m.centreLongitude())).as(m.code())
                    .get().extracting(Municipalities.Municipality::code).isEqualTo(m.code());
        }
    }

    @Test
    void a_country_without_boundaries_has_no_municipalities_and_still_works() {
        var elsewhere = new Municipalities("AL");
        assertThat(elsewhere.all()).isEmpty();
        assertThat(elsewhere.at(41.3275, 19.8187)).isEmpty();
    }
}
