package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.base.Dates;
import org.armstrace.intelligence.Alert;
import org.armstrace.intelligence.Alerts;
import org.armstrace.intelligence.Pattern;
import org.armstrace.recovery.MatchCandidate;
import org.armstrace.recovery.NewRecoveries;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * The lost/stolen register as a place of its own (issue 27, item 5): the list and its filters,
 * close and reopen with history, the retroactive check of a new report against earlier recoveries
 * and registrations, its alert to the analysts, and the partners' export.
 */
@ArmsTraceTest
class LostStolenPlaceTests {

    static final Provenance DESK = new Provenance("user:analyst1", Provenance.Confidence.MEDIUM);
    static final Place PRIZREN = new Place(42.2139, 20.7397, 10.0, Place.Method.DEVICE, null);

    @Autowired
    FirearmRegistry firearms;
    @Autowired
    LostStolenRegister register;
    @Autowired
    LostStolenList list;
    @Autowired
    LostStolenExport export;
    @Autowired
    Recoveries recoveries;
    @Autowired
    Alerts alerts;
    @Autowired
    ReferenceData reference;
    @Autowired
    UserAccountService users;

    private static NewFirearm pistol(String make, String serial) {
        return NewFirearms.newFirearm().type("pistol").make(make).model("75").calibre("9x19").serial(serial)
                .country("CZ").year(2004).build();
    }

    private Firearm registered(String make, String serial) {
        return Actors.analyst(() -> firearms.register(pistol(make, serial), DESK));
    }

    private String recovered(String make, String serial) {
        var weapon = new NewRecovery.RecoveredWeapon(pistol(make, serial), false, List.of());
        NewRecovery r = NewRecoveries.newRecovery().key(UUID.randomUUID().toString()).kind(RecoveryKind.SEIZED)
                .at(Instant.now().minus(3, ChronoUnit.DAYS)).place(PRIZREN).circumstances("Vehicle check")
                .weapons(List.of(weapon)).build();
        return Actors.officer(() -> recoveries.record(r)).recoveryId();
    }

    private LostStolenReport described(String make, String serial, String place) {
        return Actors.analyst(() -> register.reportDescribed(pistol(make, serial), LostStolenReport.Kind.STOLEN,
                LocalDate.of(2026, 11, 3), place, "KP-" + serial, "taken from a locked car", DESK));
    }

    @Test
    void a_new_report_finds_the_weapon_recovered_before_with_O_read_for_0_and_tells_the_analysts() {
        String analyst = "lost-" + UUID.randomUUID().toString().substring(0, 6);
        Actors.admin(() -> users.create(analyst, "Register analyst", EnumSet.of(Role.ANALYST)));
        long unreadBefore = Actors.analyst(analyst, alerts::unread);
        recovered("CZ", "WQX-6O412"); // the officer read O for 0 a year before the owner reported it
        LostStolenReport report = described("CZ", "WQX-60412", "Gjakova");

        List<LostStolenHit> hits = Actors.analyst(() -> list.hits(report.id()));
        assertThat(hits).anySatisfy(hit -> {
            assertThat(hit.kind()).isEqualTo(LostStolenHit.Kind.EARLIER_RECOVERY);
            assertThat(hit.firearm().serialAsRead()).isEqualTo("WQX-6O412");
            assertThat(MatchReason.texts(hit.reasons(), Locale.ENGLISH)).anySatisfy(r -> assertThat(r).contains("0 read as O"));
        });
        assertThat(Actors.analyst(() -> list.find(report.id())).orElseThrow().hits()).isEqualTo(hits.size());

        List<Alert> raised = Actors.analyst(analyst, () -> alerts.list(new Alert.Filter(Pattern.LOST_STOLEN_MATCH, null, true), 0, 100));
        assertThat(raised).filteredOn(a -> ("LostStolenReport:" + report.id()).equals(a.subject())).singleElement()
                .satisfies(a -> {
                    assertThat(a.evidence()).contains("LostStolenReport:" + report.id(), "Firearm:" + hits.getFirst().firearm().id());
                    assertThat(a.args()).contains("KP-WQX-60412");
                    assertThat(a.status()).isEqualTo(Alert.Status.OPEN);
                });
        assertThat(Actors.analyst(analyst, alerts::unread)).as("a notification for the analyst").isEqualTo(unreadBefore + 1);
    }

