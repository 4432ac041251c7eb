package org.armstrace.intelligence;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.UserAccountService;
import org.neo4j.driver.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a scan's instances into alerts. An instance is the alert with its key; failing that, for a
 * run of serials that grew downwards or two groups that merged, the alert of the same pattern it
 * shares evidence with. New alerts whose evidence holds what just arrived notify their analysts.
 */
@Component
class AlertStore {

    /** What one pattern's scan did to the alerts. */
    record Applied(int found, int created, int changed, int gone, int notified) {
    }

    private record Known(String id, String key, Set<String> evidence, boolean current) {
    }

    /** What a scan writes: rows of new and updated alerts (fresh: new ones holding what just arrived), ids of gone ones. */
    private record Changes(List<Map<String, Object>> creates, List<Map<String, Object>> updates,
                           List<Map<String, Object>> fresh, List<String> gone) {
    }

    /**
     * Patterns whose key can change while the instance stays the same: a run named by its lowest
     * serial, a group by its first recovery. The others are named by what they are about.
     */
    private static final Set<Pattern> DRIFTING = EnumSet.of(Pattern.SERIAL_BATCH, Pattern.COMMUNITY);

    private final Neo4jClient neo4j;
    private final UserAccountService users;
    private final ApplicationEventPublisher events;

    AlertStore(Neo4jClient neo4j, UserAccountService users, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.users = users;
        this.events = events;
    }

    @Transactional
    Applied apply(Pattern pattern, List<PatternInstance> instances, Set<String> arrivals) {
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        Changes changes = changes(pattern, instances, arrivals, known(pattern));
        var params = CypherParams.of("pattern", pattern.name(), "now", now);
        create(changes.creates(), params);
        int changed = update(changes.updates(), params);
        markGone(changes.gone(), params);
        int notified = notify(pattern, changes.fresh(), now);
        return new Applied(instances.size(), changes.creates().size(), changed, changes.gone().size(), notified);
    }

