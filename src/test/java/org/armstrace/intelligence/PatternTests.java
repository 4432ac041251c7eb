package org.armstrace.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.QueryPlans;
import org.armstrace.graph.CypherParams;
import org.armstrace.notify.NotificationKind;
import org.armstrace.notify.Notifications;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

@ArmsTraceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatternTests {

    @Autowired
    FirearmRegistry firearms;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;
    @Autowired
    Recoveries recoveries;
    @Autowired
    AlertScanner scanner;
    @Autowired
    Alerts alerts;
    @Autowired
    AuditLog audit;
    @Autowired
    UserAccountService users;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Notifications notifications;

    PatternFixture fixture;
    String analyst;

    @BeforeAll
    void plant() throws Exception {
        analyst = "patterns-" + UUID.randomUUID().toString().substring(0, 6);
        Actors.admin(() -> users.create(analyst, "Pattern analyst", EnumSet.of(Role.ANALYST)));
        fixture = new PatternFixture(analyst);
        fixture.plant(firearms, people, holdings, recoveries);
        scan();
    }

    @Test
    void a_straw_buyer_behind_four_recovered_pistols_is_an_alert_and_the_holders_beside_him_are_not() {
        Alert straw = alert("DIVERSION:Person:" + fixture.straw).orElseThrow();
        assertThat(straw.pattern()).isEqualTo(Pattern.DIVERSION);
        assertThat(straw.args().subList(0, 2)).containsExactly("Straw" + fixture.run + " Berisha", "4");
        assertThat(straw.subject()).isEqualTo("Person:" + fixture.straw);
        assertThat(straw.evidence()).startsWith("Person:" + fixture.straw)
                .containsAll(fixture.strawRecovered.stream().map(r -> "Recovery:" + r).toList());
        assertThat(straw.score()).isEqualTo(4.0 / 3);

        // Controls: a collector with four pistols never recovered, a holder with two recovered.
        assertThat(alert("DIVERSION:Person:" + fixture.collector)).isEmpty();
        assertThat(alert("DIVERSION:Person:" + fixture.twoOnly)).isEmpty();

        // Bought in January 2024, recovered in February 2025: each a short time-to-crime, about 390 days.
        var quick = Actors.analyst(analyst, () -> alerts.list(new Alert.Filter(Pattern.TIME_TO_CRIME, null, false), 0, 200)).stream()
                .filter(a -> a.evidence().stream().anyMatch(e -> fixture.strawRecovered.contains(e.replace("Recovery:", ""))))
                .toList();
        assertThat(quick).hasSize(4).allSatisfy(a -> {
            assertThat(Integer.parseInt(a.args().get(1))).isBetween(380, 400);
            assertThat(a.args().get(2)).isEqualTo("SALE");
            assertThat(a.args().get(3)).isEqualTo("Gun dealer " + fixture.run);
        });
        // The distribution per origin counts them among the quick ones of their country of manufacture.
        assertThat(Actors.analyst(analyst, () -> alerts.timeToCrimeByOrigin(1095, 50))).filteredOn(t -> t.country().equals("RS"))
                .singleElement().satisfies(t -> {
                    assertThat(t.quick()).isGreaterThanOrEqualTo(4);
                    assertThat(t.p25()).isLessThanOrEqualTo(t.median());
                    assertThat(t.median()).isLessThanOrEqualTo(t.p75());
                });
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> alerts.timeToCrimeByOrigin(0, 10))).hasMessage("intelligence.bad-page");
    }

    @Test
    void six_consecutive_serials_in_three_municipalities_are_one_batch_and_serials_seized_together_or_far_apart_are_not() {
        var batches = Actors.analyst(analyst, () -> alerts.list(new Alert.Filter(Pattern.SERIAL_BATCH, null, false), 0, 200));
        var ours = batches.stream().filter(a -> a.args().get(2).startsWith(fixture.batchPrefix)).toList();
        assertThat(ours).singleElement().satisfies(batch -> {
            assertThat(batch.args().get(4)).isEqualTo("6");
            assertThat(batch.args().get(5)).isEqualTo("6");
            assertThat(batch.args().get(6).split(", ")).hasSize(3);
            assertThat(batch.evidence()).containsAll(fixture.batchRecoveries.stream().map(r -> "Recovery:" + r).toList());
        });
        assertThat(batches).noneMatch(a -> a.args().get(2).startsWith("KT" + fixture.run)
                || a.args().get(2).startsWith("KF" + fixture.run));
    }

    @Test
    void three_weapons_from_brazil_through_malta_are_a_route_and_two_through_cyprus_are_not() {
        Alert route = alert("CROSS_BORDER:BR>MT").orElseThrow();
        assertThat(route.evidence()).containsAll(fixture.routeRecoveries.stream().map(r -> "Recovery:" + r).toList());
        assertThat(Integer.parseInt(route.args().get(2))).isGreaterThanOrEqualTo(3);
        assertThat(alert("CROSS_BORDER:BR>CY")).isEmpty();
    }

    @Test
    void two_people_across_three_recoveries_are_a_group_and_each_is_a_repeat_possessor() {
        var groups = Actors.analyst(analyst, () -> alerts.list(new Alert.Filter(Pattern.COMMUNITY, null, false), 0, 200));
        assertThat(groups).filteredOn(a -> a.evidence().contains("Person:" + fixture.possessorA)).singleElement()
                .satisfies(g -> {
                    assertThat(g.evidence()).contains("Person:" + fixture.possessorB, "Case:GR-" + fixture.run + "-1")
                            .containsAll(fixture.groupRecoveries.stream().map(r -> "Recovery:" + r).toList());
                    assertThat(g.args().subList(0, 2)).containsExactly("2", "3");
                });
        assertThat(alert("REPEAT_POSSESSOR:Person:" + fixture.possessorA)).get()
                .satisfies(a -> assertThat(a.args().get(1)).isEqualTo("2"));
        assertThat(alert("REPEAT_POSSESSOR:Person:" + fixture.possessorB)).isPresent();
        // The straw buyer was never found in possession himself.
        assertThat(alert("REPEAT_POSSESSOR:Person:" + fixture.straw)).isEmpty();
    }

    @Test
    void three_seizures_at_one_spot_are_a_place_and_hand_ins_at_a_desk_are_not() {
        var places = Actors.analyst(analyst, () -> alerts.list(new Alert.Filter(Pattern.REPEAT_PLACE, null, false), 0, 200));
        assertThat(places).filteredOn(a -> a.evidence().contains("Recovery:" + fixture.placeRecoveries.getFirst()))
                .singleElement().satisfies(a -> assertThat(a.evidence())
                        .containsAll(fixture.placeRecoveries.stream().map(r -> "Recovery:" + r).toList()));
        assertThat(places).noneMatch(a -> a.evidence().contains("Recovery:" + fixture.handIns.getFirst()));
    }

    @Test
    void a_recovery_that_completes_a_pattern_notifies_the_analyst_who_identified_it() throws Exception {
        Actors.analyst(analyst, () -> notifications.saveMySettings(analyst + "@patterns.example",
                EnumSet.of(NotificationKind.ALERT)));
        String dealer = Actors.analyst(analyst, () -> holdings.registerOrganisation(
                Holdings.OrganisationKind.DEALER, "LD" + fixture.run, "Late dealer " + fixture.run, "XK",
                PatternFixture.PROVENANCE));
        var recovered = new ArrayList<String>();
        var guns = new ArrayList<Firearm>();
        String late = fixture.holderWith(3, 2, "Late", firearms, people, holdings, recoveries, dealer, recovered, guns);
        scan();
        assertThat(alert("DIVERSION:Person:" + late)).isEmpty();
        long before = Actors.analyst(analyst, alerts::unread);

        // The third pistol turns up; the analyst identifies it, and the scan after the commit finds the holder.
        Firearm third = guns.get(2);
        String recovery = PatternFixture.recover(recoveries, LocalDate.of(2025, 7, 1), 42.6, 21.0, RecoveryKind.SEIZED,
                null, List.of(), PatternFixture.weapon("M70", third.serialAsRead(), null, null));
        fixture.identify(recoveries, recovery, third);

        Alert alert = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (alert == null && System.nanoTime() < deadline) {
            Thread.sleep(200);
            alert = Actors.analyst(analyst, () -> alerts.list(new Alert.Filter(Pattern.DIVERSION, null, true), 0, 50)).stream()
                    .filter(a -> a.key().equals("DIVERSION:Person:" + late)).findFirst().orElse(null);
        }
        assertThat(alert).as("notified of the new instance").isNotNull();
        assertThat(alert.evidence()).contains("Recovery:" + recovery);
        // The same pistol is also a short time-to-crime: at least two new alerts for this analyst.
        long after = Actors.analyst(analyst, alerts::unread);
        assertThat(after).isGreaterThanOrEqualTo(before + 2);
        // And by e-mail: queued in the scan's transaction with the in-app notifications (notify).
        assertThat(Actors.admin(() -> notifications.outbox(null, 0, 500)))
                .filteredOn(m -> m.user().equals(analyst) && m.kind() == NotificationKind.ALERT).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Actors.analyst(analyst, () -> alerts.list(new Alert.Filter(Pattern.TIME_TO_CRIME, null, true), 0, 50)))
                .anySatisfy(a -> assertThat(a.evidence()).contains("Recovery:" + recovery));
        String id = alert.id();

        // Opening its evidence reads it, and the chart holds the holder, his licence and the pistols.
        LinkGraph chart = Actors.analyst(analyst, () -> alerts.evidence(id));
        assertThat(chart.entities()).extracting(LinkGraph.Entity::ref).contains("Person:" + late, "Recovery:" + recovery);
        assertThat(chart.links()).extracting(LinkGraph.Link::type).contains("HOLDS", "COVERS", "RECOVERED", "IDENTIFIED_AS");
        assertThat(Actors.analyst(analyst, alerts::unread)).isEqualTo(after - 1);
        assertThat(Actors.admin(() -> audit.page(0, 1, analyst, "alert.opened"))).isNotEmpty();
    }

    @Test
    void an_alert_is_decided_once_with_a_reason_and_promotion_opens_the_case() throws Exception {
        Alert straw = alert("DIVERSION:Person:" + fixture.straw).orElseThrow();
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> alerts.promote(straw.id(), "CASE-" + fixture.run, " ")))
                .hasMessage("intelligence.reason-required");
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> alerts.promote(straw.id(), "bad\u0000case", "Four pistols in a year")))
                .hasMessage("intelligence.bad-case");
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> alerts.dismiss(straw.id(), "x".repeat(Alerts.MAX_REASON + 1))))
                .hasMessage("intelligence.bad-reason");
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> alerts.dismiss("no-such-alert", "because")))
                .hasMessage("intelligence.no-such-alert");
        assertThatThrownBy(() -> Actors.officer(() -> alerts.find(straw.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.officer(scanner::scanNow))
                .isInstanceOf(AccessDeniedException.class);

        Alert promoted = Actors.analyst(analyst, () -> alerts.promote(straw.id(), "CASE-" + fixture.run, "Four pistols in a year"));
        assertThat(promoted.status()).isEqualTo(Alert.Status.PROMOTED);
        assertThat(promoted.caseReference()).isEqualTo("CASE-" + fixture.run);
        assertThat(neo4j.query("MATCH (:Alert {id: $id})-[:PART_OF]->(c:Case {reference: $case}) WHERE c.number IS NOT NULL RETURN count(c)")
                .bindAll(Map.of("id", straw.id(), "case", "CASE-" + fixture.run)).fetchAs(Long.class).one()).contains(1L);
        // A second decision (a double click, or a colleague at the same time) is refused.
        assertThatThrownBy(() -> Actors.analyst(analyst, () -> alerts.dismiss(straw.id(), "Not interesting")))
                .hasMessage("intelligence.alert-decided");
        assertThat(Actors.analyst(analyst, () -> alerts.events(straw.id()))).extracting(Alert.Event::kind).startsWith("FOUND")
                .endsWith("PROMOTED");
        assertThat(Actors.admin(() -> audit.page(0, 1, analyst, "alert.promoted"))).isNotEmpty();

        // A scan later keeps the decision and the alert.
        scan();
        assertThat(alert("DIVERSION:Person:" + fixture.straw)).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(Alert.Status.PROMOTED);
            assertThat(a.id()).isEqualTo(straw.id());
        });
    }

    @Test
    void no_pattern_query_plans_a_cartesian_product_or_an_unbounded_expansion() {
        var params = CypherParams.of("rows", 1000, "min", 3, "max", 10, "days", 1095, "holding", PatternScan.HOLDING_KINDS,
                "types", List.copyOf(LinkAnalysis.TYPES), "labels", List.of("Person"));
        for (EntityRef.Kind k : EntityRef.Kind.values()) {
            params.put("k" + k.label(), List.of("x"));
        }
        var queries = Map.of("diversion", PatternScan.DIVERSION, "time-to-crime", PatternScan.TIME_TO_CRIME,
                "serials", PatternScan.SERIALS, "origins", PatternScan.ORIGINS, "groups", PatternScan.GROUPS,
                "request-weapons", PatternScan.REQUEST_WEAPONS, "possessors", PatternScan.POSSESSORS,
                "places", PatternScan.PLACES, "subgraph", LinkAnalysis.SUBGRAPH);
        queries.forEach((name, query) -> {
            var plan = QueryPlans.explain(neo4j, query, params);
            assertThat(plan.boundedAndConnected()).as(name + " plan " + plan).isTrue();
        });
        // The short time-to-crime scan reads the identifications through their index (a range seek, or
        // an ordered scan that stops at the limit, as the planner sees fit), not by walking every relationship.
        assertThat(QueryPlans.explain(neo4j, PatternScan.TIME_TO_CRIME, params).operators())
                .anyMatch(o -> o.contains("RelationshipIndexSeek") || o.contains("RelationshipIndexScan"));
    }

    @Test
    void thresholds_below_their_floor_stop_the_start_with_the_setting_named() {
        assertThatThrownBy(() -> new PatternThresholds(1, null, null, null, null, null, null, null, null, null, null, null,
                null, null)).hasMessageContaining("armstrace.intelligence.patterns.diversion-weapons");
        assertThatThrownBy(() -> new PatternThresholds(null, null, null, 0, null, null, null, null, null, null, null, null,
                null, null)).hasMessageContaining("batch-gap");
        assertThat(PatternThresholds.defaults().timeToCrimeDays()).isEqualTo(1095);
    }

    private void scan() throws Exception {
        Actors.analyst(analyst, scanner::scanNow).get(120, TimeUnit.SECONDS);
    }

    private Optional<Alert> alert(String key) {
        return neo4j.query("MATCH (a:Alert {key: $key}) RETURN a.id").bind(key).to("key").fetchAs(String.class).one()
                .flatMap(id -> Actors.analyst(analyst, () -> alerts.find(id)));
    }
}
