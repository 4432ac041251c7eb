package org.armstrace.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.ImportedRecords.Kind;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.RecordStore;
import org.armstrace.registry.ReferenceKeys;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * The weapons of one import run: a weapon row merged into the weapon it is (same make, model and
 * serial), sent to review against one it may be, or new; and the weapon a licence, transfer or report
 * row names, found. What this run created is remembered, so that later rows of the run find it too.
 */
final class FirearmsMatcher {

    record KnownFirearm(String id, String serialKey, String modelKey) {
    }

    private final RecordStore records;
    private final String profile;
    /** Weapons this run created under the extract's own record id (hashes of their ids): see {@link PeopleMatcher}. */
    private final LongHashSet createdUnderRecordId = new LongHashSet();
    /** Weapons this chunk (a dry run: this run) created, by make key and folded serial. */
    private final Map<String, List<KnownFirearm>> created = new HashMap<>();

    /** The hash entry of a weapon row, as the record keeps what its source said. */
    private final Function<NewFirearm, String> hash;
    /** The weapons of the current chunk known unchanged by their hash, id to hash: see {@link PeopleMatcher#recognised}. */
    private final Map<String, String> recognised = new HashMap<>();

    FirearmsMatcher(RecordStore records, String profile, Function<NewFirearm, String> hash) {
        this.records = records;
        this.profile = profile;
        this.hash = hash;
    }

    /** The chunk's weapons known unchanged by their hash (id to hash), as the last {@link #match} found them. */
    Map<String, String> recognised() {
        return recognised;
    }

    /** A weapon of a row known unchanged from the source's manifest, under the key the chunk's other rows find it by. */
    record Told(String block, KnownFirearm known, boolean underRecordId) {
    }

    /** What {@link #tell} needs of a row known from the manifest; on any thread. */
    static Told told(RecordStore records, ParsedRow r, String id) {
        var key = records.identify(r.firearm().make(), r.firearm().model(), r.firearm().serialAsRead());
        return new Told(key.makeKey() + "|" + key.serialFolded(), new KnownFirearm(id, key.serialKey(), key.modelKey()),
                r.sourceRecord() != null);
    }

    /** Weapons of the chunk's rows known unchanged from the manifest, as {@link #matchedBefore} knows those found by hash. */
    void tell(List<Told> told) {
        for (Told t : told) {
            if (t.underRecordId()) {
                createdUnderRecordId.add(RowParser.fnv64(t.known().id()));
            }
            created.computeIfAbsent(t.block(), k -> new ArrayList<>()).add(t.known());
        }
    }

    /** Forgets the weapons created so far: once written, the records store answers for them. */
    void forgetCreated() {
        created.clear();
    }

