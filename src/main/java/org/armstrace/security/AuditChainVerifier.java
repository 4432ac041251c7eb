package org.armstrace.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Walks the audit chain in {@code seq} order against the anchors and reports the first event that
 * fails: missing, not linked to its predecessor, not authenticated by the audit key (or, under a
 * legacy seal, not hashing to its SHA-256), different from what an anchor recorded, or an end
 * before the chain's head or the latest anchor (events cut off).
 */
final class AuditChainVerifier {

    private static final int BATCH = 5_000;

    private final Neo4jClient neo4j;
    private final AuditKey key;

    AuditChainVerifier(Neo4jClient neo4j, AuditKey key) {
        this.neo4j = neo4j;
        this.key = key;
    }

    AuditChainReport verify(AnchorFile.Contents anchors) {
        int anchorCount = anchors.anchors().size();
        if (anchors.problem() != null) {
            return AuditChainReport.broken(0, anchors.bad() == null ? 0 : anchors.bad().seq(), anchors.problem(), 0,
                    anchorCount);
        }
        Map<Long, AuditAnchor> bySeq = new HashMap<>();
        anchors.anchors().forEach(a -> bySeq.put(a.seq(), a));
        long sealed = anchors.seal() == null ? 0 : anchors.seal().seq();
        String expectedPrev = AuditLog.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEvent> batch = neo4j.query("""
                            MATCH (e:AuditEvent) WHERE e.seq >= $from
                            RETURN e ORDER BY e.seq LIMIT $limit
                            """)
                    .bindAll(Map.of("from", expectedSeq, "limit", BATCH))
                    .fetchAs(AuditEvent.class).mappedBy((t, r) -> AuditLog.toEvent(r.get("e").asNode()))
                    .all().stream().toList();
            for (AuditEvent e : batch) {
                String problem = e.seq() != expectedSeq ? "audit.problem.missing"
                        : !e.prevHash().equals(expectedPrev) ? "audit.problem.link"
                        : problemOf(e, e.seq() <= sealed, bySeq.get(e.seq()));
                if (problem != null) {
                    long at = problem.equals("audit.problem.missing") ? expectedSeq : e.seq();
                    return AuditChainReport.broken(checked, at, problem, sealed, anchorCount);
                }
                expectedPrev = e.hash();
                expectedSeq++;
                checked++;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        String problem = endProblem(checked, expectedPrev, anchors.latest());
        return problem == null ? AuditChainReport.ok(checked, sealed, anchorCount)
                : AuditChainReport.broken(checked, checked + 1, problem, sealed, anchorCount);
    }

    private String problemOf(AuditEvent e, boolean legacy, AuditAnchor anchor) {
        if (legacy) {
            String sha256 = AuditCanonical.legacyHash(e.seq(), e.at(), e.actor(), e.action(), e.entities(), e.details(),
                    e.prevHash());
            if (!sha256.equals(e.hash())) {
                return "audit.problem.content";
            }
        } else if (!key.matches(AuditLog.canonical(e), e.hash())) {
            return "audit.problem.mac";
        }
        if (anchor != null && !anchor.hash().equals(e.hash())) {
            return "audit.problem.anchor-mismatch";
        }
        return null;
    }

    /** The head must point at the last event, and no anchor may lie beyond it. */
    private String endProblem(long lastSeq, String lastHash, AuditAnchor latest) {
        var head = neo4j.query("MATCH (c:AuditChain {id: 'audit'}) RETURN c.seq AS seq, c.hash AS hash")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) -> Map.entry(r.get("seq").asLong(), r.get("hash").asString()))
                .one();
        if (head.isPresent() && ((Long) head.get().getKey() != lastSeq || !head.get().getValue().equals(lastHash))) {
            return "audit.problem.head";
        }
        if (head.isEmpty() && lastSeq > 0) {
            return "audit.problem.head";
        }
        if (latest != null && latest.seq() > lastSeq) {
            return "audit.problem.truncated";
        }
        return null;
    }
}
