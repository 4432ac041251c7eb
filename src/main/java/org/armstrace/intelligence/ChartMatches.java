package org.armstrace.intelligence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.SerialSearch;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner's chart entity may be among our records, for the analyst to accept or not: the
 * record its i2 identity names when that is one of ours (a chart that went out and came back), a
 * weapon by serial search (tolerant of misreadings, scoped to the make when given), a person by
 * the registry's person search on the label, and nothing else for other kinds (only the exact
 * identity). Person searches are audited by the registry as every search of people is.
 */
@Service
public class ChartMatches {

    /** One proposed record: its ref and caption, how close (1 = the same reference), and why (a translation key). */
    public record Proposal(String ref, String caption, double score, String reason) {
    }

    /** At most this many proposals per entity. */
    static final int PER_ENTITY = 3;
    /** Person and serial searches are run for at most this many entities of one chart. */
    static final int MAX_SEARCHED = 100;

    private final Neo4jClient neo4j;
    private final SerialSearch serials;
    private final PersonRegistry people;

    ChartMatches(Neo4jClient neo4j, SerialSearch serials, PersonRegistry people) {
        this.neo4j = neo4j;
        this.serials = serials;
        this.people = people;
    }

    /** The proposals for each entity, by its id in the file; entities with none are left out. */
    @Transactional
    public Map<String, List<Proposal>> propose(List<PartnerChart.Item> items) {
        var exact = existing(items);
        var out = new LinkedHashMap<String, List<Proposal>>();
        int searched = 0;
        for (PartnerChart.Item item : items) {
            var found = new LinkedHashMap<String, Proposal>();
            Proposal same = exact.get(item.identity());
            if (same != null) {
                found.put(same.ref(), same);
            }
            EntityRef.Kind kind = kind(item);
            if ((kind == EntityRef.Kind.FIREARM || kind == EntityRef.Kind.PERSON) && searched++ < MAX_SEARCHED) {
                (kind == EntityRef.Kind.FIREARM ? firearms(item) : people(item))
                        .forEach(p -> found.putIfAbsent(p.ref(), p));
            }
            if (!found.isEmpty()) {
                out.put(item.id(), found.values().stream().limit(PER_ENTITY).toList());
            }
        }
        return out;
    }

    /** The kind an entity is: ours when it says so (an ArmsTrace export), else what its i2 icon shows. */
    static EntityRef.Kind kind(PartnerChart.Item item) {
        EntityRef.Kind ours = EntityRef.Kind.ofLabel(item.attributes().get(AnxWriter.KIND));
        return ours != null ? ours : AnxIcons.kindOf(item.icon());
    }

    private List<Proposal> firearms(PartnerChart.Item item) {
        String serial = item.attributes().get(AnxWriter.SERIAL);
        if (serial == null) {
            // A partner's label is often "make model serial": the serial is its last word.
            String[] words = item.label().split("\\s+");
            serial = words[words.length - 1];
        }
        return serials.searchAsRead(serial, item.attributes().get(AnxWriter.MAKE), null, PER_ENTITY).stream()
                .map(h -> new Proposal("Firearm:" + h.firearm().id(), caption(h.firearm().makeAsRead(), h.firearm().model(),
                        h.firearm().serialAsRead()), h.score(), "anx.match.serial"))
                .toList();
    }

    private List<Proposal> people(PartnerChart.Item item) {
        return people.search(item.label(), PER_ENTITY).stream()
                .map(h -> new Proposal("Person:" + h.person().id(), caption(h.person().givenName(), h.person().familyName(),
                        h.person().birthDate() == null ? null : h.person().birthDate().toString()), h.score(),
                        "anx.match.person"))
                .toList();
    }

    /** The entities whose i2 identity names a record we have, by identity. */
    private Map<String, Proposal> existing(List<PartnerChart.Item> items) {
        var refs = new ArrayList<EntityRef>();
        for (PartnerChart.Item item : items) {
            try {
                if (item.identity() != null) {
                    refs.add(EntityRef.parse(item.identity()));
                }
            } catch (IntelligenceRejected notOurs) {
                // A partner's own identity (a name, a number): not one of our references.
            }
        }
        var out = new LinkedHashMap<String, Proposal>();
        if (refs.isEmpty()) {
            return out;
        }
        var params = LinkAnalysis.refParams(refs);
        params.putAll(CypherParams.of("labels", LinkAnalysis.LABELS));
        neo4j.query(LinkAnalysis.MATCH_REFS + "RETURN " + LinkAnalysis.NODE + " AS node").bindAll(params)
                .fetchAs(Value.class).mappedBy((t, r) -> r.get("node")).all().forEach(n -> {
                    LinkGraph.Entity e = LinkAnalysis.entity(n);
                    out.put(e.ref(), new Proposal(e.ref(), e.caption(), 1.0, "anx.match.reference"));
                });
        return out;
    }

    private static String caption(String... parts) {
        var b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.isEmpty() ? "" : " ").append(p.strip());
            }
        }
        return b.toString();
    }
}
