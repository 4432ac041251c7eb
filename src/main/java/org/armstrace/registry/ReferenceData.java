package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.armstrace.base.ModelLookup;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Countries, firearm types, calibres and manufacturers: the pick-lists of every form, and the
 * alias tables that let search and import recognise "9mm Luger" as 9×19 or "ZCZ" as Zastava.
 *
 * <p>Read from the graph once and kept in memory (a few hundred entries); an edit writes a
 * {@code :ReferenceRevision} with the old and new values and an audit event, then drops the
 * snapshot, again once the transaction has committed, so the next pick-list, search or import row
 * reads the edit (no restart). Entries are retired, never deleted, because registered weapons point
 * at them. Only administrators edit reference data, as they always have edited calibres.
 */
@Service
public class ReferenceData {

    private final Neo4jClient neo4j;
    private final ReferenceRevisions revisions;
    private volatile ReferenceSnapshot snapshot;

    ReferenceData(Neo4jClient neo4j, ReferenceRevisions revisions) {
        this.neo4j = neo4j;
        this.revisions = revisions;
    }

    public List<Country> countries() {
        return snapshot().countries();
    }

    /** A country by its ISO code (case as stored: upper). */
    public Optional<Country> country(String code) {
        return countries().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<FirearmType> firearmTypes() {
        return snapshot().types();
    }

    public List<Calibre> calibres() {
        return snapshot().calibres();
    }

    public List<Manufacturer> manufacturers() {
        return snapshot().manufacturers();
    }

    /** The country meant by its code, or its name in any of the three languages, or an alias. */
    public Optional<Country> resolveCountry(String text) {
        return Optional.ofNullable(snapshot().countryByKey().get(ReferenceKeys.key(text)));
    }

    /** A manufacturer's models (retired ones too, marked), by name. */
    public List<FirearmModel> models(String makerCode) {
        return snapshot().modelsByMaker().getOrDefault(makerCode, List.of());
    }

    /** The model a make and model as written mean: the make resolved first, then the model among its models. */
    public Optional<FirearmModel> resolveModel(String make, String model) {
        return resolveManufacturer(make).map(m -> snapshot().modelByMakerAndKey().getOrDefault(m.code(), Map.of()))
                .map(byKey -> byKey.get(ReferenceKeys.key(model)));
    }

    /**
     * The model's name as reference data spells it when the make and model as written name a known
     * model ("M 70" of "Crvena Zastava" is Zastava's "M70"); otherwise the model as written.
     */
    public String modelName(String make, String model) {
        return make == null || model == null ? model : resolveModel(make, model).map(FirearmModel::name).orElse(model);
    }

    /**
     * The models as the pick-lists ask for them (the weapon forms, the recovery's weapon card, the
     * search), read from the current snapshot on every call: an edit is offered at once.
     */
    public ModelLookup modelLookup() {
        return new ModelLookup() {
            @Override
            public List<String> offered(String make, String typed) {
                return suggestModels(make, typed).stream().map(FirearmModel::name).toList();
            }

            @Override
            public Optional<String> resolve(String make, String model) {
                return make == null ? Optional.empty() : resolveModel(make, model).map(FirearmModel::name);
            }
        };
    }

    /**
     * The maker's active models whose name or a spelling contains what was typed (all of them for
     * nothing typed), by name: the model pick-list. Read from the current snapshot on every call, so
     * an edit in the reference data is offered at once. Empty when the make is unknown.
     */
    public List<FirearmModel> suggestModels(String make, String typed) {
        if (make == null || make.isBlank()) {
            return List.of();
        }
        String k = ReferenceKeys.key(typed);
        return resolveManufacturer(make).map(m -> models(m.code())).orElse(List.of()).stream()
                .filter(m -> !m.retired())
                .filter(m -> k.isEmpty() || names(m.name(), m.name(), m.aliases()).stream()
                        .anyMatch(n -> ReferenceKeys.key(n).contains(k)))
                .toList();
    }

    /** The calibre a clerk or officer meant, by code, name or any alias; retired entries still resolve. */
    public Optional<Calibre> resolveCalibre(String text) {
        return Optional.ofNullable(snapshot().calibreByKey().get(ReferenceKeys.key(text)));
    }

    public Optional<Manufacturer> resolveManufacturer(String text) {
        return Optional.ofNullable(snapshot().manufacturerByKey().get(ReferenceKeys.key(text)));
    }

    /**
     * The manufacturer a field reading most likely means when it is no known spelling: the one whose
     * code, name or an alias is within a typo of it (two for names of eight letters or more, none
     * under five), or of which it is a longer or shorter form ("Zastava Arms Kragujevac" for
     * "Zastava"; both at least four letters). Empty when nothing is that close, or when two makers
     * are equally close: a guess between two makers would hide the right weapon.
     */
    public Optional<Manufacturer> closestManufacturer(String text) {
        String typed = ReferenceKeys.key(text);
        Manufacturer best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean ambiguous = false;
        for (var known : snapshot().manufacturerByKey().entrySet()) {
            int d = NameDistance.within(typed, known.getKey());
            if (d < bestDistance) {
                best = known.getValue();
                bestDistance = d;
                ambiguous = false;
            } else if (d == bestDistance && best != null && !best.code().equals(known.getValue().code())) {
                ambiguous = true;
            }
        }
        return best == null || ambiguous || bestDistance == Integer.MAX_VALUE ? Optional.empty() : Optional.of(best);
    }

    public Optional<FirearmType> resolveFirearmType(String text) {
        return Optional.ofNullable(snapshot().typeByKey().get(ReferenceKeys.key(text)));
    }

    /**
     * Display names: what a person reads where the graph holds a code ({@code REVOLVER},
     * {@code 38SPL}, {@code SMITH_WESSON}, {@code US}), in the reader's language where the reference
     * data has one. Codes stay for machines (API fields, exports' code columns); an unknown code or
     * free text is shown as it is, and none as an empty string.
     */
    public String typeName(String code, Locale locale) {
        return code == null ? "" : resolveFirearmType(code).map(t -> t.name(locale)).orElse(code);
    }

    public String calibreName(String code) {
        return code == null ? "" : resolveCalibre(code).map(Calibre::name).orElse(code);
    }

    public String manufacturerName(String code) {
        return code == null ? "" : resolveManufacturer(code).map(Manufacturer::name).orElse(code);
    }

    public String countryName(String code, Locale locale) {
        return code == null ? "" : country(code.toUpperCase(Locale.ROOT)).map(c -> c.name(locale)).orElse(code);
    }

    /** The make as people name it: the manufacturer's name when recognised, else as read off the weapon. */
    public String makeName(String makeCode, String makeAsRead) {
        return makeCode == null ? (makeAsRead == null ? "" : makeAsRead) : manufacturerName(makeCode);
    }

    /** Active calibres whose name or an alias starts with what was typed, best (shortest) first. */
    public List<Calibre> suggestCalibres(String typed, int limit) {
        return suggest(calibres(), typed, limit, c -> names(c.code(), c.name(), c.aliases()), Calibre::retired);
    }

    public List<Manufacturer> suggestManufacturers(String typed, int limit) {
        return suggest(manufacturers(), typed, limit, m -> names(m.code(), m.name(), m.aliases()), Manufacturer::retired);
    }

    /**
     * Adds or corrects a calibre. The previous values are kept in a revision; nothing is overwritten
     * without trace.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Calibre saveCalibre(Calibre calibre, String reason) {
        requireUniqueAliases(calibre.code(), names(calibre.code(), calibre.name(), calibre.aliases()),
                snapshot().calibreByKey(), Calibre::code);
        revise(ReferenceKind.CALIBRE, calibre.code(), Map.of("name", calibre.name(), "aliases", calibre.aliases(),
                "type", calibre.type(), "retired", calibre.retired()), reason);
        return resolveCalibre(calibre.code()).orElseThrow();
    }

    /** Adds or corrects a manufacturer: name, country, aliases, kind, retired. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Manufacturer saveManufacturer(Manufacturer m, String reason) {
        requireUniqueAliases(m.code(), names(m.code(), m.name(), m.aliases()), snapshot().manufacturerByKey(),
                Manufacturer::code);
        if (country(m.country()).isEmpty()) {
            throw new IllegalArgumentException("Unknown country code " + m.country());
        }
        revise(ReferenceKind.MANUFACTURER, m.code(), Map.of("name", m.name(), "aliases", m.aliases(),
                "country", m.country(), "makerKind", m.kind(), "retired", m.retired()), reason);
        neo4j.query("""
                        MATCH (o:Organisation {id: 'MANUFACTURER:' + $code})
                        OPTIONAL MATCH (o)-[old:BASED_IN]->()
                        DELETE old
                        WITH DISTINCT o
                        MATCH (c:Country {code: $country})
                        MERGE (o)-[:BASED_IN]->(c)
                        """).bindAll(Map.of("code", m.code(), "country", m.country())).run();
        return resolveManufacturer(m.code()).orElseThrow();
    }

    /** Corrects a firearm type's names in the three languages, its aliases, or retires it. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public FirearmType saveFirearmType(FirearmType t, String reason) {
        var all = new ArrayList<>(names(t.code(), t.nameEn(), t.aliases()));
        all.add(t.nameSq());
        all.add(t.nameSr());
        requireUniqueAliases(t.code(), all, snapshot().typeByKey(), FirearmType::code);
        revise(ReferenceKind.FIREARM_TYPE, t.code(), Map.of("nameEn", t.nameEn(), "nameSq", t.nameSq(),
                "nameSr", t.nameSr(), "category", t.category(), "aliases", t.aliases(), "retired", t.retired()), reason);
        return resolveFirearmType(t.code()).orElseThrow();
    }

    /**
     * Corrects a country's names in the three languages or its aliases. Only the aliases must be
     * unspoken for: CLDR's own names are kept as they are even where two languages share one.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Country saveCountry(Country c, String reason) {
        if (country(c.code()).isEmpty()) {
            throw new IllegalArgumentException("Unknown country code " + c.code());
        }
        requireUniqueAliases(c.code(), c.aliases(), snapshot().countryByKey(), Country::code);
        revise(ReferenceKind.COUNTRY, c.code(), Map.of("nameEn", c.nameEn(), "nameSq", c.nameSq(),
                "nameSr", c.nameSr(), "aliases", c.aliases()), reason);
        return country(c.code()).orElseThrow();
    }

    /**
     * Adds (id null) or corrects a model of a manufacturer. Its name and aliases must not already
     * name another model of the same maker; other makers may have a model of the same name.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public FirearmModel saveModel(FirearmModel m, String reason) {
        Manufacturer maker = resolveManufacturer(m.makerCode()).filter(x -> x.code().equals(m.makerCode()))
                .orElseThrow(() -> new IllegalArgumentException("Unknown manufacturer " + m.makerCode()));
        String id = m.id() != null ? m.id() : maker.code() + ":" + UUID.randomUUID();
        requireUniqueAliases(id, names(m.name(), m.name(), m.aliases()),
                snapshot().modelByMakerAndKey().getOrDefault(maker.code(), Map.of()), FirearmModel::id);
        revise(ReferenceKind.MODEL, id, Map.of("makerCode", maker.code(), "name", m.name(), "aliases", m.aliases(),
                "retired", m.retired()), reason);
        neo4j.query("""
                        MATCH (m:FirearmModel {id: $id})
                        OPTIONAL MATCH (m)-[old:MODEL_OF]->()
                        DELETE old
                        WITH DISTINCT m
                        MATCH (o:Organisation {id: 'MANUFACTURER:' + $maker})
                        MERGE (m)-[:MODEL_OF]->(o)
                        """).bindAll(Map.of("id", id, "maker", maker.code())).run();
        return models(maker.code()).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    /** An entry's edits, oldest first (seeding is not an edit, so a seeded entry never edited has none). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ReferenceRevision> history(ReferenceKind kind, String code) {
        return revisions.history(kind, code);
    }

    private void revise(ReferenceKind kind, String code, Map<String, Object> after, String reason) {
        revisions.revise(kind, code, after, reason);
        refresh();
    }

    /**
     * Forgets the in-memory copy (after an edit, an import or a merge). Dropped at once, so the
     * rest of the writing transaction reads its own edit, and again after the commit, because a
     * reader on another thread may have loaded the old values in between.
     */
    void refresh() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }

