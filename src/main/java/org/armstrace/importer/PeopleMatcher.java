package org.armstrace.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.ImportedRecords.Kind;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.PersonMatching;
import org.armstrace.registry.PersonNames;
import org.armstrace.registry.RecordStore;
import org.armstrace.registry.ReferenceKeys;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * Which person record each row of a chunk names: one already in the graph, one an earlier row
 * created, or a new one. {@link PersonMatching} compares two people; this decides among the
 * candidates the graph and the run offer, and records the merges and the questions for an analyst.
 *
 * <p>One instance lives for one run, with its {@link ChunkWriter}: it remembers the people the
 * chunk (a dry run: the whole run) created, so a person spelled differently on two rows of one
 * chunk is matched like one already in the graph.
 */
final class PeopleMatcher {

    private record Known(String id, PersonMatching.Side side) {
    }

    private final RecordStore records;
    private final String profile;
    /**
     * People this run created under the extract's own record id (hashes of their ids): the source says
     * they are other records than a row with another id, so no such row is merged into them.
     */
    private final LongHashSet createdUnderRecordId = new LongHashSet();
    /** The hash entry of a person row, as the record keeps what its source said. */
    private final Function<NewPerson, String> hash;
    /** People this chunk (a dry run: this run) created, by blocking key. */
    private final Map<String, List<Known>> createdPeople = new HashMap<>();
    /** The people of the current chunk known unchanged by their hash, id to hash: their standing needs no second read. */
    private final Map<String, String> recognised = new HashMap<>();
    /** Folded sides of the people this run compared; bounded so that a huge extract cannot fill the heap. */
    private final PersonMatching.Folded folded = new PersonMatching.Folded(300_000);

    PeopleMatcher(RecordStore records, String profile, Function<NewPerson, String> hash) {
        this.records = records;
        this.profile = profile;
        this.hash = hash;
    }

    /** Forgets the people created so far: the records store answers for them once written. */
    void forgetCreated() {
        createdPeople.clear();
    }

    /**
     * What is known of a chunk's people before matching, from their rows and one read: each row's own
     * id and folded side by line, and the records whose source sent exactly this row before (id to
     * hash) with the keys they are found by. Made by {@link #ahead}, on any thread.
     */
    record Ahead(Map<Integer, String> own, Map<Integer, PersonMatching.Side> sides, Map<String, String> unchanged,
                 Map<Integer, List<String>> keys) {
    }

    /** The person id of every row that names a person, by line; merges and reviews go to {@code out}. */
    Map<Integer, String> match(List<ParsedRow> rows, ChunkWriter.Outcome out, Ahead ahead) {
        recognised.clear();
        var ids = new HashMap<Integer, String>();
        List<ParsedRow> withPerson = rows.stream().filter(r -> r.person() != null).toList();
        if (withPerson.isEmpty()) {
            return ids;
        }
        withPerson = matchedBefore(withPerson, ids, ahead != null ? ahead : ahead(rows));
        if (withPerson.isEmpty()) {
            return ids;
        }
        List<ImportedRecords.PersonBlocks> blocks = blocks(withPerson);
        Map<Integer, List<ImportedRecords.PersonCandidate>> fromGraph = candidates(withPerson, blocks);
        for (int i = 0; i < withPerson.size(); i++) {
            ParsedRow r = withPerson.get(i);
            ids.put(r.line(), match(r, blocks.get(i), fromGraph.getOrDefault(i, List.of()), out));
        }
        return ids;
    }

    /**
     * A later extract of the same source: a row whose person's record keeps this very row's hash was
     * matched to that record when the source first sent it, and is the same person now. Such rows are
     * found here with one read for the chunk. Uses nothing of this matcher that changes, so the reading
     * thread can do it for the next chunk while this one is matched and written: the answer can only be
     * a chunk older than the graph, and a record an earlier chunk of the run named is told by the run's
     * own memory before its standing is looked at ({@link ExtractHistory#stand}).
     */
    Ahead ahead(List<ParsedRow> rows) {
        var own = new HashMap<Integer, String>();
        var sides = new HashMap<Integer, PersonMatching.Side>();
        var offered = new LinkedHashMap<String, ImportedRecords.Row<NewPerson>>();
        var ambiguous = new HashSet<String>();
        for (ParsedRow r : rows) {
            if (r.person() == null) {
                continue;
            }
            // Not the run's cache of folded sides: that one is the writing thread's, and these are mostly never compared.
            PersonMatching.Side side = PersonMatching.Side.of(PersonMatching.Fields.of(r.person()));
            sides.put(r.line(), side);
            String id = ownId(r, side);
            var row = new ImportedRecords.Row<>(id, r.person(), null, hash.apply(r.person()), false);
            var first = offered.putIfAbsent(id, row);
            if (first != null && !first.hash().equals(row.hash())) {
                ambiguous.add(id); // two rows of one chunk on one record, saying different things: match both
            }
            own.put(r.line(), id);
        }
        var unchanged = new HashMap<String, String>();
        if (!offered.isEmpty()) {
            records.unchanged(Kind.PERSON, offered.values()).stream().filter(id -> !ambiguous.contains(id))
                    .forEach(id -> unchanged.put(id, offered.get(id).hash()));
        }
        var keys = new HashMap<Integer, List<String>>();
        for (ParsedRow r : rows) {
            if (r.person() != null && unchanged.containsKey(own.get(r.line()))) {
                keys.put(r.line(), keys(r));
            }
        }
        return new Ahead(own, sides, unchanged, keys);
    }

