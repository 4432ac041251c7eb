package org.armstrace.intelligence;

import static org.armstrace.graph.GraphValues.instant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.armstrace.base.PlainText;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.LinkKind;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts the pattern scans raised: a ranked list, each with its evidence and history, decided
 * once (dismissed, or promoted to a case) with a reason, and the notifications that point an
 * analyst at the new ones. Every decision and every opening of an alert's evidence is audited.
 *
 * <p>Reads registry's {@code :Firearm}, {@code :Organisation} and
 * {@code :Country} in the query that lists alerts, to name each alert's weapons without a call
 * per row (owners: graph-model/README.md).
 */
@Service
public class Alerts {

    public static final int MAX_REASON = 2_000;

    private static final String ALERT = """
            {id: a.id, pattern: a.pattern, key: a.key, subject: a.subject, score: a.score, args: a.args,
             evidence: a.evidence, status: a.status, current: a.current, firstSeenAt: a.firstSeenAt, seenAt: a.seenAt,
             caseReference: a.caseReference}""";

    private static final String FILTER = """
            MATCH (a:Alert)
            WHERE ($pattern IS NULL OR a.pattern = $pattern) AND ($status IS NULL OR a.status = $status)
              AND (NOT $mine OR EXISTS { MATCH (n:Notification {user: $user, read: false}) WHERE n.alert = a.id })
            """;

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private final LinkAnalysis links;
    private final PersonalDataReads reads;
    private final CaseLinks caseLinks;

    Alerts(Neo4jClient neo4j, AuditLog audit, LinkAnalysis links, PersonalDataReads reads, CaseLinks caseLinks) {
        this.caseLinks = caseLinks;
        this.neo4j = neo4j;
        this.audit = audit;
        this.links = links;
        this.reads = reads;
    }

