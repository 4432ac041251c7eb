package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confusion-aware serial search, the heart of the registry.
 *
 * <p>Candidates come from the indexes on serials and on the weapons' other markings (import marks,
 * arsenal and assembly numbers, …; see {@link SerialCandidates}): exact on the normalised key,
 * partial ({@code ?} and {@code *} as Lucene wildcards over the folded key) and fuzzy (any serial
 * or marking within two edits shares a token with the query's deletion neighbourhood; confusions
 * cost nothing after folding). Every candidate's serial and markings are then compared character by
 * character with what was read ({@link SerialComparison}), the closest one counts, and candidates
 * are ranked by cost, Lucene relevance breaking ties, with the reasons spelled out
 * ({@link MatchReason}). Why this structure: {@code src/bench/README.md}.
 *
 * <p>A field query is never refused for what it says about the weapon: a make, type or calibre
 * that reference data does not know is matched tolerantly (makes), or else left out of the search
 * with a note in every hit's reasons.
 */
@Service
public class SerialSearch {

    static final int MIN_READABLE = 3;
    private static final int MAX_EDITS = 2;
    /** Less than one edit: a weapon of another model ranks after equally close ones of the model read. */
    private static final double MODEL_MISMATCH = 0.5;
    /** Less than a confusion: when a serial and a marking are equally close, the serial is named. */
    private static final double MARKING_MATCH = 0.01;

    /** The marking kinds whose reason has its own translation; any other kind is an "other" marking. */
    private static final Set<String> MARKING_KINDS = Set.of("serial", "import", "proof", "arsenal", "other");

    /** The `exact` lookup (exact mode, and the first source of the tolerant one). */
    static final String EXACT = SerialCandidates.EXACT;

    private final SerialCandidates index;
    private final ReferenceData reference;

    SerialSearch(Neo4jClient neo4j, ReferenceData reference) {
        this.index = new SerialCandidates(neo4j);
        this.reference = reference;
    }

    /**
     * Runs without a transaction of its own (SUPPORTS): each lookup is one auto-commit read, one
     * network round trip instead of begin/run/commit, which is most of an exact lookup's time.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<SerialHit> search(SerialQuery query) {
        Prepared p = prepare(query);
        if (query.mode() == SerialQuery.Mode.EXACT) {
            return hits(p, p.sources().fetch());
        }
        // Ranked on light rows (keys, model, codes), then only the records shown are read: at N a
        // tolerant search has up to 400 candidates, and reading and sending their whole records was
        // most of its time (src/bench/README.md, "Where the time goes").
        return hits(p, index.records(shown(p, p.sources().fetchLight())));
    }

    /** A query the engine takes, made ready: its key, filters and model key, and its sources not yet fetched. */
    private record Prepared(SerialQuery query, String key, SearchFilters filters, String modelKey,
                            SerialCandidates.Sources sources) {
    }

    private Prepared prepare(SerialQuery query) {
        String key = checkedKey(query);
        SearchFilters filters = SearchFilters.of(query, reference);
        String modelKey = optional(query.model()).map(ReferenceKeys::key).filter(k -> !k.isEmpty()).orElse(null);
        return new Prepared(query, key, filters, modelKey, sources(query.mode(), key, filters));
    }

    /** The tolerant search's candidates worth reading in full: within two edits, ranked, as many as asked for. */
    private List<SerialCandidates.Light> shown(Prepared p, List<SerialCandidates.Light> candidates) {
        var ranked = new ArrayList<Ranked<SerialCandidates.Light>>();
        int order = 0;
        for (SerialCandidates.Light c : candidates) {
            order++;
            if (p.filters().admit(c.makeCode(), c.typeCode(), c.calibreCode())) {
                Closest closest = Closest.of(p.key(), c.serialKey(), c.markings());
                if (closest.comparison().edits() <= MAX_EDITS) {
                    ranked.add(new Ranked<>(c, cost(closest, p.modelKey(), p.query().model(), c.makeCode(), c.model()), order));
                }
            }
        }
        return ranked.stream().sorted(Ranked.byCost()).limit(p.query().limit()).map(Ranked::item).toList();
    }

