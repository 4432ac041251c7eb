package org.armstrace.statistics;

import static org.armstrace.graph.GraphValues.instant;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.armstrace.registry.FirearmOrigins;
import org.armstrace.registry.ReferenceData;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.ServiceLevels;
import org.armstrace.tracing.TraceLifecycle;
import org.armstrace.tracing.TraceStatus;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures a focal point reports: trace requests by period, office and partner, times to
 * acknowledge and answer, recovered weapons by kind, type, place and origin, tracing results and
 * SDG indicator 16.4.2. Computed from the graph on demand (nothing is stored that could drift from
 * it), so that the dashboard, the workbooks and the API always agree.
 *
 * <p>What counts as what (see also {@link FigureBuilder}):
 * <ul>
 *   <li><b>Illicit origin established</b>: the point of diversion is on record, either in the
 *       current answer to a trace request concerning the weapon (a partner's answer to ours, or our
 *       own approved answer), or because the weapon was identified as a registered weapon reported
 *       lost or stolen (the loss or theft is the point of diversion; established when it was
 *       identified).</li>
 *   <li><b>Traced</b>: identified in our registry, or a trace answer found it (fully or in part).</li>
 *   <li><b>Country of last legal import</b>: the newest import marking, otherwise our own country
 *       when our registry holds an import of the weapon.</li>
 * </ul>
 *
 * <p>Owns no label: it reads recovery's, tracing's and registry's labels, and the office on
 * security's {@code :User}, in its own Cypher, because each figure is one aggregation that calls
 * through the owners' services would turn into thousands (owners: graph-model/README.md).
 */
@Service
public class Statistics {

    static final String READERS = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST','STATISTICS')";
    static final String DRILL_DOWN = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST')";

    static final String WEAPONS = """
            MATCH (r:Recovery) WHERE r.at >= $from AND r.at < $until
            MATCH (r)-[k:RECOVERED]->(f:Firearm)
            OPTIONAL MATCH (f)-[i:IDENTIFIED_AS]->(g:Firearm)
            OPTIONAL MATCH (r)-[:AT]->(l:Location)
            RETURN r.id AS recovery, r.kind AS kind, r.at AS at, l.municipality AS municipality,
                   r.caseReference AS caseReference, COUNT { (r)-[:RECOVERED]->() } AS weapons,
                   f.id AS firearm, coalesce(g.id, f.id) AS identity, coalesce(f.typeCode, g.typeCode) AS type,
                   coalesce(f.makeCode, g.makeCode) AS makeCode, coalesce(f.makeAsRead, g.makeAsRead) AS make,
                   coalesce(f.model, g.model) AS model, f.serialAsRead AS serial,
                   coalesce(f.countryOfManufacture, g.countryOfManufacture) AS made,
                   r.amnestyAt IS NOT NULL AS amnesty,
                   EXISTS { (f)-[:HAS_CANDIDATE]->(:MatchCandidate {status: 'OPEN'}) } AS domesticOpen,
                   g IS NOT NULL AS identified, i.at AS identifiedAt,
                   %s AS importMarks,
                   %s AS importedHere,
                   COLLECT { UNWIND [f, g] AS x WITH x WHERE x IS NOT NULL
                             MATCH (x)<-[:CONCERNS]-(t:TraceRequest) WHERE NOT t.status IN ['DRAFT', 'READY']
                             OPTIONAL CALL (t) {
                                 MATCH (t)-[:HAS_ANSWER]->(a:TraceAnswer)
                                 WHERE t.direction = 'OUTGOING' OR (a.approvedAt IS NOT NULL AND a.voidedAt IS NULL)
                                 RETURN a ORDER BY a.version DESC LIMIT 1
                             }
                             RETURN {number: t.number, direction: t.direction, status: t.status,
                                     outcome: a.outcome, country: a.diversionCountry, method: a.diversionMethod,
                                     at: CASE t.direction WHEN 'OUTGOING' THEN a.draftedAt ELSE a.approvedAt END,
                                     sentAt: COLLECT { MATCH (t)-[:HAS_TRANSITION]->(s:TraceTransition {to: 'SENT'})
                                                       RETURN s.at ORDER BY s.at LIMIT 1 }}
                           } AS traces,
                   CASE WHEN g IS NULL THEN [] ELSE COLLECT {
                       MATCH (g)<-[:CONCERNS]-(s:LostStolenReport) WHERE s.status <> 'WITHDRAWN' RETURN s.kind
                   } END AS reports
            ORDER BY r.at, r.id, k.position
            """.formatted(FirearmOrigins.importMarks("f", "g"), FirearmOrigins.importedHere("g"));
    // Ordered by r.at first, which the range index on it provides: the sort is then partial (ties
    // only), so even a decade of recoveries streams without being held in memory.