    /**
     * A page of alerts, highest rank first (open ones before those no longer found). Summaries name
     * holders, sellers and possessors, so the page is one audited read of the people in it.
     */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional
    public List<Alert> list(Alert.Filter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > LinkAnalysis.MAX_PAGE) {
            throw new IntelligenceRejected("intelligence.bad-page");
        }
        var params = params(filter);
        params.put("offset", offset);
        params.put("limit", limit);
        List<Alert> page = neo4j.query(FILTER + "RETURN " + ALERT + " AS a ORDER BY a.current DESC, a.score DESC, "
                        + "a.firstSeenAt DESC, a.id SKIP $offset LIMIT $limit")
                .bindAll(params).fetchAs(Alert.class).mappedBy((x, r) -> alert(r.get("a"))).all().stream().toList();
        reads.record(PersonalDataPath.ALERT_LIST, page.stream()
                .flatMap(a -> Stream.concat(Stream.ofNullable(a.subject()), a.evidence().stream()))
                .filter(ref -> ref.startsWith("Person:")).map(ref -> ref.substring("Person:".length())).toList());
        return page;
    }

    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional(readOnly = true)
    public long count(Alert.Filter filter) {
        return neo4j.query(FILTER + "RETURN count(a)").bindAll(params(filter)).fetchAs(Long.class).one().orElse(0L);
    }

    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional(readOnly = true)
    public Optional<Alert> find(String id) {
        return neo4j.query("MATCH (a:Alert {id: $id}) RETURN " + ALERT + " AS a").bind(String.valueOf(id)).to("id")
                .fetchAs(Alert.class).mappedBy((x, r) -> alert(r.get("a"))).one();
    }

    /** The alert's history, oldest first. */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional(readOnly = true)
    public List<Alert.Event> events(String id) {
        return neo4j.query("""
                        MATCH (:Alert {id: $id})-[:HAS_EVENT]->(e:AlertEvent)
                        RETURN e ORDER BY e.at, elementId(e)""")
                .bind(String.valueOf(id)).to("id").fetchAs(Alert.Event.class).mappedBy((x, r) -> {
                    Value e = r.get("e");
                    return new Alert.Event(e.get("at").asZonedDateTime().toInstant(), e.get("by").asString(),
                            e.get("kind").asString(), e.get("reason").asString(null), e.get("caseReference").asString(null),
                            e.get("added").asList(Value::asString, List.of()), e.get("removed").asList(Value::asString, List.of()));
                }).all().stream().toList();
    }

    /**
     * The alert's evidence as a chart: its entities and the links among them. Opening it is audited
     * and clears the reader's notifications about it.
     */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional
    public LinkGraph evidence(String id) {
        Alert alert = find(id).orElseThrow(() -> new IntelligenceRejected("intelligence.no-such-alert"));
        neo4j.query("MATCH (n:Notification {user: $user, read: false}) WHERE n.alert = $id SET n.read = true, n.readAt = $now")
                .bindAll(Map.of("user", AuditLog.currentActor(), "id", alert.id(), "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        audit.record("alert.opened", List.of("Alert:" + alert.id()), alert.pattern() + " " + alert.key());
        return links.subgraph(alert.evidence().stream().limit(LinkAnalysis.MAX_PAGE).map(EntityRef::parse).toList(), Set.of(),
                "evidence of alert " + alert.id());
    }

    /** Not worth pursuing: closed with the reason, kept with its evidence. */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional
    public Alert dismiss(String id, String reason) {
        return decide(id, Alert.Status.DISMISSED, reason(reason), null);
    }

    /** Worth a case: the alert is linked to the police case (created when it does not exist yet). */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional
    public Alert promote(String id, String caseReference, String reason) {
        String ref = caseReference == null ? "" : caseReference.strip();
        if (ref.isEmpty() || !PlainText.acceptable(ref, 60, false)) {
            throw new IntelligenceRejected("intelligence.bad-case");
        }
        return decide(id, Alert.Status.PROMOTED, reason(reason), ref);
    }

    private Alert decide(String id, Alert.Status to, String reason, String caseReference) {
        String by = AuditLog.currentActor();
        // The write lock comes first, so of two decisions at once the second sees the first.
        var row = neo4j.query("""
                        MATCH (a:Alert {id: $id})
                        SET a._lock = true REMOVE a._lock
                        RETURN a.status AS status""")
                .bind(String.valueOf(id)).to("id").fetch().one()
                .orElseThrow(() -> new IntelligenceRejected("intelligence.no-such-alert"));
        if (!"OPEN".equals(row.get("status"))) {
            throw new IntelligenceRejected("intelligence.alert-decided");
        }
        neo4j.query("""
                        MATCH (a:Alert {id: $id})
                        SET a.status = $to, a.decidedBy = $by, a.decidedAt = $now, a.reason = $reason,
                            a.caseReference = $case
                        CREATE (a)-[:HAS_EVENT]->(:AlertEvent {at: $now, by: $by, kind: $to, reason: $reason,
                                                               caseReference: $case, added: [], removed: []})""")
                .bindAll(CypherParams.of("id", id, "to", to.name(), "by", by, "now", ZonedDateTime.now(ZoneOffset.UTC),
                        "reason", reason, "case", caseReference))
                .run();
        if (caseReference != null) {
            // Promotion joins the case named (by number or reference) or opens one under that reference.
            caseLinks.join(caseReference, LinkKind.ALERT, id);
        }
        Alert alert = find(id).orElseThrow();
        audit.record(to == Alert.Status.DISMISSED ? "alert.dismissed" : "alert.promoted",
                caseReference == null ? List.of("Alert:" + id) : List.of("Alert:" + id, "Case:" + caseReference),
                alert.pattern() + " " + alert.key() + ": " + reason);
        return alert;
    }

    /** Time-to-crime of the weapons of one origin: how many, how many were quick, and the quartiles in days. */
    public record TimeToCrime(String country, long weapons, long quick, long p25, long median, long p75) {
    }

    /**
     * Time-to-crime per country of manufacture of the identified weapons (the registered weapon's,
     * or its maker's when the registration has none), most weapons first: the distribution behind
     * the short time-to-crime alerts.
     */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional(readOnly = true)
    public List<TimeToCrime> timeToCrimeByOrigin(int days, int limit) {
        if (days < 1 || limit < 1 || limit > LinkAnalysis.MAX_PAGE) {
            throw new IntelligenceRejected("intelligence.bad-page");
        }
        return neo4j.query("""
                        MATCH (:Firearm)-[i:IDENTIFIED_AS]->(g:Firearm) WHERE i.timeToCrimeDays >= 0
                        OPTIONAL MATCH (g)-[:MADE_BY]->(:Organisation)-[:BASED_IN]->(c:Country)
                        WITH coalesce(g.countryOfManufacture, c.code, '?') AS country, i.timeToCrimeDays AS d
                        WITH country, count(*) AS weapons, sum(CASE WHEN d < $days THEN 1 ELSE 0 END) AS quick,
                             percentileDisc(d, 0.25) AS p25, percentileDisc(d, 0.5) AS median, percentileDisc(d, 0.75) AS p75
                        RETURN country, weapons, quick, p25, median, p75 ORDER BY weapons DESC, country LIMIT $limit""")
                .bindAll(Map.of("days", days, "limit", limit)).fetchAs(TimeToCrime.class).mappedBy((x, r) -> new TimeToCrime(
                        r.get("country").asString(), r.get("weapons").asLong(), r.get("quick").asLong(),
                        r.get("p25").asLong(), r.get("median").asLong(), r.get("p75").asLong()))
                .all().stream().toList();
    }

    /** How many alerts are new to the signed-in analyst (unread notifications). */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional(readOnly = true)
    public long unread() {
        return neo4j.query("MATCH (n:Notification {user: $user, read: false}) RETURN count(DISTINCT n.alert)")
                .bind(AuditLog.currentActor()).to("user").fetchAs(Long.class).one().orElse(0L);
    }

    private static String reason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new IntelligenceRejected("intelligence.reason-required");
        }
        if (!PlainText.acceptable(r, MAX_REASON, true)) {
            throw new IntelligenceRejected("intelligence.bad-reason");
        }
        return r;
    }

    private static Map<String, Object> params(Alert.Filter filter) {
        Alert.Filter f = filter == null ? new Alert.Filter(null, null, false) : filter;
        return CypherParams.of("pattern", f.pattern() == null ? null : f.pattern().name(),
                "status", f.status() == null ? null : f.status().name(), "mine", f.newForMe(),
                "user", AuditLog.currentActor());
    }

    private static Alert alert(Value a) {
        return new Alert(a.get("id").asString(), Pattern.valueOf(a.get("pattern").asString()), a.get("key").asString(),
                a.get("subject").asString(null), a.get("score").asDouble(), a.get("args").asList(Value::asString),
                a.get("evidence").asList(Value::asString), Alert.Status.valueOf(a.get("status").asString()),
                a.get("current").asBoolean(), instant(a.get("firstSeenAt")), instant(a.get("seenAt")),
                a.get("caseReference").asString(null));
    }
}
