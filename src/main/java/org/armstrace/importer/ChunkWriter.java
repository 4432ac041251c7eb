package org.armstrace.importer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.ImportedRecords.Kind;
import org.armstrace.registry.RecordStore;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.NewTransfer;
import org.armstrace.registry.ReferenceKeys;

/**
 * Matches one chunk of validated rows against the graph (and against what this batch created
 * before it), then writes it, all in the caller's transaction. Ids are derived from each record's
 * natural key, so a chunk written twice (a resumed run) or a file imported twice creates nothing
 * new. Rows whose references cannot be resolved become rejections here.
 *
 * <p>One instance lives for one run: it remembers the people (through its {@link PeopleMatcher}) and
 * weapons the chunk created, so a person spelled differently on two rows of one chunk is matched
 * like one already in the graph. Earlier chunks are in the graph by then (or in the staged records
 * of a first load) and are found there; only a dry run, which writes nothing, remembers the whole run.
 */
final class ChunkWriter {

    /** A row of the chunk: validated content, or nothing but its issues. */
    record Item(int line, ParsedRow row, List<Issue> issues) {
    }

    /** A matching decision to record: automatic merge, or a question for an analyst. */
    record Decision(int line, Kind kind, String status, String recordId, String candidateId, double score,
                    List<String> reasons, String summary) {
    }

    /** What a chunk did: counts per kind, the issues to store, the decisions, and what each row became. */
    static final class Outcome {
        final Map<String, Long> counts = new LinkedHashMap<>();
        final List<Issue> issues = new ArrayList<>();
        final List<Decision> decisions = new ArrayList<>();
        final List<RowOutcome> rows = new ArrayList<>();
        int accepted;
        int rejected;

        void add(String counter, long n) {
            if (n != 0) {
                counts.merge(counter, n, Long::sum);
            }
        }
    }

    /** What the chunk's rows name, resolved: ids by line, and what was looked up (parties, licences by number …). */
    private record Resolved(Map<Integer, String> personIds, Map<Integer, String> firearmIds, Map<Integer, String> firearmRefs,
                            Map<Integer, String> holderRefs, References references, Set<Integer> rejectedLines) {

        Map<String, String> peopleByNumber() {
            return references.parties();
        }

        Map<String, List<String>> licencesByNumber() {
            return references.licences();
        }

        /** The weapon a row creates or merges, else the registered one it names. */
        String firearmId(int line) {
            return firearmIds.containsKey(line) ? firearmIds.get(line) : firearmRefs.get(line);
        }
    }

    /** The records a chunk writes, by id (a licence by id and weapon), each kept once, in the order read. */
    private static final class ChunkRecords {
        final Map<String, ImportedRecords.Row<ImportedRecords.NewOrganisation>> organisations = new LinkedHashMap<>();
        final Map<String, ImportedRecords.Row<NewPerson>> people = new LinkedHashMap<>();
        final Map<String, ImportedRecords.Row<NewFirearm>> firearms = new LinkedHashMap<>();
        final Map<String, ImportedRecords.Row<ImportedRecords.LicenceRow>> licences = new LinkedHashMap<>();
        final Map<String, ImportedRecords.Row<ImportedRecords.TransferRow>> transfers = new LinkedHashMap<>();
        final Map<String, ImportedRecords.Row<ImportedRecords.ReportRow>> reports = new LinkedHashMap<>();
        /** The records each accepted line names, as {@code KIND:id}, its main record first. */
        final Map<Integer, List<String>> named = new TreeMap<>();

        /** Notes the records a row known from the manifest names, as it named them then. */
        void name(int line, String[] records) {
            named.put(line, List.of(records));
        }

        /** Notes a record a line names; {@code main} when it is what the line is a row of. */
        void name(int line, Kind kind, String id, boolean main) {
            List<String> list = named.computeIfAbsent(line, l -> new ArrayList<>(3));
            list.add(main ? 0 : list.size(), kind.name() + ":" + id);
        }
        /** Transfers and reports that are in the graph as the chunk would write them. */
        final Set<String> written = new HashSet<>();
        /** How each record stood, by {@code KIND:id}: created, existing, unchanged, changed. */
        final Map<String, String> states = new HashMap<>();
    }

    private final RecordStore records;
    private final String batch;
    private final String fileName;
    private final boolean dryRun;
    private final Map<String, String> organisations;
    private final PeopleMatcher people;
    private final ExtractHistory history;
    private final String profile;
    private final FirearmsMatcher firearms;
    /** The source's last completed extract, and this one's rows gathered for the next. */
    private final ManifestRows manifest;
    /** Time spent per step over the run, for the log line that says where an import's time went. */
    private final StepTimes times = new StepTimes();