    /**
     * The rows {@link #ahead} found unchanged get their record's id, without fetching and comparing
     * candidates again (on S, the candidates were most of a people file's time); the others are
     * returned, to be matched.
     */
    private List<ParsedRow> matchedBefore(List<ParsedRow> rows, Map<Integer, String> ids, Ahead ahead) {
        recognised.putAll(ahead.unchanged());
        var rest = new ArrayList<ParsedRow>();
        for (ParsedRow r : rows) {
            String id = ahead.own().get(r.line());
            if (id != null && ahead.unchanged().containsKey(id)) {
                ids.put(r.line(), id);
                // Known to the chunk's later rows as a matched row would be: a namesake further down is
                // compared with this person even when the graph's candidate cap leaves them out.
                PersonMatching.Side side = ahead.sides().get(r.line());
                ahead.keys().get(r.line()).forEach(block -> createdPeople.computeIfAbsent(block, k -> new ArrayList<>())
                        .add(new Known(id, side)));
            } else {
                rest.add(r);
            }
        }
        return rest;
    }

    /** A person of a row known unchanged from the source's manifest, with the keys the chunk's other rows find it by. */
    record Told(String id, PersonMatching.Side side, List<String> keys) {
    }

    /** The keys a row's person is found by, as {@link #blocks} gives them. */
    static List<String> keys(ParsedRow r) {
        return blockKeys(personBlocks(r));
    }

    /** The keys a row's person looks for others by ({@link #lookupKeys}). */
    static List<String> lookups(ParsedRow r) {
        return lookupKeys(personBlocks(r));
    }

    private static ImportedRecords.PersonBlocks personBlocks(ParsedRow r) {
        NewPerson p = r.person();
        return new ImportedRecords.PersonBlocks(0, p.nationalId() == null ? null : ReferenceKeys.key(p.nationalId()),
                PersonNames.blocks(p.givenName(), p.familyName(), p.birthDate()));
    }

    /** What {@link #tell} needs of a row known from the manifest, with its {@link #keys}: folded here, on any thread. */
    static Told told(ParsedRow r, String id, List<String> keys) {
        return new Told(id, PersonMatching.Side.of(PersonMatching.Fields.of(r.person())), keys);
    }

    /**
     * People of the chunk's rows known unchanged from the manifest, not matched: known to the chunk's other
     * rows as a person found unchanged by its hash is ({@link #matchedBefore}), a namesake then still compared.
     */
    void tell(List<Told> told) {
        for (Told t : told) {
            t.keys().forEach(block -> createdPeople.computeIfAbsent(block, k -> new ArrayList<>()).add(new Known(t.id(), t.side())));
        }
    }

    /** The chunk's people known unchanged by their hash (id to hash), as the last {@link #match} found them. */
    Map<String, String> recognised() {
        return recognised;
    }

    /**
     * The id a row's person has when it is not merged into someone else: by the extract's own record
     * id when the profile maps one, else by the personal number, else by the person's fields.
     */
    private String ownId(ParsedRow r, PersonMatching.Side side) {
        return r.sourceRecord() != null ? ChunkWriter.id("person", "record", profile, r.sourceRecord())
                : side.nid() != null ? ChunkWriter.id("person", "nid", side.nid()) : personId(side, null);
    }

