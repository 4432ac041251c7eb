package org.armstrace.intelligence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.armstrace.graph.BatchTransactions;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.FirearmOrigins;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.SerialNumbers;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Finds the instances of each {@link Pattern} in the whole graph. Every query has a fixed shape (no
 * variable-length pattern), reads at most {@code scanRows} rows and returns at most
 * {@code maxAlerts} instances, best first. Where the grouping is not something Cypher does well
 * (runs of consecutive serials, connected groups) the query streams flat rows and the grouping is
 * done here, in one pass.
 *
 * <p>A pattern is a shape across other modules' labels (recoveries, trace requests, weapons, people,
 * licences, transfers), so each scan is one read-only query over them rather than calls per record
 * (owners: graph-model/README.md).
 */
@Component
class PatternScan {

    /** Organisations whose stock can leak; makers and importers stand behind every weapon of their trade. */
    static final List<String> HOLDING_KINDS = List.of("DEALER", "STATE_AGENCY", "SECURITY_COMPANY");

    static final String DIVERSION = """
            CALL () {
                MATCH (r:Recovery)-[:RECOVERED]->(f:Firearm)-[:IDENTIFIED_AS]->(g:Firearm)
                RETURN g, ['Recovery:' + r.id, 'Firearm:' + f.id] AS seen
                UNION
                MATCH (t:TraceRequest {direction: 'INCOMING'})-[:CONCERNS]->(g:Firearm)
                WHERE coalesce(g.status, '') <> 'RECOVERED'
                RETURN g, ['TraceRequest:' + t.id] AS seen
            }
            WITH g, seen LIMIT $rows
            CALL (g) {
                MATCH (g)<-[:COVERS]-(l:Licence)<-[:HOLDS]-(h)
                RETURN h, 'Licence:' + l.id AS via
                UNION
                MATCH (g)<-[:OF]-(x:Transfer)-[:TO]->(h)
                RETURN h, 'Transfer:' + x.id AS via
            }
            WITH h, g, seen, via
            WHERE h:Person OR (h:Organisation AND h.kind IN $holding)
            WITH h, collect(DISTINCT g.id) AS weapons, collect(seen) AS seen, collect(DISTINCT via) AS via
            WHERE size(weapons) >= $min
            RETURN CASE WHEN h:Person THEN 'Person' ELSE 'Organisation' END AS label, h.id AS id,
                   CASE WHEN h:Person THEN h.givenName + ' ' + h.familyName ELSE h.name END AS caption,
                   coalesce(h.kind, 'PERSON') AS kind, weapons, seen, via,
                   COUNT { (h)-[:HOLDS]->(:Licence)-[:COVERS]->() } + COUNT { (h)<-[:TO]-(:Transfer) } AS handled
            ORDER BY size(weapons) DESC, handled, id LIMIT $max
            """;

    static final String TIME_TO_CRIME = """
            MATCH (f:Firearm)-[i:IDENTIFIED_AS]->(g:Firearm) WHERE i.timeToCrimeDays < $days
            MATCH (r:Recovery)-[:RECOVERED]->(f)
            WITH r, f, i, g ORDER BY i.timeToCrimeDays, f.id LIMIT $max
            OPTIONAL CALL (g, i) {
                MATCH (x:Transfer)-[:OF]->(g) WHERE x.date = i.lastLegalTransfer
                OPTIONAL MATCH (x)-[:FROM]->(s)
                OPTIONAL MATCH (x)-[:TO]->(b)
                RETURN x, s, b LIMIT 1
            }
            RETURN f.id AS weapon, r.id AS recovery, g.id AS registered, i.timeToCrimeDays AS days,
                   coalesce(g.makeAsRead + ' ', '') + coalesce(g.model + ' ', '') + coalesce(g.serialAsRead, '') AS caption,
                   x.id AS transfer, x.kind AS transferKind,
                   CASE WHEN s:Person THEN 'Person:' + s.id WHEN s:Organisation THEN 'Organisation:' + s.id END AS seller,
                   CASE WHEN s:Person THEN s.givenName + ' ' + s.familyName ELSE s.name END AS sellerName,
                   CASE WHEN b:Person THEN 'Person:' + b.id WHEN b:Organisation THEN 'Organisation:' + b.id END AS buyer
            """;

