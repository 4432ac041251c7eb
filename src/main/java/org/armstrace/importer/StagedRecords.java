package org.armstrace.importer;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.armstrace.graph.OfflineLoad;
import org.armstrace.registry.ImportedProperties;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.ImportedRecords.FirearmCandidate;
import org.armstrace.registry.ImportedRecords.FirearmIdentity;
import org.armstrace.registry.ImportedRecords.Kind;
import org.armstrace.registry.ImportedRecords.LicenceRow;
import org.armstrace.registry.ImportedRecords.NewOrganisation;
import org.armstrace.registry.ImportedRecords.PersonBlocks;
import org.armstrace.registry.ImportedRecords.PersonCandidate;
import org.armstrace.registry.ImportedRecords.ReportRow;
import org.armstrace.registry.ImportedRecords.Row;
import org.armstrace.registry.ImportedRecords.TransferRow;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.NewTransfer;
import org.armstrace.registry.PersonMatcher;
import org.armstrace.registry.PersonNames;
import org.armstrace.registry.RecordStore;
import org.armstrace.registry.Standing;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectLongHashMap;

/**
 * The registry as a first load builds it, in memory, for a store that is still empty: what the
 * rows created so far is kept just far enough to match the next rows against (the same answers
 * {@link ImportedRecords} would give from the graph), and every node and relationship goes
 * straight into the files of an {@link OfflineLoad}. A node is written once, with the values of
 * the first row that created it, as {@code MERGE … ON CREATE} does; relationships follow the same
 * rules as the Cypher writes, including the holding rule of licence covers, which are kept until
 * {@link #finish()} because a later transfer may end them.
 *
 * <p>Not thread-safe: one import run uses it at a time.
 */
final class StagedRecords implements RecordStore {

    /** A licence's cover of a weapon; {@code to} is put into its properties when a later transfer ends it. */
    private record Cover(String licence, Map<String, Object> props) {
    }

    private final ImportedRecords graph;
    private final OfflineLoad load;
    /** Nodes already in the store being copied (countries, manufacturers): load id by label and key. */
    private final Map<String, Long> copied;
    /** Organisations (not manufacturers) by normalised code: those in the store, then those staged. */
    private final Map<String, String> organisationCodes;

    /**
     * Nodes written, by label: the load's node id by record id. Primitive maps: on S they hold 1.7 M
     * ids, and boxed values kept enough more on the heap to bring a full collection into the load.
     */
    private final Map<String, ObjectLongHashMap<String>> created = new HashMap<>();
    private final Map<String, List<PersonCandidate>> peopleByBlock = new HashMap<>();
    private final Map<String, String> peopleByNationalId = new HashMap<>();
    private final Map<String, List<FirearmCandidate>> firearmsByKey = new HashMap<>();
    private final Map<String, List<String>> licencesByNumber = new HashMap<>();
    private final Set<String> markings = new HashSet<>();
    private final Set<String> holds = new HashSet<>();
    private final Map<String, List<Cover>> covers = new LinkedHashMap<>();

    /**
     * @param copied            load ids of nodes copied from the store, keyed {@code Label:key} (countries by
     *                          code, organisations by id)
     * @param organisationCodes organisations (not manufacturers) already in the store, by normalised code
     */
    StagedRecords(ImportedRecords graph, OfflineLoad load, Map<String, Long> copied, Map<String, String> organisationCodes) {
        this.graph = graph;
        this.load = load;
        this.copied = copied;
        this.organisationCodes = new HashMap<>(organisationCodes);
    }

    /** Writes what was kept back (licence covers); the load can then be closed. */
    void finish() {
        covers.forEach((firearm, list) -> {
            long node = written("Firearm", firearm);
            list.forEach(c -> load.relationship(written("Licence", c.licence()), "COVERS", node, c.props()));
        });
        covers.clear();
    }

    @Override
    public FirearmIdentity identify(String make, String model, String serialAsRead) {
        return graph.identify(make, model, serialAsRead);
    }