    private List<SerialHit> hits(Prepared p, List<SerialCandidates.Candidate> candidates) {
        return hits(p.key(), p.filters(), p.modelKey(), p.query().model(), candidates, p.query().limit());
    }

    /** The hits for the candidates' full records, ranked: by cost, then in the order the indexes gave them. */
    private List<SerialHit> hits(String key, SearchFilters filters, String modelKey, String typedModel,
                                 List<SerialCandidates.Candidate> candidates, int limit) {
        var ranked = new ArrayList<Ranked<SerialHit>>();
        int order = 0;
        for (SerialCandidates.Candidate candidate : candidates) {
            Firearm f = candidate.firearm();
            order++;
            if (!filters.admit(f.makeCode(), f.typeCode(), f.calibreCode())) {
                continue;
            }
            Closest closest = Closest.of(key, f.serialKey(), f.markings());
            if (closest.comparison().edits() > MAX_EDITS) {
                continue;
            }
            boolean otherModel = otherModel(modelKey, typedModel, f.makeCode(), f.model());
            List<MatchReason> reasons = reasons(key, closest, filters, modelKey != null && !otherModel, candidate);
            SerialComparison c = closest.comparison();
            ranked.add(new Ranked<>(new SerialHit(f, c.similarity(key.length(), closest.key().length()), reasons,
                    candidate.flags(), closest.marking()), cost(closest, modelKey, typedModel, f.makeCode(), f.model()), order));
        }
        return ranked.stream().sorted(Ranked.byCost())
                .limit(limit).map(Ranked::item).toList();
    }

    private double cost(Closest closest, String modelKey, String typedModel, String makeCode, String model) {
        return closest.cost() + (otherModel(modelKey, typedModel, makeCode, model) ? MODEL_MISMATCH : 0);
    }

    /**
     * Whether a model was read and the weapon's is another one: not the same spelling, nor two
     * spellings of one model of the weapon's maker in reference data ("M 70" and "M70A" when both
     * name Zastava's M70).
     */
    private boolean otherModel(String modelKey, String typedModel, String makeCode, String model) {
        if (modelKey == null || modelKey.equals(ReferenceKeys.key(model))) {
            return false;
        }
        if (makeCode == null || model == null) {
            return true;
        }
        Optional<FirearmModel> read = reference.resolveModel(makeCode, typedModel);
        return read.isEmpty() || !read.equals(reference.resolveModel(makeCode, model));
    }

    /** The query's normalised serial key, once the query is one the engine takes. */
    private static String checkedKey(SerialQuery query) {
        if (query.serial() == null || query.serial().isBlank()) {
            throw new SearchRejected("search.empty");
        }
        if (query.serial().length() > SerialQuery.MAX_INPUT) {
            throw new SearchRejected("search.too-long");
        }
        if (query.limit() < 1 || query.limit() > SerialQuery.MAX_LIMIT) {
            throw new SearchRejected("search.bad-limit");
        }
        String key = SerialNumbers.normalise(query.serial());
        if (SerialNumbers.readableLength(key) < MIN_READABLE) {
            throw new SearchRejected("search.too-short");
        }
        return key;
    }

    /** The query's sources, not yet fetched (the benchmark times their phases separately). */
    SerialCandidates.Sources sources(SerialQuery query) {
        return sources(query.mode(), checkedKey(query), SearchFilters.of(query, reference));
    }

