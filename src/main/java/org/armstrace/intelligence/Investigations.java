package org.armstrace.intelligence;

import static org.armstrace.graph.GraphValues.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.armstrace.base.PlainText;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.neo4j.driver.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved investigations: a link-chart canvas (its entities, what is hidden and pinned, where each
 * entity was drawn, the filters and layout) with a name and notes. Every save adds a version;
 * none is overwritten, and a save made on an older revision than the current one is refused, so
 * two analysts never silently undo each other. The owner may share an investigation with one
 * role; whoever holds it can open and save it. Every opening is audited.
 */
@Service
public class Investigations {

    public static final int MAX_NAME = 120;
    public static final int MAX_NOTES = 10_000;
    /** The roles that can open a link chart, and so the only ones an investigation can be shared with. */
    public static final List<String> SHAREABLE = List.of(Role.Names.ANALYST, Role.Names.SUPERVISOR, Role.Names.ADMIN);
    /** The chart's layouts, the first being the default. */
    public static final List<String> LAYOUTS = List.of("cose", "breadthfirst", "concentric", "circle", "grid");

    /** Where an entity was drawn. */
    public record Position(double x, double y) {
    }

    /** The canvas as it was saved. Refs are {@link EntityRef} texts. */
    public record Canvas(List<String> entities, List<String> hidden, List<String> pinned, Set<String> types,
                         LocalDate since, LocalDate until, String layout, Map<String, Position> positions) {
    }

    public record Investigation(String id, String name, String notes, String owner, String sharedWith, long revision,
                                Instant updatedAt, String updatedBy, Canvas canvas) {
    }

    /** One save, oldest first in {@link #history}. */
    public record Version(long revision, String name, String sharedWith, int entities, String savedBy, Instant savedAt) {
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;

    Investigations(Neo4jClient neo4j, AuditLog audit) {
        this.neo4j = neo4j;
        this.audit = audit;
    }

    /** A fresh id for a canvas not saved yet; saving it twice under this id cannot make two investigations. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Saves the canvas as the next revision: {@code expectedRevision} is 0 for a new investigation,
     * otherwise the revision the analyst had open. Only the owner changes whom it is shared with.
     */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional
    public Investigation save(String id, long expectedRevision, String name, String notes, String sharedWith,
                              Canvas canvas) {
        validId(id);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || !PlainText.acceptable(cleanName, MAX_NAME, false)) {
            throw new IntelligenceRejected("intelligence.bad-name");
        }
        String cleanNotes = notes == null ? "" : notes.strip();
        if (!PlainText.acceptable(cleanNotes, MAX_NOTES, true)) {
            throw new IntelligenceRejected("intelligence.bad-notes");
        }
        if (sharedWith != null && !SHAREABLE.contains(sharedWith)) {
            throw new IntelligenceRejected("intelligence.bad-share");
        }
        var params = canvasParams(canvas);
        String user = AuditLog.currentActor();
        params.putAll(CypherParams.of("id", id, "expected", expectedRevision, "name", cleanName, "notes", cleanNotes,
                "sharedWith", sharedWith, "user", user, "roles", Role.currentNames(), "now", ZonedDateTime.now(ZoneOffset.UTC)));
        if (expectedRevision == 0) {
            create(id, params);
        } else if (expectedRevision < 0) {
            throw new IntelligenceRejected("intelligence.investigation-changed");
        }
        if (lockedRevision(params) != expectedRevision) {
            throw new IntelligenceRejected("intelligence.investigation-changed");
        }
        neo4j.query("""
                MATCH (i:Investigation {id: $id})
                SET i.revision = i.revision + 1, i.name = $name, i.notes = $notes, i.updatedAt = $now, i.updatedBy = $user,
                    i.sharedWith = CASE WHEN i.owner = $user THEN $sharedWith ELSE i.sharedWith END,
                    i.entities = $entities, i.hidden = $hidden, i.pinned = $pinned, i.types = $types,
                    i.since = $since, i.until = $until, i.layout = $layout,
                    i.positionRefs = $positionRefs, i.positionX = $positionX, i.positionY = $positionY
                CREATE (i)-[:HAS_VERSION]->(:InvestigationVersion {
                    revision: i.revision, name: $name, notes: $notes, sharedWith: i.sharedWith, savedBy: $user, savedAt: $now,
                    entities: $entities, hidden: $hidden, pinned: $pinned, types: $types, since: $since, until: $until,
                    layout: $layout, positionRefs: $positionRefs, positionX: $positionX, positionY: $positionY})
                """).bindAll(params).run();
        Investigation saved = find(id).orElseThrow();
        audit.record("investigation.saved", List.of("Investigation:" + id), "revision " + saved.revision() + ", "
                + canvas.entities().size() + " entities" + (saved.sharedWith() == null ? "" : ", shared with "
                + saved.sharedWith()));
        return saved;
    }