    /** The blocking keys of each row's person, numbered as the rows are, for the graph to find candidates by. */
    private static List<ImportedRecords.PersonBlocks> blocks(List<ParsedRow> withPerson) {
        var blocks = new ArrayList<ImportedRecords.PersonBlocks>();
        for (ParsedRow r : withPerson) {
            NewPerson p = r.person();
            blocks.add(new ImportedRecords.PersonBlocks(blocks.size(),
                    p.nationalId() == null ? null : ReferenceKeys.key(p.nationalId()),
                    PersonNames.blocks(p.givenName(), p.familyName(), p.birthDate())));
        }
        return blocks;
    }

    /** The id of one row's person; a new person is remembered under its blocking keys. */
    private String match(ParsedRow r, ImportedRecords.PersonBlocks blocks, List<ImportedRecords.PersonCandidate> fromGraph,
                         ChunkWriter.Outcome out) {
        PersonMatching.Side side = folded.of(PersonMatching.Fields.of(r.person()));
        String own = ownId(r, side);
        Map<String, PersonMatching.Side> candidates = candidates(blocks, fromGraph);
        if (r.sourceRecord() != null) {
            // Another record id of the same extract is another person, as its source says, however alike.
            String mine = own;
            candidates.keySet().removeIf(id -> !id.equals(mine) && createdUnderRecordId.contains(RowParser.fnv64(id)));
        }
        String chosen = own;
        PersonMatching.Side holder = candidates.get(own);
        if (holder != null && side.nid() != null && r.sourceRecord() == null) {
            own = ownOrApart(r, side, own, holder, candidates, out);
            chosen = own;
        } else if (!candidates.containsKey(own)) {
            chosen = closest(r, side, own, candidates, out);
        }
        if (chosen.equals(own) && r.sourceRecord() != null) {
            createdUnderRecordId.add(RowParser.fnv64(own));
        }
        if (chosen.equals(own)) {
            for (String block : blockKeys(blocks)) {
                createdPeople.computeIfAbsent(block, k -> new ArrayList<>()).add(new Known(own, side));
            }
        }
        return chosen;
    }