    <T> T timed(String step, Supplier<T> work) {
        return times.timed(step, work);
    }

    /** Time the reading thread spent looking at chunks ahead ({@link #ahead}), beside the writing thread's. */
    private final java.util.concurrent.atomic.LongAdder aheadNanos = new java.util.concurrent.atomic.LongAdder();

    /** "match 12.1 s, write 40.2 s …": where this run's time went. */
    String timings() {
        return times + String.format(Locale.ROOT, "; ahead on the reading thread %.1f s", aheadNanos.sum() / 1e9);
    }

    /** {@code ownBatches}: the ids of this profile's import batches, see {@link ExtractHistory}. */
    ChunkWriter(RecordStore records, String batch, String fileName, String profile, Set<String> ownBatches, boolean dryRun,
                ManifestRows manifest) {
        this.records = records;
        this.manifest = manifest;
        this.history = new ExtractHistory(records, profile, ownBatches);
        this.batch = batch;
        this.fileName = fileName;
        this.dryRun = dryRun;
        this.organisations = new HashMap<>(records.organisationsByCode());
        this.people = new PeopleMatcher(records, profile, history::entry);
        this.firearms = new FirearmsMatcher(records, profile, history::entry);
        this.profile = profile;
    }

    String source(int line) {
        return "import:" + fileName + "#row=" + line;
    }

