package org.armstrace.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * One run's use of its source's manifest ({@link ExtractManifest}): which rows are exactly what the source
 * sent in its last completed extract, so that they are known unchanged without a read of the graph, and the
 * rows of this extract gathered for the next manifest.
 *
 * <p><b>Why an unchanged row needs no read at all, not even to resolve its references.</b> A row whose
 * identity and content are those of a row of the last completed extract, which then ended as created,
 * changed, unchanged or merged by its key, with no warning, no decision and no rejection, produced the records
 * the manifest names, and those records keep that row's hash for this source; nothing removes a record (issue
 * 27 item 6; an erasure order empties a person's fields but keeps the record and its hashes). On the graph
 * path such a row is found unchanged, and an unchanged row writes nothing: so resolving its weapon, parties,
 * licence or holder again could only change what is reported, never what the graph holds. History is
 * append-only, so what the row made last time is still there to be named. Where re-resolving could
 * find something new the row is not in the manifest: a party, licence or weapon not found last time is a
 * warning or rejection on its row, and such rows always take the graph path, where the reference may now be
 * found. What other sources or the desk did since leaves the answer as the graph path's own hash read would
 * give it (desk corrections and erasures do not touch {@code importHashes}); the one thing another source
 * can change that matters, a full extract flagging a record as not in its latest extract, is read when the
 * run begins: a row naming a flagged record takes the graph path, so the flag is lifted ({@code RETURNED}).
 *
 * <p>Two differences from the graph path, both where the graph path's answer depends on the source
 * contradicting itself: when two rows of one chunk name one record with different contents, the graph path
 * compares the first of them, this compares the one not in the manifest; and a licence row that ends a
 * licence (revoked, expired) is never taken from the manifest, since the graph path writes it again to end
 * holdings opened under it since.
 */
final class ManifestRows {

    /** The last extract's rows; null: the run reads the graph for every row. */
    private final ExtractManifest last;
    /** Records ({@code KIND:id}) flagged not in the latest extract of some source when the run began. */
    private final Set<String> flagged;
    /** This extract's rows for the next manifest; null when this run writes none (a dry run, a resumed run). */
    private final LongObjectHashMap<ExtractManifest.Entry> next;
    /** Identities seen on two rows of this extract: neither is kept, a lookup by it would be ambiguous. */
    private final LongHashSet twice = new LongHashSet();
    private final LongAdder known = new LongAdder();

    ManifestRows(ExtractManifest last, Set<String> flagged, boolean collect) {
        this.last = last;
        this.flagged = flagged;
        this.next = collect ? new LongObjectHashMap<>() : null;
    }

    /** Neither used nor gathered: a dry run with no manifest. */
    static ManifestRows none() {
        return new ManifestRows(null, Set.of(), false);
    }

    /** A row known from the manifest: its identity, content and what it names. */
    record Known(long key, long hash, ExtractManifest.Entry entry) {
    }

    /**
     * The manifest's entry for a row that says what it said last time, has no warning of its own now and
     * names no flagged record; null for any other row (it takes the graph path). Any thread: reads only.
     */
    Known unchanged(ParsedRow r, List<Issue> issues) {
        if (last == null || r == null || !issues.isEmpty() || r.licence() != null && r.licence().endedOn() != null) {
            return null;
        }
        long key = key(r);
        ExtractManifest.Entry e = last.get(key);
        if (e == null) {
            return null;
        }
        long hash = hash(r);
        if (e.hash() != hash) {
            return null;
        }
        for (String record : e.named()) {
            if (flagged.contains(record)) {
                return null;
            }
        }
        return new Known(key, hash, e);
    }

    /** The chunk's rows known from the manifest, by line; empty without one. Any thread: reads only. */
    Map<Integer, Known> known(List<ChunkWriter.Item> items) {
        if (last == null) {
            return Map.of();
        }
        var out = new HashMap<Integer, Known>();
        for (ChunkWriter.Item item : items) {
            Known k = unchanged(item.row(), item.issues());
            if (k != null) {
                out.put(item.line(), k);
            }
        }
        return out;
    }

