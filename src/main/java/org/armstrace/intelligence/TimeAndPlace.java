package org.armstrace.intelligence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.CountryPositions;
import org.armstrace.registry.FirearmOrigins;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When and where, around the entities of an investigation: the events one step from them
 * (transfers, licences, recoveries, lost or stolen reports, requests; for a weapon also those of
 * the weapon it was identified as), where each happened, and the route of every recovered weapon
 * among them: country of manufacture → country of last legal import → place of recovery.
 *
 * <p>A recovery abroad is known from a partner's incoming request; it is placed at the requesting
 * country, since the request does not say where in that country.
 *
 * <p>Reads recovery's {@code :Location} and registry's {@code :Firearm} in its own Cypher: the events
 * around an investigation are one bounded traversal (owners: graph-model/README.md).
 */
@Service
public class TimeAndPlace {

    /** Entities whose date makes them events. */
    public static final Set<String> EVENT_KINDS = Set.of("Recovery", "Transfer", "Licence", "LostStolenReport",
            "TraceRequest");
    /** At most this many entities asked about, events followed from any one of them, and events in all. */
    public static final int MAX_ENTITIES = LinkAnalysis.MAX_PAGE;
    public static final int FAN_OUT = 50;
    public static final int MAX_EVENTS = 500;
    /** Weapons read per recovery or request, for routes. */
    static final int WEAPONS_PER_EVENT = 20;

    /** A point on the map. */
    public record Place(double latitude, double longitude, String name, boolean approximate) {
    }

    /** An event with its date (null when unknown) and, when known, its place. */
    public record Event(String ref, String kind, LocalDate date, String caption, Place place) {
    }

    /**
     * A weapon's way to where it was recovered: stops from the country of manufacture through the
     * country of last legal import (each when known and different) to the recovery.
     */
    public record Route(String weapon, String event, LocalDate date, String made, String imported, List<Place> stops) {
    }

    /** {@code capped}: some entity had more events than were followed, or the total was reached. */
    public record Picture(List<Event> events, List<Route> routes, boolean capped) {
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private final ReferenceData reference;
    private final CountryPositions countries;
    private final String home;

    TimeAndPlace(Neo4jClient neo4j, AuditLog audit, ReferenceData reference, CountryPositions countries,
                 @org.springframework.beans.factory.annotation.Value("${armstrace.home-country:XK}") String home) {
        this.neo4j = neo4j;
        this.audit = audit;
        this.reference = reference;
        this.countries = countries;
        this.home = home;
    }

    /** The events around the given entities (at most {@link #MAX_ENTITIES}), oldest first, and their routes. */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional // not read-only: the question is audited
    public Picture around(Collection<EntityRef> refs) {
        if (refs.isEmpty()) {
            return new Picture(List.of(), List.of(), false);
        }
        if (refs.size() > MAX_ENTITIES) {
            throw new IntelligenceRejected("intelligence.bad-page");
        }
        var params = LinkAnalysis.refParams(refs);
        params.putAll(CypherParams.of("types", List.copyOf(LinkAnalysis.TYPES), "labels", LinkAnalysis.LABELS,
                "fan", FAN_OUT, "max", MAX_EVENTS, "weapons", WEAPONS_PER_EVENT));
        var origins = new FirearmOrigins.Reading(reference, home);
        var events = new ArrayList<Event>();
        var routes = new ArrayList<Route>();
        boolean[] capped = {false};
        neo4j.query(AROUND).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r).all().forEach(r -> {
            capped[0] |= r.get("fanned").asBoolean(false);
            if (events.size() == MAX_EVENTS) {
                capped[0] = true;
                return;
            }
            LinkGraph.Entity x = LinkAnalysis.entity(r.get("node"));
            Place place = place(r);
            events.add(new Event(x.ref(), x.kind(), x.date(), x.caption(), place));
            if (place == null) {
                return;
            }
            for (Value w : r.get("weapons").asList(v -> v)) {
                String made = origins.made(w.get("made").asString(null), w.get("makeCode").asString(null));
                String imported = origins.imported(w.get("marks").asList(Value::asString, List.of()),
                        w.get("importedHere").asBoolean(false));
                route(w.get("weapon").asString(null), x, made, imported, place).ifPresent(routes::add);
            }
        });
        events.sort(Comparator.comparing(Event::date, Comparator.nullsLast(
                Comparator.<LocalDate>naturalOrder())).thenComparing(Event::ref));
        audit.record("intelligence.timeline", refs.stream().map(EntityRef::toString).limit(20).toList(),
                events.size() + " event(s), " + routes.size() + " route(s) around " + refs.size() + " entities");
        return new Picture(List.copyOf(events), List.copyOf(routes), capped[0]);
    }

