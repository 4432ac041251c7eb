package org.armstrace.registry;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People in the registry: licence holders, owners, people found with weapons. Personal data is
 * for the roles that need it, and every read of a person's record, and every search that shows
 * people, is audited in the same transaction as the read.
 */
@Service
public class PersonRegistry {

    /** The roles that may see personal data (PRODUCT.md: "visible only to roles that need it"). */
    static final String PERSONAL_DATA = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE')";

    public static final int MAX_LIMIT = 100;
    /** Name candidates taken from the index before our ranking; common names need more than a page. */
    static final int NAME_CANDIDATES = 300;
    /** A year of birth typed with the name ("Agim Gashi 1971") narrows the search to it. */
    private static final Pattern BIRTH_YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    static final int MAX_QUERY = 200;

    /**
     * A person's whole record: the person, licences held, weapons held or once held, history, every
     * extract row that became or joined the person ({@code import:<file>#row=<n>}), and since when the
     * person is missing from the latest full extract of a source that named them (null if not).
     */
    public record PersonRecord(Person person, List<Licence> licences, List<HeldFirearm> firearms,
                               List<RecordVersion> history, List<String> extractRows, LocalDate notInLatestExtract) {
    }

    /** A weapon covered by one of the holder's licences, from/to the dates of the holding. */
    public record HeldFirearm(Firearm firearm, String licenceNumber, LocalDate from, LocalDate to) {

        /** From a row or map with {@code f, markings, licence, from, to}. */
        static HeldFirearm of(MapAccessor r) {
            return new HeldFirearm(FirearmRegistry.toFirearm(r.get("f").asNode(), r.get("markings")),
                    r.get("licence").asString(null), date(r.get("from")), date(r.get("to")));
        }
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;

    PersonRegistry(Neo4jClient neo4j, AuditLog audit) {
        this.neo4j = neo4j;
        this.audit = audit;
    }

    /**
     * Field officers register the people found in possession of a recovered weapon; a partner's trace
     * request registers, through the desk's intake, the people it names that nobody recorded resembles
     * ({@link PersonMatcher#resolve}).
     */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional
    public Person register(NewPerson person, Provenance provenance) {
        String id = create(List.of(person), provenance).getFirst();
        audit.record("person.registered", List.of("Person:" + id), "source " + provenance.source());
        return load(id).orElseThrow();
    }