    private ReferenceSnapshot snapshot() {
        ReferenceSnapshot s = snapshot;
        if (s == null) {
            s = ReferenceSnapshot.load(neo4j);
            snapshot = s;
        }
        return s;
    }

    static List<String> names(String code, String name, List<String> aliases) {
        return ReferenceSnapshot.names(code, name, aliases);
    }

    private static <T> void requireUniqueAliases(String code, List<String> names, Map<String, T> byKey,
                                                 Function<T, String> codeOf) {
        for (String n : names) {
            T other = byKey.get(ReferenceKeys.key(n));
            if (other != null && !codeOf.apply(other).equals(code)) {
                throw new IllegalArgumentException("'" + n + "' already names " + codeOf.apply(other));
            }
        }
    }

    private static <T> List<T> suggest(List<T> entries, String typed, int limit, Function<T, List<String>> names,
                                       Predicate<T> retired) {
        String k = ReferenceKeys.key(typed);
        record Hit<T>(T entry, int length) {
        }
        var hits = new ArrayList<Hit<T>>();
        for (T e : entries) {
            if (retired.test(e)) {
                continue;
            }
            names.apply(e).stream().map(ReferenceKeys::key).filter(n -> n.startsWith(k))
                    .mapToInt(String::length).min().ifPresent(len -> hits.add(new Hit<>(e, len)));
        }
        return hits.stream().sorted(Comparator.comparingInt(Hit::length)).limit(Math.max(0, limit))
                .map(Hit::entry).toList();
    }
}
