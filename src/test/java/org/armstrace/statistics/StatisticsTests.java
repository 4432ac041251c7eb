package org.armstrace.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.armstrace.api.ApiTokenService;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.NewTraceRequests;
import org.armstrace.tracing.OutgoingTraces;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ArmsTraceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTests {

    @Autowired
    SslBundles ssl;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Period YEAR = Period.year(StatisticsFixture.YEAR);

    @LocalServerPort
    int port;
    @Autowired
    Statistics statistics;
    @Autowired
    StatisticsTables tables;
    @Autowired
    StatisticsWorkbooks workbooks;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserAccountService users;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    LostStolenRegister lostStolen;
    @Autowired
    Recoveries recoveries;
    @Autowired
    TraceRequests traces;
    @Autowired
    OutgoingTraces outgoingTraces;
    @Autowired
    TraceAnswers answers;

    final StatisticsFixture fixture = new StatisticsFixture();

    @BeforeAll
    void plant() {
        fixture.plant(firearms, lostStolen, recoveries, traces, outgoingTraces, answers);
    }

    @Test
    void sdg_16_4_2_counts_each_arm_once_and_only_origins_established_by_the_moment_asked() {
        Figures f = Actors.supervisor(() -> statistics.figures(YEAR));
        Figures.Sdg sdg = f.sdg();

        assertThat(sdg.denominator()).as("A, B (twice, once counted), C, D, E, G; not F of the next year").isEqualTo(6);
        assertThat(sdg.denominatorByKind()).isEqualTo(new Figures.Breakdown(null, 4, 1, 1));
        assertThat(sdg.numerator()).as("A (stolen), B (answered), C (answered in a later period)").isEqualTo(3);
        assertThat(sdg.numeratorByKind()).as("B counts as found, its first recovery")
                .isEqualTo(new Figures.Breakdown(null, 2, 1, 0));
        assertThat(sdg.ratio()).isEqualTo(0.5);
        assertThat(sdg.pending()).as("D").isEqualTo(1);
        assertThat(sdg.amnestyExcluded()).as("E stays in the denominator but is reported apart").isEqualTo(1);
        assertThat(sdg.recoveredMoreThanOnce()).as("B").isEqualTo(1);
        assertThat(f.recoveries().recoveries()).as("recoveries, not weapons").isEqualTo(7);
        assertThat(f.recoveries().traced()).as("A and B identified, C traced; G's partner found nothing").isEqualTo(3);
        assertThat(f.tracing().domesticInitiated()).as("every weapon but the amnesty one").isEqualTo(5);
        assertThat(f.tracing().domesticSuccessful()).as("A and B").isEqualTo(2);

        // As the figures stood when the year was over, nothing had been established yet.
        Instant yearEnd = LocalDate.of(StatisticsFixture.YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Figures then = Actors.supervisor(() -> statistics.figures(YEAR, yearEnd));
        assertThat(then.sdg().denominator()).isEqualTo(6);
        assertThat(then.sdg().numerator()).isZero();
        assertThat(then.sdg().ratio()).isEqualTo(0.0);
        assertThat(then.recoveries().traced()).as("identified only later").isZero();
        assertThat(then.sdg().pending()).as("no request had been sent yet").isZero();
    }

    @Test
    void only_a_surrendered_recovery_is_excluded_under_an_amnesty_once_with_its_rule_and_by_a_supervisor() {
        String seized = StatisticsFixture.recover(recoveries, RecoveryKind.SEIZED,
                LocalDate.of(2008, 3, 1), "AM" + fixture.run + "1");
        String surrendered = StatisticsFixture.recover(recoveries, RecoveryKind.SURRENDERED,
                LocalDate.of(2008, 3, 2), "AM" + fixture.run + "2");

        assertThatThrownBy(() -> Actors.supervisor(() -> recoveries.excludeUnderAmnesty(seized, "Amnesty 2008")))
                .hasMessage("recovery.amnesty-not-surrendered");
        assertThatThrownBy(() -> Actors.supervisor(() -> recoveries.excludeUnderAmnesty(surrendered, "  ")))
                .hasMessage("recovery.amnesty-reason");
        assertThatThrownBy(() -> Actors.analyst(
                () -> recoveries.excludeUnderAmnesty(surrendered, "Amnesty 2008")))
                .isInstanceOf(AccessDeniedException.class);

        var excluded = Actors.supervisor(() -> recoveries.excludeUnderAmnesty(surrendered, "Amnesty 2008, art. 4"));
        assertThat(excluded.amnesty().by()).isEqualTo("sup1");
        assertThat(excluded.amnesty().reason()).isEqualTo("Amnesty 2008, art. 4");
        assertThatThrownBy(() -> Actors.supervisor(() -> recoveries.excludeUnderAmnesty(surrendered, "Another rule")))
                .hasMessage("recovery.amnesty-already");
        assertThat(Actors.supervisor(() -> recoveries.find(surrendered)).orElseThrow().amnesty().reason())
                .as("the first rule stays").isEqualTo("Amnesty 2008, art. 4");

        Figures f = Actors.supervisor(() -> statistics.figures(Period.year(2008)));
        assertThat(f.sdg().denominator()).isGreaterThanOrEqualTo(2);
        assertThat(f.sdg().amnestyExcluded()).isEqualTo(1);
    }

    @Test
    void the_drill_down_lists_exactly_the_weapons_counted_in_each_part() {
        Instant now = Instant.now();
        List<RecoveredWeapon> numerator = Actors.supervisor(() -> statistics.weapons(YEAR, now, Statistics.Part.NUMERATOR, 0, 100));
        List<RecoveredWeapon> denominator = Actors.supervisor(() -> statistics.weapons(YEAR, now, Statistics.Part.DENOMINATOR,
                0, 100));

        assertThat(denominator).as("one line per recovery of each weapon").hasSize(7);
        assertThat(denominator.stream().map(RecoveredWeapon::identity).distinct()).hasSize(6);
        assertThat(numerator).hasSize(4);
        assertThat(numerator.stream().map(RecoveredWeapon::identity).distinct()).hasSize(3);
        assertThat(numerator).extracting(RecoveredWeapon::establishedBy).allMatch(by -> by.equals("LOST_STOLEN_REPORT")
                || by.startsWith("TRACE_ANSWER:"));
        assertThat(denominator).filteredOn(RecoveredWeapon::amnesty).singleElement()
                .extracting(RecoveredWeapon::kind).isEqualTo("SURRENDERED");
        assertThat(denominator).filteredOn(w -> w.firearmId().equals(fixture.recoveredD)).singleElement()
                .extracting(RecoveredWeapon::tracing).isEqualTo(RecoveredWeapon.Tracing.PENDING);
        assertThat(denominator).filteredOn(w -> w.firearmId().equals(fixture.recoveredC)).singleElement()
                .extracting(RecoveredWeapon::diversionCountry).isEqualTo("AL");
        assertThat(Actors.supervisor(() -> statistics.weapons(YEAR, now, Statistics.Part.DENOMINATOR, 5, 100))).hasSize(2);
    }

    @Test
    void every_page_of_the_denominator_holds_the_weapons_the_whole_stream_holds_at_that_place() {
        Instant now = Instant.now();
        var all = new ArrayList<RecoveredWeapon>();
        Actors.supervisor(() -> {
            statistics.eachWeapon(YEAR, now, Statistics.Part.DENOMINATOR, all::add);
            return null;
        });

        assertThat(all).hasSize(7);
        for (int offset = 0; offset <= all.size(); offset++) {
            int from = offset;
            assertThat(Actors.supervisor(() -> statistics.weapons(YEAR, now, Statistics.Part.DENOMINATOR, from, 3)))
                    .as("offset %d", offset).isEqualTo(all.subList(from, Math.min(all.size(), from + 3)));
        }
    }

    @Test
    void the_figures_agree_between_the_dashboard_the_workbooks_and_the_api() throws Exception {
        // Not truncated: the fixture may have been written within the last second.
        Instant asOf = Instant.now();
        Figures f = Actors.supervisor(() -> statistics.figures(YEAR, asOf));
        var shown = Actors.supervisor(() -> tables.tables(f, Locale.ENGLISH));
        var sdgTable = shown.stream().filter(t -> t.id().equals("sdg-16-4-2")).findFirst().orElseThrow();

        // The chart's own export.
        var tableOut = new ByteArrayOutputStream();
        Actors.supervisor(() -> {
            workbooks.table(f, sdgTable, Locale.ENGLISH, tableOut);
            return null;
        });
        List<List<String>> exported = rows(tableOut.toByteArray(), 0);
        assertThat(exported).contains(List.of("Numerator: illicit origin established", "2", "1", "0", "3"),
                List.of("Denominator: seized, found or surrendered", "4", "1", "1", "6"));

        // The annual return.
        var annual = new ByteArrayOutputStream();
        Actors.supervisor(() -> {
            workbooks.annualReturn(f, "XK", annual);
            return null;
        });
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(annual.toByteArray()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(7);
            assertThat(book.getSheetName(0)).isEqualTo("Definitions");
            assertThat(book.getSheet("1 Arms by type")).isNotNull();
        }
        List<List<String>> sdgSheet = rows(annual.toByteArray(), 6);
        assertThat(sdgSheet).contains(List.of("Numerator: illicit origin established", "2", "1", "0", "3"),
                List.of("Denominator: seized, found or surrendered", "4", "1", "1", "6"));
        assertThat(sdgSheet).anyMatch(r -> r.getFirst().equals("Indicator (percent)") && r.getLast().equals("50"));
        List<List<String>> byType = rows(annual.toByteArray(), 1);
        assertThat(byType).contains(List.of("Self-loading pistol", "4", "1", "1", "6"));

        // The KPI table.
        var kpis = new ByteArrayOutputStream();
        Actors.supervisor(() -> {
            workbooks.kpis(f, kpis);
            return null;
        });
        List<List<String>> kpiRows = rows(kpis.toByteArray(), 0);
        assertThat(kpiRows).contains(List.of("Weapons recovered", "6"), List.of("Weapons traced", "3"),
                List.of("SDG indicator 16.4.2 (%)", "50"));

        // The API, through a statistics system's token.
        String token = Actors.admin(() -> tokens.create("ministry " + System.nanoTime(),
                Role.STATISTICS, 1000)).secret();
        var response = get(token, "/api/v1/statistics?year=" + StatisticsFixture.YEAR + "&asOf=" + asOf);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/sdg/numerator").asLong()).isEqualTo(f.sdg().numerator()).isEqualTo(3);
        assertThat(body.at("/sdg/denominator").asLong()).isEqualTo(f.sdg().denominator());
        assertThat(body.at("/sdg/ratio").asDouble()).isEqualTo(f.sdg().ratio());
        assertThat(body.at("/recoveries/traced").asLong()).isEqualTo(f.recoveries().traced());
        assertThat(body.at("/tracing/outgoingInitiated").asLong()).isEqualTo(f.tracing().outgoingInitiated());
        var apiKpis = new ArrayList<String>();
        body.get("kpis").forEach(k -> apiKpis.add(k.get("label").asString() + "=" + k.get("value").asString()));
        for (List<String> row : kpiRows) {
            if (row.size() == 2 && !row.getFirst().startsWith("Period") && !row.getFirst().startsWith("Figures")
                    && !row.getFirst().isEmpty() && !row.get(1).isEmpty() && Character.isDigit(row.get(1).charAt(0))) {
                assertThat(apiKpis).anyMatch(k -> k.startsWith(row.getFirst() + "=")
                        && Double.parseDouble(k.substring(k.indexOf('=') + 1)) == Double.parseDouble(row.get(1)));
            }
        }
        // A statistics system sees figures, never the weapons behind them.
        var weapons = get(token, "/api/v1/statistics/sdg-16-4-2/weapons?year=" + StatisticsFixture.YEAR);
        assertThat(weapons.statusCode()).isEqualTo(403);
        assertThat(weapons.body()).contains("supervisors and analysts only");
    }

    @Test
    void bad_periods_and_callers_without_rights_get_a_clear_message_never_a_500() throws Exception {
        String token = Actors.admin(() -> tokens.create("ministry " + System.nanoTime(),
                Role.STATISTICS, 1000)).secret();
        var reversed = get(token, "/api/v1/statistics?from=2025-06-01&until=2025-01-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("period-reversed").contains("Swap the dates");
        var empty = get(token, "/api/v1/statistics?from=2025-06-01&until=2025-06-01");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("period-empty");
        var twenty = get(token, "/api/v1/statistics?from=2005-01-01&until=2025-01-01");
        assertThat(twenty.statusCode()).isEqualTo(400);
        assertThat(twenty.body()).contains("at most 10 years");
        var garbage = get(token, "/api/v1/statistics?from=last-tuesday&until=2025-01-01");
        assertThat(garbage.statusCode()).isEqualTo(400);
        var both = get(token, "/api/v1/statistics?year=2025&from=2025-01-01");
        assertThat(both.statusCode()).isEqualTo(400);

        var quiet = get(token, "/api/v1/statistics?year=1999");
        assertThat(quiet.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(quiet.body());
        assertThat(body.at("/notices/0/code").asString()).isEqualTo("statistics.no-data");
        assertThat(body.at("/notices/0/message").asString()).contains("1999");
        assertThat(body.at("/sdg/denominator").asLong()).isZero();
        assertThat(body.at("/sdg/ratio").isNull()).as("nothing to divide by").isTrue();

        String partner = Actors.admin(() -> tokens.create("partner AL " + System.nanoTime(),
                Role.PARTNER, 1000, "AL")).secret();
        var refused = get(partner, "/api/v1/statistics?year=2025");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("may not read them");

        assertThatThrownBy(() -> Actors.officer(() -> statistics.figures(YEAR)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Period.inclusive(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1)))
                .isInstanceOf(StatisticsRejected.class).hasMessage("statistics.period-reversed");
    }

    @Test
    void requests_are_counted_per_office_and_partner_with_their_times() {
        String name = "stats" + fixture.run.toLowerCase(Locale.ROOT);
        String office = "Regional desk " + fixture.run;
        Actors.admin(() -> {
            users.create(name, "Statistics analyst", EnumSet.of(Role.ANALYST));
            users.setOffice(name, office);
            return null;
        });
        Actors.analyst(name, () -> {
            var t = outgoingTraces.draft(NewTraceRequests.newTraceRequest(Direction.OUTGOING).counterpart("ME")
                    .priority(Priority.ROUTINE).weaponType("pistol").weaponMake("CZ").weaponModel("75")
                    .weaponCalibre("9mm").weaponSerial("CZ" + fixture.run).weaponCountry("CZ")
                    .whyIllicit("Recovered without a licence").legalBasis("Criminal Procedure Code art. 212")
                    .intendedUse("Criminal investigation").channel(NewTraceRequest.Channel.MANUAL).build());
            traces.transition(t.id(), TraceStatus.READY, null);
            return traces.transition(t.id(), TraceStatus.SENT, null);
        });
        int year = LocalDate.now(statistics.zone()).getYear();
        Figures f = Actors.supervisor(() -> statistics.figures(Period.year(year)));
        assertThat(f.requests().byOffice()).contains(new Figures.RequestCount(office, "OUTGOING", 1, 0, 1, 0));
        assertThat(f.requests().byCountry()).anyMatch(c -> c.key().equals("ME") && c.direction().equals("OUTGOING")
                && c.received() >= 1 && c.pending() >= 1);
        assertThat(f.requests().steps()).hasSize(12);
        var outgoing = f.requests().times().stream().filter(t -> t.direction().equals("OUTGOING")).findFirst().orElseThrow();
        assertThat(outgoing.answered()).as("the fixture's partner answers came in this year").isGreaterThanOrEqualTo(3);
        assertThat(outgoing.medianHoursToAnswer()).isNotNull().isGreaterThanOrEqualTo(0.0);
    }

    /** Every row of a sheet as the text a reader sees: numbers without a trailing ".0". */
    static List<List<String>> rows(byte[] xlsx, int sheetIndex) throws Exception {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(sheetIndex);
            var rows = new ArrayList<List<String>>();
            for (Row row : sheet) {
                var cells = new ArrayList<String>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    var cell = row.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        double v = cell.getNumericCellValue();
                        cells.add(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
                    } else {
                        cells.add(cell.getStringCellValue());
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return TestHttps.client(ssl).send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