    static final String SERIALS = """
            CALL () {
                MATCH (r:Recovery)-[:RECOVERED]->(f:Firearm)
                WHERE f.serialAsRead IS NOT NULL
                OPTIONAL MATCH (f)-[:IDENTIFIED_AS]->(g:Firearm)
                OPTIONAL MATCH (r)-[:AT]->(l:Location)
                RETURN 'Firearm:' + f.id AS weapon, 'Recovery:' + r.id AS seen, coalesce(g.makeCode, f.makeCode) AS makeCode,
                       coalesce(g.makeAsRead, f.makeAsRead) AS make, coalesce(g.model, f.model) AS model,
                       coalesce(g.serialAsRead, f.serialAsRead) AS serial, l.municipality AS place,
                       coalesce(r.caseReference, r.id) AS incident
                UNION ALL
                MATCH (t:TraceRequest {direction: 'INCOMING'}) WHERE t.weaponSerial IS NOT NULL
                RETURN null AS weapon, 'TraceRequest:' + t.id AS seen, null AS makeCode, t.weaponMake AS make,
                       t.weaponModel AS model, t.weaponSerial AS serial, 'abroad:' + t.counterpart AS place, t.id AS incident
            }
            RETURN weapon, seen, makeCode, make, model, serial, place, incident LIMIT $rows
            """;

    static final String ORIGINS = """
            MATCH (r:Recovery)-[:RECOVERED]->(f:Firearm)
            WITH r, f LIMIT $rows
            OPTIONAL MATCH (f)-[:IDENTIFIED_AS]->(g:Firearm)
            OPTIONAL MATCH (r)-[:AT]->(l:Location)
            RETURN 'Recovery:' + r.id AS seen, 'Firearm:' + f.id AS weapon, r.at AS at, l.municipality AS place,
                   coalesce(f.countryOfManufacture, g.countryOfManufacture) AS made,
                   coalesce(f.makeCode, g.makeCode) AS makeCode,
                   %s AS marks, %s AS importedHere
            """.formatted(FirearmOrigins.importMarks("f", "g"), FirearmOrigins.importedHere("g"));

    static final String GROUPS = """
            MATCH (r:Recovery)
            WITH r LIMIT $rows
            RETURN r.id AS recovery, r.caseReference AS caseReference,
                   COLLECT { MATCH (p:Person)-[:POSSESSED]->(r) RETURN p.id } AS people,
                   COLLECT { MATCH (r)-[:RECOVERED]->(f:Firearm) OPTIONAL MATCH (f)-[:IDENTIFIED_AS]->(g:Firearm)
                             RETURN coalesce(g.id, f.id) } AS weapons,
                   COLLECT { MATCH (r)-[:RECOVERED]->(:Firearm)-[:IDENTIFIED_AS]->(:Firearm)<-[:COVERS]-(:Licence)
                                   <-[:HOLDS]-(h:Person)
                             RETURN DISTINCT h.id } AS holders
            """;

    static final String REQUEST_WEAPONS = """
            MATCH (t:TraceRequest {direction: 'INCOMING'})-[:CONCERNS]->(g:Firearm)
            RETURN t.id AS request, g.id AS weapon LIMIT $rows
            """;