    /**
     * One page of {@link #WEAPONS}: the period's (recovery, weapon) pairs are put in the same order and cut
     * to the page before anything else is read, so a row before the page costs an index entry and a
     * relationship instead of every subquery of the projection (issue 29).
     */
    static final String WEAPONS_PAGE = WEAPONS.replace("MATCH (r)-[k:RECOVERED]->(f:Firearm)\n",
            "MATCH (r)-[k:RECOVERED]->(f:Firearm)\nWITH r, k, f ORDER BY r.at, r.id, k.position SKIP $offset LIMIT $limit\n");

    private static final String REQUESTS = """
            MATCH (t:TraceRequest) WHERE t.receivedAt < $until
              AND (NOT t.status IN $closed OR EXISTS { (t)-[:HAS_TRANSITION]->(x:TraceTransition) WHERE x.at >= $from })
            OPTIONAL MATCH (u:User {username: CASE t.direction WHEN 'INCOMING' THEN t.assignee ELSE t.createdBy END})
            RETURN t.number AS number, t.direction AS direction, t.status AS status, t.priority AS priority,
                   t.counterpart AS counterpart, u.office AS office, t.receivedAt AS receivedAt, t.dueAt AS dueAt,
                   COLLECT { MATCH (t)-[:HAS_TRANSITION]->(x:TraceTransition) RETURN [x.to, x.at]
                             ORDER BY x.at, x.seq } AS moves,
                   COLLECT { MATCH (t)-[:HAS_ANSWER]->(a:TraceAnswer)
                             WHERE t.direction = 'OUTGOING' OR (a.approvedAt IS NOT NULL AND a.voidedAt IS NULL)
                             RETURN a.outcome ORDER BY a.version DESC LIMIT 1 } AS outcome
            """;

    private final Neo4jClient neo4j;
    private final ReferenceData reference;
    private final ZoneId zone;
    private final String home;
    private final int significant;

    Statistics(Neo4jClient neo4j, ReferenceData reference, ServiceLevels levels,
               @org.springframework.beans.factory.annotation.Value("${armstrace.home-country:XK}") String home,
               @org.springframework.beans.factory.annotation.Value("${armstrace.statistics.significant-seizure:5}") int significant) {
        this.significant = Math.max(2, significant);
        this.neo4j = neo4j;
        this.reference = reference;
        this.zone = levels.zone();
        this.home = home.toUpperCase(Locale.ROOT);
    }

    /** The office's time zone: what a day, a month and a year are. */
    public ZoneId zone() {
        return zone;
    }

    /** Every figure of the period, as of now. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Figures figures(Period period) {
        return figures(period, Instant.now());
    }

    /**
     * Every figure of the period as it stood at {@code asOf}: answers and identifications recorded
     * later do not count, so a return submitted on a date can be reproduced later.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Figures figures(Period period, Instant asOf) {
        var builder = new FigureBuilder(period, zone, asOf, significant);
        eachWeapon(period, asOf, builder::add);
        return builder.build(traces(period, asOf));
    }

    /** Which part of the SDG 16.4.2 fraction a drill-down lists. */
    public enum Part {
        DENOMINATOR, NUMERATOR
    }