    /** Weapons to create or merge (firearm extracts): same make, model and serial is the same weapon. */
    Map<Integer, String> match(List<ParsedRow> rows, ChunkWriter.Outcome out, Ahead ahead) {
        recognised.clear();
        var ids = new HashMap<Integer, String>();
        var all = rows.stream().filter(r -> r.firearm() != null && !ChunkWriter.isReference(r)).toList();
        if (all.isEmpty()) {
            return ids;
        }
        var list = new ArrayList<ParsedRow>();
        var keys = new ArrayList<ImportedRecords.FirearmIdentity>();
        matchedBefore(all, ahead != null ? ahead : ahead(rows), ids, list, keys);
        if (list.isEmpty()) {
            return ids;
        }
        Map<Integer, List<ImportedRecords.FirearmCandidate>> fromGraph = records.firearmCandidates(keys);
        for (int i = 0; i < list.size(); i++) {
            ParsedRow r = list.get(i);
            ImportedRecords.FirearmIdentity key = keys.get(i);
            String own = ownId(r, key);
            var candidates = new ArrayList<KnownFirearm>();
            for (ImportedRecords.FirearmCandidate c : fromGraph.getOrDefault(i, List.of())) {
                candidates.add(new KnownFirearm(c.id(), c.serialKey(), ReferenceKeys.key(c.model())));
            }
            String block = key.makeKey() + "|" + key.serialFolded();
            candidates.addAll(created.getOrDefault(block, List.of()));
            if (r.sourceRecord() != null) {
                // Another record id of the same extract is another weapon, as its source says, however alike.
                candidates.removeIf(c -> !c.id().equals(own) && createdUnderRecordId.contains(RowParser.fnv64(c.id())));
            }
            String chosen = own;
            if (candidates.stream().noneMatch(c -> c.id().equals(own))) {
                KnownFirearm same = null;
                KnownFirearm confusable = null;
                for (KnownFirearm c : candidates) {
                    boolean modelsAgree = key.modelKey().isEmpty() || c.modelKey().isEmpty() || key.modelKey().equals(c.modelKey());
                    if (!modelsAgree) {
                        continue; // makers repeat serials across models: a different weapon
                    }
                    if (c.serialKey().equals(key.serialKey())) {
                        same = same == null ? c : same;
                    } else {
                        confusable = confusable == null ? c : confusable;
                    }
                }
                if (same != null) {
                    chosen = same.id();
                    out.add("firearm.merged", 1);
                    out.decisions.add(new ChunkWriter.Decision(r.line(), Kind.FIREARM, "AUTO_MERGED", same.id(), same.id(), 0.97,
                            List.of("make-equal", "serial-equal",
                            same.modelKey().equals(key.modelKey()) ? "model-equal" : "model-missing"), describe(r.firearm())));
                } else if (confusable != null) {
                    out.add("firearm.review", 1);
                    out.decisions.add(new ChunkWriter.Decision(r.line(), Kind.FIREARM, "PENDING", own, confusable.id(), 0.6,
                            List.of("make-equal", "serial-confusable"), describe(r.firearm())));
                }
            }
            if (chosen.equals(own) && r.sourceRecord() != null) {
                createdUnderRecordId.add(RowParser.fnv64(own));
            }
            if (chosen.equals(own)) {
                created.computeIfAbsent(block, k -> new ArrayList<>()).add(new KnownFirearm(own, key.serialKey(), key.modelKey()));
            }
            ids.put(r.line(), chosen);
        }
        return ids;
    }

    /**
     * What is known of a chunk's weapons before matching: each row's keys and own id by line, and the
     * records whose source sent exactly this row before (id to hash). Made by {@link #ahead}, on any thread.
     */
    record Ahead(Map<Integer, ImportedRecords.FirearmIdentity> keys, Map<Integer, String> own, Map<String, String> unchanged) {
    }

    /**
     * A later extract of the same source: a row whose weapon's record keeps this very row's hash was
     * matched to that record when the source first sent it, and is that weapon now (its own candidate, as
     * matching would find). Found with one read for the chunk; like {@link PeopleMatcher#ahead}, this uses
     * nothing of the matcher that changes, so the reading thread can do it for the next chunk.
     */
    Ahead ahead(List<ParsedRow> rows) {
        var keys = new HashMap<Integer, ImportedRecords.FirearmIdentity>();
        var own = new HashMap<Integer, String>();
        var offered = new LinkedHashMap<String, ImportedRecords.Row<NewFirearm>>();
        var ambiguous = new HashSet<String>();
        for (ParsedRow r : rows) {
            if (r.firearm() == null || ChunkWriter.isReference(r)) {
                continue;
            }
            var key = records.identify(r.firearm().make(), r.firearm().model(), r.firearm().serialAsRead());
            String id = ownId(r, key);
            keys.put(r.line(), key);
            own.put(r.line(), id);
            var row = new ImportedRecords.Row<>(id, r.firearm(), null, hash.apply(r.firearm()), false);
            var first = offered.putIfAbsent(id, row);
            if (first != null && !first.hash().equals(row.hash())) {
                ambiguous.add(id); // two rows of one chunk on one record, saying different things: match both
            }
        }
        var unchanged = new HashMap<String, String>();
        if (!offered.isEmpty()) {
            records.unchanged(Kind.FIREARM, offered.values()).stream().filter(id -> !ambiguous.contains(id))
                    .forEach(id -> unchanged.put(id, offered.get(id).hash()));
        }
        return new Ahead(keys, own, unchanged);
    }