    /**
     * Raises alerts of patterns that are not scanned for (an event says they happened), each told to
     * its analysts as a scan's new alert would be, with a few queries for all of them. Returns their
     * ids, in order.
     */
    @Transactional
    List<String> raiseAll(List<PatternInstance> instances) {
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        var ids = new ArrayList<String>(instances.size());
        var byPattern = new LinkedHashMap<Pattern, List<Map<String, Object>>>();
        for (PatternInstance instance : instances) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            byPattern.computeIfAbsent(instance.pattern(), p -> new ArrayList<>()).add(CypherParams.of("id", id,
                    "key", instance.key(), "subject", instance.subject() == null ? null : instance.subject().toString(),
                    "score", instance.score(), "args", instance.args(),
                    "evidence", instance.evidence().stream().map(EntityRef::toString).toList()));
        }
        byPattern.forEach((pattern, rows) -> {
            create(rows, CypherParams.of("pattern", pattern.name(), "now", now));
            notify(pattern, rows, now);
        });
        return ids;
    }

    /** The pattern's alerts, current or not, by key. */
    private Map<String, Known> known(Pattern pattern) {
        var known = new HashMap<String, Known>();
        neo4j.query("MATCH (a:Alert {pattern: $pattern}) RETURN a.id AS id, a.key AS key, a.evidence AS evidence, a.current AS current")
                .bind(pattern.name()).to("pattern")
                .fetchAs(Known.class).mappedBy((x, r) -> new Known(r.get("id").asString(), r.get("key").asString(),
                        new HashSet<>(r.get("evidence").asList(Value::asString)), r.get("current").asBoolean()))
                .all().forEach(k -> known.put(k.key(), k));
        return known;
    }

    /** Which instances are new alerts and which update a known one, and which current alerts no instance is. */
    private static Changes changes(Pattern pattern, List<PatternInstance> instances, Set<String> arrivals,
                                   Map<String, Known> known) {
        // Alerts no instance names by key may be taken over by an instance that shares their evidence.
        var unmatched = new HashMap<>(known);
        instances.forEach(i -> unmatched.remove(i.key()));
        var creates = new ArrayList<Map<String, Object>>();
        var updates = new ArrayList<Map<String, Object>>();
        var fresh = new ArrayList<Map<String, Object>>();
        for (PatternInstance i : instances) {
            List<String> evidence = i.evidence().stream().map(EntityRef::toString).toList();
            Known was = known.get(i.key());
            if (was == null && DRIFTING.contains(pattern)) {
                was = takeOver(unmatched, evidence);
            }
            var row = CypherParams.of("key", i.key(), "subject", i.subject() == null ? null : i.subject().toString(),
                    "score", i.score(), "args", i.args(), "evidence", evidence);
            if (was == null) {
                String id = UUID.randomUUID().toString();
                row.put("id", id);
                creates.add(row);
                if (evidence.stream().anyMatch(arrivals::contains)) {
                    fresh.add(row);
                }
            } else {
                updates.add(updateRow(row, was, evidence));
            }
        }
        List<String> gone = unmatched.values().stream().filter(Known::current).map(Known::id).toList();
        return new Changes(creates, updates, fresh, gone);
    }

    /** An unmatched alert sharing evidence with the instance, which it now is; null when there is none. */
    private static Known takeOver(Map<String, Known> unmatched, List<String> evidence) {
        Known was = unmatched.values().stream().filter(k -> evidence.stream().anyMatch(k.evidence()::contains))
                .findFirst().orElse(null);
        if (was != null) {
            unmatched.remove(was.key());
        }
        return was;
    }

    /** The instance's row for the alert it was, with the evidence it gained and lost. */
    private static Map<String, Object> updateRow(Map<String, Object> row, Known was, List<String> evidence) {
        row.put("id", was.id());
        var added = new LinkedHashSet<>(evidence);
        added.removeAll(was.evidence());
        var removed = new LinkedHashSet<>(was.evidence());
        evidence.forEach(removed::remove);
        row.put("added", List.copyOf(added));
        row.put("removed", List.copyOf(removed));
        row.put("returned", !was.current());
        // Worth an event in the alert's history: it came back, or its evidence changed.
        row.put("changed", !was.current() || !added.isEmpty() || !removed.isEmpty());
        return row;
    }

    private void create(List<Map<String, Object>> creates, Map<String, Object> params) {
        for (int from = 0; from < creates.size(); from += 500) {
            params.put("rows", creates.subList(from, Math.min(creates.size(), from + 500)));
            neo4j.query("""
                    UNWIND $rows AS row
                    CREATE (a:Alert {id: row.id, key: row.key, pattern: $pattern, subject: row.subject, score: row.score,
                                     args: row.args, evidence: row.evidence, status: 'OPEN', current: true,
                                     firstSeenAt: $now, seenAt: $now})
                    CREATE (a)-[:HAS_EVENT]->(:AlertEvent {at: $now, by: 'system', kind: 'FOUND', added: row.evidence,
                                                           removed: []})
                    """).bindAll(params).run();
        }
    }

    /** Writes the updates; returns how many were worth an event (came back, or their evidence changed). */
    private int update(List<Map<String, Object>> updates, Map<String, Object> params) {
        int changed = 0;
        for (int from = 0; from < updates.size(); from += 500) {
            var rows = updates.subList(from, Math.min(updates.size(), from + 500));
            params.put("rows", rows);
            changed += (int) rows.stream().filter(r -> (Boolean) r.get("changed")).count();
            neo4j.query("""
                    UNWIND $rows AS row
                    MATCH (a:Alert {id: row.id})
                    SET a.key = row.key, a.subject = row.subject, a.score = row.score, a.args = row.args,
                        a.evidence = row.evidence, a.current = true, a.seenAt = $now
                    FOREACH (_ IN CASE WHEN row.changed THEN [1] ELSE [] END |
                        CREATE (a)-[:HAS_EVENT]->(:AlertEvent {at: $now, by: 'system',
                                kind: CASE WHEN row.returned THEN 'FOUND_AGAIN' ELSE 'CHANGED' END,
                                added: row.added, removed: row.removed}))
                    """).bindAll(params).run();
        }
        return changed;
    }

    private void markGone(List<String> gone, Map<String, Object> params) {
        if (!gone.isEmpty()) {
            params.put("ids", gone);
            neo4j.query("""
                    UNWIND $ids AS id
                    MATCH (a:Alert {id: id})
                    SET a.current = false
                    CREATE (a)-[:HAS_EVENT]->(:AlertEvent {at: $now, by: 'system', kind: 'GONE', added: [], removed: []})
                    """).bindAll(params).run();
        }
    }

    /**
     * Tells the analysts responsible for what each new alert's evidence holds: the assignee of an
     * incoming request in it, or whoever identified a weapon in it; every analyst when nobody is.
     * Rows are alerts' {@code id} and {@code evidence}; returns how many notifications were written.
     */
    private int notify(Pattern pattern, List<Map<String, Object>> alerts, ZonedDateTime now) {
        if (alerts.isEmpty()) {
            return 0;
        }
        var rows = new ArrayList<Map<String, Object>>(alerts.size());
        for (var alert : alerts) {
            var requests = new ArrayList<String>();
            var weapons = new ArrayList<String>();
            for (Object o : (List<?>) alert.get("evidence")) {
                String ref = (String) o;
                if (ref.startsWith("TraceRequest:")) {
                    requests.add(ref.substring("TraceRequest:".length()));
                } else if (ref.startsWith("Firearm:")) {
                    weapons.add(ref.substring("Firearm:".length()));
                }
            }
            rows.add(CypherParams.of("id", alert.get("id"), "requests", requests, "weapons", weapons));
        }
        // Trace requests and identifications are other modules' records, read here in one query for
        // speed (graph-model/README: owned by tracing and registry); the users are security's to name.
        var named = new HashMap<String, List<String>>();
        neo4j.query("""
                        UNWIND $alerts AS alert
                        CALL (alert) {
                            UNWIND alert.requests AS id
                            MATCH (t:TraceRequest {id: id}) WHERE t.assignee IS NOT NULL
                            RETURN t.assignee AS user
                            UNION
                            UNWIND alert.weapons AS id
                            MATCH (:Firearm {id: id})-[i:IDENTIFIED_AS]->()
                            RETURN i.by AS user
                        }
                        RETURN alert.id AS alert, collect(DISTINCT user) AS users
                        """)
                .bind(rows).to("alerts").fetch().all()
                .forEach(r -> named.put((String) r.get("alert"), ((List<?>) r.get("users")).stream().map(String::valueOf).toList()));
        // Whom each alert tells: most alerts name nobody and go to every analyst, so one question per distinct set.
        var told = new HashMap<List<String>, List<String>>();
        var notifications = new ArrayList<Map<String, Object>>();
        var raised = new ArrayList<AlertRaised>(alerts.size());
        for (var alert : alerts) {
            String id = (String) alert.get("id");
            List<String> users = told.computeIfAbsent(named.getOrDefault(id, List.of()), this.users::notifiable);
            users.forEach(user -> notifications.add(Map.of("user", user, "alert", id)));
            raised.add(new AlertRaised(id, pattern, users));
        }
        int created = 0;
        for (int from = 0; from < notifications.size(); from += 5_000) {
            created += neo4j.query("""
                            UNWIND $rows AS row
                            CREATE (n:Notification {id: randomUUID(), user: row.user, alert: row.alert, at: $now, read: false})
                            RETURN count(n)
                            """)
                    .bindAll(CypherParams.of("rows", notifications.subList(from, Math.min(notifications.size(), from + 5_000)),
                            "now", now))
                    .fetchAs(Long.class).one().orElse(0L).intValue();
        }
        // In this transaction: e-mail (notify) queues its messages with the in-app notifications.
        raised.forEach(events::publishEvent);
        return created;
    }
}
