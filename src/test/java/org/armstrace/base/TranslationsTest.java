package org.armstrace.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private final Translations translations = new Translations();

    private static Properties load(String suffix) throws Exception {
        var p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations" + suffix + ".properties")) {
            assertThat(in).as("bundle %s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void albanian_and_serbian_bundles_have_exactly_the_english_keys() throws Exception {
        var english = load("").stringPropertyNames();
        assertThat(load("_sq").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english);
        assertThat(load("_sr_Latn").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english);
    }

    /** A key written twice takes its last text silently: a merge that keeps both lines hides the newer one. */
    @Test
    void no_key_is_written_twice_in_any_bundle() throws Exception {
        for (String suffix : List.of("", "_sq", "_sr_Latn")) {
            try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations" + suffix + ".properties")) {
                var keys = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                        .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
                assertThat(keys).as("bundle %s", suffix).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void each_language_gets_its_own_text_with_diacritics_intact() {
        assertThat(translations.getTranslation("menu.users", Translations.ENGLISH)).isEqualTo("Users");
        assertThat(translations.getTranslation("menu.users", Translations.ALBANIAN)).isEqualTo("Përdoruesit");
        assertThat(translations.getTranslation("login.error.throttled", Translations.SERBIAN_LATIN)).contains("Sačekajte");
    }

    @Test
    void parameters_are_filled_in() {
        assertThat(translations.getTranslation("home.welcome", Translations.ALBANIAN, "Arta")).isEqualTo("Mirë se vini, Arta");
    }

    @Test
    void browser_languages_map_to_the_closest_supported_one() {
        assertThat(Translations.supported(Locale.forLanguageTag("sq-AL"))).isEqualTo(Translations.ALBANIAN);
        assertThat(Translations.supported(Locale.forLanguageTag("sr-Cyrl-RS"))).isEqualTo(Translations.SERBIAN_LATIN);
        assertThat(Translations.supported(Locale.GERMAN)).isEqualTo(Translations.ENGLISH);
        assertThat(Translations.supported(null)).isEqualTo(Translations.ENGLISH);
    }

    @Test
    void an_unknown_key_is_shown_marked_rather_than_failing() {
        assertThat(translations.getTranslation("no.such.key", Translations.ALBANIAN)).isEqualTo("!no.such.key");
    }
}