    private Place place(Record r) {
        if (!r.get("lat").isNull() && !r.get("lon").isNull()) {
            return new Place(r.get("lat").asDouble(), r.get("lon").asDouble(), r.get("municipality").asString(null), false);
        }
        String abroad = r.get("abroad").asString(null);
        return countries.of(abroad).map(p -> new Place(p.latitude(), p.longitude(), abroad, true)).orElse(null);
    }

    /** A route needs a known origin outside the place of recovery; a weapon made and sold at home has none. */
    private Optional<Route> route(String weapon, LinkGraph.Entity event, String made, String imported, Place end) {
        var stops = new ArrayList<Place>();
        for (String country : new String[]{made, imported}) {
            if (country != null && (stops.isEmpty() || !country.equals(stops.getLast().name()))) {
                countries.of(country).ifPresent(p -> stops.add(new Place(p.latitude(), p.longitude(), country, true)));
            }
        }
        boolean domestic = home.equals(made) && (imported == null || home.equals(imported)) && !end.approximate();
        if (stops.isEmpty() || domestic) {
            return Optional.empty();
        }
        stops.add(end);
        return Optional.of(new Route(weapon, event.ref(), event.date(), made, imported, List.copyOf(stops)));
    }

    private static String isEvent(String variable) {
        return EVENT_KINDS.stream().map(l -> variable + ":" + l).collect(Collectors.joining(" OR "));
    }

    // Each entity gives itself when it is an event, and at most $fan events one step away (through
    // the weapon it was identified as, for a weapon). One more than allowed is read, to tell the
    // analyst that something was left out.
    static final String AROUND = LinkAnalysis.MATCH_REFS + """
            WITH DISTINCT n
            WITH CASE WHEN %1$s THEN [n] ELSE [] END AS self,
                 COLLECT { MATCH (n)-[r]-(e) WHERE type(r) IN $types AND (%2$s) RETURN DISTINCT e LIMIT $fan + 1 } AS near,
                 COLLECT { MATCH (n:Firearm)-[:IDENTIFIED_AS]-(:Firearm)-[r]-(e) WHERE type(r) IN $types AND (%2$s)
                           RETURN DISTINCT e LIMIT $fan + 1 } AS twin
            WITH sum(CASE WHEN size(near) > $fan OR size(twin) > $fan THEN 1 ELSE 0 END) > 0 AS fanned,
                 collect(self + near[..$fan] + twin[..$fan]) AS lists
            UNWIND lists AS events
            UNWIND events AS e
            WITH DISTINCT fanned, e LIMIT $max + 1
            OPTIONAL MATCH (e)-[:AT]->(l:Location)
            WITH fanned, e AS n, l
            RETURN fanned, %3$s AS node, l.latitude AS lat, l.longitude AS lon, l.municipality AS municipality,
                   CASE WHEN n:TraceRequest AND n.direction = 'INCOMING' THEN n.counterpart END AS abroad,
                   CASE
                     WHEN n:Recovery THEN COLLECT {
                         MATCH (n)-[:RECOVERED]->(f:Firearm) OPTIONAL MATCH (f)-[:IDENTIFIED_AS]->(g:Firearm)
                         RETURN {weapon: 'Firearm:' + f.id, made: coalesce(f.countryOfManufacture, g.countryOfManufacture),
                                 makeCode: coalesce(f.makeCode, g.makeCode), marks: %4$s, importedHere: %5$s}
                         LIMIT $weapons }
                     WHEN n:TraceRequest AND n.direction = 'INCOMING' THEN COLLECT {
                         OPTIONAL MATCH (n)-[:CONCERNS]->(g:Firearm)
                         RETURN {weapon: CASE WHEN g IS NOT NULL THEN 'Firearm:' + g.id END,
                                 made: coalesce(g.countryOfManufacture, n.weaponCountry), makeCode: g.makeCode,
                                 marks: %6$s, importedHere: %7$s}
                         LIMIT $weapons }
                     ELSE [] END AS weapons
            """.formatted(isEvent("n"), isEvent("e"), LinkAnalysis.NODE,
            FirearmOrigins.importMarks("f", "g"), FirearmOrigins.importedHere("g"),
            FirearmOrigins.importMarks("g", "null"), FirearmOrigins.importedHere("g"));
}