    static final String POSSESSORS = """
            MATCH (p:Person)-[:POSSESSED]->(r:Recovery)
            WITH p, r ORDER BY r.at DESC
            WITH p, collect(r) AS recoveries WHERE size(recoveries) >= $min
            RETURN p.id AS id, p.givenName + ' ' + p.familyName AS caption, [r IN recoveries | r.id] AS recoveries,
                   toString(date(recoveries[-1].at)) AS first, toString(date(recoveries[0].at)) AS last
            ORDER BY size(recoveries) DESC, id LIMIT $max
            """;
    // About 110 m north-south and 80 m east-west in the region; a place typed as a municipality has no
    // position of its own, and a hand-in desk is not a trafficking spot.
    static final String PLACES = """
            MATCH (r:Recovery)-[:AT]->(l:Location)
            WHERE l.method <> 'MUNICIPALITY' AND r.kind <> 'SURRENDERED' AND l.latitude IS NOT NULL
            WITH r, l LIMIT $rows
            WITH round(l.latitude, 3) AS lat, round(l.longitude, 3) AS lon, r, l ORDER BY r.at DESC
            WITH lat, lon, collect(r.id) AS recoveries, collect(DISTINCT l.municipality) AS municipalities
            WHERE size(recoveries) >= $min
            RETURN lat, lon, recoveries, municipalities
            ORDER BY size(recoveries) DESC, lat, lon LIMIT $max
            """;

    private final Neo4jClient neo4j;
    private final ReferenceData reference;
    private final PatternThresholds t;
    private final String home;
    private final BatchTransactions batch; // a scan reads the whole graph: the batch limit, not the interactive one

    PatternScan(Neo4jClient neo4j, ReferenceData reference, PatternThresholds thresholds, BatchTransactions batch,
                @org.springframework.beans.factory.annotation.Value("${armstrace.home-country:XK}") String home) {
        this.neo4j = neo4j;
        this.batch = batch;
        this.reference = reference;
        this.t = thresholds;
        this.home = home.toUpperCase(Locale.ROOT);
    }

    List<PatternInstance> find(Pattern pattern) {
        return batch.reads().execute(s -> switch (pattern) {
            case DIVERSION -> diversion();
            case TIME_TO_CRIME -> timeToCrime();
            case SERIAL_BATCH -> serialBatches();
            case CROSS_BORDER -> crossBorder();
            case COMMUNITY -> communities();
            case REPEAT_POSSESSOR -> possessors();
            case REPEAT_PLACE -> places();
            case LOST_STOLEN_MATCH -> List.of(); // raised when a report is checked (LostStolenAlerts), not scanned
        });
    }

    private List<PatternInstance> diversion() {
        var found = new ArrayList<PatternInstance>();
        each(DIVERSION, CypherParams.of("rows", t.scanRows(), "min", t.diversionWeapons(), "max", t.maxAlerts(),
                "holding", HOLDING_KINDS), r -> {
            EntityRef holder = EntityRef.parse(r.get("label").asString() + ":" + r.get("id").asString());
            var evidence = new Evidence(holder);
            r.get("via").asList(Value::asString).forEach(evidence::add);
            List<String> weapons = r.get("weapons").asList(Value::asString);
            weapons.forEach(w -> evidence.add("Firearm:" + w));
            r.get("seen").asList(v -> v.asList(Value::asString)).forEach(seen -> seen.forEach(evidence::add));
            int n = weapons.size();
            long handled = r.get("handled").asLong();
            found.add(new PatternInstance(Pattern.DIVERSION, "DIVERSION:" + holder, holder,
                    (double) n / t.diversionWeapons(), List.of(r.get("caption").asString(""), String.valueOf(n),
                    String.valueOf(handled), r.get("kind").asString()), evidence.list()));
        });
        return found;
    }

    private List<PatternInstance> timeToCrime() {
        var found = new ArrayList<PatternInstance>();
        each(TIME_TO_CRIME, CypherParams.of("days", t.timeToCrimeDays(), "max", t.maxAlerts()), r -> {
            EntityRef weapon = EntityRef.parse("Firearm:" + r.get("weapon").asString());
            long days = r.get("days").asLong();
            var evidence = new Evidence(weapon);
            evidence.add("Firearm:" + r.get("registered").asString());
            evidence.add("Recovery:" + r.get("recovery").asString());
            if (!r.get("transfer").isNull()) {
                evidence.add("Transfer:" + r.get("transfer").asString());
            }
            evidence.add(r.get("seller").asString(null));
            evidence.add(r.get("buyer").asString(null));
            found.add(new PatternInstance(Pattern.TIME_TO_CRIME, "TIME_TO_CRIME:" + weapon, weapon,
                    1 + (double) (t.timeToCrimeDays() - days) / t.timeToCrimeDays(),
                    List.of(r.get("caption").asString(""), String.valueOf(days), r.get("transferKind").asString(""),
                            r.get("sellerName").asString("")), evidence.list()));
        });
        return found;
    }

