package org.armstrace.tracing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.SerialHit;
import org.armstrace.registry.SerialSearch;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PartnerScope;
import org.neo4j.driver.types.Node;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trace requests under the International Tracing Instrument: numbering, states, assignment and
 * deadlines. Every change of state goes through {@link TraceLifecycle} and is kept as a
 * {@code :TraceTransition} with who, when and why, and written to the audit chain; nothing is ever
 * deleted.
 */
@Service
@EnableConfigurationProperties(ServiceLevels.class)
public class TraceRequests {

    static final String DESK = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE')";

    private final Neo4jClient neo4j;
    private final ReferenceData reference;
    private final SerialSearch search;
    private final FirearmRegistry firearms;
    private final ServiceLevels levels;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final String home;

    TraceRequests(Neo4jClient neo4j, ReferenceData reference, SerialSearch search, FirearmRegistry firearms,
                  ServiceLevels levels, AuditLog audit, org.springframework.context.ApplicationEventPublisher events,
                  @Value("${armstrace.home-country:XK}") String home) {
        this.events = events;
        this.neo4j = neo4j;
        this.reference = reference;
        this.search = search;
        this.firearms = firearms;
        this.levels = levels;
        this.audit = audit;
        this.home = home.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Takes in a partner's request (any intake channel): validated, numbered, acknowledged, given a
     * due date by priority and assigned to the analyst with the lightest workload, in one
     * transaction. A retry with the same idempotency key returns the first request; the same key
     * with a different content is refused.
     */
    @PreAuthorize(DESK + " or hasRole('PARTNER')")
    @Transactional
    public TraceRequest receive(NewTraceRequest request) {
        if (request.direction() != Direction.INCOMING) {
            throw new TransitionRefused("trace.not-incoming");
        }
        // A partner speaks for its own country only, whatever the body says.
        boolean partner = org.armstrace.security.Role.current(org.armstrace.security.Role.Names.PARTNER);
        if (partner && !PartnerScope.country().map(c -> c.equals(request.counterpart())).orElse(false)) {
            throw new TransitionRefused("trace.not-your-country");
        }
        List<String> missing = missingItiContent(request);
        if (!missing.isEmpty()) {
            throw new ItiContentMissing(missing);
        }
        return create(request);
    }

    /**
     * Takes in several partner requests at once (a workbook), all or none: one failure rolls every
     * one of them back, numbers included. Each carries its own idempotency key, so the same
     * workbook uploaded twice yields the same requests, not twice as many.
     */
    @PreAuthorize(DESK)
    @Transactional
    public List<TraceRequest> receiveAll(List<NewTraceRequest> requests) {
        for (NewTraceRequest r : requests) {
            if (r.direction() != Direction.INCOMING) {
                throw new TransitionRefused("trace.not-incoming");
            }
            List<String> missing = missingItiContent(r);
            if (!missing.isEmpty()) {
                throw new ItiContentMissing(missing);
            }
        }
        return requests.stream().map(this::create).toList();
    }

    /** Whether a country may be the other side of a request: known to the reference data, and not us. */
    public boolean isCounterpart(String code) {
        return code != null && !code.equals(home) && reference.country(code).isPresent();
    }

    /** The countries a request may go to or come from, for the forms' pick-lists. */
    public List<org.armstrace.registry.Country> counterparts() {
        return reference.countries().stream().filter(c -> !c.code().equals(home)).toList();
    }

    /**
     * What the ITI requires of a request and this one lacks: the weapon's unique identification
     * (make and serial), why it is considered illicit, the legal basis, and the intended use of the answer.
     */
    public static List<String> missingItiContent(NewTraceRequest r) {
        return missingItiContent(r.weaponMake(), r.weaponSerial(), r.whyIllicit(), r.legalBasis(), r.intendedUse());
    }

    /** The same check on a stored request: an outgoing one cannot be READY until it passes. */
    public static List<String> missingItiContent(TraceRequest t) {
        return missingItiContent(t.weaponMake(), t.weaponSerial(), t.whyIllicit(), t.legalBasis(), t.intendedUse());
    }

    /** The same check on the fields as typed (the intake form shows it live). */
    public static List<String> missingItiContent(String make, String serial, String whyIllicit, String legalBasis,
                                                 String intendedUse) {
        var missing = new java.util.ArrayList<String>();
        if (blank(make)) {
            missing.add("weapon.make");
        }
        if (blank(serial)) {
            missing.add("weapon.serial");
        }
        if (blank(whyIllicit)) {
            missing.add("whyIllicit");
        }
        if (blank(legalBasis)) {
            missing.add("legalBasis");
        }
        if (blank(intendedUse)) {
            missing.add("intendedUse");
        }
        return missing;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A partner's own request, by number. Another country's request, or an outgoing one, does not
     * exist for a partner (the API answers 404), and the attempt is audited.
     */
    @PreAuthorize("hasRole('PARTNER')")
    @Transactional
    public Optional<TraceRequest> partnerRequest(String number) {
        String country = PartnerScope.country().orElseThrow(() -> new TransitionRefused("trace.not-your-country"));
        Optional<TraceRequest> found = neo4j.query("MATCH (t:TraceRequest {number: $number}) RETURN t")
                .bind(number == null ? "" : number).to("number")
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> toRequest(r.get("t").asNode())).one();
        if (found.isPresent() && (found.get().direction() != Direction.INCOMING
                || !found.get().counterpart().equals(country))) {
            audit.record("trace.partner-denied", List.of("TraceRequest:" + found.get().id()),
                    "partner " + country + " asked for " + found.get().number());
            return Optional.empty();
        }
        return found;
    }

    /** A partner's own requests, newest first. */
    @PreAuthorize("hasRole('PARTNER')")
    @Transactional(readOnly = true)
    public List<TraceRequest> partnerRequests(int offset, int limit) {
        String country = PartnerScope.country().orElseThrow(() -> new TransitionRefused("trace.not-your-country"));
        return neo4j.query("MATCH (t:TraceRequest {direction: 'INCOMING', counterpart: $country}) "
                        + "RETURN t ORDER BY t.receivedAt DESC, t.number DESC SKIP $offset LIMIT $limit")
                .bindAll(Map.of("country", country, "offset", Math.max(0, offset), "limit", Math.clamp(limit, 1, 200)))
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> toRequest(r.get("t").asNode())).all().stream().toList();
    }

