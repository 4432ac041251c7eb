package org.armstrace.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.armstrace.registry.ImportedRecords.Kind;
import org.armstrace.registry.ImportedRecords.Row;
import org.armstrace.registry.RecordStore;
import org.armstrace.registry.Standing;

/**
 * A run's view of what its source (the mapping profile) said before: which of a chunk's records are
 * new, unchanged, changed or joined from elsewhere, which rows to write, and every id the run named,
 * so that a full extract can tell which records it no longer contains.
 *
 * <p>A record named again later in the same run (a holder on several rows, say) is the same word of the
 * source, not a change: only the first row that names it in a run is compared, as a first load that
 * writes each node once does.
 */
final class ExtractHistory {

    /** The kinds whose records keep what their source said; transfers and reports are their own content. */
    static final List<Kind> KEPT = List.of(Kind.ORGANISATION, Kind.PERSON, Kind.FIREARM, Kind.LICENCE);

    /** A kind's rows to write, the changes to write before them, and how each record stands. */
    record Staged<T>(List<Row<T>> write, List<Row<T>> changed, Map<String, Standing> standings) {
    }

    private final RecordStore records;
    private final String profile;
    /** This source's batches: what made a record that keeps no hash of it (see {@link RecordStore#standings}). */
    private final Set<String> ownBatches;
    private final Map<Kind, Set<String>> seen = new HashMap<>();
    /**
     * A first load writes each node once ({@link StagedRecords}): a record another source made and this one
     * joins does not get this source's hash there, as it does in the graph. Those records, as {@code KIND:id},
     * so that the rows naming them are not taken from this run's manifest next time ({@link ManifestRows#settle}).
     */
    private final Set<String> joinedWithoutHash = new HashSet<>();
    private final boolean writesOnce;
    /** Records ({@code KIND:id}) a row known from the manifest names before any other row of the chunk: see {@link #knownFirst}. */
    private Set<String> knownFirst = Set.of();
    /** Hashes of the parts of rows read but not yet written, by identity: filled by the reader, read by the writer. */
    private final Map<Object, String> hashedAhead = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    ExtractHistory(RecordStore records, String profile, Set<String> ownBatches) {
        this.records = records;
        this.profile = profile;
        this.ownBatches = Set.copyOf(ownBatches);
        this.writesOnce = records instanceof StagedRecords;
    }

    /** Whether the record ({@code KIND:id}) was joined in this run without getting this source's hash. */
    boolean withoutHash(String record) {
        return joinedWithoutHash.contains(record);
    }

    /** Every record id of this kind the run has named so far. */
    Set<String> seen(Kind kind) {
        return seen.getOrDefault(kind, Set.of());
    }

    /** The hash entry of a row's content: as hashed ahead by the reader, else hashed now. */
    String entry(Object content) {
        String ahead = hashedAhead.get(content);
        return ahead != null ? ahead : org.armstrace.registry.ImportedRecords.entry(profile, content);
    }

    /**
     * Hashes a parsed row's person and weapon ahead, on the reading thread while the chunk before it is
     * matched and written: the matcher and the writer then each find the hash instead of computing it on
     * the writing thread, which is the one the run waits for.
     */
    void hashAhead(ParsedRow row) {
        if (row.person() != null) {
            hashedAhead.put(row.person(), org.armstrace.registry.ImportedRecords.entry(profile, row.person()));
        }
        if (row.firearm() != null) {
            hashedAhead.put(row.firearm(), org.armstrace.registry.ImportedRecords.entry(profile, row.firearm()));
        }
    }

    /** Forgets the hashes of a chunk's rows once it is written. */
    void forgetAhead(List<ParsedRow> rows) {
        for (ParsedRow row : rows) {
            if (row.person() != null) {
                hashedAhead.remove(row.person());
            }
            if (row.firearm() != null) {
                hashedAhead.remove(row.firearm());
            }
        }
    }