    /** One weapon (or partner's description) with its serial split around its last run of digits. */
    private record Serial(String group, long number, String serial, String weapon, String seen, String place,
                          String incident) {
    }

    private List<PatternInstance> serialBatches() {
        var groups = new HashMap<String, List<Serial>>();
        var makers = new HashMap<String, Optional<Manufacturer>>();
        each(SERIALS, CypherParams.of("rows", t.scanRows()), r -> {
            String key = SerialNumbers.normalise(r.get("serial").asString(""));
            if (key.isEmpty() || SerialNumbers.isPartial(key)) {
                return;
            }
            int end = key.length();
            while (end > 0 && !Character.isDigit(key.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && Character.isDigit(key.charAt(start - 1))) {
                start--;
            }
            if (end == start || end - start > 18) {
                return;
            }
            String make = r.get("makeCode").asString(null);
            if (make == null) {
                String asRead = r.get("make").asString(null);
                make = asRead == null ? "" : makers.computeIfAbsent(asRead, reference::resolveManufacturer)
                        .map(Manufacturer::code).orElse(asRead.strip().toUpperCase(Locale.ROOT));
            }
            String model = r.get("model").asString("").toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            // Same maker, model, letters around the number and number of digits: one numbering sequence.
            String group = make + "|" + model + "|" + key.substring(0, start) + "#" + key.substring(end) + "|" + (end - start);
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Serial(group,
                    Long.parseLong(key.substring(start, end)), key, r.get("weapon").asString(null),
                    r.get("seen").asString(), r.get("place").asString(null), r.get("incident").asString()));
        });
        var found = new ArrayList<PatternInstance>();
        for (List<Serial> serials : groups.values()) {
            if (serials.size() < t.batchWeapons()) {
                continue;
            }
            serials.sort(Comparator.comparingLong(Serial::number));
            int from = 0;
            for (int i = 1; i <= serials.size(); i++) {
                if (i == serials.size() || serials.get(i).number() - serials.get(i - 1).number() > t.batchGap()) {
                    batch(serials.subList(from, i)).ifPresent(found::add);
                    from = i;
                }
            }
        }
        return best(found);
    }

    private Optional<PatternInstance> batch(List<Serial> run) {
        Set<String> serials = new TreeSet<>();
        Set<String> incidents = new LinkedHashSet<>();
        Set<String> places = new TreeSet<>();
        run.forEach(s -> {
            serials.add(s.serial());
            incidents.add(s.incident());
            if (s.place() != null) {
                places.add(s.place());
            }
        });
        if (serials.size() < t.batchWeapons() || incidents.size() < t.batchPlaces()) {
            return Optional.empty();
        }
        var evidence = new Evidence(null);
        run.forEach(s -> evidence.add(s.weapon()));
        run.forEach(s -> evidence.add(s.seen()));
        String[] group = run.getFirst().group().split("\\|", -1);
        double score = (double) serials.size() / t.batchWeapons() * incidents.size() / t.batchPlaces();
        return Optional.of(new PatternInstance(Pattern.SERIAL_BATCH, "SERIAL_BATCH:" + run.getFirst().group() + ":"
                + run.getFirst().number(), null, score, List.of(group[0], group[1], run.getFirst().serial(),
                run.getLast().serial(), String.valueOf(serials.size()), String.valueOf(incidents.size()),
                String.join(", ", places)), evidence.list()));
    }

    private record Seen(String seen, String weapon, Instant at, String place) { }