    /** Starts an outgoing request as a DRAFT, numbered at once so that it can be referred to. */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST')")
    @Transactional
    public TraceRequest draft(NewTraceRequest request) {
        if (request.direction() != Direction.OUTGOING) {
            throw new TransitionRefused("trace.not-outgoing");
        }
        return create(request);
    }

    /**
     * An outgoing request filled from the graph for a weapon: its identification as registered
     * (type, make, model, calibre and serial as read, country of manufacture) and the circumstances
     * of its latest recovery. The requested country defaults to the country of manufacture. The
     * analyst completes why it is illicit, the legal basis and the intended use.
     */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST')")
    @Transactional(readOnly = true)
    public Optional<NewTraceRequest> outgoingFor(String firearmId) {
        return firearms.find(firearmId).map(f -> {
            String type = reference.resolveFirearmType(f.typeCode()).map(x -> x.name(java.util.Locale.ENGLISH))
                    .orElse(f.typeCode());
            String calibre = reference.resolveCalibre(f.calibreCode()).map(org.armstrace.registry.Calibre::name)
                    .orElse(f.calibreCode());
            String made = f.countryOfManufacture() == null ? null : f.countryOfManufacture().toUpperCase(java.util.Locale.ROOT);
            String to = isCounterpart(made) ? made : null;
            return new NewTraceRequest(Direction.OUTGOING, to, null, Priority.ROUTINE, type, f.makeAsRead(), f.model(),
                    calibre, f.serialAsRead(), f.countryOfManufacture(), null, null, null,
                    recoveryCircumstances(firearmId).orElse(null), NewTraceRequest.Channel.MANUAL, null, firearmId);
        });
    }