    /** The node of a new investigation, at revision 0; the save then writes its first revision. */
    private void create(String id, Map<String, Object> params) {
        // A second save of the same new canvas (a double click, a retry) finds it already there.
        boolean exists = neo4j.query("MATCH (i:Investigation {id: $id}) RETURN count(i) > 0").bind(id).to("id")
                .fetchAs(Boolean.class).one().orElse(false);
        if (exists) {
            throw new IntelligenceRejected("intelligence.investigation-changed");
        }
        try {
            neo4j.query("CREATE (:Investigation {id: $id, owner: $user, createdAt: $now, revision: 0})").bindAll(params)
                    .run();
        } catch (DataIntegrityViolationException sameMoment) {
            throw new IntelligenceRejected("intelligence.investigation-changed");
        }
    }

    /** The investigation's revision, under its write lock, if the user may save it. */
    private long lockedRevision(Map<String, Object> params) {
        // The write lock comes first, so of two saves at once the second sees the first's revision.
        return neo4j.query("""
                        MATCH (i:Investigation {id: $id}) WHERE i.owner = $user OR i.sharedWith IN $roles
                        SET i._lock = true REMOVE i._lock
                        RETURN i.revision AS revision""")
                .bindAll(params).fetchAs(Long.class).one()
                .orElseThrow(() -> new IntelligenceRejected("intelligence.no-such-investigation"));
    }

    /** Opens an investigation the signed-in user owns or holds the shared role of; audited. */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional
    public Investigation open(String id) {
        validId(id);
        Investigation found = find(id).orElseThrow(() -> new IntelligenceRejected("intelligence.no-such-investigation"));
        audit.record("investigation.opened", List.of("Investigation:" + id), "revision " + found.revision() + ": "
                + found.name());
        return found;
    }

    /** The investigations the signed-in user may open, most recently saved first. */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional(readOnly = true)
    public List<Investigation> list(int limit) {
        if (limit < 1 || limit > LinkAnalysis.MAX_PAGE) {
            throw new IntelligenceRejected("intelligence.bad-page");
        }
        return neo4j.query(VISIBLE + " AND i.revision > 0 RETURN i ORDER BY i.updatedAt DESC, i.id LIMIT $limit")
                .bindAll(CypherParams.of("user", AuditLog.currentActor(), "roles", Role.currentNames(), "limit", limit))
                .fetchAs(Investigation.class).mappedBy((t, r) -> investigation(r.get("i"))).all().stream().toList();
    }

    /** Every save of an investigation the user may open, oldest first. */
    @PreAuthorize(LinkAnalysis.ANALYSTS)
    @Transactional(readOnly = true)
    public List<Version> history(String id) {
        validId(id);
        return neo4j.query(VISIBLE + " AND i.id = $id MATCH (i)-[:HAS_VERSION]->(v) RETURN v ORDER BY v.revision")
                .bindAll(CypherParams.of("id", id, "user", AuditLog.currentActor(), "roles", Role.currentNames()))
                .fetchAs(Version.class).mappedBy((t, r) -> {
                    Value v = r.get("v");
                    return new Version(v.get("revision").asLong(), v.get("name").asString(), v.get("sharedWith").asString(null),
                            v.get("entities").size(), v.get("savedBy").asString(), instant(v.get("savedAt")));
                }).all().stream().toList();
    }