    @Test
    void a_new_report_finds_a_registration_of_the_same_make_with_a_serial_read_another_way() {
        Firearm onRecord = registered("CZ", "WQR-71853");
        LostStolenReport report = described("CZ", "WQR-7I853", "Peja"); // 1 written as I by the owner

        assertThat(Actors.analyst(() -> list.hits(report.id()))).anySatisfy(hit -> {
            assertThat(hit.firearm().id()).isEqualTo(onRecord.id());
            assertThat(hit.kind()).isEqualTo(LostStolenHit.Kind.REGISTRATION);
        });
        assertThat(Actors.analyst(() -> list.hits(report.id()))).extracting(h -> h.firearm().id())
                .doesNotContain(report.firearmId());
    }

    @Test
    void a_later_recovery_of_a_weapon_described_only_in_a_report_is_flagged_at_the_scene() {
        LostStolenReport report = described("CZ", "WQL-44120", "Ferizaj");

        var weapon = new NewRecovery.RecoveredWeapon(pistol("CZ", "WQL-4412O"), false, List.of());
        var recorded = Actors.officer(() -> recoveries.record(NewRecoveries.newRecovery().key(UUID.randomUUID().toString())
                .kind(RecoveryKind.SEIZED).at(Instant.now().minus(1, ChronoUnit.HOURS)).place(PRIZREN)
                .weapons(List.of(weapon)).build()));

        assertThat(recorded.checks()).anySatisfy(hit -> {
            assertThat(hit.firearm().id()).isEqualTo(report.firearmId());
            assertThat(hit.kinds()).contains(MatchCandidate.Kind.LOST_STOLEN);
        });
    }