    /** The latest recovery of a weapon, in words: kind, date, place and what happened. */
    Optional<String> recoveryCircumstances(String firearmId) {
        return neo4j.query("""
                        MATCH (r:Recovery)-[:RECOVERED]->(:Firearm {id: $id})
                        OPTIONAL MATCH (r)-[:AT]->(l:Location)
                        RETURN r.kind AS kind, r.at AS at, l.municipality AS municipality, l.latitude AS lat,
                               l.longitude AS lon, r.circumstances AS circumstances, r.caseReference AS caseRef
                        ORDER BY r.at DESC LIMIT 1
                        """)
                .bind(firearmId).to("id").fetch().one().map(r -> {
                    var at = (ZonedDateTime) r.get("at");
                    var text = new StringBuilder(String.valueOf(r.get("kind"))).append(" on ")
                            .append(at == null ? "unknown date" : at.withZoneSameInstant(levels.zone())
                                    .format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
                    if (r.get("municipality") != null) {
                        text.append(" in ").append(r.get("municipality"));
                    }
                    if (r.get("lat") != null) {
                        text.append(String.format(java.util.Locale.ROOT, " (%.5f, %.5f)", r.get("lat"), r.get("lon")));
                    }
                    if (r.get("caseRef") != null) {
                        text.append(", case ").append(r.get("caseRef"));
                    }
                    if (r.get("circumstances") != null) {
                        text.append(". ").append(r.get("circumstances"));
                    }
                    return text.toString();
                });
    }

    /**
     * Changes an outgoing request while it is a DRAFT. The earlier values stay in the audit chain,
     * field by field; the number, the weapon it concerns and the history stay as they were.
     */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST')")
    @Transactional
    public TraceRequest updateDraft(String id, NewTraceRequest r) {
        TraceRequest current = find(id).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        if (current.direction() != Direction.OUTGOING || current.status() != TraceStatus.DRAFT) {
            throw new TransitionRefused("trace.not-a-draft");
        }
        checkCounterpart(r);
        Map<String, Object> before = content(NewTraceRequest.of(current));
        Map<String, Object> after = content(r);
        var changes = before.entrySet().stream().filter(e -> !java.util.Objects.equals(e.getValue(), after.get(e.getKey())))
                .map(e -> e.getKey() + ": " + e.getValue() + " → " + after.get(e.getKey())).toList();
        if (changes.isEmpty()) {
            return current;
        }
        long updated = neo4j.query("""
                        MATCH (t:TraceRequest {id: $id}) WHERE t.status = 'DRAFT'
                        SET t += $after, t.dueAt = $due
                        RETURN count(t)
                        """)
                .bindAll(CypherParams.of("id", id, "after", after,
                        "due", levels.due(current.receivedAt(), r.priority()).atZone(ZoneOffset.UTC)))
                .fetchAs(Long.class).one().orElse(0L);
        if (updated == 0) {
            throw new TransitionRefused("trace.changed-meanwhile");
        }
        audit.record("trace.draft-edited", List.of("TraceRequest:" + id), current.number() + "; "
                + String.join("; ", changes));
        return find(id).orElseThrow();
    }

    private TraceRequest create(NewTraceRequest r) {
        checkCounterpart(r);
        String fingerprint = fingerprint(r);
        if (r.idempotencyKey() != null) {
            // Two retries sent at once: the second waits here for the first to commit.
            neo4j.query("MERGE (k:IdempotencyKey {key: $key}) ON CREATE SET k.at = datetime()")
                    .bind("trace:" + scopedKey(r)).to("key").run();
            var earlier = neo4j.query("""
                            MATCH (t:TraceRequest {idempotencyKey: $key}) RETURN t.id AS id, t.fingerprint AS fingerprint
                            """)
                    .bind(scopedKey(r)).to("key").fetch().one();
            if (earlier.isPresent()) {
                if (!fingerprint.equals(earlier.get().get("fingerprint"))) {
                    throw new TransitionRefused("trace.idempotency-conflict");
                }
                return find((String) earlier.get().get("id")).orElseThrow();
            }
        }
        Instant now = Instant.now();
        int year = now.atZone(levels.zone()).getYear();
        String by = AuditLog.currentActor();
        String id = UUID.randomUUID().toString();
        boolean incoming = r.direction() == Direction.INCOMING;
        // Reads first, outside the counter's lock: who has the lightest load.
        String analyst = incoming ? lightestAnalyst().orElse(null) : null;
        // The registry is checked on intake; the hits are kept with the request for the analyst.
        List<Map<String, Object>> candidates = incoming ? candidates(r) : List.of();
        TraceStatus status = !incoming ? TraceStatus.DRAFT : analyst == null ? TraceStatus.ACKNOWLEDGED : TraceStatus.ASSIGNED;
        var transitions = new java.util.ArrayList<Map<String, Object>>();
        transitions.add(CypherParams.of("from", null, "to", TraceLifecycle.initial(r.direction()).name(), "by", by,
                "reason", "received through " + r.channel()));
        if (incoming) {
            transitions.add(CypherParams.of("from", TraceStatus.RECEIVED.name(), "to", TraceStatus.ACKNOWLEDGED.name(),
                    "by", "system", "reason", "receipt acknowledged on intake"));
            if (analyst != null) {
                transitions.add(CypherParams.of("from", TraceStatus.ACKNOWLEDGED.name(), "to", TraceStatus.ASSIGNED.name(),
                        "by", "system", "reason", "assigned by workload to " + analyst));
            }
        }
        Instant due = levels.due(now, r.priority());
        Map<String, Object> props = content(r);
        String prefix = home + "-" + r.direction().code() + "-" + year;
        // One statement, last in the transaction: the counter node's write lock serialises
        // concurrent requests for as short a time as possible, and a rolled-back request rolls its
        // number back too, so numbers stay gapless.
        String number = neo4j.query("""
                        MERGE (c:TraceCounter {key: $prefix})
                        ON CREATE SET c.value = 0
                        SET c.value = c.value + 1
                        WITH c.value AS seq
                        CREATE (t:TraceRequest {id: $id, number: $prefix + '-' + right('00000' + toString(seq), 6),
                                direction: $direction, status: $status, priority: $priority, counterpart: $counterpart,
                                receivedAt: $now, dueAt: $due, channel: $channel, createdBy: $by, assignee: $analyst,
                                idempotencyKey: $key, fingerprint: $fingerprint})
                        SET t += $props
                        WITH t
                        UNWIND range(0, size($transitions) - 1) AS i
                        CREATE (t)-[:HAS_TRANSITION]->(x:TraceTransition {at: $now, seq: i})
                        SET x += $transitions[i]
                        WITH DISTINCT t
                        CALL (t) {
                            UNWIND $candidates AS c
                            MATCH (f:Firearm {id: c.firearm})
                            CREATE (t)-[:CANDIDATE {score: c.score, reasons: c.reasons, rank: c.rank, flags: c.flags}]->(f)
                        }
                        OPTIONAL MATCH (f:Firearm {id: $firearm})
                        FOREACH (_ IN CASE WHEN f IS NULL THEN [] ELSE [1] END | CREATE (t)-[:CONCERNS]->(f))
                        RETURN t.number AS number
                        """)
                .bindAll(CypherParams.of("prefix", prefix, "id", id, "direction", r.direction().name(),
                        "status", status.name(), "priority", r.priority().name(), "counterpart", r.counterpart(),
                        "now", now.atZone(ZoneOffset.UTC), "due", due.atZone(ZoneOffset.UTC),
                        "channel", r.channel().name(), "by", by, "analyst", analyst,
                        "key", r.idempotencyKey() == null ? null : scopedKey(r), "fingerprint", fingerprint,
                        "props", props, "transitions", transitions, "firearm", r.firearmId(), "candidates", candidates))
                .fetchAs(String.class).one().orElseThrow();
        audit.record("trace.created", List.of("TraceRequest:" + id), number + " " + r.direction() + " "
                + r.counterpart() + " via " + r.channel() + "; " + transitions.stream()
                .map(x -> String.valueOf(x.get("to"))).collect(java.util.stream.Collectors.joining(" → "))
                + (analyst == null ? "" : "; assigned to " + analyst));
        if (incoming) {
            events.publishEvent(new IncomingRequestLinked(id));
        }
        return new TraceRequest(id, number, r.direction(), status, r.priority(), r.counterpart(), r.partnerReference(),
                now, due, analyst, r.weaponType(), r.weaponMake(), r.weaponModel(), r.weaponCalibre(), r.weaponSerial(),
                r.weaponCountry(), r.whyIllicit(), r.legalBasis(), r.intendedUse(), r.circumstances(), r.channel(), by,
                false);
    }

    /** What a request says, as stored on the node: the part a draft's editing may change. */
    private static Map<String, Object> content(NewTraceRequest r) {
        var content = new java.util.LinkedHashMap<String, Object>();
        content.put("counterpart", r.counterpart());
        content.put("partnerReference", r.partnerReference());
        content.put("priority", r.priority().name());
        content.put("weaponType", r.weaponType());
        content.put("weaponMake", r.weaponMake());
        content.put("weaponModel", r.weaponModel());
        content.put("weaponCalibre", r.weaponCalibre());
        content.put("weaponSerial", r.weaponSerial());
        content.put("weaponCountry", r.weaponCountry());
        content.put("whyIllicit", r.whyIllicit());
        content.put("legalBasis", r.legalBasis());
        content.put("intendedUse", r.intendedUse());
        content.put("circumstances", r.circumstances());
        return content;
    }

    private void checkCounterpart(NewTraceRequest r) {
        if (!isCounterpart(r.counterpart())) {
            throw new TransitionRefused("trace.unknown-country");
        }
    }

    /** The registry's closest weapons to the one described: up to five, make-scoped when the make is known. */
    private List<Map<String, Object>> candidates(NewTraceRequest r) {
        List<SerialHit> hits = search.searchAsRead(r.weaponSerial(), r.weaponMake(), r.weaponModel(), 5);
        var rows = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < hits.size(); i++) {
            SerialHit h = hits.get(i);
            rows.add(Map.of("firearm", h.firearm().id(), "score", h.score(), "reasons", h.reasons(), "rank", i + 1,
                    "flags", h.flags()));
        }
        return rows;
    }

