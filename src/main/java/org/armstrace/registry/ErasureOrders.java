package org.armstrace.registry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out a lawful order to erase a person's personal data (a court's or the data protection
 * authority's). Nothing in the registry is deleted (ITI: records kept 20 years, 30 for
 * manufacture): the person's node, licences, holdings and transfers stay, so a weapon's chain of
 * custody can still be replayed, but the name, parent's name, birth date and place and personal
 * number are blanked on the record and in every earlier version of it, and the search keys derived
 * from them are removed. What remains is a tombstone: the order's reference, when, by whom. The
 * erasure is itself a version of the record and an audit event: never silent.
 */
@Service
public class ErasureOrders {

    /** What an erasure blanks, on the record and in its versions. */
    static final List<String> PERSONAL = List.of("givenName", "familyName", "parentName", "birthDate", "birthPlace",
            "nationalId");
    /** What the versions show instead of an erased value. */
    public static final String ERASED = "[erased]";

    /** The tombstone of an erasure. */
    public record Erasure(String orderReference, Instant at, String by) {
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;

    ErasureOrders(Neo4jClient neo4j, AuditLog audit) {
        this.neo4j = neo4j;
        this.audit = audit;
    }

    /**
     * Erases the person's personal data under the order named; refused for an unknown person, an
     * order without a reference, or a person already erased.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Erasure erase(String personId, String orderReference, String reason) {
        if (orderReference == null || orderReference.isBlank() || orderReference.length() > 100) {
            throw new DeskRejected("erasure.order-required");
        }
        if (erasure(personId).isPresent()) {
            throw new DeskRejected("erasure.already");
        }
        String by = AuditLog.currentActor();
        String why = "erasure order " + orderReference.strip() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        boolean found = neo4j.query("""
                        MATCH (p:Person {id: $id})
                        WITH p, properties(p) AS old
                        CALL (p) {
                          MATCH (p)-[:HAS_VERSION]->(v:PersonVersion)
                          SET v.before = [kv IN v.before | CASE WHEN split(kv, '=')[0] IN $fields
                                                               THEN split(kv, '=')[0] + '=' + $erased ELSE kv END],
                              v.after = [kv IN v.after | CASE WHEN split(kv, '=')[0] IN $fields
                                                             THEN split(kv, '=')[0] + '=' + $erased ELSE kv END]
                        }
                        CREATE (p)-[:HAS_VERSION]->(:PersonVersion {version: p.version + 1, at: $now, by: $by,
                               source: 'user:' + $by, confidence: 'HIGH', reason: $why,
                               before: [k IN $fields WHERE old[k] IS NOT NULL | k + '=' + $erased], after: []})
                        // The search keys derived from those fields go too, so that nobody finds the person by them.
                        SET p.version = p.version + 1, p.source = 'user:' + $by, p.confidence = 'HIGH', p.recordedAt = $now,
                            p.givenName = '', p.familyName = '', p.blockNamePair = '',
                            p.erasedUnder = $order, p.erasedAt = $now, p.erasedBy = $by
                        REMOVE p.parentName, p.birthDate, p.birthPlace, p.nationalId, p.nameLatin, p.nameKeys,
                               p.nationalIdKey, p.blockNames, p.blockFamilyDate, p.blockGivenDate
                        RETURN true AS found
                        """)
                .bindAll(CypherParams.of("id", personId, "fields", PERSONAL, "erased", ERASED, "by", by, "why", why,
                        "order", orderReference.strip(), "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .fetchAs(Boolean.class).one().orElse(false);
        if (!found) {
            throw new DeskRejected("desk.no-record");
        }
        audit.record("person.erased", List.of("Person:" + personId), why + "; erased " + String.join(", ", PERSONAL));
        return erasure(personId).orElseThrow();
    }

    /** The tombstone, if the person's data was erased. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Erasure> erasure(String personId) {
        return neo4j.query("""
                        MATCH (p:Person {id: $id}) WHERE p.erasedUnder IS NOT NULL
                        RETURN p.erasedUnder AS order, p.erasedAt AS at, p.erasedBy AS by
                        """)
                .bind(personId).to("id")
                .fetchAs(Erasure.class).mappedBy((t, r) -> new Erasure(r.get("order").asString(),
                        r.get("at").asZonedDateTime().toInstant(), r.get("by").asString("")))
                .one();
    }
}
