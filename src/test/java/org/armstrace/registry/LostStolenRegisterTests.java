package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ArmsTraceTest
class LostStolenRegisterTests {

    static final Provenance OFFICER = new Provenance("user:officer1", Provenance.Confidence.MEDIUM);

    @Autowired
    FirearmRegistry firearms;
    @Autowired
    LostStolenRegister register;
    @Autowired
    SerialSearch search;
    @Autowired
    FirearmTimeline timeline;

    private Firearm weapon(String serial) {
        return Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("pistol").make("CZ").model("75")
                .calibre("9x19").serial(serial).country("CZ").year(2001).build(), OFFICER));
    }

    @Test
    void a_stolen_weapon_is_flagged_in_every_search_that_returns_it_until_the_report_is_closed() {
        Firearm f = weapon("LS-40417");
        LostStolenReport r = Actors.analyst(() -> register.report(f.id(), LostStolenReport.Kind.STOLEN,
                LocalDate.of(2026, 10, 2), "Ferizaj", "KP-2026-1182", "burglary", OFFICER));

        SerialHit hit = Actors.analyst(() -> search.search(new SerialQuery("L5-4O417", "CZ", null, null, 10))).getFirst();
        assertThat(hit.firearm().id()).isEqualTo(f.id());
        assertThat(hit.flags()).containsExactly("STOLEN");
        assertThat(hit.reasonTexts(Locale.ENGLISH)).contains("reported stolen");

        Actors.analyst(() -> {
            register.close(r.id(), LostStolenReport.Status.RECOVERED, "found in a search of a car");
            return null;
        });
        assertThat(Actors.analyst(() -> search.search(new SerialQuery("LS40417", "CZ", null, null, 10))).getFirst().flags())
                .isEmpty();
        assertThat(Actors.analyst(() -> register.reports(f.id()))).singleElement().satisfies(closed -> {
            assertThat(closed.status()).isEqualTo(LostStolenReport.Status.RECOVERED);
            assertThat(closed.kind()).isEqualTo(LostStolenReport.Kind.STOLEN);
            assertThat(closed.closedBy()).isEqualTo("analyst1");
        });
    }

    @Test
    void a_later_registration_resembling_a_reported_weapon_is_flagged_and_shows_in_its_timeline() {
        Firearm stolen = weapon("LS-88120");
        Actors.analyst(() -> register.report(stolen.id(), LostStolenReport.Kind.LOST, null, null, null, null, OFFICER));

        Firearm later = weapon("LS-8812O"); // O read for 0
        List<LostStolenRegister.Alert> alerts = Actors.analyst(() -> register.alerts(later.id()));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.direct()).isFalse();
            assertThat(a.reportedFirearmId()).isEqualTo(stolen.id());
            assertThat(MatchReason.texts(a.reasons(), Locale.ENGLISH)).anySatisfy(reason -> assertThat(reason).contains("0 read as O"));
        });
        assertThat(Actors.analyst(() -> timeline.of(later.id()))).extracting(TimelineEntry::kind)
                .contains(TimelineEntry.Kind.REGISTERED, TimelineEntry.Kind.RESEMBLES_REPORTED);

        Firearm unrelated = weapon("QX-55555");
        assertThat(Actors.analyst(() -> register.alerts(unrelated.id()))).isEmpty();
    }

    @Test
    void a_report_needs_a_real_weapon_a_past_date_and_closing_needs_a_reason() {
        Firearm f = weapon("LS-10001");
        assertThatThrownBy(() -> Actors.analyst(() -> register.report("no-such-id", LostStolenReport.Kind.LOST, null, null,
                null, null, OFFICER))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actors.analyst(() -> register.report(f.id(), LostStolenReport.Kind.LOST,
                LocalDate.now().plusYears(1), null, null, null, OFFICER))).isInstanceOf(IllegalArgumentException.class);
        LostStolenReport r = Actors.analyst(() -> register.report(f.id(), LostStolenReport.Kind.LOST, null, null, null, null, OFFICER));
        assertThatThrownBy(() -> Actors.analyst(() -> {
            register.close(r.id(), LostStolenReport.Status.WITHDRAWN, " ");
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
        Actors.analyst(() -> {
            register.close(r.id(), LostStolenReport.Status.WITHDRAWN, "owner found it at home");
            return null;
        });
        assertThatThrownBy(() -> Actors.analyst(() -> {
            register.close(r.id(), LostStolenReport.Status.RECOVERED, "twice");
            return null;
        })).as("a closed report cannot be closed again").isInstanceOf(IllegalArgumentException.class);
    }
}