    /** A weapon the registry check found for a request, with why. */
    public record Candidate(org.armstrace.registry.Firearm firearm, double score, List<String> reasons,
                            List<String> flags) {
    }

    /** What the registry check on intake found, best first. */
    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public List<Candidate> candidates(String id) {
        return neo4j.query("""
                        MATCH (:TraceRequest {id: $id})-[c:CANDIDATE]->(f:Firearm)
                        RETURN f.id AS firearm, c.score AS score, c.reasons AS reasons, c.flags AS flags ORDER BY c.rank
                        """)
                .bind(id).to("id").fetchAs(Candidate.class).mappedBy((x, row) -> new Candidate(
                        firearms.find(row.get("firearm").asString()).orElseThrow(), row.get("score").asDouble(),
                        row.get("reasons").asList(org.neo4j.driver.Value::asString, List.of()),
                        row.get("flags").asList(org.neo4j.driver.Value::asString, List.of())))
                .all().stream().toList();
    }

    /** Moves a request to its next state, if the lifecycle allows it; reasons where the ITI asks for them. */
    @PreAuthorize(DESK)
    @Transactional
    public TraceRequest transition(String id, TraceStatus to, String reason) {
        if (to == TraceStatus.APPROVED && !org.armstrace.security.Role.current("ADMIN", "SUPERVISOR")) {
            throw new TransitionRefused("trace.approval-needs-supervisor");
        }
        TraceRequest current = find(id).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        // An answer is drafted or recorded with its content (TraceAnswers), never by a bare move.
        if (to == TraceStatus.ANSWER_DRAFTED || (to == TraceStatus.ANSWERED && current.direction() == Direction.OUTGOING)) {
            throw new TransitionRefused("trace.answer-needed");
        }
        move(current, to, reason, AuditLog.currentActor());
        return find(id).orElseThrow();
    }