    /**
     * The graph's candidates for each row, by the row's index. A row with a personal number (and no record
     * id of the extract) whose number's own record exists is decided against that record alone ({@link
     * #ownOrApart}; on S, the people whose birth place the registry corrected): it needs only the people
     * with that number, not the names' candidates. Those are fetched first; the names' keys only for the rest.
     */
    private Map<Integer, List<ImportedRecords.PersonCandidate>> candidates(List<ParsedRow> rows,
                                                                          List<ImportedRecords.PersonBlocks> blocks) {
        var byNumber = new ArrayList<ImportedRecords.PersonBlocks>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).sourceRecord() == null && blocks.get(i).nationalIdKey() != null) {
                byNumber.add(new ImportedRecords.PersonBlocks(i, blocks.get(i).nationalIdKey(), NO_NAMES));
            }
        }
        var found = new HashMap<Integer, List<ImportedRecords.PersonCandidate>>();
        if (!byNumber.isEmpty()) {
            found.putAll(records.personCandidates(byNumber));
        }
        var rest = new ArrayList<ImportedRecords.PersonBlocks>();
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow r = rows.get(i);
            PersonMatching.Side side = folded.of(PersonMatching.Fields.of(r.person()));
            String own = ownId(r, side);
            boolean decided = r.sourceRecord() == null && side.nid() != null
                    && found.getOrDefault(i, List.of()).stream().anyMatch(c -> c.id().equals(own));
            if (!decided) {
                rest.add(blocks.get(i));
            }
        }
        if (!rest.isEmpty()) {
            records.personCandidates(rest).forEach((i, list) -> found.merge(i, list, (a, b) -> {
                var both = new ArrayList<>(a);
                b.stream().filter(c -> a.stream().noneMatch(x -> x.id().equals(c.id()))).forEach(both::add);
                return both;
            }));
        }
        return found;
    }

    private static final PersonNames.Blocks NO_NAMES = new PersonNames.Blocks(null, null, null, null);

    /** The people the graph and this chunk offer for a row, by id, each compared once. */
    private Map<String, PersonMatching.Side> candidates(ImportedRecords.PersonBlocks blocks,
                                                        List<ImportedRecords.PersonCandidate> fromGraph) {
        var candidates = new LinkedHashMap<String, PersonMatching.Side>();
        for (ImportedRecords.PersonCandidate c : fromGraph) {
            candidates.computeIfAbsent(c.id(), id -> folded.of(PersonMatching.Fields.of(c)));
        }
        for (String block : lookupKeys(blocks)) {
            for (Known k : createdPeople.getOrDefault(block, List.of())) {
                candidates.putIfAbsent(k.id(), k.side());
            }
        }
        return candidates;
    }

    /**
     * The personal number is already someone's. Unless the row is that person, the number is
     * mistyped on one side: the row becomes a record of its own, and an analyst decides.
     */
    private static String ownOrApart(ParsedRow r, PersonMatching.Side side, String own, PersonMatching.Side holder,
                                     Map<String, PersonMatching.Side> candidates, ChunkWriter.Outcome out) {
        PersonMatching.Comparison cmp = PersonMatching.compare(side, holder);
        if (cmp.decision() == PersonMatching.Decision.SAME) {
            return own;
        }
        String apart = personId(side, side.nid());
        if (!candidates.containsKey(apart)) {
            out.add("person.review", 1);
            out.decisions.add(new ChunkWriter.Decision(r.line(), Kind.PERSON, "PENDING", apart, own, cmp.score(),
                    cmp.reasons(), summary(r.person())));
        }
        return apart;
    }

    /**
     * The best-scoring candidate when it is the same person (a merge); otherwise the row's own id,
     * with a question for an analyst when the best one might be.
     */
    private static String closest(ParsedRow r, PersonMatching.Side side, String own,
                                  Map<String, PersonMatching.Side> candidates, ChunkWriter.Outcome out) {
        String bestId = null;
        PersonMatching.Comparison best = null;
        for (Map.Entry<String, PersonMatching.Side> c : candidates.entrySet()) {
            PersonMatching.Comparison cmp = PersonMatching.compare(side, c.getValue());
            if (best == null || cmp.weight() > best.weight()) {
                best = cmp;
                bestId = c.getKey();
            }
        }
        if (best != null && best.decision() == PersonMatching.Decision.SAME) {
            out.add("person.merged", 1);
            out.decisions.add(new ChunkWriter.Decision(r.line(), Kind.PERSON, "AUTO_MERGED", bestId, bestId, best.score(),
                    best.reasons(), summary(r.person())));
            return bestId;
        }
        if (best != null && best.decision() == PersonMatching.Decision.REVIEW) {
            out.add("person.review", 1);
            out.decisions.add(new ChunkWriter.Decision(r.line(), Kind.PERSON, "PENDING", own, bestId, best.score(),
                    best.reasons(), summary(r.person())));
        }
        return own;
    }

    /** A person's id from the folded fields, after the personal number when there is one: equal fields, equal id. */
    private static String personId(PersonMatching.Side side, String nid) {
        String parent = String.valueOf(side.parent());
        String born = String.valueOf(side.born());
        String place = String.valueOf(side.place());
        return nid == null ? ChunkWriter.id("person", side.given(), side.family(), parent, born, place)
                : ChunkWriter.id("person", "nid", nid, side.given(), side.family(), parent, born, place);
    }

    private static String summary(NewPerson p) {
        return p.givenName() + " " + p.familyName() + (p.parentName() == null ? "" : " (" + p.parentName() + ")")
                + (p.birthDate() == null ? "" : ", " + p.birthDate()) + (p.birthPlace() == null ? "" : ", " + p.birthPlace())
                + (p.nationalId() == null ? "" : ", " + p.nationalId());
    }

    /**
     * The keys a person is found by: personal number, folded names, family or given name with the
     * date of birth, and the order-free pair of given and family name.
     */
    static List<String> blockKeys(ImportedRecords.PersonBlocks b) {
        var keys = new ArrayList<String>(7);
        if (b.nationalIdKey() != null) {
            keys.add("i:" + b.nationalIdKey());
        }
        keys.add("n:" + b.blocks().names());
        if (b.blocks().familyDate() != null) {
            keys.add("f:" + b.blocks().familyDate());
            keys.add("g:" + b.blocks().givenDate());
        }
        if (b.blocks().pair() != null && !b.blocks().pair().isEmpty()) {
            keys.add("p:" + b.blocks().pair());
        }
        return keys;
    }

    /**
     * The keys a person is looked for by: its {@link #blockKeys}, and with a date of birth, that date under the
     * other name as well, so that a person recorded with given and family name the other way round ("Gashi
     * Shpend") is found by the date, as the graph's query finds them ({@code PersonMatcher.candidates}).
     */
    static List<String> lookupKeys(ImportedRecords.PersonBlocks b) {
        List<String> keys = blockKeys(b);
        if (b.blocks().familyDate() != null) {
            keys.add("f:" + b.blocks().givenDate());
            keys.add("g:" + b.blocks().familyDate());
        }
        return keys;
    }
}