    /**
     * The weapons the mode's indexes offer for the key, exact finds first. A key with one
     * unreadable position ({@code ?}) also gets typo tolerance: with that position left out of the
     * query and of the registered key, one more edit apart still share a member of the deletion
     * neighbourhood. With two, the index's two-deletion budget is spent on the unreadable positions.
     */
    private SerialCandidates.Sources sources(SerialQuery.Mode mode, String key, SearchFilters filters) {
        String folded = SerialNumbers.fold(key);
        var sources = index.sources(key, filters.make().map(Manufacturer::code).orElse(null));
        if (mode == SerialQuery.Mode.EXACT) {
            if (SerialNumbers.isPartial(key)) {
                throw new SearchRejected("search.exact-with-wildcards");
            }
            return sources.exact();
        }
        if (SerialNumbers.isPartial(key)) {
            String maker = filters.scopingMake();
            if (maker != null) {
                sources.firearms(SerialCandidates.FIREARM_SCOPED_FOLDED, filters.kindScope() + "+makeSerialFolded:"
                        + SerialNumbers.scoped(maker, List.of(folded)));
            } else {
                sources.firearms(SerialCandidates.FIREARM_FOLDED, filters.scope() + "+serialFolded:" + folded);
            }
            sources.markings(SerialCandidates.MARKING_FOLDED, "folded:" + folded);
            long unreadable = folded.chars().filter(ch -> ch == SerialNumbers.UNREADABLE).count();
            if (unreadable == 1 && !SerialNumbers.hasUnreadableRun(folded)) {
                neighbourhood(sources, filters, oneDeletion(SerialNumbers.readable(folded)));
            }
        } else {
            neighbourhood(sources.exact(), filters, SerialNumbers.neighbourhood(folded));
        }
        return sources;
    }

    /**
     * The fuzzy sources: weapons and markings sharing a member of the deletion neighbourhood, the
     * weapons' among the make's own keys when the make is known (a few thousand postings at N instead
     * of every maker's, src/bench/README.md).
     */
    private static void neighbourhood(SerialCandidates.Sources sources, SearchFilters filters, Set<String> members) {
        String tokens = String.join(" ", members);
        String maker = filters.scopingMake();
        if (maker != null) {
            sources.firearms(SerialCandidates.FIREARM_SCOPED_NEIGHBOURHOOD, filters.kindScope() + "+makeNeighbourhood:("
                    + SerialNumbers.scoped(maker, members) + ")");
        } else {
            sources.firearms(SerialCandidates.FIREARM_NEIGHBOURHOOD, filters.scope() + "+serialNeighbourhood:(" + tokens + ")");
        }
        sources.markings(SerialCandidates.MARKING_NEIGHBOURHOOD, "neighbourhood:(" + tokens + ")");
    }

    /** A key and every string made by deleting one of its characters. */
    private static Set<String> oneDeletion(String folded) {
        var members = new LinkedHashSet<String>();
        members.add(folded);
        for (int i = 0; i < folded.length() && folded.length() > 1; i++) {
            members.add(folded.substring(0, i) + folded.substring(i + 1));
        }
        return members;
    }

    /**
     * Why a weapon is a hit, for the person reading the list: the serial (or the marking that
     * matched) first, then each filter it matched and what was made of the ones not known.
     */
    private static List<MatchReason> reasons(String key, Closest closest, SearchFilters filters, boolean modelMatches,
                                             SerialCandidates.Candidate candidate) {
        Firearm f = candidate.firearm();
        SerialComparison c = closest.comparison();
        var reasons = new ArrayList<MatchReason>();
        boolean exact = c.cost() == 0 && !SerialNumbers.isPartial(key);
        if (closest.marking() != null) {
            Firearm.Marking m = closest.marking();
            String kind = m.kind() == null ? "other" : m.kind().toLowerCase(Locale.ROOT);
            reasons.add(MatchReason.of("marking-" + (MARKING_KINDS.contains(kind) ? kind : "other"), m.text()));
        } else if (exact) {
            reasons.add(MatchReason.of("serial-exact"));
        } else if (c.reasons().isEmpty()) {
            reasons.add(MatchReason.of("serial-normalised"));
        }
        reasons.addAll(c.reasons());
        reasons.addAll(filters.reasons());
        if (modelMatches) {
            reasons.add(MatchReason.of("model-matches", f.model()));
        }
        candidate.flags().forEach(flag -> reasons.add(MatchReason.of("reported-" + flag.toLowerCase(Locale.ROOT))));
        return reasons;
    }

