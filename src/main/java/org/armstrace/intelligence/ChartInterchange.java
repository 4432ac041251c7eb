package org.armstrace.intelligence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.armstrace.base.ContentStore;
import org.armstrace.graph.CypherParams;
import org.armstrace.graph.GraphProperties;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Charts to and from i2 Analyst's Notebook, the tool the region's focal points were given. A link
 * chart (or a case's) leaves as an ANX file, audited like every export that names people. A
 * partner's ANX comes in as an overlay that is never merged: the file is kept as received (named
 * by its SHA-256 under {@code <data dir>/partner-charts}, like photos) and audited, its entities
 * are shown beside the chart with proposed matches among our records ({@link ChartMatches}), and
 * only a match the analyst accepts, one at a time, becomes a link
 * {@code (:ChartImport)-[:MATCHED {anxId, label, provenance: 'i2:<file>'}]->(record)}.
 */
@Service
public class ChartInterchange {

    /** A partner's chart as shown: the import it is, its entities and links, and what each entity may be. */
    public record Overlay(String importId, String fileName, String sha256, PartnerChart chart,
                          Map<String, List<ChartMatches.Proposal>> proposals) {
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private final PersonalDataReads reads;
    private final LinkAnalysis analysis;
    private final ChartMatches matches;
    private final ContentStore files;
    private final long maxBytes;

    ChartInterchange(Neo4jClient neo4j, AuditLog audit, PersonalDataReads reads, LinkAnalysis analysis,
                     ChartMatches matches, GraphProperties graph,
                     @Value("${armstrace.intelligence.anx-max-size:10MB}") DataSize maxSize) {
        this.neo4j = neo4j;
        this.audit = audit;
        this.reads = reads;
        this.analysis = analysis;
        this.matches = matches;
        this.files = new ContentStore(graph.dataDir().resolve("partner-charts"));
        this.maxBytes = maxSize.toBytes();
    }

    /** The largest ANX file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Writes the chart as an i2 ANX file. The people in it leave the application, so the export is
     * a personal-data read ({@link PersonalDataPath#CHART_ANX_EXPORT}); a chart without people is
     * still audited under the same action, naming what it held.
     *
     * @param linkLabel a relationship type's label in the analyst's language
     */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional
    public void exportAnx(LinkGraph graph, Function<String, String> linkLabel, OutputStream out) {
        AnxWriter.write(graph, extras(graph.entities()), linkLabel, out);
        List<String> people = graph.entities().stream().map(LinkGraph.Entity::ref)
                .filter(r -> r != null && r.startsWith("Person:")).map(r -> r.substring("Person:".length())).toList();
        List<String> about = graph.entities().stream().map(LinkGraph.Entity::ref)
                .filter(r -> r != null && !r.startsWith("Person:")).limit(20).toList();
        if (people.isEmpty()) {
            audit.record(PersonalDataPath.CHART_ANX_EXPORT.action(), about, graph.entities().size() + " entities, "
                    + graph.links().size() + " link(s); no person");
        } else {
            reads.record(PersonalDataPath.CHART_ANX_EXPORT, about, people);
        }
    }

    /**
     * Takes in a partner's ANX chart: refused when larger than the limit, not XML, declaring a DTD
     * (external entities, entity expansion) or not a chart; otherwise kept as received, recorded
     * and audited, and returned as an overlay with proposed matches. Nothing is merged.
     */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional
    public Overlay importAnx(String fileName, InputStream in) {
        byte[] content;
        try (in) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length > maxBytes) {
            throw new IntelligenceRejected("anx.too-large");
        }
        PartnerChart chart = AnxReader.read(new ByteArrayInputStream(content));
        String name = name(fileName);
        String sha = files.put(content);
        String id = UUID.randomUUID().toString();
        neo4j.query("""
                        CREATE (:ChartImport {id: $id, sha256: $sha, fileName: $name, size: $size, entities: $entities,
                                              links: $links, by: $by, at: $at})""")
                .bindAll(CypherParams.of("id", id, "sha", sha, "name", name, "size", content.length,
                        "entities", chart.entities().size(), "links", chart.links().size(),
                        "by", AuditLog.currentActor(), "at", Instant.now().atZone(ZoneOffset.UTC)))
                .run();
        audit.record("intelligence.anx-imported", List.of("ChartImport:" + id), name + " (" + content.length
                + " bytes, sha256 " + sha + "): " + chart.entities().size() + " entities, " + chart.links().size() + " link(s)");
        return new Overlay(id, name, sha, chart, matches.propose(chart.entities()));
    }