    @Override
    public Map<Integer, List<FirearmCandidate>> firearmCandidates(List<FirearmIdentity> keys) {
        var out = new HashMap<Integer, List<FirearmCandidate>>();
        for (int i = 0; i < keys.size(); i++) {
            FirearmIdentity k = keys.get(i);
            List<FirearmCandidate> found = firearmsByKey.get(k.makeKey() + "|" + k.serialFolded());
            if (found != null) {
                out.put(i, List.copyOf(found));
            }
        }
        return out;
    }

    @Override
    public Map<Integer, List<PersonCandidate>> personCandidates(List<PersonBlocks> keys) {
        var out = new HashMap<Integer, List<PersonCandidate>>();
        for (PersonBlocks k : keys) {
            var found = new LinkedHashMap<String, PersonCandidate>();
            boolean undated = k.blocks().familyDate() == null;
            for (String key : PeopleMatcher.lookupKeys(k)) {
                List<PersonCandidate> block = peopleByBlock.getOrDefault(key, List.of());
                block.subList(0, Math.min(limit(key, undated), block.size())).forEach(c -> found.putIfAbsent(c.id(), c));
            }
            if (!found.isEmpty()) {
                out.put(k.i(), List.copyOf(found.values()));
            }
        }
        return out;
    }

    /** How many people a key returns, as the graph's query: more for an undated row's pair key, its only way in. */
    private static int limit(String key, boolean undated) {
        return undated && key.startsWith("p:") ? PersonMatcher.MAX_UNDATED_CANDIDATES : PersonMatcher.MAX_CANDIDATES_PER_KEY;
    }