    private static final String VISIBLE = "MATCH (i:Investigation) WHERE (i.owner = $user OR i.sharedWith IN $roles)";

    private Optional<Investigation> find(String id) {
        return neo4j.query(VISIBLE + " AND i.id = $id AND i.revision > 0 RETURN i")
                .bindAll(CypherParams.of("id", id, "user", AuditLog.currentActor(), "roles", Role.currentNames()))
                .fetchAs(Investigation.class).mappedBy((t, r) -> investigation(r.get("i"))).one();
    }

    private static Map<String, Object> canvasParams(Canvas canvas) {
        if (canvas == null || canvas.entities().size() > LinkAnalysis.MAX_PAGE) {
            throw new IntelligenceRejected("intelligence.canvas-too-big");
        }
        // Every ref must name an entity; hidden, pinned and positioned ones must be on the canvas.
        var entities = canvas.entities().stream().map(r -> EntityRef.parse(r).toString()).distinct().toList();
        if (!entities.containsAll(canvas.hidden()) || !entities.containsAll(canvas.pinned())
                || !entities.containsAll(canvas.positions().keySet())) {
            throw new IntelligenceRejected("intelligence.bad-entity");
        }
        if (!LinkAnalysis.TYPES.containsAll(canvas.types())) {
            throw new IntelligenceRejected("intelligence.bad-type");
        }
        if (canvas.layout() != null && !LAYOUTS.contains(canvas.layout())) {
            throw new IntelligenceRejected("intelligence.bad-layout");
        }
        var refs = new ArrayList<String>();
        var xs = new ArrayList<Double>();
        var ys = new ArrayList<Double>();
        canvas.positions().forEach((ref, p) -> {
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                throw new IntelligenceRejected("intelligence.bad-entity");
            }
            refs.add(ref);
            xs.add(p.x());
            ys.add(p.y());
        });
        return CypherParams.of("entities", entities, "hidden", List.copyOf(canvas.hidden()),
                "pinned", List.copyOf(canvas.pinned()), "types", canvas.types().stream().sorted().toList(),
                "since", canvas.since(), "until", canvas.until(), "layout", canvas.layout(),
                "positionRefs", refs, "positionX", xs, "positionY", ys);
    }

    private static void validId(String id) {
        try {
            UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            throw new IntelligenceRejected("intelligence.no-such-investigation");
        }
    }

    private static Investigation investigation(Value i) {
        var positions = new LinkedHashMap<String, Position>();
        List<String> refs = i.get("positionRefs").asList(Value::asString, List.of());
        List<Double> xs = i.get("positionX").asList(Value::asDouble, List.of());
        List<Double> ys = i.get("positionY").asList(Value::asDouble, List.of());
        for (int k = 0; k < refs.size(); k++) {
            positions.put(refs.get(k), new Position(xs.get(k), ys.get(k)));
        }
        var canvas = new Canvas(i.get("entities").asList(Value::asString, List.of()),
                i.get("hidden").asList(Value::asString, List.of()), i.get("pinned").asList(Value::asString, List.of()),
                Set.copyOf(i.get("types").asList(Value::asString, List.of())),
                i.get("since").isNull() ? null : i.get("since").asLocalDate(),
                i.get("until").isNull() ? null : i.get("until").asLocalDate(), i.get("layout").asString(null), positions);
        return new Investigation(i.get("id").asString(), i.get("name").asString(""), i.get("notes").asString(""),
                i.get("owner").asString(), i.get("sharedWith").asString(null), i.get("revision").asLong(),
                instant(i.get("updatedAt")), i.get("updatedBy").asString(null), canvas);
    }
}
