package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.Dates;
import org.armstrace.base.Translations;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.NewTransfers;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.TimelineEntry;
import org.armstrace.registry.Transfer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "analyst1", roles = "ANALYST")
class FirearmViewTests extends ViewTest {

    @Autowired
    FirearmRegistry registry;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;

    @Autowired
    LostStolenRegister lostStolen;

    @Test
    void reporting_a_weapon_stolen_from_its_page_shows_the_alert_and_adds_it_to_the_timeline() {
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Glock")
                .model("17").calibre("9x19").serial("VIEW-" + System.nanoTime() % 1_000_000).country("AT").year(2012)
                .build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);
        assertThat(text(view, "firearm-alerts")).doesNotContain("Reported");

        test($view(Button.class).withId("firearm-report-lost").single()).click();
        LostStolenForm form = $(LostStolenForm.class).single();
        form.kind.setValue(LostStolenReport.Kind.STOLEN);
        form.occurredOn.setValue(LocalDate.of(2026, 11, 1));
        test(form.place).setValue("Gjilan");
        test(form.report).click();

        assertThat(text(view, "firearm-alerts")).contains("Reported Stolen on 01/11/2026 Gjilan");
        @SuppressWarnings("unchecked")
        Grid<TimelineEntry> timeline = (Grid<TimelineEntry>) $view(Grid.class).withId("firearm-timeline").single();
        assertThat(test(timeline).size()).isEqualTo(2);
        assertThat(test(timeline).getCellText(0, 2)).as("the theft happened before the registration")
                .isEqualTo("Reported Stolen at Gjilan (ref. –)");
    }

    @Test
    @WithMockUser(username = "officer1", roles = "FIELD_OFFICER")
    void a_field_officer_sees_that_a_licensed_holder_is_on_file_and_not_who() {
        Provenance source = new Provenance("test", Provenance.Confidence.HIGH);
        String serial = "FO-" + System.nanoTime() % 1_000_000;
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("CZ")
                .model("75").calibre("9x19").serial(serial).country("CZ").year(2004).build(), source));
        Person holder = Actors.analyst(() -> people.register(NewPeople.newPerson("Arta", "Morina").build(), source));
        Licence licence = Actors.analyst(() -> holdings.issueLicence("LIC-" + serial, Licence.Kind.POSSESSION, holder.id(),
                "MUP", LocalDate.of(2011, 1, 1), null, source));
        Actors.analyst(() -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2012, 2, 2),
                f.id()).to(holder.id()).toLicence(licence.id()).build(), source));

        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);

        assertThat($view(Paragraph.class).withId("firearm-holder-on-file").single().getText())
                .isEqualTo("Registered — licensed holder on file: call the desk");
        @SuppressWarnings("unchecked")
        Grid<TimelineEntry> timeline = (Grid<TimelineEntry>) $view(Grid.class).withId("firearm-timeline").single();
        var cells = new StringBuilder();
        for (int row = 0; row < test(timeline).size(); row++) {
            cells.append(test(timeline).getCellText(row, 2)).append('\n');
        }
        assertThat(cells.toString()).contains("on file: call the desk").doesNotContain("Morina", "Arta");
        assertThat(view.getElement().getOuterHTML()).doesNotContain("Morina");
    }

    @Test
    void an_unknown_id_says_so_instead_of_failing() {
        FirearmView view = navigate("registry/firearm/no-such-weapon", FirearmView.class);
        assertThat(view.getElement().getTextRecursively()).contains("No such weapon in the registry.");
    }

    @Test
    void a_weapon_page_names_make_type_calibre_and_country_as_people_do_not_by_reference_code() {
        String serial = "SW-" + System.nanoTime() % 1_000_000;
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("revolver").make("S&W")
                .model("Model 10").calibre(".38 Spl").serial(serial).country("AT").year(1970).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        assertThat(f.makeCode()).isEqualTo("SMITH_WESSON");

        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);

        assertThat($view(H2.class).first().getText()).isEqualTo("Smith & Wesson Model 10 · " + serial);
        assertThat(text(view, "firearm-facts")).contains("Type: Revolver", "Make: Smith & Wesson",
                        "Calibre: .38 Special", "Country of manufacture: Austria")
                .doesNotContain("SMITH_WESSON", "REVOLVER", "38SPL");
    }

    @Test
    void in_albanian_a_weapon_page_gives_the_type_its_albanian_name_and_dates_with_dots() {
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M70").calibre("7.65").serial("SQ-" + System.nanoTime() % 1_000_000).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        Actors.analyst(() -> lostStolen.report(f.id(), LostStolenReport.Kind.STOLEN, LocalDate.of(2026, 11, 1), "Gjilan",
                null, null, new Provenance("test", Provenance.Confidence.MEDIUM)));
        UI.getCurrent().setLocale(Translations.ALBANIAN);

        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);

        assertThat(text(view, "firearm-facts")).contains("Lloji: Pistoletë gjysmautomatike", "Kalibri: .32 ACP");
        assertThat(test(timeline()).getCellText(0, 0)).isEqualTo("01.11.2026");
    }

    @Test
    void in_serbian_the_timeline_dates_close_the_year_with_a_dot() {
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Glock")
                .model("19").calibre("9x19").serial("SR-" + System.nanoTime() % 1_000_000).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        Actors.analyst(() -> lostStolen.report(f.id(), LostStolenReport.Kind.LOST, LocalDate.of(2026, 11, 1), "Niš",
                null, null, new Provenance("test", Provenance.Confidence.MEDIUM)));
        UI.getCurrent().setLocale(Translations.SERBIAN_LATIN);

        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);

        assertThat(test(timeline()).getCellText(0, 0)).isEqualTo("1.11.2026.");
        assertThat(text(view, "firearm-facts")).contains("Vrsta: Poluautomatski pištolj");
    }

    @Test
    void in_english_the_timeline_puts_the_day_first() {
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Glock")
                .model("19").calibre("9x19").serial("EN-" + System.nanoTime() % 1_000_000).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        Actors.analyst(() -> lostStolen.report(f.id(), LostStolenReport.Kind.LOST, LocalDate.of(2026, 11, 1), "Peja",
                null, null, new Provenance("test", Provenance.Confidence.MEDIUM)));

        navigate("registry/firearm/" + f.id(), FirearmView.class);

        assertThat(test(timeline()).getCellText(0, 0)).isEqualTo("01/11/2026");
    }

    @Test
    void the_source_of_an_imported_weapon_reads_as_a_sentence() {
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("revolver").make("S&W")
                .model("Model 10").calibre("38SPL").serial("IMP-" + System.nanoTime() % 1_000_000).build(),
                new Provenance("import:firearms.csv#row=2", Provenance.Confidence.HIGH)));

        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);

        assertThat(text(view, "firearm-facts")).contains("Source: imported from firearms.csv (row 2) on "
                + Dates.longDate(f.recordedAt(), Translations.ENGLISH) + ", confidence high")
                .doesNotContain("import:firearms.csv#row=2", "HIGH");
    }

    @Test
    void the_source_of_a_weapon_entered_by_hand_names_who_entered_it() {
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Glock")
                .model("17").calibre("9x19").serial("HAND-" + System.nanoTime() % 1_000_000).build(),
                new Provenance("user:analyst1", Provenance.Confidence.MEDIUM)));
        UI.getCurrent().setLocale(Translations.ALBANIAN);

        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);

        assertThat(text(view, "firearm-facts")).contains("Burimi: futur nga analyst1 më "
                + Dates.longDate(f.recordedAt(), Translations.ALBANIAN) + ", besueshmëria mesatare");
    }

    @Test
    void the_source_of_a_demo_weapon_says_it_is_not_real() {
        Firearm f = Actors.admin(() -> registry.registerBatch(List.of(NewFirearms.newFirearm().type("pistol")
                .make("Zastava").model("M70").calibre("7.65 Browning").serial("DEMO-" + System.nanoTime() % 1_000_000)
                .build()), new Provenance("demo", Provenance.Confidence.HIGH)).stream().findFirst()
                .flatMap(registry::find).orElseThrow());
        UI.getCurrent().setLocale(Translations.SERBIAN_LATIN);

        FirearmView view = navigate("registry/firearm/" + f.id(), FirearmView.class);

        assertThat(text(view, "firearm-facts")).contains("sintetički demo podaci (nisu stvarni)")
                .doesNotContain("izvor: demo");
    }

    @Test
    void the_date_picker_of_a_report_takes_dates_as_written_in_each_language() {
        Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Glock")
                .model("17").calibre("9x19").serial("PICK-" + System.nanoTime() % 1_000_000).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        var expected = new java.util.LinkedHashMap<java.util.Locale, String>();
        expected.put(Translations.ENGLISH, "dd/MM/yyyy");
        expected.put(Translations.ALBANIAN, "dd.MM.yyyy");
        expected.put(Translations.SERBIAN_LATIN, "d.M.yyyy.");
        expected.forEach((locale, pattern) -> {
            UI.getCurrent().setLocale(locale);
            navigate("registry/firearm/" + f.id(), FirearmView.class);
            test($view(Button.class).withId("firearm-report-lost").single()).click();
            LostStolenForm form = $(LostStolenForm.class).last();
            assertThat(form.occurredOn.getI18n().getDateFormats()).as(locale.toLanguageTag()).first().isEqualTo(pattern);
            assertThat(form.occurredOn.getI18n().getFirstDayOfWeek()).isEqualTo(1);
            assertThat(form.occurredOn.getLocale()).isEqualTo(locale);
        });
    }

    @SuppressWarnings("unchecked")
    private Grid<TimelineEntry> timeline() {
        return (Grid<TimelineEntry>) $view(Grid.class).withId("firearm-timeline").single();
    }

    private String text(FirearmView view, String id) {
        return $view(Div.class).withId(id).single().getElement().getTextRecursively();
    }
}