    /**
     * After a chunk's rows were matched, stood and counted on the graph path: those that ended settled are
     * kept for the next manifest, with the records they named. Settled: created, or merged as unchanged,
     * changed or by its key, with no issue of any kind on its line and no decision (a review, an automatic
     * merge): a row with a warning (a party or licence not found, a conflict with the desk) or a decision
     * is looked at again next time, when what was missing may be there. {@code withoutHash}: records this run
     * named that do not keep its hash (a first load's joined records), whose rows are looked at again too.
     * Writing thread only.
     */
    void settle(List<ParsedRow> rows, Map<Integer, List<String>> named, ChunkWriter.Outcome out, Predicate<String> withoutHash) {
        if (next == null || rows.isEmpty()) {
            return;
        }
        var unsettled = new HashSet<Integer>();
        out.issues.forEach(i -> unsettled.add(i.line()));
        out.decisions.forEach(d -> unsettled.add(d.line()));
        var outcomes = new HashMap<Integer, RowOutcome>();
        out.rows.forEach(o -> outcomes.put(o.line(), o));
        for (ParsedRow r : rows) {
            RowOutcome o = outcomes.get(r.line());
            if (o == null || unsettled.contains(r.line()) || !r.warnings().isEmpty() || !named.containsKey(r.line())
                    || r.licence() != null && r.licence().endedOn() != null || "review".equals(o.personOutcome())) {
                continue;
            }
            boolean settled = o.candidate() == null && ("created".equals(o.outcome()) || "merged".equals(o.outcome())
                    && SETTLED.contains(String.valueOf(o.detail())));
            if (settled && named.get(r.line()).stream().noneMatch(withoutHash)) {
                settled(r, named.get(r.line()));
            }
        }
    }

    private static final Set<String> SETTLED = Set.of("unchanged", "changed", "same-key");

    /** Counts a row taken from the manifest and keeps it for the next one as it was. Writing thread only. */
    void skipped(Known k) {
        known.increment();
        keep(k.key(), k.entry());
    }

    /** Keeps a row the graph path settled, with the records it named (main first), for the next manifest. Writing thread only. */
    void settled(ParsedRow r, List<String> named) {
        if (next != null && !named.isEmpty() && named.size() < 256) {
            keep(key(r), new ExtractManifest.Entry(hash(r), named.toArray(String[]::new)));
        }
    }

    private void keep(long key, ExtractManifest.Entry e) {
        if (next == null || twice.contains(key)) {
            return;
        }
        if (next.containsKey(key)) {
            next.remove(key);
            twice.add(key);
        } else {
            next.put(key, e);
        }
    }

    boolean collecting() {
        return next != null;
    }

    /** The manifest of this extract, once its run has completed. */
    ExtractManifest next(String profile, String batch) {
        return new ExtractManifest(profile, batch, next);
    }

    /** For the run's log line. */
    String summary() {
        return last == null ? "no manifest" : "manifest of batch " + last.batch() + ": " + known.sum() + " rows known unchanged";
    }

    /** The row's own identity in the extract: the extract's record id where the profile maps one, else the keys its record is found by. */
    static long key(ParsedRow r) {
        String id;
        if (r.sourceRecord() != null) {
            id = "id|" + r.sourceRecord();
        } else if (r.transfer() != null) {
            ParsedRow.TransferPart t = r.transfer();
            id = "t|" + weapon(r) + "|" + t.kind() + "|" + t.date() + "|" + t.from() + "|" + t.to() + "|" + t.reference();
        } else if (r.report() != null) {
            ParsedRow.ReportPart p = r.report();
            id = "r|" + weapon(r) + "|" + p.kind() + "|" + p.occurredOn() + "|" + p.reference();
        } else if (r.licence() != null && r.holder() != null) {
            id = "l|" + r.licence().issuedBy() + "|" + r.licence().number() + "|" + weapon(r);
        } else if (r.firearm() != null) {
            id = "f|" + weapon(r);
        } else if (r.organisation() != null) {
            id = "o|" + r.organisation().id();
        } else if (r.person() != null) {
            var p = r.person();
            id = p.nationalId() != null ? "n|" + p.nationalId()
                    : "p|" + p.givenName() + "|" + p.familyName() + "|" + p.parentName() + "|" + p.birthDate();
        } else {
            id = "c|" + content(r);
        }
        return fingerprint(id);
    }

    /** Everything the row says, as parsed (the same cells parsed by other reference data may say something else). */
    static long hash(ParsedRow r) {
        return fingerprint(content(r));
    }

    private static String content(ParsedRow r) {
        return r.person() + "\u0001" + r.firearm() + "\u0001" + r.organisation() + "\u0001" + r.licence() + "\u0001"
                + r.holder() + "\u0001" + r.transfer() + "\u0001" + r.report() + "\u0001" + r.sourceRecord();
    }

    private static String weapon(ParsedRow r) {
        return r.firearm() == null ? "" : r.firearm().make() + "|" + r.firearm().model() + "|" + r.firearm().serialAsRead();
    }

    /** A well-spread 64-bit fingerprint (FNV-1a, then MurmurHash3's finaliser). */
    static long fingerprint(String s) {
        long h = RowParser.fnv64(s);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
