package org.armstrace.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.armstrace.registry.ImportedRecords.Kind;
import org.armstrace.registry.RecordStore;

/**
 * The rows of a chunk known unchanged from their source's manifest ({@link ManifestRows}), by line, with
 * their people and weapons as the chunk's other rows are to be matched against them (so that a namesake
 * further down is compared with them as with a person found unchanged by its hash). Found on any thread: the
 * reading thread finds them ahead, and these rows then cost no read of the graph at all.
 */
record KnownRows(Map<Integer, ManifestRows.Known> rows, List<PeopleMatcher.Told> people, List<FirearmsMatcher.Told> firearms) {

    static final KnownRows NONE = new KnownRows(Map.of(), List.of(), List.of());

    /** @param rest the chunk's other rows, those that take the graph path */
    static KnownRows of(RecordStore records, ManifestRows manifest, List<ChunkWriter.Item> items, List<ParsedRow> rest,
                        Map<Integer, ManifestRows.Known> known) {
        if (known.isEmpty()) {
            return NONE;
        }
        // Only worth folding when some row of the chunk is matched, and only for a person who shares a key with
        // one of those rows (no other is ever a candidate for them); weapons under the extract's record ids always.
        var keys = new HashSet<String>();
        rest.stream().filter(r -> r.person() != null).forEach(r -> keys.addAll(PeopleMatcher.lookups(r)));
        boolean matchWeapons = rest.stream().anyMatch(r -> r.firearm() != null && !ChunkWriter.isReference(r));
        var people = new ArrayList<PeopleMatcher.Told>();
        var firearms = new ArrayList<FirearmsMatcher.Told>();
        for (ChunkWriter.Item item : items) {
            ManifestRows.Known k = known.get(item.line());
            if (k == null) {
                continue;
            }
            ParsedRow r = item.row();
            List<String> shared = r.person() != null && !keys.isEmpty() ? PeopleMatcher.keys(r) : List.of();
            String person = shared.stream().anyMatch(keys::contains) ? named(k, Kind.PERSON) : null;
            if (person != null) {
                people.add(PeopleMatcher.told(r, person, shared));
            }
            boolean weapon = r.firearm() != null && !ChunkWriter.isReference(r) && (matchWeapons || r.sourceRecord() != null);
            String firearm = weapon ? named(k, Kind.FIREARM) : null;
            if (firearm != null) {
                firearms.add(FirearmsMatcher.told(records, r, firearm));
            }
        }
        return new KnownRows(known, people, firearms);
    }

    /** The chunk's rows known from the manifest, and what they name for the other rows' matching. */
    static KnownRows of(RecordStore records, ManifestRows manifest, List<ChunkWriter.Item> items) {
        Map<Integer, ManifestRows.Known> known = manifest.known(items);
        return of(records, manifest, items, rest(items, known), known);
    }

    /** The chunk's validated rows that are not known from the manifest. */
    static List<ParsedRow> rest(List<ChunkWriter.Item> items, Map<Integer, ManifestRows.Known> known) {
        return items.stream().map(ChunkWriter.Item::row).filter(r -> r != null && !known.containsKey(r.line())).toList();
    }

    /** The first record of the kind a known row named; null when it named none. */
    private static String named(ManifestRows.Known k, Kind kind) {
        String prefix = kind.name() + ":";
        for (String record : k.entry().named()) {
            if (record.startsWith(prefix)) {
                return record.substring(prefix.length());
            }
        }
        return null;
    }
}