    /**
     * A serial as read off a weapon by someone reporting it (an officer at a recovery, a partner's
     * request): scoped to the make read, or on the serial alone when reference data does not know
     * that make. A reading the engine refuses (empty, too short, too long) finds nothing rather
     * than failing the report it belongs to.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<SerialHit> searchAsRead(String serial, String make, String model, int limit) {
        try {
            return search(new SerialQuery(serial, make, null, null, limit, SerialQuery.Mode.TOLERANT, model));
        } catch (SearchRejected unsearchable) {
            return List.of();
        }
    }

    /** A serial as read off a weapon, with the make and model read, for {@link #searchAllAsRead}. */
    record AsRead(String serial, String make, String model, int limit) {
    }

    /**
     * Many serials as read, each found exactly as {@link #searchAsRead} finds it, in two round trips
     * for all of them: every search's candidates in one query, the records shown in one more. For
     * checking many lost/stolen reports at once (an import's); the caller is trusted to have been
     * authorised. Returns the hits in the order of {@code reads}.
     */
    List<List<SerialHit>> searchAllAsRead(List<AsRead> reads) {
        var prepared = new ArrayList<Prepared>(reads.size());
        for (AsRead r : reads) {
            prepared.add(preparedOrNull(r));
        }
        List<List<SerialCandidates.Light>> found = index.fetchLight(prepared.stream()
                .map(p -> p == null ? index.sources("", null) : p.sources()).toList());
        var shown = new ArrayList<List<SerialCandidates.Light>>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            shown.add(prepared.get(i) == null ? List.of() : shown(prepared.get(i), found.get(i)));
        }
        Map<String, SerialCandidates.Candidate> records = index.recordsByRef(shown.stream().flatMap(List::stream)
                .map(SerialCandidates.Light::ref).toList());
        var out = new ArrayList<List<SerialHit>>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            out.add(prepared.get(i) == null ? List.of() : hits(prepared.get(i), shown.get(i).stream()
                    .map(l -> records.get(l.ref())).filter(Objects::nonNull).toList()));
        }
        return out;
    }

    /** The reading as {@link #searchAsRead} would search it; null for one the engine refuses, which finds nothing. */
    private Prepared preparedOrNull(AsRead r) {
        try {
            return prepare(new SerialQuery(r.serial(), r.make(), null, null, r.limit(), SerialQuery.Mode.TOLERANT, r.model()));
        } catch (SearchRejected unsearchable) {
            return null;
        }
    }

    /**
     * What on the weapon is closest to what was read: its serial, or one of its markings (the
     * serial wins a tie; markings of kind SERIAL that repeat the serial are the serial).
     */
    private record Closest(SerialComparison comparison, String key, Firearm.Marking marking, double cost) {

        static Closest of(String query, String serialKey, List<Firearm.Marking> markings) {
            SerialComparison serial = SerialComparison.of(query, serialKey);
            var best = new Closest(serial, serialKey, null, serial.cost());
            for (Firearm.Marking m : markings) {
                if (m.key() == null || m.key().isEmpty() || m.key().length() > SerialNumbers.MAX_LENGTH
                        || m.key().equals(serialKey)) {
                    continue;
                }
                SerialComparison c = SerialComparison.of(query, m.key());
                double cost = c.cost() + MARKING_MATCH;
                if (c.edits() <= MAX_EDITS && (cost < best.cost() || best.comparison().edits() > MAX_EDITS)) {
                    best = new Closest(c, m.key(), m, cost);
                }
            }
            return best;
        }
    }

    private record Ranked<T>(T item, double cost, int order) {

        static <T> Comparator<Ranked<T>> byCost() {
            return Comparator.<Ranked<T>>comparingDouble(Ranked::cost).thenComparingInt(Ranked::order);
        }
    }

    static Optional<String> optional(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