    /**
     * Stands a chunk's rows of one kind against the graph, counting {@code <kind>.created|existing|
     * unchanged|changed|conflict} and per changed field {@code <kind>.field.<name>}; conflicts become
     * warnings on their rows. {@code states} receives each record's outcome by {@code KIND:id}.
     *
     * @param writeUnchanged which unchanged rows are written all the same (licences: a row may add a
     *                       weapon the licence covers, which its hash does not say)
     * @param recognised     records the chunk's matcher found unchanged by their hash (id to hash), from a
     *                       read of this chunk: a row with that very hash stands unchanged without a second read
     */
    <T> Staged<T> stand(Kind kind, Collection<Row<T>> rows, Predicate<Row<T>> writeUnchanged, ChunkWriter.Outcome out,
                        Map<String, String> states, Map<String, String> recognised) {
        if (rows.isEmpty()) {
            return new Staged<>(List.of(), List.of(), Map.of());
        }
        String k = kind.name().toLowerCase(Locale.ROOT);
        Set<String> before = seen.computeIfAbsent(kind, x -> new HashSet<>());
        var distinct = new LinkedHashMap<String, Row<T>>();
        rows.forEach(r -> distinct.putIfAbsent(r.id(), r));
        var standings = new HashMap<String, Standing>();
        var unread = new ArrayList<Row<T>>();
        for (Row<T> r : distinct.values()) {
            if (before.contains(r.id())) {
                continue;
            }
            if (r.hash() != null && r.hash().equals(recognised.get(r.id())) || knownFirst.contains(kind.name() + ":" + r.id())) {
                standings.put(r.id(), Standing.UNCHANGED);
            } else {
                unread.add(r);
            }
        }
        if (!unread.isEmpty()) {
            standings.putAll(records.standings(kind, unread, ownBatches));
        }
        var changed = new ArrayList<Row<T>>();
        var refreshed = new HashSet<String>();
        var skipped = new HashSet<String>();
        for (Row<T> r : distinct.values()) {
            Standing s = before.contains(r.id()) ? null : standings.get(r.id());
            String state = s == null ? "existing" : switch (s.state()) {
                case NEW -> "created";
                case UNCHANGED -> {
                    skipped.add(r.id());
                    yield "unchanged";
                }
                case RETURNED -> {
                    refreshed.add(r.id());
                    yield "unchanged";
                }
                case JOINED -> {
                    refreshed.add(r.id());
                    if (writesOnce) {
                        joinedWithoutHash.add(kind.name() + ":" + r.id());
                    }
                    yield "existing";
                }
                case CHANGED -> {
                    refreshed.add(r.id());
                    changed.add(r);
                    counted(k, r, s, out);
                    yield s.changes().isEmpty() ? "unchanged" : "changed";
                }
            };
            out.add(k + "." + state, 1);
            states.put(kind.name() + ":" + r.id(), state);
        }
        before.addAll(distinct.keySet());
        var write = new ArrayList<Row<T>>();
        for (Row<T> r : rows) {
            if (refreshed.contains(r.id())) {
                write.add(r.refreshing());
            } else if (!skipped.contains(r.id()) || writeUnchanged.test(r)) {
                write.add(r);
            }
        }
        return new Staged<>(write, changed, standings);
    }

    /**
     * The records named by rows known unchanged from the source's manifest ({@link ManifestRows}), which were
     * not stood against the graph: counted and given a state as {@link #stand} would have, after the chunk's
     * other rows were stood (a record one of those named keeps the state it got there). A kept record the run
     * names for the first time is unchanged, one named before existing; a transfer or report is existing.
     *
     * @param named each such row's records, as {@code KIND:id}
     */
    void known(Collection<String[]> named, ChunkWriter.Outcome out, Map<String, String> states) {
        for (String[] records : named) {
            for (String record : records) {
                if (states.containsKey(record)) {
                    continue;
                }
                int colon = record.indexOf(':');
                Kind kind = Kind.valueOf(record.substring(0, colon));
                String state = KEPT.contains(kind) && seen.computeIfAbsent(kind, x -> new HashSet<>())
                        .add(record.substring(colon + 1)) ? "unchanged" : "existing";
                states.put(record, state);
                out.add(kind.name().toLowerCase(Locale.ROOT) + "." + state, 1);
            }
        }
    }

    /**
     * Before a chunk is stood: the records that a row known unchanged from the manifest names before any other
     * row of the chunk does. The graph path stands a record by the first row that names it; that row is
     * unchanged, so the record stands unchanged, and a later row naming it (an automatic merge into it, say)
     * is not compared with it, as it is not on the graph path.
     *
     * @param named the records each other row of the chunk names, by line
     */
    void knownFirst(Map<Integer, ManifestRows.Known> known, Map<Integer, List<String>> named) {
        if (known.isEmpty()) {
            knownFirst = Set.of();
            return;
        }
        var first = new HashMap<String, Integer>();
        named.forEach((line, records) -> records.forEach(r -> first.merge(r, line, Math::min)));
        var out = new HashSet<String>();
        known.forEach((line, k) -> {
            for (String r : k.entry().named()) {
                Integer other = first.get(r);
                if (other != null && line < other) {
                    out.add(r);
                }
            }
        });
        knownFirst = out;
    }