    static String id(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What the reading thread found of a chunk before it is matched: see {@link PeopleMatcher#ahead}. */
    record Ahead(PeopleMatcher.Ahead people, FirearmsMatcher.Ahead firearms, References references,
                 Map<String, String> completeTransfers, KnownRows known) {
    }

    /**
     * Hashes the chunk's rows and asks, in one read per kind, which of their people and weapons their
     * source sent exactly so before: on the reading thread, while the chunk before is written.
     */
    Ahead ahead(List<Item> items) {
        long t0 = System.nanoTime();
        // Rows known unchanged from the manifest are not looked at: no hash, no reference, no read.
        Map<Integer, ManifestRows.Known> known = manifest.known(items);
        List<ParsedRow> rows = KnownRows.rest(items, known);
        rows.forEach(history::hashAhead);
        References found = References.find(records, rows, history::entry);
        var ahead = new Ahead(people.ahead(rows), firearms.ahead(rows), found,
                References.completeTransfers(records, rows, found, organisations),
                KnownRows.of(records, manifest, items, rows, known));
        aheadNanos.add(System.nanoTime() - t0);
        return ahead;
    }

    Outcome write(List<Item> items) {
        return write(items, null);
    }

    /** Matches and writes a chunk, with what was found of it ahead (null: found here). */
    Outcome write(List<Item> items, Ahead ahead) {
        if (!dryRun) {
            // The records store answers for earlier chunks; keeping them here too doubled the lookups and
            // the memory of a large file (on S, 300,000 people under four keys each).
            people.forgetCreated();
            firearms.forgetCreated();
        }
        var out = new Outcome();
        KnownRows known = ahead != null ? ahead.known() : timed("manifest", () -> KnownRows.of(records, manifest, items));
        List<ParsedRow> rows = validated(items, out);
        if (!known.rows().isEmpty()) {
            rows = rows.stream().filter(r -> !known.rows().containsKey(r.line())).toList();
            out.accepted += known.rows().size();
            people.tell(known.people());
            firearms.tell(known.firearms());
        }
        Resolved refs = resolve(rows, out, ahead);
        var toWrite = new ChunkRecords();
        for (ParsedRow r : rows) {
            if (refs.rejectedLines().contains(r.line())) {
                out.rejected++;
                int line = r.line();
                out.rows.add(RowOutcome.rejected(line, out.issues.stream().filter(i -> i.line() == line).toList()));
                continue;
            }
            out.accepted++;
            collect(r, refs, toWrite, out);
        }
        history.knownFirst(known.rows(), toWrite.named);
        Stood stood = timed("compare", () -> stand(out, toWrite, refs.references(),
                ahead == null ? Map.of() : ahead.completeTransfers()));
        known.rows().forEach((line, k) -> {
            toWrite.name(line, k.entry().named());
            manifest.skipped(k);
        });
        history.known(known.rows().values().stream().map(k -> k.entry().named()).toList(), out, toWrite.states);
        ExtractHistory.countRows(toWrite.named, toWrite.states, out);
        if (!dryRun) {
            manifest.settle(rows, toWrite.named, out, history::withoutHash);
        }
        timed("write", () -> {
            if (!dryRun) {
                store(stood, toWrite);
            }
            return null;
        });
        history.forgetAhead(rows);
        return out;
    }

    /** The rows that passed validation; the issues of all, and a rejection for each of the others. */
    private static List<ParsedRow> validated(List<Item> items, Outcome out) {
        var rows = new ArrayList<ParsedRow>();
        for (Item item : items) {
            out.issues.addAll(item.issues());
            if (item.row() == null) {
                out.rejected++;
                out.rows.add(RowOutcome.rejected(item.line(), item.issues()));
            } else {
                rows.add(item.row());
            }
        }
        return rows;
    }

    /** Matches and looks up everything the rows name, a timed step each; rows whose references fail are rejected. */
    private Resolved resolve(List<ParsedRow> rows, Outcome out, Ahead ahead) {
        var rejectedLines = new HashSet<Integer>();
        Map<Integer, String> personIds = timed("match people", () -> people.match(rows, out,
                ahead == null ? null : ahead.people()));
        Map<Integer, String> firearmIds = timed("match weapons", () -> firearms.match(rows, out,
                ahead == null ? null : ahead.firearms()));
        References found = ahead != null ? ahead.references()
                : timed("resolve references", () -> References.find(records, rows, history::entry));
        Map<Integer, String> firearmRefs = timed("resolve weapons", () -> firearms.resolveRefs(rows, out, rejectedLines, found));
        Map<Integer, String> holderRefs = timed("resolve holders", () -> References.resolveHolders(rows, out, rejectedLines, found.holders(),
                organisations));
        return new Resolved(personIds, firearmIds, firearmRefs, holderRefs, found, rejectedLines);
    }

    /** Adds the records one accepted row writes; an organisation is known to the later rows at once. */
    private void collect(ParsedRow r, Resolved refs, ChunkRecords into, Outcome out) {
        int line = r.line();
        String source = source(line);
        if (r.organisation() != null) {
            String id = r.organisation().id();
            into.name(line, Kind.ORGANISATION, id, true);
            into.organisations.putIfAbsent(id, row(id, r.organisation(), source, r.organisation()));
            organisations.putIfAbsent(ReferenceKeys.key(r.organisation().code()), id);
        }
        String personId = refs.personIds().get(line);
        if (personId != null) {
            into.name(line, Kind.PERSON, personId, r.firearm() == null);
            into.people.putIfAbsent(personId, row(personId, r.person(), source, r.person()));
        }
        String firearmId = refs.firearmId(line);
        if (refs.firearmIds().containsKey(line)) {
            into.name(line, Kind.FIREARM, firearmId, true);
            into.firearms.putIfAbsent(firearmId, row(firearmId, r.firearm(), source, r.firearm()));
        }
        if (r.licence() != null) {
            String holder = r.holder() != null ? refs.holderRefs().get(line) : personId;
            into.name(line, Kind.LICENCE, addLicence(r.licence(), holder, firearmId, source, into), r.holder() != null);
        }
        if (r.transfer() != null) {
            addTransfer(line, r.transfer(), firearmId, refs, source, into, out);
        }
        if (r.report() != null) {
            addReport(line, r.report(), firearmId, source, into);
        }
    }

    private <T> ImportedRecords.Row<T> row(String id, T value, String source, Object content) {
        return new ImportedRecords.Row<>(id, value, source, history.entry(content), false);
    }

    /** Adds a licence row and returns the licence's id. */
    private String addLicence(ParsedRow.LicencePart l, String holder, String firearmId, String source, ChunkRecords into) {
        String id = licenceId(l);
        var licence = new Holdings.NewLicence(l.number(), l.kind(), holder, l.issuedBy(), l.validFrom(), l.validTo());
        LocalDate ended = l.endedOn();
        var value = new ImportedRecords.LicenceRow(licence, firearmId, l.validFrom(), l.status(), ended);
        // One licence often covers several weapons, one row each: every row's weapon is kept. The hash is of
        // the licence alone, so that the weapons it covers do not make it differ from row to row.
        into.licences.putIfAbsent(id + "|" + firearmId, row(id, value, source, licenceContent(licence, l, ended)));
        return id;
    }

    static String licenceId(ParsedRow.LicencePart l) {
        return id("licence", ReferenceKeys.key(l.issuedBy()), ReferenceKeys.key(l.number()));
    }

    /** What a licence row's hash is of: the licence and its status, not the weapon the row names. */
    static List<Object> licenceContent(Holdings.NewLicence licence, ParsedRow.LicencePart l, LocalDate ended) {
        return List.of(licence, l.status(), ended == null ? "" : ended);
    }

    /** A transfer between the parties and under the licence found; one not found is kept as text, with a warning. */
    private void addTransfer(int line, ParsedRow.TransferPart t, String firearmId, Resolved refs, String source,
                             ChunkRecords into, Outcome out) {
        String from = party(t.from(), refs.peopleByNumber());
        String to = party(t.to(), refs.peopleByNumber());
        if (t.from() != null && from == null) {
            out.issues.add(Issue.warning(line, "party-unknown", null, t.from()));
        }
        if (t.to() != null && to == null) {
            out.issues.add(Issue.warning(line, "party-unknown", null, t.to()));
        }
        String licence = transferLicence(line, t, refs.licencesByNumber(), out);
        ImportedRecords.Row<ImportedRecords.TransferRow> row = transferRow(t, firearmId, from, to, licence, source);
        into.name(line, Kind.TRANSFER, row.id(), true);
        into.transfers.putIfAbsent(row.id(), row);
    }

    /**
     * The row a transfer writes, with the parties and licence found (a party not found kept as text): one
     * place, so that the look-ahead ({@link References#completeTransfers}) compares exactly what is written.
     */
    static ImportedRecords.Row<ImportedRecords.TransferRow> transferRow(ParsedRow.TransferPart t, String firearmId,
                                                                       String from, String to, String licence, String source) {
        String id = transferId(t, firearmId);
        return new ImportedRecords.Row<>(id, new ImportedRecords.TransferRow(
                new NewTransfer(t.kind(), t.date(), firearmId, from, to, licence, t.reference()),
                from == null ? t.from() : null, to == null ? t.to() : null), source);
    }

    static String transferId(ParsedRow.TransferPart t, String firearmId) {
        return id("transfer", firearmId, t.kind().name(), t.date().toString(), String.valueOf(t.from()),
                String.valueOf(t.to()), String.valueOf(t.reference()));
    }

    /** The one licence a transfer's licence number names; none, with a warning, when no licence or several do. */
    private static String transferLicence(int line, ParsedRow.TransferPart t, Map<String, List<String>> licencesByNumber,
                                          Outcome out) {
        if (t.licenceNumber() == null) {
            return null;
        }
        String found = References.licence(t, licencesByNumber);
        if (found != null) {
            return found;
        }
        int named = licencesByNumber.getOrDefault(ReferenceKeys.key(t.licenceNumber()), List.of()).size();
        out.issues.add(Issue.warning(line, named == 0 ? "licence-unknown" : "licence-ambiguous",
                null, t.licenceNumber()));
        return null;
    }

    private static void addReport(int line, ParsedRow.ReportPart p, String firearmId, String source, ChunkRecords into) {
        // The report's own reference, when the extract has one, tells apart two reports of one weapon
        // on one day (or both undated); without it the id is what it always was.
        String id = p.reference() == null ? id("report", firearmId, p.kind().name(), String.valueOf(p.occurredOn()))
                : id("report", firearmId, p.kind().name(), String.valueOf(p.occurredOn()), p.reference());
        into.name(line, Kind.REPORT, id, true);
        into.reports.putIfAbsent(id, new ImportedRecords.Row<>(id, new ImportedRecords.ReportRow(firearmId, p.kind(),
                p.occurredOn(), p.place(), p.reference()), source));
    }

    /** The kept kinds of a chunk, stood against what their source said before. */
    private record Stood(ExtractHistory.Staged<ImportedRecords.NewOrganisation> organisations,
                         ExtractHistory.Staged<NewPerson> people, ExtractHistory.Staged<NewFirearm> firearms,
                         ExtractHistory.Staged<ImportedRecords.LicenceRow> licences) {
    }

    private Stood stand(Outcome out, ChunkRecords chunk, References references, Map<String, String> aheadTransfers) {
        var stood = new Stood(history.stand(Kind.ORGANISATION, chunk.organisations.values(), r -> false, out, chunk.states,
                        Map.of()),
                history.stand(Kind.PERSON, chunk.people.values(), r -> false, out, chunk.states, people.recognised()),
                history.stand(Kind.FIREARM, chunk.firearms.values(), r -> false, out, chunk.states, firearms.recognised()),
                // An unchanged licence row still adds the weapon it names (its hash is of the licence alone), and
                // one that ends its holdings ends those a transfer opened under it since; any other writes nothing.
                history.stand(Kind.LICENCE, chunk.licences.values(),
                        r -> r.value().firearmId() != null || r.value().endedOn() != null, out, chunk.states,
                        references.unchangedLicences()));
        // A transfer or report is its own content, its id derived from all of it: one that is in the graph
        // with everything the row resolves is written again for nothing (on S, most of a monthly extract).
        // Those are asked for first, so that only the others' existence is read again (one read a row, not two).
        var complete = new HashSet<String>();
        var unknown = new ArrayList<ImportedRecords.Row<ImportedRecords.TransferRow>>();
        for (var r : chunk.transfers.values()) {
            // Found complete ahead with the very firearm, parties and licence this row resolved: not asked again.
            if (References.written(r).equals(aheadTransfers.get(r.id()))) {
                complete.add(r.id());
            } else {
                unknown.add(r);
            }
        }
        if (!unknown.isEmpty()) {
            complete.addAll(records.transfersWritten(unknown));
        }
        chunk.written.addAll(complete);
        count(out, Kind.TRANSFER, chunk.transfers.keySet(), chunk.states, complete);
        chunk.written.addAll(count(out, Kind.REPORT, chunk.reports.keySet(), chunk.states, Set.of()));
        return stood;
    }

    /** Every record id of a kind this run has named: what a full extract still contains. */
    Set<String> seen(Kind kind) {
        return history.seen(kind);
    }

    /** In this order: people and organisations before the licences and transfers that name them; changes before rows. */
    private void store(Stood stood, ChunkRecords chunk) {
        String reason = "import " + fileName;
        history.writeChanges(Kind.ORGANISATION, stood.organisations(), reason);
        writeAny(stood.organisations().write(), rows -> records.writeOrganisations(rows, batch));
        history.writeChanges(Kind.PERSON, stood.people(), reason);
        writeAny(stood.people().write(), rows -> records.writePeople(rows, batch));
        history.writeChanges(Kind.FIREARM, stood.firearms(), reason);
        writeAny(stood.firearms().write(), rows -> records.writeFirearms(rows, batch));
        history.writeChanges(Kind.LICENCE, stood.licences(), reason);
        writeAny(stood.licences().write(), rows -> records.writeLicences(rows, batch));
        writeAny(unwritten(chunk.transfers.values(), chunk.written), rows -> records.writeTransfers(rows, batch));
        writeAny(unwritten(chunk.reports.values(), chunk.written), rows -> records.writeReports(rows, batch));
    }

    private static <T> List<ImportedRecords.Row<T>> unwritten(Collection<ImportedRecords.Row<T>> rows, Set<String> written) {
        return rows.stream().filter(r -> !written.contains(r.id())).toList();
    }

    /** One write of the chunk's rows of a kind; none when the chunk has no such rows. */
    private static <T> void writeAny(Collection<T> rows, Consumer<List<T>> write) {
        if (!rows.isEmpty()) {
            write.accept(List.copyOf(rows));
        }
    }

    /**
     * Counts {@code <kind>.created} and {@code <kind>.existing}; returns the ids that are already there.
     * {@code known}: ids known to be there already, not read again.
     */
    private Set<String> count(Outcome out, Kind kind, Set<String> ids, Map<String, String> states, Set<String> known) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        var found = new HashSet<>(known);
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            found.addAll(records.existing(kind, unknown));
        }
        found.retainAll(ids);
        ids.forEach(id -> states.put(kind.name() + ":" + id, found.contains(id) ? "existing" : "created"));
        int existing = found.size();
        String k = kind.name().toLowerCase(Locale.ROOT);
        out.add(k + ".created", ids.size() - existing);
        out.add(k + ".existing", existing);
        return found;
    }

    /** A transfer party: an organisation code we know, or a personal number of someone in the registry. */
    private String party(String text, Map<String, String> peopleByNumber) {
        return party(text, organisations, peopleByNumber);
    }

    static String party(String text, Map<String, String> organisations, Map<String, String> peopleByNumber) {
        if (text == null) {
            return null;
        }
        String key = ReferenceKeys.key(text);
        String org = organisations.get(key);
        return org != null ? org : peopleByNumber.get(key);
    }

    /** In licence, transfer and report extracts the weapon is named, not created. */
    static boolean isReference(ParsedRow r) {
        return r.holder() != null || r.transfer() != null || r.report() != null;
    }
}