    /** A supervisor gives the request to another analyst (or the analyst takes it from the team queue). */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Transactional
    public TraceRequest assign(String id, String analyst, String reason) {
        TraceRequest current = find(id).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        boolean isAnalyst = neo4j.query("""
                        RETURN EXISTS { MATCH (u:User {username: $analyst}) WHERE u.enabled AND 'ANALYST' IN u.roles } AS ok
                        """).bind(analyst == null ? "" : analyst).to("analyst").fetchAs(Boolean.class).one().orElse(false);
        if (!isAnalyst) {
            throw new TransitionRefused("trace.not-an-analyst");
        }
        if (TraceLifecycle.closed(current.direction(), current.status())) {
            throw new TransitionRefused("trace.transition-not-allowed");
        }
        neo4j.query("MATCH (t:TraceRequest {id: $id}) SET t.assignee = $analyst")
                .bindAll(Map.of("id", id, "analyst", analyst)).run();
        String why = "assigned to " + analyst + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        if (current.status() == TraceStatus.ACKNOWLEDGED || current.status() == TraceStatus.ASSIGNED) {
            move(current, TraceStatus.ASSIGNED, why, AuditLog.currentActor());
        } else {
            audit.record("trace.reassigned", List.of("TraceRequest:" + id), why);
        }
        return find(id).orElseThrow();
    }