    /** Writes a kind's changes (before its rows: a version names the row that changed it). */
    void writeChanges(Kind kind, Staged<?> staged, String reason) {
        if (!staged.changed().isEmpty()) {
            records.writeChanges(kind, staged.changed(), staged.standings(), reason);
        }
    }

    /** The fields a changed row changes, counted, and its conflicts with the desk, reported on its line. */
    private static void counted(String k, Row<?> r, Standing s, ChunkWriter.Outcome out) {
        s.changes().keySet().forEach(field -> out.add(k + ".field." + field, 1));
        if (!s.conflicts().isEmpty()) {
            out.add(k + ".conflict", 1);
        }
        int line = line(r.source());
        for (Standing.Conflict c : s.conflicts()) {
            out.issues.add(Issue.warning(line, "field-conflict", null, c.field(), c.current(), c.offered()));
        }
    }

    /** The line of an import source ({@code import:<file>#row=<n>}). */
    static int line(String source) {
        return Integer.parseInt(source.substring(source.lastIndexOf('=') + 1));
    }

    /**
     * Each accepted row's one outcome, counted as {@code row.created|merged|review|changed|unchanged}:
     * its main record's review or merge decision if it had one; else created if it created its main
     * record, changed if it changed any record it names, unchanged if its main record is as its source
     * left it; else merged into a record by the same key (a second row naming a record, say).
     *
     * @param named the records of each accepted line, as {@code KIND:id}, its main record first
     */
    static void countRows(Map<Integer, List<String>> named, Map<String, String> states, ChunkWriter.Outcome out) {
        var decided = new HashMap<String, ChunkWriter.Decision>();
        for (ChunkWriter.Decision d : out.decisions) {
            decided.put(d.line() + "|" + d.kind().name(), d);
        }
        var first = new HashSet<String>();
        var firstPerson = new HashSet<String>();
        named.forEach((line, records) -> {
            String main = records.getFirst();
            ChunkWriter.Decision decision = decided.get(line + "|" + main.substring(0, main.indexOf(':')));
            String outcome = outcome(first.add(main), main, records, states, decision);
            out.add("row." + outcome, 1);
            // The person a row names (a possessor on a weapon's row, say) is listed on that person's page.
            String person = records.stream().filter(r -> r.startsWith(Kind.PERSON.name() + ":")).findFirst().orElse(null);
            String personOutcome = null;
            if (person != null) {
                boolean firstForPerson = firstPerson.add(person);
                personOutcome = person.equals(main) ? outcome : outcome(firstForPerson, person, List.of(person), states,
                        decided.get(line + "|" + Kind.PERSON.name()));
            }
            out.rows.add(RowOutcome.accepted(line, outcome, main, decision, person == null ? null
                    : person.substring(person.indexOf(':') + 1), personOutcome));
        });
        out.add("row.rejected", out.rejected);
    }

    /**
     * A record's outcome for a row: its review or merge decision if it had one; else created if the row
     * created it, changed if the row changed any record it names, unchanged if it is as its source left
     * it; else merged into a record by the same key (a second row naming a record, say).
     */
    private static String outcome(boolean firstRow, String main, List<String> records, Map<String, String> states,
                                  ChunkWriter.Decision decision) {
        if (decision != null) {
            return decision.status().equals("PENDING") ? "review" : "merged";
        }
        String kind = main.substring(0, main.indexOf(':'));
        String state = states.getOrDefault(main, "existing");
        boolean content = kind.equals(Kind.TRANSFER.name()) || kind.equals(Kind.REPORT.name());
        if (firstRow && state.equals("created")) {
            return "created";
        } else if (firstRow && records.stream().anyMatch(r -> "changed".equals(states.get(r)))) {
            return "changed";
        } else if (firstRow && (state.equals("unchanged") || content && state.equals("existing"))) {
            return "unchanged";
        }
        return "merged";
    }
}
