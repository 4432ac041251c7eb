package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.armstrace.graph.CypherParams;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identity matching for people typed in outside an import (possessors at a recovery, people named
 * in a partner's trace request): the same
 * blocking ({@link PersonNames#blocks}) and the same comparison ({@link PersonMatching}) as the
 * importer, so that a person is not recorded twice because they were typed at a roadside rather
 * than read from an extract. A sure match is the existing person; an unsure one is registered and
 * put to an analyst ({@link PersonMatchUnsure}); only a person nobody resembles is simply new.
 */
@Service
public class PersonMatcher {

    /** Limits a candidate list: a block as common as "Gashi, born 1970" must not pull in thousands. */
    public static final int MAX_CANDIDATES_PER_KEY = 50;

    /**
     * The candidates of a record without a date of birth, found by the order-free name key alone. Among
     * 300,000 people a common name pair has more than 50, and at 50 the true person was cut off for 1.8 %
     * of the rows that named a recorded one; a dated row needs no more, as its swapped names are found by
     * their date (src/bench/README.md, "Person matching on generated field data").
     */
    public static final int MAX_UNDATED_CANDIDATES = 200;

    /**
     * The best candidate for a person and how sure the match is.
     *
     * @param candidateId the closest recorded person, or null when blocking found nobody
     */
    public record Match(PersonMatching.Decision decision, String candidateId, double score, List<String> reasons) {

        static final Match NOBODY = new Match(PersonMatching.Decision.DIFFERENT, null, 0, List.of());
    }

    /** Whom a typed person became: an existing person ({@code linked}) or a newly registered one. */
    public record Resolved(String personId, boolean linked, Match match) {
    }

    private final Neo4jClient neo4j;
    private final PersonRegistry people;
    private final ApplicationEventPublisher events;

    PersonMatcher(Neo4jClient neo4j, PersonRegistry people, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.people = people;
        this.events = events;
    }

    /** The recorded person this one most likely is, by match weight, with the decision. */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional(readOnly = true)
    public Match match(NewPerson person) {
        PersonMatching.Side side = PersonMatching.Side.of(person);
        var blocks = new ImportedRecords.PersonBlocks(0, side.nid(),
                PersonNames.blocks(person.givenName(), person.familyName(), person.birthDate()));
        Match best = Match.NOBODY;
        double bestWeight = Double.NEGATIVE_INFINITY;
        for (ImportedRecords.PersonCandidate c : candidates(neo4j, List.of(blocks))
                .getOrDefault(0, List.of())) {
            PersonMatching.Comparison cmp = PersonMatching.compare(side, PersonMatching.Side.of(PersonMatching.Fields.of(c)));
            if (cmp.weight() > bestWeight) {
                bestWeight = cmp.weight();
                best = new Match(cmp.decision(), c.id(), cmp.score(), cmp.reasons());
            }
        }
        return best;
    }

    /**
     * The person a typed record names: the existing one on a sure match, otherwise a newly
     * registered person; when the match was unsure, the pair goes to the review queue.
     *
     * @param where where the person was typed, shown with the question (e.g. {@code recovery:<id>})
     */
    // Not PARTNER: the people a partner's request names are matched by the desk's intake on its
    // behalf (tracing's TracePeople acts as intake), so a partner's token never reaches this service.
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional
    public Resolved resolve(NewPerson person, Provenance provenance, String where) {
        Match m = match(person);
        if (m.decision() == PersonMatching.Decision.SAME) {
            return new Resolved(m.candidateId(), true, m);
        }
        String id = people.register(person, provenance).id();
        if (m.decision() == PersonMatching.Decision.REVIEW) {
            events.publishEvent(new PersonMatchUnsure(id, m.candidateId(), m.score(), m.reasons(), summary(person), where));
        }
        return new Resolved(id, false, m);
    }

    /** The person as typed, in one line, for the review list. */
    public static String summary(NewPerson p) {
        return p.givenName() + " " + p.familyName() + (p.parentName() == null ? "" : " (" + p.parentName() + ")")
                + (p.birthDate() == null ? "" : ", " + p.birthDate()) + (p.birthPlace() == null ? "" : ", " + p.birthPlace())
                + (p.nationalId() == null ? "" : ", " + p.nationalId());
    }

    /**
     * People who share a blocking key or the personal number with each person: the query behind
     * {@link ImportedRecords#personCandidates} (administrators, imports) and {@link #match} (every recorder).
     */
    static Map<Integer, List<ImportedRecords.PersonCandidate>> candidates(Neo4jClient neo4j,
                                                                           List<ImportedRecords.PersonBlocks> keys) {
        // A dated row: its pair key capped as the others are, the date found under the other name as well. An
        // undated row has only its names: their pair key gets more room (null never equals a property, so each
        // row reads one of the two pair branches).
        var rows = keys.stream().map(k -> {
            boolean dated = k.blocks().familyDate() != null;
            return CypherParams.of("i", k.i(), "nid", k.nationalIdKey(), "names", k.blocks().names(),
                    "fd", k.blocks().familyDate(), "gd", k.blocks().givenDate(), "pair", dated ? k.blocks().pair() : null,
                    "undated", dated ? null : k.blocks().pair());
        }).toList();
        var out = new HashMap<Integer, List<ImportedRecords.PersonCandidate>>();
        neo4j.query("""
                        UNWIND $rows AS k
                        CALL (k) {
                          MATCH (p:Person {nationalIdKey: k.nid}) RETURN p LIMIT $perKey
                          UNION
                          MATCH (p:Person {blockNames: k.names}) RETURN p LIMIT $perKey
                          UNION
                          MATCH (p:Person {blockFamilyDate: k.fd}) RETURN p LIMIT $perKey
                          UNION
                          MATCH (p:Person {blockGivenDate: k.gd}) RETURN p LIMIT $perKey
                          UNION
                          MATCH (p:Person {blockFamilyDate: k.gd}) RETURN p LIMIT $perKey
                          UNION
                          MATCH (p:Person {blockGivenDate: k.fd}) RETURN p LIMIT $perKey
                          UNION
                          MATCH (p:Person {blockNamePair: k.pair}) RETURN p LIMIT $perKey
                          UNION
                          MATCH (p:Person {blockNamePair: k.undated}) RETURN p LIMIT $perUndated
                        }
                        RETURN k.i AS i, p.id AS id, p.givenName AS given, p.familyName AS family, p.parentName AS parent,
                               p.birthDate AS born, p.birthPlace AS place, p.nationalIdKey AS nid
                        """)
                .bindAll(Map.of("rows", rows, "perKey", MAX_CANDIDATES_PER_KEY,
                        "perUndated", MAX_UNDATED_CANDIDATES))
                .fetch().all().forEach(r -> {
                    var list = out.computeIfAbsent(((Number) r.get("i")).intValue(), k -> new ArrayList<>());
                    list.add(new ImportedRecords.PersonCandidate((String) r.get("id"), (String) r.get("given"),
                                (String) r.get("family"), (String) r.get("parent"), (LocalDate) r.get("born"),
                                (String) r.get("place"), (String) r.get("nid")));
                });
        return out;
    }
}