    /** The enabled analysts, for a supervisor choosing whom to give a request. */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<String> analysts() {
        return neo4j.query("MATCH (u:User) WHERE u.enabled AND 'ANALYST' IN u.roles RETURN u.username ORDER BY u.username")
                .fetchAs(String.class).all().stream().toList();
    }

    /**
     * The one writer of {@code status}: checks the move against the lifecycle, keeps it as a
     * transition and audits it. A move that lost a race with another user's is refused.
     */
    void move(TraceRequest current, TraceStatus to, String reason, String by) {
        String id = current.id();
        TraceLifecycle.check(current.direction(), current.status(), to, reason);
        if (current.direction() == Direction.OUTGOING && to == TraceStatus.READY) {
            List<String> missing = missingItiContent(current);
            if (!missing.isEmpty()) {
                throw new ItiContentMissing(missing);
            }
        }
        if (to == TraceStatus.APPROVED) {
            approve(id, by);
        }
        long moved = neo4j.query("""
                        MATCH (t:TraceRequest {id: $id}) WHERE t.status = $from
                        SET t.status = $to
                        CREATE (t)-[:HAS_TRANSITION]->(:TraceTransition {from: $from, to: $to, at: $now, by: $by,
                                reason: $reason})
                        RETURN count(t) AS n
                        """)
                .bindAll(CypherParams.of("id", id, "from", current.status().name(), "to", to.name(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "by", by,
                        "reason", reason == null || reason.isBlank() ? null : reason.strip()))
                .fetchAs(Long.class).one().orElse(0L);
        if (moved == 0) {
            throw new TransitionRefused("trace.changed-meanwhile"); // another user moved it first
        }
        audit.recordAs(by, "trace." + to.name().toLowerCase(java.util.Locale.ROOT), List.of("TraceRequest:" + id),
                current.number() + ": " + current.status() + " → " + to + (reason == null ? "" : "; " + reason.strip()));
    }

    /**
     * Stamps the supervisor's approval on the current answer version. Four eyes: whoever drafted
     * the answer does not approve it.
     */
    private void approve(String id, String by) {
        var drafted = neo4j.query("""
                        MATCH (:TraceRequest {id: $id})-[:HAS_ANSWER]->(a:TraceAnswer)
                        RETURN a.draftedBy AS by ORDER BY a.version DESC LIMIT 1
                        """).bind(id).to("id").fetchAs(String.class).one();
        if (drafted.isEmpty()) {
            throw new TransitionRefused("trace.answer-needed");
        }
        if (drafted.get().equals(by)) {
            throw new TransitionRefused("trace.four-eyes");
        }
        neo4j.query("""
                        MATCH (:TraceRequest {id: $id})-[:HAS_ANSWER]->(a:TraceAnswer)
                        WITH a ORDER BY a.version DESC LIMIT 1
                        SET a.approvedBy = $by, a.approvedAt = $now
                        """)
                .bindAll(Map.of("id", id, "by", by, "now", ZonedDateTime.now(ZoneOffset.UTC))).run();
    }

    /** The work queues of the tracing desk. */
    public enum Queue {
        /** Open requests assigned to me. */
        MINE,
        /** Open incoming requests nobody has yet. */
        TEAM,
        /** Open requests past their due date (an outgoing one: its answer is late). */
        OVERDUE,
        /** Open requests due within {@code armstrace.tracing.soon-due}. */
        SOON_DUE
    }

    /** Per analyst: open, overdue and soon-due requests, for the supervisor's escalation view. */
    public record Workload(String analyst, long open, long overdue, long soonDue, long weighted) {
    }

    private static final String OPEN = """
            ((t.direction = 'INCOMING' AND NOT t.status IN $closedIn)
             OR (t.direction = 'OUTGOING' AND NOT t.status IN $closedOut))
            """;

    /** A page of a queue, most urgent first (due date, then priority). */
    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public List<TraceRequest> queue(Queue queue, int offset, int limit) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String where = switch (queue) {
            case MINE -> "t.assignee = $me";
            case TEAM -> "t.direction = 'INCOMING' AND t.assignee IS NULL";
            case OVERDUE -> "t.dueAt < $now";
            case SOON_DUE -> "t.dueAt >= $now AND t.dueAt < $soon";
        };
        return neo4j.query("MATCH (t:TraceRequest) WHERE " + OPEN + " AND " + where + """

                         RETURN t ORDER BY t.dueAt, $weights[t.priority] DESC, t.number SKIP $offset LIMIT $limit
                        """)
                .bindAll(queueParams(now, offset, limit))
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> toRequest(r.get("t").asNode())).all().stream().toList();
    }

    /** Every analyst with open work: what is late and what is about to be. */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<Workload> escalation() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return neo4j.query("MATCH (t:TraceRequest) WHERE " + OPEN + " AND t.assignee IS NOT NULL" + """

                        WITH t.assignee AS analyst, count(t) AS open,
                             count(CASE WHEN t.dueAt < $now THEN 1 END) AS overdue,
                             count(CASE WHEN t.dueAt >= $now AND t.dueAt < $soon THEN 1 END) AS soonDue,
                             sum($weights[t.priority]) AS weighted
                        RETURN analyst, open, overdue, soonDue, weighted ORDER BY overdue DESC, weighted DESC, analyst
                        """)
                .bindAll(queueParams(now, 0, 0))
                .fetchAs(Workload.class).mappedBy((x, r) -> new Workload(r.get("analyst").asString(),
                        r.get("open").asLong(), r.get("overdue").asLong(), r.get("soonDue").asLong(),
                        r.get("weighted").asLong())).all().stream().toList();
    }

    private Map<String, Object> queueParams(ZonedDateTime now, int offset, int limit) {
        return Map.of("me", AuditLog.currentActor(), "now", now, "soon", now.plus(levels.soonDue()),
                "closedIn", names(TraceLifecycle.INCOMING_CLOSED), "closedOut", names(TraceLifecycle.OUTGOING_CLOSED),
                "weights", Priority.weights(), "offset", Math.max(0, offset), "limit", Math.clamp(limit, 1, 500));
    }

    private static List<String> names(java.util.Set<TraceStatus> states) {
        return states.stream().map(Enum::name).toList();
    }

    /**
     * The enabled analyst with the least open work, weighted by priority ({@link Priority#weight()});
     * ties go to the one with fewer open requests, then by name.
     */
    Optional<String> lightestAnalyst() {
        return neo4j.query("""
                        MATCH (u:User) WHERE u.enabled AND 'ANALYST' IN u.roles
                        OPTIONAL MATCH (t:TraceRequest {assignee: u.username, direction: 'INCOMING'})
                        WHERE NOT t.status IN $closed
                        WITH u, sum($weights[t.priority]) AS load, count(t) AS open
                        RETURN u.username AS username ORDER BY load, open, username LIMIT 1
                        """)
                .bindAll(Map.of("closed", names(TraceLifecycle.INCOMING_CLOSED), "weights", Priority.weights()))
                .fetchAs(String.class).one();
    }

    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public Optional<TraceRequest> find(String id) {
        return neo4j.query("MATCH (t:TraceRequest {id: $id}) RETURN t").bind(id == null ? "" : id).to("id")
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> toRequest(r.get("t").asNode())).one();
    }

    /** Every move of the request, oldest first. */
    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public List<TraceTransition> history(String id) {
        return neo4j.query("""
                        MATCH (:TraceRequest {id: $id})-[:HAS_TRANSITION]->(x:TraceTransition)
                        RETURN x ORDER BY x.at, x.seq, elementId(x)
                        """)
                .bind(id).to("id").fetchAs(TraceTransition.class).mappedBy((t, r) -> {
                    Node x = r.get("x").asNode();
                    return new TraceTransition(x.get("from").isNull() ? null : TraceStatus.valueOf(x.get("from").asString()),
                            TraceStatus.valueOf(x.get("to").asString()), x.get("at").asZonedDateTime().toInstant(),
                            x.get("by").asString(), x.get("reason").asString(null));
                }).all().stream().toList();
    }

    private String scopedKey(NewTraceRequest r) {
        return r.counterpart() + ":" + r.idempotencyKey();
    }

    /** What the sender said, for telling a true retry from a different request under the same key. */
    private static String fingerprint(NewTraceRequest r) {
        return org.armstrace.base.Sha256.hex(String.join("\u001f", String.valueOf(r.direction()), r.counterpart(),
                String.valueOf(r.partnerReference()), r.priority().name(), String.valueOf(r.weaponType()),
                String.valueOf(r.weaponMake()), String.valueOf(r.weaponModel()), String.valueOf(r.weaponCalibre()),
                String.valueOf(r.weaponSerial()), String.valueOf(r.weaponCountry()), String.valueOf(r.whyIllicit()),
                String.valueOf(r.legalBasis()), String.valueOf(r.intendedUse()), String.valueOf(r.circumstances()),
                String.valueOf(r.firearmId())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private TraceRequest toRequest(Node t) {
        Direction direction = Direction.valueOf(t.get("direction").asString());
        TraceStatus status = TraceStatus.valueOf(t.get("status").asString());
        Instant due = t.get("dueAt").isNull() ? null : t.get("dueAt").asZonedDateTime().toInstant();
        return new TraceRequest(t.get("id").asString(), t.get("number").asString(), direction, status,
                Priority.valueOf(t.get("priority").asString()), t.get("counterpart").asString(),
                t.get("partnerReference").asString(null), t.get("receivedAt").asZonedDateTime().toInstant(), due,
                t.get("assignee").asString(null), t.get("weaponType").asString(null), t.get("weaponMake").asString(null),
                t.get("weaponModel").asString(null), t.get("weaponCalibre").asString(null),
                t.get("weaponSerial").asString(null), t.get("weaponCountry").asString(null),
                t.get("whyIllicit").asString(null), t.get("legalBasis").asString(null),
                t.get("intendedUse").asString(null), t.get("circumstances").asString(null),
                NewTraceRequest.Channel.valueOf(t.get("channel").asString()), t.get("createdBy").asString(""),
                due != null && !TraceLifecycle.closed(direction, status) && Instant.now().isAfter(due));
    }
}