    @Test
    void closing_and_reopening_keep_every_step_with_who_when_and_why_and_reopening_checks_again() {
        LostStolenReport report = described("CZ", "WQC-90317", "Mitrovica");
        Actors.supervisor(() -> {
            register.close(report.id(), LostStolenReport.Status.WITHDRAWN, "owner found it in the attic");
            return null;
        });
        String later = recovered("CZ", "WQC-9O317");
        LostStolenReport reopened = Actors.analyst(() -> register.reopen(report.id(), "the attic weapon was another one"));

        assertThat(reopened.status()).isEqualTo(LostStolenReport.Status.ACTIVE);
        assertThat(reopened.closedBy()).isNull();
        assertThat(Actors.analyst(() -> list.history(report.id()))).extracting(LostStolenReport.Event::kind,
                        LostStolenReport.Event::status, LostStolenReport.Event::by, LostStolenReport.Event::reason)
                .containsExactly(
                        tuple(LostStolenReport.EventKind.REPORTED, LostStolenReport.Status.ACTIVE,
                                "analyst1", null),
                        tuple(LostStolenReport.EventKind.CLOSED, LostStolenReport.Status.WITHDRAWN,
                                "sup1", "owner found it in the attic"),
                        tuple(LostStolenReport.EventKind.REOPENED, LostStolenReport.Status.ACTIVE,
                                "analyst1", "the attic weapon was another one"));
        assertThat(Actors.analyst(() -> list.hits(report.id()))).as("the recovery made while it was closed is found on reopening")
                .anySatisfy(hit -> assertThat(hit.kind()).isEqualTo(LostStolenHit.Kind.EARLIER_RECOVERY));
        assertThat(later).isNotBlank();

        assertThatThrownBy(() -> Actors.analyst(() -> register.reopen(report.id(), "again")))
                .as("an active report cannot be reopened").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actors.analyst(() -> register.reopen(report.id(), " ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actors.officer(() -> register.reopen(report.id(), "field officers do not reopen")))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void the_register_filters_by_status_kind_date_make_and_place_page_by_page() {
        String town = "Filterville-" + UUID.randomUUID().toString().substring(0, 8);
        LostStolenReport czStolen = described("CZ", "WQF-10001", town);
        LostStolenReport glockLost = Actors.analyst(() -> register.reportDescribed(pistol("Glock", "WQF-20002"),
                LostStolenReport.Kind.LOST, LocalDate.of(2025, 1, 15), town + " north", null, null, DESK));
        LostStolenReport closed = described("CZ", "WQF-30003", town.toUpperCase(Locale.ROOT));
        Actors.analyst(() -> {
            register.close(closed.id(), LostStolenReport.Status.RECOVERED, "seized at the border");
            return null;
        });
        String glock = Actors.analyst(() -> firearms.find(glockLost.firearmId())).orElseThrow().makeCode();

        var inTown = new LostStolenFilter(null, null, null, null, null, town.toLowerCase(Locale.ROOT));
        assertThat(ids(inTown)).as("place is a part of the place, any case; newest first")
                .containsExactly(closed.id(), glockLost.id(), czStolen.id());
        assertThat(Actors.analyst(() -> list.count(inTown))).isEqualTo(3);
        assertThat(ids(new LostStolenFilter(LostStolenReport.Status.ACTIVE, null, null, null, null, town)))
                .containsExactly(glockLost.id(), czStolen.id());
        assertThat(ids(new LostStolenFilter(null, LostStolenReport.Kind.LOST, null, null, null, town)))
                .containsExactly(glockLost.id());
        assertThat(ids(new LostStolenFilter(null, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, town)))
                .containsExactly(glockLost.id());
        assertThat(ids(new LostStolenFilter(null, null, null, null, glock, town))).containsExactly(glockLost.id());
        assertThat(Actors.analyst(() -> list.page(inTown, 1, 1))).extracting(e -> e.report().id())
                .containsExactly(glockLost.id());
        assertThat(Actors.analyst(() -> list.page(inTown, 0, 3))).allSatisfy(e -> assertThat(e.described()).isTrue());
        assertThatThrownBy(() -> Actors.officer(() -> list.page(inTown, 0, 10)))
                .as("the register page is the desk's").isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void the_partner_export_lists_active_reports_in_english_without_circumstances_or_reporter() throws IOException {
        Firearm onRecord = registered("CZ", "WQE-55501");
        LostStolenReport active = Actors.intake(() -> register.report(onRecord.id(), LostStolenReport.Kind.STOLEN,
                LocalDate.of(2026, 9, 30), "Prizren", "=KP-2026-55", "stolen by the neighbour Ilir Hoxha", DESK));
        LostStolenReport closed = described("CZ", "WQE-55502", "Prizren");
        Actors.analyst(() -> {
            register.close(closed.id(), LostStolenReport.Status.RECOVERED, "found");
            return null;
        });

        var out = new ByteArrayOutputStream();
        int written = Actors.analyst(() -> export.writeActive(out));

        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = wb.getSheetAt(0);
            var fmt = new DataFormatter();
            List<String> header = cells(sheet.getRow(0), fmt);
            assertThat(header).startsWith("Report", "Kind", "Date of loss or theft", "Place", "Police reference", "Make");
            assertThat(sheet.getLastRowNum()).isEqualTo(written);
            var rows = new ArrayList<List<String>>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                rows.add(cells(sheet.getRow(i), fmt));
            }
            assertThat(rows).extracting(r -> r.getFirst()).contains(active.id()).doesNotContain(closed.id());
            List<String> line = rows.stream().filter(r -> r.getFirst().equals(active.id())).findFirst().orElseThrow();
            assertThat(line).containsExactly(active.id(), "Stolen", "2026-09-30", "Prizren", "=KP-2026-55",
                    reference.makeName(onRecord.makeCode(), "CZ"), "75", reference.typeName(onRecord.typeCode(), Locale.ENGLISH),
                    reference.calibreName(onRecord.calibreCode()), "WQE-55501", reference.countryName("CZ", Locale.ENGLISH), "2004",
                    LocalDate.now(Dates.zone()).toString(), "Yes");
            int refColumn = header.indexOf("Police reference");
            int rowIndex = rows.indexOf(line) + 1;
            assertThat(sheet.getRow(rowIndex).getCell(refColumn).getCellStyle().getQuotePrefixed())
                    .as("text that looks like a formula stays text").isTrue();
            assertThat(rows.stream().flatMap(List::stream)).noneMatch(v -> v.contains("Hoxha") || v.contains("intake1"));
        }
    }

    private List<String> ids(LostStolenFilter filter) {
        return Actors.analyst(() -> list.page(filter, 0, 50)).stream().map(e -> e.report().id()).toList();
    }

    private static List<String> cells(Row row, DataFormatter fmt) {
        var values = new ArrayList<String>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            values.add(fmt.formatCellValue(row.getCell(c)));
        }
        return values;
    }
}