    @Override
    public Set<String> existing(Kind kind, Collection<String> ids) {
        ObjectLongHashMap<String> made = created.get(kind.label());
        var out = new HashSet<String>();
        for (String id : ids) {
            if (made != null && made.containsKey(id) || copied.containsKey(kind.label() + ":" + id)) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    public Map<String, String> peopleByNationalId(List<String> keys) {
        var out = new HashMap<String, String>();
        keys.forEach(k -> {
            String id = peopleByNationalId.get(k);
            if (id != null) {
                out.put(k, id);
            }
        });
        return out;
    }

    @Override
    public Map<String, String> organisationsByCode() {
        return Map.copyOf(organisationCodes);
    }

    @Override
    public Map<String, List<String>> licencesByNumber(List<String> keys) {
        var out = new HashMap<String, List<String>>();
        keys.forEach(k -> {
            List<String> ids = licencesByNumber.get(k);
            if (ids != null) {
                out.put(k, List.copyOf(ids));
            }
        });
        return out;
    }

    /**
     * A first load: nothing was said of any record before it, so a record is new or, made by an
     * earlier extract of this load, joined. (A node is written once here: a later extract's hash and
     * source are not added to it, as a transactional import would.) The store was empty, so no record
     * here predates row hashes: {@code ownBatches} has nothing to tell.
     */
    @Override
    public Map<String, Standing> standings(Kind kind, List<? extends Row<?>> rows, Set<String> ownBatches) {
        Set<String> found = existing(kind, rows.stream().map(Row::id).toList());
        var out = new HashMap<String, Standing>();
        rows.forEach(r -> out.put(r.id(), found.contains(r.id()) ? Standing.JOINED : Standing.NEW));
        return out;
    }

    @Override
    public Set<String> unchanged(Kind kind, Collection<? extends Row<?>> rows) {
        return Set.of(); // a first load keeps no earlier word of any source
    }

    @Override
    public Set<String> transfersWritten(Collection<Row<TransferRow>> rows) {
        return Set.of(); // staged transfers are written once, as files, whatever a chunk repeats
    }

    @Override
    public void writeChanges(Kind kind, List<? extends Row<?>> rows, Map<String, Standing> standings, String reason) {
        throw new UnsupportedOperationException("A first load changes nothing: every record in it is new");
    }

    @Override
    public List<String> flagMissing(Kind kind, String profile, Set<String> ownBatches, Set<String> seen, String batch) {
        return List.of(); // an empty store held nothing that could be missing
    }

    @Override
    public int addMissingBlockKeys() {
        return 0; // every person staged here got its keys when it was written
    }

    @Override
    public void writeOrganisations(List<Row<NewOrganisation>> rows, String batch) {
        ZonedDateTime now = ImportedRecords.now();
        for (Row<NewOrganisation> r : rows) {
            String id = r.value().id();
            Map<String, Object> props = ImportedProperties.organisationProperties(r, batch, now);
            Long organisation = create("Organisation", id, props);
            if (organisation != null) {
                if (props.get("code") != null && !"MANUFACTURER".equals(props.get("kind"))) {
                    organisationCodes.putIfAbsent((String) props.get("code"), id);
                }
                Long country = r.value().countryCode() == null ? null : copied.get("Country:" + r.value().countryCode());
                if (country != null) {
                    load.relationship(organisation, "BASED_IN", country, Map.of());
                }
            }
        }
    }

    @Override
    public void writePeople(List<Row<NewPerson>> rows, String batch) {
        ZonedDateTime now = ImportedRecords.now();
        for (Row<NewPerson> r : rows) {
            Map<String, Object> props = ImportedProperties.personProperties(r, batch, now);
            if (create("Person", r.id(), props) != null) {
                var candidate = new PersonCandidate(r.id(), (String) props.get("givenName"), (String) props.get("familyName"),
                        (String) props.get("parentName"), (LocalDate) props.get("birthDate"),
                        (String) props.get("birthPlace"), (String) props.get("nationalIdKey"));
                PersonNames.Blocks blocks = new PersonNames.Blocks((String) props.get("blockNames"),
                        (String) props.get("blockFamilyDate"), (String) props.get("blockGivenDate"),
                        (String) props.get("blockNamePair"));
                for (String key : PeopleMatcher.blockKeys(new PersonBlocks(0, candidate.nationalIdKey(), blocks))) {
                    List<PersonCandidate> list = peopleByBlock.computeIfAbsent(key, x -> new ArrayList<>(1));
                    if (list.size() < limit(key, true)) { // as many as any row's lookup takes
                        list.add(candidate);
                    }
                }
                if (candidate.nationalIdKey() != null) {
                    peopleByNationalId.putIfAbsent(candidate.nationalIdKey(), r.id());
                }
            }
        }
    }

    @Override
    public void writeFirearms(List<Row<NewFirearm>> rows, String batch) {
        ZonedDateTime now = ImportedRecords.now();
        for (Row<NewFirearm> r : rows) {
            Map<String, Object> props = graph.firearmProperties(r, batch, now);
            Long made = create("Firearm", r.id(), props);
            long firearm = made != null ? made : written("Firearm", r.id());
            if (made != null) {
                String make = (String) props.get("makeCode");
                // Keyed as FirearmIdentity.makeKey: a make the reference data does not know, as written.
                String makeKey = make != null ? make : ImportedRecords.unknownMakeKey((String) props.get("makeAsRead"));
                firearmsByKey.computeIfAbsent(makeKey + "|" + props.get("serialFolded"), k -> new ArrayList<>(1))
                        .add(new FirearmCandidate(r.id(), make, (String) props.get("model"), (String) props.get("serialKey"),
                                (String) props.get("serialFolded"), (String) props.get("typeCode"),
                                (String) props.get("calibreCode")));
                if (make != null) {
                    Long maker = copied.get("Organisation:MANUFACTURER:" + make);
                    if (maker != null) {
                        load.relationship(firearm, "MADE_BY", maker, Map.of());
                    }
                }
            }
            // A later row for the same weapon may carry markings the first did not (MERGE on the marking's id).
            for (Map<String, Object> marking : ImportedProperties.markingProperties(r, now)) {
                String id = (String) marking.get("id");
                if (markings.add(id)) {
                    load.relationship(firearm, "HAS_MARKING", load.node(List.of("Marking"), marking), Map.of());
                }
            }
        }
    }

    @Override
    public void writeLicences(List<Row<LicenceRow>> rows, String batch) {
        ZonedDateTime now = ImportedRecords.now();
        for (Row<LicenceRow> r : rows) {
            Long holder = party(r.value().licence().holderId());
            Map<String, Object> props = ImportedProperties.licenceProperties(r, batch, now);
            Long licence = create("Licence", r.id(), props);
            if (licence != null) {
                licencesByNumber.computeIfAbsent((String) props.get("numberKey"), k -> new ArrayList<>(1)).add(r.id());
            } else {
                licence = written("Licence", r.id());
            }
            if (holder != null && holds.add(holder + "|" + r.id())) {
                load.relationship(holder, "HOLDS", licence, Map.of());
            }
            String firearm = r.value().firearmId();
            if (written("Firearm", firearm) != null) {
                List<Cover> list = covers.computeIfAbsent(firearm, k -> new ArrayList<>(1));
                if (list.stream().noneMatch(c -> c.licence().equals(r.id()))) {
                    list.add(new Cover(r.id(), ImportedProperties.coverProperties(r.value().coversFrom(), null, r.source(),
                            "HIGH", now)));
                }
            }
        }
    }

    @Override
    public void writeTransfers(List<Row<TransferRow>> rows, String batch) {
        ZonedDateTime now = ImportedRecords.now();
        for (Row<TransferRow> r : rows) {
            NewTransfer t = r.value().transfer();
            Long firearm = written("Firearm", t.firearmId());
            if (firearm == null || (t.toLicenceId() != null && written("Licence", t.toLicenceId()) == null)) {
                continue; // as the Cypher write: a transfer of an unknown weapon or under an unknown licence is refused
            }
            Long transfer = create("Transfer", r.id(), ImportedProperties.transferProperties(r, "HIGH", batch, now));
            if (transfer != null) {
                load.relationship(transfer, "OF", firearm, Map.of());
                Long from = party(t.fromId());
                if (from != null) {
                    load.relationship(transfer, "FROM", from, Map.of());
                }
                Long to = party(t.toId());
                if (to != null) {
                    load.relationship(transfer, "TO", to, Map.of());
                }
            }
            if (t.toLicenceId() != null) {
                List<Cover> list = covers.computeIfAbsent(t.firearmId(), k -> new ArrayList<>(1));
                if (list.stream().noneMatch(c -> c.licence().equals(t.toLicenceId()) && r.id().equals(c.props().get("transfer")))) {
                    // The holding rule: a new cover ends every open one that began on or before it.
                    for (Cover open : list) {
                        if (open.props().get("to") == null && !((LocalDate) open.props().get("from")).isAfter(t.date())) {
                            open.props().put("to", t.date());
                        }
                    }
                    list.add(new Cover(t.toLicenceId(), ImportedProperties.coverProperties(t.date(), r.id(), r.source(),
                            "HIGH", now)));
                }
            }
        }
    }

    @Override
    public void writeReports(List<Row<ReportRow>> rows, String batch) {
        ZonedDateTime now = ImportedRecords.now();
        for (Row<ReportRow> r : rows) {
            Long firearm = written("Firearm", r.value().firearmId());
            if (firearm == null) {
                continue;
            }
            Long report = create("LostStolenReport", r.id(), ImportedProperties.reportProperties(r, batch, now));
            if (report != null) {
                load.relationship(report, "CONCERNS", firearm, Map.of());
            }
        }
    }

    /** Writes the node unless one with this id was written before; its load id when it was written now, else null. */
    private Long create(String label, String id, Map<String, Object> props) {
        ObjectLongHashMap<String> made = created.computeIfAbsent(label, k -> new ObjectLongHashMap<>());
        // One probe of a map of up to a million ids, not "contains?" and then "put".
        int before = made.size();
        long node = made.getIfAbsentPut(id, () -> load.node(List.of(label), props));
        return made.size() > before ? node : null;
    }

    /**
     * The load's id of the node written with this label and record id; null when there is none. One
     * lookup per question: on S these maps hold a million ids, and each lookup is a cache miss or two.
     */
    private Long written(String label, String id) {
        ObjectLongHashMap<String> made = id == null ? null : created.get(label);
        long node = made == null ? -1 : made.getIfAbsent(id, -1);
        return node < 0 ? null : node;
    }

    /** A person or organisation (staged or copied) by id, as the load knows it; null when there is none. */
    private Long party(String id) {
        if (id == null) {
            return null;
        }
        Long node = written("Person", id);
        if (node == null) {
            node = written("Organisation", id);
        }
        return node != null ? node : copied.get("Organisation:" + id);
    }
}
