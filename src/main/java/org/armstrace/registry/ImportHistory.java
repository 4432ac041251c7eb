package org.armstrace.registry;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.armstrace.base.Sha256;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.ImportedRecords.Kind;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * What a source said of a record last time, and the history a later extract writes. Each imported
 * record keeps, per source (mapping profile), a hash of the row it last sent ({@code importHashes},
 * entries {@code <profile>=<hash>}), so that an unchanged row is recognised by one property read.
 * A changed row is compared field by field with the record; the values it replaces go into a
 * {@code :<Label>Version} node exactly as a correction's do, with the extract row as its source.
 */
final class ImportHistory {

    /** Version reasons of the desk's own corrections start with this source prefix. */
    private static final String DESK = "user:";

    private ImportHistory() {
    }

    /** The hash entry of a row's content for one source: short, since every imported record keeps one per source. */
    static String entry(String profile, Object value) {
        return profile + "=" + Sha256.hex(String.valueOf(value).getBytes(StandardCharsets.UTF_8)).substring(0, 20);
    }

    static String prefix(String entry) {
        return entry.substring(0, entry.indexOf('=') + 1);
    }

    /**
     * The standing of each row (by record id) against the graph; {@code content} gives the fields a
     * row sets, compared only when its hash differs from the one its source left.
     *
     * <p>A record with no hash of this source joins it, unless one of {@code ownBatches} (this source's
     * batches) created it: then this source made it without leaving a hash (a release before row
     * hashes, issue 27), and its row is compared field by field as a changed one is, or that extract's
     * changes would be lost. The record's {@code importBatch} is read only when the hash is missing.
     */
    static <T> Map<String, Standing> standings(Neo4jClient neo4j, Kind kind, List<ImportedRecords.Row<T>> rows,
                                               Set<String> ownBatches,
                                               Function<ImportedRecords.Row<T>, Map<String, Object>> content) {
        var out = new HashMap<String, Standing>();
        if (rows.isEmpty()) {
            return out;
        }
        var params = rows.stream().map(r -> CypherParams.of("id", r.id(), "prefix", prefix(r.hash()))).toList();
        var known = new HashMap<String, Map<String, Object>>();
        // The label is one of Kind's constants, never input.
        neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (n:%s {id: row.id})
                        WITH n, [h IN coalesce(n.importHashes, []) WHERE h STARTS WITH row.prefix][0] AS entry
                        RETURN n.id AS id, entry, n.notInLatestExtract IS NOT NULL AS missing,
                               CASE WHEN entry IS NULL THEN n.importBatch END AS batch
                        """.formatted(kind.label()))
                .bind(params).to("rows").fetch().all().forEach(r -> known.put((String) r.get("id"), r));
        var changed = new ArrayList<ImportedRecords.Row<T>>();
        for (ImportedRecords.Row<T> r : rows) {
            Map<String, Object> k = known.get(r.id());
            if (k == null) {
                out.put(r.id(), Standing.NEW);
            } else if (k.get("entry") == null && (k.get("batch") == null || !ownBatches.contains(k.get("batch")))) {
                out.put(r.id(), Standing.JOINED);
            } else if (k.get("entry") != null && k.get("entry").equals(r.hash())) {
                out.put(r.id(), Boolean.TRUE.equals(k.get("missing")) ? Standing.RETURNED : Standing.UNCHANGED);
            } else {
                changed.add(r);
            }
        }
        if (!changed.isEmpty()) {
            compare(neo4j, kind, changed, content, out);
        }
        return out;
    }

    /**
     * The ids of the rows whose record keeps exactly the row's hash, and is not flagged missing from an
     * earlier full extract (that one has returned, and the flag must be lifted): see {@link ImportedRecords#unchanged}.
     */
    static Set<String> unchanged(Neo4jClient neo4j, Kind kind, Collection<? extends ImportedRecords.Row<?>> rows) {
        var params = rows.stream().filter(r -> r.hash() != null).map(r -> CypherParams.of("id", r.id(), "hash", r.hash())).toList();
        if (params.isEmpty()) {
            return Set.of();
        }
        // The label is one of Kind's constants, never input.
        return new HashSet<>(neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (n:%s {id: row.id}) WHERE row.hash IN n.importHashes AND n.notInLatestExtract IS NULL
                        RETURN DISTINCT n.id
                        """.formatted(kind.label()))
                .bind(params).to("rows").fetchAs(String.class).all());
    }

    /** Field by field, for the rows whose source said something else last time. */
    private static <T> void compare(Neo4jClient neo4j, Kind kind, List<ImportedRecords.Row<T>> rows,
                                    Function<ImportedRecords.Row<T>, Map<String, Object>> content, Map<String, Standing> out) {
        var current = new HashMap<String, Map<String, Object>>();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (n:%s {id: id})
                        RETURN n.id AS id, properties(n) AS props,
                               COLLECT { MATCH (n)-[:HAS_VERSION]->(v) WHERE v.source STARTS WITH $desk AND v.version > 1
                                         UNWIND v.before AS kv RETURN kv } AS handBefore,
                               COLLECT { MATCH (n)-[:HAS_VERSION]->(v) WHERE v.source STARTS WITH $desk AND v.version > 1
                                         UNWIND v.before + v.after AS kv RETURN split(kv, '=')[0] } AS handFields
                        """.formatted(kind.label()))
                .bindAll(Map.of("ids", rows.stream().map(ImportedRecords.Row::id).toList(), "desk", DESK))
                .fetch().all().forEach(r -> current.put((String) r.get("id"), r));
        for (ImportedRecords.Row<T> r : rows) {
            Map<String, Object> c = current.get(r.id());
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) c.get("props");
            @SuppressWarnings("unchecked")
            Set<String> handFields = new HashSet<>((List<String>) c.get("handFields"));
            @SuppressWarnings("unchecked")
            Set<String> handBefore = new HashSet<>((List<String>) c.get("handBefore"));
            var changes = new HashMap<String, Object>();
            var conflicts = new ArrayList<Standing.Conflict>();
            content.apply(r).forEach((field, value) -> {
                Object was = props.get(field);
                if (same(was, value)) {
                    return;
                }
                if (!handFields.contains(field)) {
                    changes.put(field, value);
                } else if (!handBefore.contains(field + "=" + text(value))) {
                    // The desk corrected this field, and the source now says something new: neither wins unseen.
                    conflicts.add(new Standing.Conflict(field, text(was), text(value)));
                }
                // Else the source still says what the desk corrected away: the desk's value stands.
            });
            out.put(r.id(), new Standing(Standing.State.CHANGED, changes, conflicts));
        }
    }

    /** The fields of a record a row sets, as stored: what a later row of the same source is compared with. */
    static Map<String, Object> content(FirearmRegistry firearms, Kind kind, Object value) {
        Map<String, Object> props = switch (kind) {
            case PERSON -> PersonRegistry.properties((NewPerson) value);
            case FIREARM -> {
                NewFirearm w = (NewFirearm) value;
                var f = firearms.identification(w.type(), w.make(), w.model(), w.calibre(), w.serialAsRead(),
                        w.countryOfManufacture(), w.year(), false);
                yield FirearmRegistry.withoutSearchKeys(f);
            }
            case ORGANISATION -> {
                var o = ImportedProperties.organisationProperties(new ImportedRecords.Row<>(null, (ImportedRecords.NewOrganisation) value, null), null, null);
                yield CypherParams.of("kind", o.get("kind"), "code", o.get("code"), "name", o.get("name"));
            }
            case LICENCE -> {
                var l = ImportedProperties.licenceProperties(new ImportedRecords.Row<>(null, (ImportedRecords.LicenceRow) value, null), null, null);
                l.keySet().removeAll(Set.of("id", "source", "importBatch", "confidence", "recordedAt", "importHashes"));
                l.putIfAbsent("status", null);
                yield l;
            }
            default -> throw new IllegalArgumentException("No history is kept of " + kind);
        };
        return props;
    }

    /** Search keys derived from the values a change leaves on the record (the desk's, where in conflict). */
    static Map<String, Object> derived(FirearmRegistry firearms, Kind kind, Object value, Standing s) {
        Set<String> held = new HashSet<>();
        s.conflicts().forEach(c -> held.add(c.field()));
        return switch (kind) {
            case PERSON -> {
                NewPerson p = (NewPerson) value;
                Map<String, String> desk = new HashMap<>();
                s.conflicts().forEach(c -> desk.put(c.field(), c.current()));
                yield PersonRegistry.derived(new NewPerson(desk.getOrDefault("givenName", p.givenName()),
                        desk.getOrDefault("familyName", p.familyName()), desk.getOrDefault("parentName", p.parentName()),
                        desk.containsKey("birthDate") ? (desk.get("birthDate").isEmpty() ? null
                                : LocalDate.parse(desk.get("birthDate"))) : p.birthDate(),
                        p.birthPlace(), desk.getOrDefault("nationalId", p.nationalId())));
            }
            case FIREARM -> {
                NewFirearm w = (NewFirearm) value;
                boolean serial = !held.contains("serialAsRead") && s.changes().containsKey("serialAsRead");
                boolean make = !held.contains("makeCode") && s.changes().containsKey("makeCode");
                if (!serial && !make) {
                    yield Map.of();
                }
                // The keys follow the serial and the make the record is left with: the desk's where it holds one.
                Map<String, String> desk = new HashMap<>();
                s.conflicts().forEach(c -> desk.put(c.field(), c.current()));
                String keptMake = held.contains("makeCode")
                        ? emptyAsNull(desk.getOrDefault("makeAsRead", desk.get("makeCode"))) : w.make();
                String keptSerial = held.contains("serialAsRead") ? desk.get("serialAsRead") : w.serialAsRead();
                yield FirearmRegistry.searchKeys(firearms.identification(w.type(), keptMake, w.model(), w.calibre(),
                        keptSerial, w.countryOfManufacture(), w.year(), false));
            }
            default -> Map.of();
        };
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Equal as stored: the graph gives back longs for ints, and dates and strings as they went in. */
    private static boolean same(Object stored, Object offered) {
        if (stored == null || offered == null) {
            return stored == null && offered == null;
        }
        return stored.equals(offered) || text(stored).equals(text(offered));
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    /** One change of one record: the new values, the search keys derived from them, and the row it came from. */
    record Change(String id, Map<String, Object> next, Map<String, Object> derived, String source) {
    }

    /**
     * Writes changes as corrections are written: the replaced values in a new version whose source is
     * the extract row, the new values on the record. The record names every row that changed it.
     */
    static void supersede(Neo4jClient neo4j, Kind kind, List<Change> changes, String reason, ZonedDateTime now) {
        if (changes.isEmpty()) {
            return;
        }
        var rows = changes.stream().map(c -> CypherParams.of("id", c.id(), "next", c.next(), "derived", c.derived(),
                "source", c.source())).toList();
        neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (n:%1$s {id: row.id})
                        WITH n, row, properties(n) AS old
                        WITH n, row, old, [k IN keys(row.next) WHERE old[k] IS NULL OR row.next[k] IS NULL OR old[k] <> row.next[k]] AS changed
                        CREATE (n)-[:HAS_VERSION]->(:%1$sVersion {version: coalesce(n.version, 1) + 1, at: $now, by: $by,
                               source: row.source, confidence: 'HIGH', reason: $reason,
                               before: [k IN changed WHERE old[k] IS NOT NULL | k + '=' + toString(old[k])],
                               after: [k IN changed WHERE row.next[k] IS NOT NULL | k + '=' + toString(row.next[k])]})
                        SET n.sources = coalesce(n.sources, [n.source]) + [s IN [row.source] WHERE NOT s IN coalesce(n.sources, [n.source])]
                        SET n += row.next, n += row.derived, n.version = coalesce(n.version, 1) + 1,
                            n.source = row.source, n.confidence = 'HIGH', n.recordedAt = $now
                        """.formatted(kind.label()))
                .bindAll(CypherParams.of("rows", rows, "now", now, "by", AuditLog.currentActor(), "reason", reason))
                .run();
    }

    /**
     * Flags the records this source sent before and a full extract of it lacks as not in the latest
     * extract (the first such date is kept), never deleting them. Returns the ids of all such records.
     * A record one of {@code ownBatches} created is one this source sent, hash or not (see {@link #standings}).
     */
    static List<String> flagMissing(Neo4jClient neo4j, Kind kind, String profile, Set<String> ownBatches, Set<String> seen,
                                    String batch, LocalDate day) {
        var missing = new ArrayList<String>();
        // A scan of the label: once per full extract, against the ids the run saw, held in memory.
        neo4j.query("""
                        MATCH (n:%s)
                        WHERE any(h IN coalesce(n.importHashes, []) WHERE h STARTS WITH $prefix) OR n.importBatch IN $batches
                        RETURN n.id
                        """.formatted(kind.label()))
                .bindAll(CypherParams.of("prefix", profile + "=", "batches", List.copyOf(ownBatches)))
                .fetchAs(String.class).all().stream()
                .filter(id -> !seen.contains(id)).forEach(missing::add);
        for (int from = 0; from < missing.size(); from += 5_000) {
            neo4j.query("""
                            UNWIND $ids AS id
                            MATCH (n:%s {id: id}) WHERE n.notInLatestExtract IS NULL
                            SET n.notInLatestExtract = $day, n.notInLatestBatch = $batch
                            """.formatted(kind.label()))
                    .bindAll(CypherParams.of("ids", missing.subList(from, Math.min(missing.size(), from + 5_000)),
                            "day", day, "batch", batch))
                    .run();
        }
        missing.sort(null);
        return missing;
    }
}