    /**
     * The weapons counted in one part of SDG 16.4.2 for the period, one line per recovery of each
     * (a weapon recovered twice shows twice but counts once), in order of recovery.
     */
    @PreAuthorize(DRILL_DOWN)
    @Transactional(readOnly = true)
    public void eachWeapon(Period period, Instant asOf, Part part, Consumer<RecoveredWeapon> each) {
        if (part == Part.DENOMINATOR) {
            eachWeapon(period, asOf, each);
            return;
        }
        // A weapon is in the numerator when any of its recoveries in the period established its origin.
        var established = new HashSet<String>();
        eachWeapon(period, asOf, w -> {
            if (w.established()) {
                established.add(w.identity());
            }
        });
        eachWeapon(period, asOf, w -> {
            if (established.contains(w.identity())) {
                each.accept(w);
            }
        });
    }

    /**
     * A page of the drill-down, for a grid. The denominator's page is cut in the query
     * ({@link #WEAPONS_PAGE}); the numerator needs every recovery of the period to know which weapons
     * had their origin established, and is still read whole for each page.
     */
    @PreAuthorize(DRILL_DOWN)
    @Transactional(readOnly = true)
    public List<RecoveredWeapon> weapons(Period period, Instant asOf, Part part, int offset, int limit) {
        var page = new ArrayList<RecoveredWeapon>();
        if (part == Part.DENOMINATOR) {
            eachWeapon(WEAPONS_PAGE, Map.of("from", period.start(zone), "until", period.end(zone), "offset", offset,
                    "limit", limit), asOf, page::add);
            return page;
        }
        var index = new int[1];
        eachWeapon(period, asOf, part, w -> {
            int i = index[0]++;
            if (i >= offset && i < offset + limit) {
                page.add(w);
            }
        });
        return page;
    }

    /** Streams the period's recovered weapons from the graph, record by record. */
    private void eachWeapon(Period period, Instant asOf, Consumer<RecoveredWeapon> each) {
        eachWeapon(WEAPONS, Map.of("from", period.start(zone), "until", period.end(zone)), asOf, each);
    }

    private void eachWeapon(String cypher, Map<String, Object> params, Instant asOf, Consumer<RecoveredWeapon> each) {
        var origins = new FirearmOrigins.Reading(reference, home);
        neo4j.delegateTo(runner -> {
            var result = runner.run(cypher, params);
            while (result.hasNext()) {
                each.accept(toWeapon(result.next(), asOf, origins));
            }
            return Optional.empty();
        }).run();
    }

    private RecoveredWeapon toWeapon(Record r, Instant asOf, FirearmOrigins.Reading origins) {
        Instant at = instant(r.get("at"));
        String made = origins.made(r.get("made").asString(null), r.get("makeCode").asString(null));
        String imported = origins.imported(r.get("importMarks").asList(Value::asString, List.of()),
                r.get("importedHere").asBoolean(false));
        // Identified later than asOf: not yet identified.
        boolean identified = r.get("identified").asBoolean(false) && !instantAfter(r.get("identifiedAt"), asOf);

        RecoveredWeapon.Tracing tracing = RecoveredWeapon.Tracing.NONE;
        boolean traced = identified;
        Instant established = null;
        String establishedBy = null;
        String diversionCountry = null;
        String diversionMethod = null;
        for (Value t : r.get("traces").values()) {
            boolean outgoing = "OUTGOING".equals(t.get("direction").asString());
            Instant answeredAt = instant(t.get("at"));
            boolean answered = answeredAt != null && !answeredAt.isAfter(asOf);
            if (outgoing) {
                List<Value> sent = t.get("sentAt").asList(x -> x, List.of());
                if (sent.isEmpty() || instant(sent.getFirst()).isAfter(asOf)) {
                    continue; // not sent yet at that moment
                }
                var status = TraceStatus.valueOf(t.get("status").asString());
                RecoveredWeapon.Tracing state = answered ? RecoveredWeapon.Tracing.ANSWERED
                        : status == TraceStatus.NO_ANSWER ? RecoveredWeapon.Tracing.NONE : RecoveredWeapon.Tracing.PENDING;
                if (state.ordinal() > tracing.ordinal()) {
                    tracing = state;
                }
            }
            if (!answered) {
                continue;
            }
            String outcome = t.get("outcome").asString(null);
            traced |= "TRACED".equals(outcome) || "PARTIALLY_TRACED".equals(outcome);
            if (!t.get("country").isNull() && (established == null || answeredAt.isBefore(established))) {
                established = answeredAt;
                establishedBy = "TRACE_ANSWER:" + t.get("number").asString();
                diversionCountry = t.get("country").asString();
                diversionMethod = t.get("method").asString(null);
            }
        }
        List<String> reports = r.get("reports").asList(Value::asString, List.of());
        Instant identifiedAt = instant(r.get("identifiedAt"));
        if (!reports.isEmpty() && identifiedAt != null && !identifiedAt.isAfter(asOf)
                && (established == null || identifiedAt.isBefore(established))) {
            established = identifiedAt;
            establishedBy = "LOST_STOLEN_REPORT";
            diversionCountry = home;
            diversionMethod = reports.contains("STOLEN") ? "THEFT" : "LOSS";
        }
        return new RecoveredWeapon(r.get("recovery").asString(), r.get("kind").asString(), at,
                r.get("municipality").asString(null), r.get("caseReference").asString(null), r.get("weapons").asInt(),
                r.get("firearm").asString(), r.get("identity").asString(), r.get("type").asString(null),
                r.get("make").asString(null), r.get("model").asString(null), r.get("serial").asString(null), made, imported,
                r.get("amnesty").asBoolean(false), r.get("domesticOpen").asBoolean(false), identified, tracing, traced, established, establishedBy,
                diversionCountry, diversionMethod);
    }

