package org.armstrace.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    FirearmsMatcher(RecordStore records, String profile) {
        this.records = records;
        this.profile = profile;
    }

    /** Forgets the weapons created so far: once written, the records store answers for them. */
    void forgetCreated() {
        created.clear();
    }

    /** Weapons to create or merge (firearm extracts): same make, model and serial is the same weapon. */
    Map<Integer, String> match(List<ParsedRow> rows, ChunkWriter.Outcome out) {
        var ids = new HashMap<Integer, String>();
        var list = rows.stream().filter(r -> r.firearm() != null && !ChunkWriter.isReference(r)).toList();
        if (list.isEmpty()) {
            return ids;
        }
        List<ImportedRecords.FirearmIdentity> keys = identities(list);
        Map<Integer, List<ImportedRecords.FirearmCandidate>> fromGraph = records.firearmCandidates(keys);
        for (int i = 0; i < list.size(); i++) {
            ParsedRow r = list.get(i);
            ImportedRecords.FirearmIdentity key = keys.get(i);
            String own = r.sourceRecord() != null ? ChunkWriter.id("firearm", "record", profile, r.sourceRecord())
                    : ChunkWriter.id("firearm", key.makeKey(), key.modelKey(), key.serialKey());
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

    private static String describe(NewFirearm f) {
        return f.make() + (f.model() == null ? "" : " " + f.model()) + " " + f.serialAsRead();
    }

    /** Weapons named by licence, transfer and report rows: exactly one registered weapon must answer. */
    Map<Integer, String> resolveRefs(List<ParsedRow> rows, ChunkWriter.Outcome out, Set<Integer> rejectedLines) {
        var ids = new HashMap<Integer, String>();
        var list = rows.stream().filter(r -> r.firearm() != null && ChunkWriter.isReference(r)).toList();
        if (list.isEmpty()) {
            return ids;
        }
        List<ImportedRecords.FirearmIdentity> keys = identities(list);
        Map<Integer, List<ImportedRecords.FirearmCandidate>> fromGraph = records.firearmCandidates(keys);
        for (int i = 0; i < list.size(); i++) {
            ParsedRow r = list.get(i);
            ImportedRecords.FirearmIdentity key = keys.get(i);
            var matches = new LinkedHashMap<String, Boolean>();
            for (ImportedRecords.FirearmCandidate c : fromGraph.getOrDefault(i, List.of())) {
                String model = ReferenceKeys.key(c.model());
                if (c.serialKey().equals(key.serialKey()) && (key.modelKey().isEmpty() || model.isEmpty()
                        || model.equals(key.modelKey()))) {
                    matches.put(c.id(), true);
                }
            }
            for (KnownFirearm c : created.getOrDefault(key.makeKey() + "|" + key.serialFolded(), List.of())) {
                if (c.serialKey().equals(key.serialKey())) {
                    matches.put(c.id(), true);
                }
            }
            String firearm = r.firearm().make() + " " + r.firearm().serialAsRead();
            if (matches.size() == 1) {
                ids.put(r.line(), matches.keySet().iterator().next());
            } else {
                rejectedLines.add(r.line());
                out.issues.add(Issue.rejected(r.line(), matches.isEmpty() ? "firearm-unknown" : "firearm-ambiguous",
                        null, firearm, matches.size()));
            }
        }
        return ids;
    }

    private List<ImportedRecords.FirearmIdentity> identities(List<ParsedRow> rows) {
        return rows.stream().map(r -> records.identify(r.firearm().make(), r.firearm().model(), r.firearm().serialAsRead()))
                .toList();
    }

}