    /**
     * The analyst accepts one proposed match: the partner's entity {@code anxId} of the import is
     * the record {@code ref}. Only a link from the import to the record is written, with the file
     * as its provenance; the record itself is not changed.
     */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional
    public void accept(String importId, String anxId, EntityRef ref) {
        Map<String, Object> found = neo4j.query("MATCH (ci:ChartImport {id: $id}) RETURN ci.sha256 AS sha, ci.fileName AS name")
                .bind(importId).to("id").fetch().one().orElseThrow(() -> new IntelligenceRejected("anx.no-such-import"));
        String fileName = (String) found.get("name");
        PartnerChart chart = AnxReader.read(new ByteArrayInputStream(files.get((String) found.get("sha"))));
        PartnerChart.Item item = chart.entities().stream().filter(e -> e.id().equals(anxId)).findFirst()
                .orElseThrow(() -> new IntelligenceRejected("anx.no-such-item"));
        boolean linked = neo4j.query("MATCH (ci:ChartImport {id: $id})\nMATCH " + ref.cypherMatch("t") + """

                        MERGE (ci)-[m:MATCHED {anxId: $anxId}]->(t)
                        ON CREATE SET m.label = $label, m.provenance = $provenance, m.by = $by, m.at = $at
                        RETURN count(m) AS n""")
                .bindAll(CypherParams.of("id", importId, "tKey", ref.key(), "anxId", anxId, "label", item.label(),
                        "provenance", "i2:" + fileName, "by", AuditLog.currentActor(),
                        "at", Instant.now().atZone(ZoneOffset.UTC)))
                .fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L) > 0;
        if (!linked) {
            throw new IntelligenceRejected("intelligence.no-such-entity");
        }
        audit.record("intelligence.anx-match-accepted", List.of("ChartImport:" + importId, ref.toString()),
                "'" + item.label() + "' (" + anxId + ") of i2:" + fileName + " is " + ref);
    }

    /** The matches accepted on an import so far: the partner's entity id → our record. */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional(readOnly = true)
    public Map<String, String> accepted(String importId) {
        var out = new LinkedHashMap<String, String>();
        neo4j.query("""
                        MATCH (:ChartImport {id: $id})-[m:MATCHED]->(n)
                        RETURN m.anxId AS anxId, %s AS node ORDER BY m.at""".formatted(LinkAnalysis.NODE))
                .bindAll(CypherParams.of("id", importId, "labels", LinkAnalysis.LABELS))
                .fetchAs(Void.class).mappedBy((t, r) -> {
                    out.put(r.get("anxId").asString(), r.get("node").get("ref").asString());
                    return null;
                }).all();
        return out;
    }

    /** Weapons' serial and make as read, for the ANX attributes an i2 analyst searches on. */
    private Map<String, Map<String, String>> extras(Collection<LinkGraph.Entity> entities) {
        List<String> firearms = entities.stream().map(LinkGraph.Entity::ref).filter(r -> r != null && r.startsWith("Firearm:"))
                .map(r -> r.substring("Firearm:".length())).toList();
        var out = new HashMap<String, Map<String, String>>();
        if (firearms.isEmpty()) {
            return out;
        }
        neo4j.query("UNWIND $ids AS id MATCH (f:Firearm {id: id}) RETURN f.id AS id, f.serialAsRead AS serial, f.makeAsRead AS make")
                .bind(firearms).to("ids").fetchAs(Void.class).mappedBy((t, r) -> {
                    var attributes = new HashMap<String, String>();
                    attributes.put(AnxWriter.SERIAL, r.get("serial").asString(""));
                    attributes.put(AnxWriter.MAKE, r.get("make").asString(""));
                    out.put("Firearm:" + r.get("id").asString(), attributes);
                    return null;
                }).all();
        return out;
    }

    private static String name(String fileName) {
        String name = fileName == null ? "" : AnxWriter.clean(fileName).strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.isEmpty()) {
            name = "chart.anx";
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