    private List<TraceFacts> traces(Period period, Instant asOf) {
        var closed = new TreeSet<String>();
        TraceLifecycle.INCOMING_CLOSED.forEach(s -> closed.add(s.name()));
        TraceLifecycle.OUTGOING_CLOSED.forEach(s -> closed.add(s.name()));
        return neo4j.query(REQUESTS)
                .bindAll(Map.of("from", period.start(zone), "until", period.end(zone), "closed", List.copyOf(closed)))
                .fetchAs(TraceFacts.class).mappedBy((x, r) -> toTrace(r, asOf)).all().stream().toList();
    }

    /** A request as it stood at {@code asOf}: moves made later have not happened yet. */
    private static TraceFacts toTrace(Record r, Instant asOf) {
        boolean incoming = "INCOMING".equals(r.get("direction").asString());
        Instant start = incoming ? instant(r.get("receivedAt")) : null;
        Instant acknowledged = null;
        Instant answered = null;
        Instant closed = null;
        String status = null;
        for (Value move : r.get("moves").values()) {
            Instant at = instant(move.get(1));
            if (at == null || at.isAfter(asOf)) {
                continue;
            }
            var to = TraceStatus.valueOf(move.get(0).asString());
            status = to.name();
            if (!incoming && to == TraceStatus.SENT && start == null) {
                start = at;
            }
            if (to == TraceStatus.ACKNOWLEDGED && acknowledged == null) {
                acknowledged = at;
            }
            if (answered == null && (to == TraceStatus.ANSWERED || (incoming && to == TraceStatus.RESTRICTED))) {
                answered = at;
            }
            if (closed == null && TraceLifecycle.closed(incoming ? Direction.INCOMING
                    : Direction.OUTGOING, to)) {
                closed = at;
            }
        }
        if (start != null && start.isAfter(asOf)) {
            start = null;
        }
        List<String> outcome = r.get("outcome").asList(Value::asString, List.of());
        return new TraceFacts(r.get("number").asString(), r.get("direction").asString(), status,
                r.get("priority").asString(null), r.get("counterpart").asString(null), r.get("office").asString(null),
                start, acknowledged, answered, closed, instant(r.get("dueAt")),
                answered == null || outcome.isEmpty() ? null : outcome.getFirst());
    }

    private static boolean instantAfter(Value v, Instant asOf) {
        Instant t = instant(v);
        return t != null && t.isAfter(asOf);
    }
}