    private List<PatternInstance> crossBorder() {
        var routes = new HashMap<String, List<Seen>>();
        var origins = new FirearmOrigins.Reading(reference, home);
        each(ORIGINS, CypherParams.of("rows", t.scanRows()), r -> {
            String made = origins.made(r.get("made").asString(null), r.get("makeCode").asString(null));
            String imported = origins.imported(r.get("marks").asList(Value::asString, List.of()),
                    r.get("importedHere").asBoolean(false));
            if (made == null || (home.equals(made) && (imported == null || home.equals(imported)))) {
                return; // a domestic weapon, or one whose origin is unknown: no cross-border route
            }
            routes.computeIfAbsent(made + ">" + (imported == null ? "" : imported), k -> new ArrayList<>())
                    .add(new Seen(r.get("seen").asString(), r.get("weapon").asString(),
                            r.get("at").isNull() ? null : r.get("at").asZonedDateTime().toInstant(),
                            r.get("place").asString(null)));
        });
        var found = new ArrayList<PatternInstance>();
        routes.forEach((route, seen) -> {
            if (seen.size() < t.routeWeapons()) {
                return;
            }
            seen.sort(Comparator.comparing(Seen::at, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed());
            var evidence = new Evidence(null);
            seen.forEach(s -> {
                evidence.add(s.seen());
                evidence.add(s.weapon());
            });
            var byPlace = new HashMap<String, Integer>();
            seen.stream().filter(s -> s.place() != null).forEach(s -> byPlace.merge(s.place(), 1, Integer::sum));
            String top = byPlace.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("");
            String[] ends = route.split(">", -1);
            found.add(new PatternInstance(Pattern.CROSS_BORDER, "CROSS_BORDER:" + route, null,
                    (double) seen.size() / t.routeWeapons(), List.of(ends[0], ends[1], String.valueOf(seen.size()),
                    String.valueOf(byPlace.size()), top), evidence.list()));
        });
        return best(found);
    }

    private List<PatternInstance> communities() {
        var groups = new UnionFind();
        each(GROUPS, CypherParams.of("rows", t.scanRows()), r -> {
            String recovery = "Recovery:" + r.get("recovery").asString();
            groups.add(recovery);
            if (!r.get("caseReference").isNull()) {
                groups.union(recovery, "Case:" + r.get("caseReference").asString());
            }
            r.get("people").asList(Value::asString).forEach(p -> groups.union(recovery, "Person:" + p));
            r.get("holders").asList(Value::asString).forEach(p -> groups.union(recovery, "Person:" + p));
            r.get("weapons").asList(Value::asString).forEach(w -> groups.union(recovery, "Firearm:" + w));
        });
        each(REQUEST_WEAPONS, CypherParams.of("rows", t.scanRows()), r -> {
            String weapon = "Firearm:" + r.get("weapon").asString();
            if (groups.contains(weapon)) { // a request only joins a group that recoveries make
                groups.union(weapon, "TraceRequest:" + r.get("request").asString());
            }
        });
        var found = new ArrayList<PatternInstance>();
        for (List<String> members : groups.components()) {
            long recoveries = members.stream().filter(m -> m.startsWith("Recovery:")).count();
            long people = members.stream().filter(m -> m.startsWith("Person:")).count();
            if (recoveries < t.communityRecoveries() || people < t.communityPeople()) {
                continue;
            }
            long weapons = members.stream().filter(m -> m.startsWith("Firearm:")).count();
            long cases = members.stream().filter(m -> m.startsWith("Case:")).count();
            var evidence = new Evidence(null);
            for (String prefix : List.of("Person:", "Case:", "Recovery:", "TraceRequest:", "Firearm:")) {
                members.stream().filter(m -> m.startsWith(prefix)).sorted().forEach(evidence::add);
            }
            String first = members.stream().filter(m -> m.startsWith("Recovery:")).sorted().findFirst().orElseThrow();
            found.add(new PatternInstance(Pattern.COMMUNITY, "COMMUNITY:" + first, null,
                    (double) recoveries / t.communityRecoveries() + (double) people / t.communityPeople() / 2,
                    List.of(String.valueOf(people), String.valueOf(recoveries), String.valueOf(weapons),
                            String.valueOf(cases)), evidence.list()));
        }
        return best(found);
    }

    private List<PatternInstance> possessors() {
        var found = new ArrayList<PatternInstance>();
        each(POSSESSORS, CypherParams.of("min", t.possessorRecoveries(), "max", t.maxAlerts()), r -> {
            EntityRef person = EntityRef.parse("Person:" + r.get("id").asString());
            var evidence = new Evidence(person);
            List<String> recoveries = r.get("recoveries").asList(Value::asString);
            recoveries.forEach(x -> evidence.add("Recovery:" + x));
            found.add(new PatternInstance(Pattern.REPEAT_POSSESSOR, "REPEAT_POSSESSOR:" + person, person,
                    (double) recoveries.size() / t.possessorRecoveries(), List.of(r.get("caption").asString(""),
                    String.valueOf(recoveries.size()), r.get("first").asString(""), r.get("last").asString("")),
                    evidence.list()));
        });
        return found;
    }

    private List<PatternInstance> places() {
        var found = new ArrayList<PatternInstance>();
        each(PLACES, CypherParams.of("rows", t.scanRows(), "min", t.placeRecoveries(), "max", t.maxAlerts()), r -> {
            var evidence = new Evidence(null);
            List<String> recoveries = r.get("recoveries").asList(Value::asString);
            recoveries.forEach(x -> evidence.add("Recovery:" + x));
            String lat = String.format(Locale.ROOT, "%.3f", r.get("lat").asDouble());
            String lon = String.format(Locale.ROOT, "%.3f", r.get("lon").asDouble());
            found.add(new PatternInstance(Pattern.REPEAT_PLACE, "REPEAT_PLACE:" + lat + "," + lon, null,
                    (double) recoveries.size() / t.placeRecoveries(), List.of(lat, lon, String.valueOf(recoveries.size()),
                    String.join(", ", r.get("municipalities").asList(Value::asString))), evidence.list()));
        });
        return found;
    }

    /** The highest-ranked instances, at most {@code maxAlerts}. */
    private List<PatternInstance> best(List<PatternInstance> found) {
        found.sort(Comparator.comparingDouble(PatternInstance::score).reversed().thenComparing(PatternInstance::key));
        return found.size() > t.maxAlerts() ? new ArrayList<>(found.subList(0, t.maxAlerts())) : found;
    }

    private void each(String query, Map<String, Object> params, Consumer<Record> each) {
        neo4j.delegateTo(runner -> {
            var result = runner.run(query, params);
            while (result.hasNext()) {
                each.accept(result.next());
            }
            return Optional.empty();
        }).run();
    }

    /** An alert's evidence: distinct entities in the order they tell the story, capped. */
    private final class Evidence {
        private final LinkedHashMap<String, EntityRef> refs = new LinkedHashMap<>();

        Evidence(EntityRef first) {
            if (first != null) {
                refs.put(first.toString(), first);
            }
        }

        void add(String ref) {
            if (ref != null && refs.size() < t.maxEvidence()) {
                refs.computeIfAbsent(ref, EntityRef::parse);
            }
        }

        List<EntityRef> list() {
            return List.copyOf(refs.values());
        }
    }

    /** Connected groups over string keys, with path halving and union by size. */
    static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();
        private final Map<String, Integer> size = new HashMap<>();

        void add(String x) {
            if (parent.putIfAbsent(x, x) == null) {
                size.put(x, 1);
            }
        }

        boolean contains(String x) {
            return parent.containsKey(x);
        }

        String find(String x) {
            add(x);
            String p;
            while (!(p = parent.get(x)).equals(x)) {
                String grand = parent.get(p);
                parent.put(x, grand);
                x = grand;
            }
            return x;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (ra.equals(rb)) {
                return;
            }
            if (size.get(ra) < size.get(rb)) {
                String swap = ra;
                ra = rb;
                rb = swap;
            }
            parent.put(rb, ra);
            size.put(ra, size.get(ra) + size.remove(rb));
        }

        List<List<String>> components() {
            var byRoot = new HashMap<String, List<String>>();
            for (String x : parent.keySet()) {
                byRoot.computeIfAbsent(find(x), r -> new ArrayList<>()).add(x);
            }
            return List.copyOf(byRoot.values());
        }
    }
}