    /**
     * The rows {@link #ahead} found unchanged get their record's id without fetching and comparing
     * candidates; the others go to {@code rest}, with their keys, to be matched.
     */
    private void matchedBefore(List<ParsedRow> rows, Ahead ahead, Map<Integer, String> ids,
                               List<ParsedRow> rest, List<ImportedRecords.FirearmIdentity> restKeys) {
        recognised.putAll(ahead.unchanged());
        for (ParsedRow r : rows) {
            ImportedRecords.FirearmIdentity key = ahead.keys().get(r.line());
            String id = ahead.own().get(r.line());
            if (ahead.unchanged().containsKey(id)) {
                ids.put(r.line(), id);
                if (r.sourceRecord() != null) {
                    createdUnderRecordId.add(RowParser.fnv64(id));
                }
                // Known to the chunk's later rows as a matched row would be.
                created.computeIfAbsent(key.makeKey() + "|" + key.serialFolded(), k -> new ArrayList<>())
                        .add(new KnownFirearm(id, key.serialKey(), key.modelKey()));
            } else {
                rest.add(r);
                restKeys.add(key);
            }
        }
    }

    /** The registered weapons a named weapon's candidates hold that are it: the same serial, and no other model. */
    static Set<String> registered(ImportedRecords.FirearmIdentity key, List<ImportedRecords.FirearmCandidate> candidates) {
        var matches = new java.util.LinkedHashSet<String>();
        for (ImportedRecords.FirearmCandidate c : candidates) {
            String model = ReferenceKeys.key(c.model());
            if (c.serialKey().equals(key.serialKey()) && (key.modelKey().isEmpty() || model.isEmpty()
                    || model.equals(key.modelKey()))) {
                matches.add(c.id());
            }
        }
        return matches;
    }

    /** The id a row's weapon has when it is not merged into another: by the extract's record id, else make, model and serial. */
    private String ownId(ParsedRow r, ImportedRecords.FirearmIdentity key) {
        return r.sourceRecord() != null ? ChunkWriter.id("firearm", "record", profile, r.sourceRecord())
                : ChunkWriter.id("firearm", key.makeKey(), key.modelKey(), key.serialKey());
    }

    private static String describe(NewFirearm f) {
        return f.make() + (f.model() == null ? "" : " " + f.model()) + " " + f.serialAsRead();
    }

    /** Weapons named by licence, transfer and report rows: exactly one registered weapon must answer. */
    Map<Integer, String> resolveRefs(List<ParsedRow> rows, ChunkWriter.Outcome out, Set<Integer> rejectedLines,
                                     References found) {
        var ids = new HashMap<Integer, String>();
        var list = rows.stream().filter(r -> r.firearm() != null && ChunkWriter.isReference(r)).toList();
        for (ParsedRow r : list) {
            ImportedRecords.FirearmIdentity key = found.weaponKeys().get(r.line());
            Set<String> matches = registered(key, found.weapons().getOrDefault(r.line(), List.of()));
            for (KnownFirearm c : created.getOrDefault(key.makeKey() + "|" + key.serialFolded(), List.of())) {
                if (c.serialKey().equals(key.serialKey())) {
                    matches.add(c.id());
                }
            }
            String firearm = r.firearm().make() + " " + r.firearm().serialAsRead();
            if (matches.size() == 1) {
                ids.put(r.line(), matches.iterator().next());
            } else {
                rejectedLines.add(r.line());
                out.issues.add(Issue.rejected(r.line(), matches.isEmpty() ? "firearm-unknown" : "firearm-ambiguous",
                        null, firearm, matches.size()));
            }
        }
        return ids;
    }
}