    /** Registers many people with batched {@code UNWIND} writes; one audit event for the batch. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public List<String> registerBatch(List<NewPerson> people, Provenance provenance) {
        List<String> ids = create(people, provenance);
        audit.record("person.registered-batch", List.of(), people.size() + " people; source " + provenance.source());
        return ids;
    }

    private List<String> create(List<NewPerson> people, Provenance provenance) {
        var rows = new ArrayList<Map<String, Object>>(people.size());
        var ids = new ArrayList<String>(people.size());
        for (NewPerson p : people) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            Map<String, Object> props = properties(p);
            rows.add(Map.of("id", id, "props", props, "derived", derived(p), "after", describe(props)));
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        CREATE (p:Person {id: row.id, version: 1})
                        SET p += row.props, p += row.derived, p.source = $source, p.confidence = $confidence,
                            p.recordedAt = $now
                        CREATE (p)-[:HAS_VERSION]->(:PersonVersion {version: 1, at: $now, by: $by, source: $source,
                               confidence: $confidence, reason: 'registered', before: [], after: row.after})
                        """)
                .bindAll(Map.of("rows", rows, "source", provenance.source(), "confidence", provenance.confidence().name(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "by", AuditLog.currentActor()))
                .run();
        return ids;
    }

    /**
     * Corrects a person's details; the values replaced are kept as a version. The desk's roles, as for
     * every other record (README, "Who does what"): a supervisor reads people but does not rewrite them.
     */
    @PreAuthorize(RegistryDesk.DESK)
    @Transactional
    public Person correct(String id, NewPerson next, String reason, Provenance provenance) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A correction needs a reason");
        }
        load(id).orElseThrow(() -> new IllegalArgumentException("No person " + id));
        Versions.supersede(neo4j, "Person", id, properties(next), derived(next), reason, provenance);
        audit.record("person.corrected", List.of("Person:" + id), reason);
        return load(id).orElseThrow();
    }

    /** A person's whole record. The read itself is audited. */
    @PreAuthorize(PERSONAL_DATA)
    @Transactional
    public Optional<PersonRecord> read(String id) {
        Optional<Person> person = load(id);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        audit.record("person.read", List.of("Person:" + id), "");
        List<Licence> licences = neo4j.query("""
                        MATCH (p:Person {id: $id})-[:HOLDS]->(l:Licence)
                        RETURN l, p.givenName + ' ' + p.familyName AS holderName, p.id AS holderId
                        ORDER BY l.validFrom DESC
                        """)
                .bind(id).to("id").fetchAs(Licence.class)
                .mappedBy((t, r) -> Holdings.toLicence(r.get("l").asNode(), r.get("holderId").asString(),
                        r.get("holderName").asString()))
                .all().stream().toList();
        List<HeldFirearm> firearms = neo4j.query("""
                        MATCH (:Person {id: $id})-[:HOLDS]->(l:Licence)-[c:COVERS]->(f:Firearm)
                        RETURN f, COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m } AS markings,
                               l.number AS licence, c.from AS from, c.to AS to
                        ORDER BY c.from DESC
                        """)
                .bind(id).to("id").fetchAs(HeldFirearm.class).mappedBy((t, r) -> HeldFirearm.of(r))
                .all().stream().toList();
        Map<String, Object> rows = neo4j.query("""
                        MATCH (p:Person {id: $id})
                        RETURN [s IN coalesce(p.sources, [p.source]) WHERE s STARTS WITH 'import:'] AS rows,
                               p.notInLatestExtract AS missing""")
                .bind(id).to("id").fetch().one().orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> extractRows = (List<String>) rows.get("rows");
        return Optional.of(new PersonRecord(person.get(), licences, firearms, Versions.of(neo4j, "Person", id),
                extractRows, (LocalDate) rows.get("missing")));
    }

    /**
     * One search box for people: a name in any script or spelling, a personal number, or a licence
     * number. Names match word by word after folding ({@link PersonNames}), each word allowing one
     * typo; every word of the query must match, and a year of birth in the query narrows it. The
     * search and what it returned are audited.
     */
    @PreAuthorize(PERSONAL_DATA)
    @Transactional
    public List<PersonHit> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new SearchRejected("search.empty");
        }
        if (query.length() > MAX_QUERY) {
            throw new SearchRejected("search.too-long");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new SearchRejected("search.bad-limit");
        }
        var hits = new LinkedHashMap<String, PersonHit>();
        String number = ReferenceKeys.key(query);
        if (number.length() >= 3) {
            byNumber(number, limit, hits);
        }
        List<String> words = PersonNames.keys(query);
        var year = BIRTH_YEAR.matcher(query);
        Integer birthYear = year.find() ? Integer.valueOf(year.group()) : null;
        if (!words.isEmpty() && hits.size() < limit) {
            byName(query, words, birthYear, limit, hits);
        }
        if (words.isEmpty() && number.length() < 3) {
            throw new SearchRejected("search.too-short");
        }
        List<PersonHit> result = hits.values().stream().limit(limit).toList();
        audit.record("person.searched", result.stream().map(h -> "Person:" + h.person().id()).toList(),
                "query " + query.strip() + "; " + result.size() + " shown");
        return result;
    }

    /**
     * The person with this personal identification number, if any: what an officer at the scene
     * may ask with an identity card in hand. Unlike {@link #search} it answers only an exact
     * number, so field officers may use it; every answer is audited.
     */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional
    public Optional<Person> identify(String nationalId) {
        if (nationalId == null || nationalId.isBlank() || nationalId.length() > 30) {
            return Optional.empty();
        }
        String key = ReferenceKeys.key(nationalId);
        if (key.length() < 5) {
            return Optional.empty();
        }
        Optional<Person> found = neo4j.query("MATCH (p:Person {nationalIdKey: $key}) RETURN p ORDER BY p.recordedAt LIMIT 1")
                .bind(key).to("key").fetchAs(Person.class).mappedBy((t, r) -> toPerson(r.get("p").asNode())).one();
        audit.record("person.identified", found.map(p -> List.of("Person:" + p.id())).orElse(List.of()),
                found.isPresent() ? "by personal number" : "no person with that personal number");
        return found;
    }

    private void byNumber(String number, int limit, Map<String, PersonHit> into) {
        neo4j.query("""
                        MATCH (p:Person {nationalIdKey: $number})
                        RETURN p, null AS licence
                        LIMIT $limit
                        UNION
                        MATCH (l:Licence {numberKey: $number})<-[:HOLDS]-(p:Person)
                        RETURN p, l.number AS licence
                        LIMIT $limit
                        """)
                .bindAll(Map.of("number", number, "limit", limit))
                .fetch().all().forEach(r -> {
                    Person p = toPerson((Node) r.get("p"));
                    Object licence = r.get("licence");
                    String reason = licence == null ? "personal number matches" : "holds licence " + licence;
                    into.merge(p.id(), new PersonHit(p, 1.0, List.of(reason)), (a, b) -> new PersonHit(a.person(), 1.0,
                            concat(a.reasons(), b.reasons())));
                });
    }

    private void byName(String query, List<String> words, Integer birthYear, int limit, Map<String, PersonHit> into) {
        var lucene = new StringBuilder();
        for (String w : words) {
            // Keys are [a-z] only, so nothing needs escaping. Short words must match exactly.
            lucene.append("+nameKeys:").append(w).append(w.length() >= 4 ? "~1 " : " ");
        }
        record Ranked(PersonHit hit, double cost, double score) {
        }
        var ranked = new ArrayList<Ranked>();
        // Lucene finds the candidates (every word, one typo each); the ranking is ours: exact words
        // before typos, given and family name before the parent's name, then Lucene's score.
        neo4j.query("""
                        CALL db.index.fulltext.queryNodes('person_name', $query, {limit: $candidates}) YIELD node, score
                        WHERE $year IS NULL OR node.birthDate.year = $year
                        RETURN node AS p, score
                        """)
                .bindAll(CypherParams.of("query", lucene.toString().strip(), "candidates", NAME_CANDIDATES, "year", birthYear))
                .fetch().all().forEach(r -> {
                    Person p = toPerson((Node) r.get("p"));
                    double score = ((Number) r.get("score")).doubleValue();
                    List<String> own = PersonNames.keys(p.givenName(), p.familyName());
                    List<String> parent = PersonNames.keys(p.parentName());
                    double cost = 0;
                    for (String w : words) {
                        cost += own.contains(w) ? 0 : parent.contains(w) ? 0.3 : 1;
                    }
                    var reasons = new ArrayList<String>();
                    reasons.add(nameReason(query, words, p));
                    if (birthYear != null) {
                        reasons.add("born in " + birthYear);
                    }
                    ranked.add(new Ranked(new PersonHit(p, Math.max(0, 1 - cost / (words.size() + 1)), reasons), cost, score));
                });
        ranked.stream()
                .sorted(Comparator.comparingDouble(Ranked::cost).thenComparing(Ranked::score, Comparator.reverseOrder()))
                .limit(limit)
                .forEach(r -> into.putIfAbsent(r.hit().person().id(), r.hit()));
    }

    private static String nameReason(String query, List<String> words, Person p) {
        List<String> keys = PersonNames.keys(p.givenName(), p.familyName(), p.parentName());
        boolean allExact = keys.containsAll(words);
        String written = p.givenName() + " " + p.familyName();
        if (allExact && normalisedEquals(query, written)) {
            return "name matches as written";
        }
        if (allExact) {
            return "name matches across script or spelling (" + query.strip() + " ~ " + written + ")";
        }
        return "name close to " + written + " (one letter differs in a word)";
    }

    private static boolean normalisedEquals(String a, String b) {
        return String.join(" ", a.strip().toLowerCase().split("\\s+")).equals(String.join(" ", b.strip().toLowerCase().split("\\s+")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }

    Optional<Person> load(String id) {
        return neo4j.query("MATCH (p:Person {id: $id}) RETURN p")
                .bind(id).to("id").fetchAs(Person.class).mappedBy((t, r) -> toPerson(r.get("p").asNode())).one();
    }

    static Map<String, Object> properties(NewPerson p) {
        var props = new HashMap<String, Object>();
        props.put("givenName", p.givenName().strip());
        props.put("familyName", p.familyName().strip());
        props.put("parentName", p.parentName() == null || p.parentName().isBlank() ? null : p.parentName().strip());
        props.put("birthDate", p.birthDate());
        props.put("birthPlace", p.birthPlace());
        props.put("nationalId", p.nationalId());
        return props;
    }

    /** Search keys derived from the names and number; stored, never shown, kept out of versions. */
    static Map<String, Object> derived(NewPerson p) {
        var props = new HashMap<String, Object>();
        props.put("nameLatin", PersonNames.latin(p.givenName()) + " " + PersonNames.latin(p.familyName()));
        props.put("nameKeys", String.join(" ", PersonNames.keys(p.givenName(), p.familyName(), p.parentName())));
        props.put("nationalIdKey", p.nationalId() == null || p.nationalId().isBlank() ? null : ReferenceKeys.key(p.nationalId()));
        PersonNames.Blocks blocks = PersonNames.blocks(p.givenName(), p.familyName(), p.birthDate());
        props.put("blockNames", blocks.names());
        props.put("blockFamilyDate", blocks.familyDate());
        props.put("blockGivenDate", blocks.givenDate());
        // Empty rather than null for a name without letters, so that the back-fill of old records does not pick it up forever.
        props.put("blockNamePair", blocks.pair() == null ? "" : blocks.pair());
        return props;
    }

    private static List<String> describe(Map<String, Object> props) {
        return props.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
    }

    static Person toPerson(Node p) {
        return new Person(p.get("id").asString(), p.get("givenName").asString(""), p.get("familyName").asString(""),
                p.get("parentName").asString(null), date(p.get("birthDate")), p.get("birthPlace").asString(null),
                p.get("nationalId").asString(null), p.get("nameLatin").asString(""), p.get("version").asInt(1),
                p.get("source").asString(""), p.get("confidence").asString(""),
                p.get("recordedAt").asZonedDateTime().toInstant());
    }

    static LocalDate date(Value v) {
        return v == null || v.isNull() ? null : v.asLocalDate();
    }
}
