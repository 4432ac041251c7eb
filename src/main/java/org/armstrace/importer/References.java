package org.armstrace.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.armstrace.registry.ImportedRecords.FirearmCandidate;
import org.armstrace.registry.ImportedRecords.FirearmIdentity;
import org.armstrace.registry.ImportedRecords.Kind;
import org.armstrace.registry.ImportedRecords.Row;
import org.armstrace.registry.ImportedRecords.TransferRow;
import org.armstrace.registry.NewTransfer;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.RecordStore;
import org.armstrace.registry.ReferenceKeys;

/**
 * What a chunk's licence, transfer and report rows name, looked up in one read per kind: the weapons
 * (keys and registered candidates, by line), licence holders and transfer parties by personal number,
 * and licences by number. Pure reads of records that other files' runs make (a licence, transfer or
 * report extract creates no weapon, person or licence it names), so the reading thread can look them up
 * ahead of the chunk ({@link ChunkWriter#ahead}) while the chunk before it is written.
 */
record References(Map<Integer, FirearmIdentity> weaponKeys, Map<Integer, List<FirearmCandidate>> weapons,
                  Map<String, String> holders, Map<String, String> parties, Map<String, List<String>> licences,
                  Map<String, String> unchangedLicences) {

    /**
     * Also: which of a licence extract's licences their source sent exactly so before (id to hash), as
     * {@link ExtractHistory#stand} takes them; a licence whose holder is an organisation is left to it.
     */
    static References find(RecordStore records, List<ParsedRow> rows, Function<Object, String> hash) {
        var keys = new HashMap<Integer, FirearmIdentity>();
        var weapons = new HashMap<Integer, List<FirearmCandidate>>();
        List<ParsedRow> named = rows.stream().filter(r -> r.firearm() != null && ChunkWriter.isReference(r)).toList();
        if (!named.isEmpty()) {
            List<FirearmIdentity> list = named.stream()
                    .map(r -> records.identify(r.firearm().make(), r.firearm().model(), r.firearm().serialAsRead())).toList();
            Map<Integer, List<FirearmCandidate>> found = records.firearmCandidates(list);
            for (int i = 0; i < named.size(); i++) {
                keys.put(named.get(i).line(), list.get(i));
                weapons.put(named.get(i).line(), found.getOrDefault(i, List.of()));
            }
        }
        List<String> holders = rows.stream().filter(r -> r.holder() != null).map(r -> r.holder().nationalIdKey())
                .filter(Objects::nonNull).distinct().toList();
        List<String> parties = rows.stream().filter(r -> r.transfer() != null)
                .flatMap(r -> Stream.of(r.transfer().from(), r.transfer().to()))
                .filter(Objects::nonNull).map(ReferenceKeys::key).filter(k -> k.matches("\\d{10,13}")).distinct().toList();
        List<String> licences = rows.stream().filter(r -> r.transfer() != null && r.transfer().licenceNumber() != null)
                .map(r -> ReferenceKeys.key(r.transfer().licenceNumber())).distinct().toList();
        Map<String, String> holderIds = holders.isEmpty() ? Map.of() : records.peopleByNationalId(holders);
        return new References(keys, weapons, holderIds, parties.isEmpty() ? Map.of() : records.peopleByNationalId(parties),
                licences.isEmpty() ? Map.of() : records.licencesByNumber(licences), unchangedLicences(records, rows, holderIds, hash));
    }

    /** The one licence a transfer's licence number names; null when none or several do. */
    static String licence(ParsedRow.TransferPart t, Map<String, List<String>> licencesByNumber) {
        if (t.licenceNumber() == null) {
            return null;
        }
        List<String> found = licencesByNumber.getOrDefault(ReferenceKeys.key(t.licenceNumber()), List.of());
        return found.size() == 1 ? found.getFirst() : null;
    }

    /** What a transfer row writes beside its id: its weapon, parties and licence. */
    static String written(Row<TransferRow> r) {
        NewTransfer t = r.value().transfer();
        return t.firearmId() + "|" + t.fromId() + "|" + t.toId() + "|" + t.toLicenceId();
    }

    /**
     * The transfers of a transfer extract's chunk that are in the graph as their rows would write them,
     * id to {@link #written}: resolved here as the writer resolves them (a weapon that exactly one registered
     * weapon answers, parties and licence from the same lookups) and asked in one read. Only for a chunk that
     * creates no weapon: a weapon created by an earlier row of the chunk would be found by the writer only.
     */
    static Map<String, String> completeTransfers(RecordStore records, List<ParsedRow> rows, References found,
                                                 Map<String, String> organisations) {
        if (rows.stream().anyMatch(r -> r.firearm() != null && !ChunkWriter.isReference(r))) {
            return Map.of();
        }
        var offered = new LinkedHashMap<String, Row<TransferRow>>();
        for (ParsedRow r : rows) {
            ParsedRow.TransferPart t = r.transfer();
            if (t == null || r.firearm() == null) {
                continue;
            }
            var matches = FirearmsMatcher.registered(found.weaponKeys().get(r.line()), found.weapons().getOrDefault(r.line(), List.of()));
            if (matches.size() != 1) {
                continue;
            }
            String firearmId = matches.iterator().next();
            String from = ChunkWriter.party(t.from(), organisations, found.parties());
            String to = ChunkWriter.party(t.to(), organisations, found.parties());
            Row<TransferRow> row = ChunkWriter.transferRow(t, firearmId, from, to, licence(t, found.licences()), null);
            offered.putIfAbsent(row.id(), row);
        }
        var complete = new HashMap<String, String>();
        if (!offered.isEmpty()) {
            records.transfersWritten(offered.values()).forEach(id -> complete.put(id, written(offered.get(id))));
        }
        return complete;
    }

    private static Map<String, String> unchangedLicences(RecordStore records, List<ParsedRow> rows, Map<String, String> holders,
                                                         Function<Object, String> hash) {
        var offered = new LinkedHashMap<String, Row<Object>>();
        var ambiguous = new HashSet<String>();
        for (ParsedRow r : rows) {
            if (r.licence() == null || r.holder() == null || holders.get(r.holder().nationalIdKey()) == null) {
                continue;
            }
            ParsedRow.LicencePart l = r.licence();
            Holdings.NewLicence licence;
            try {
                licence = new Holdings.NewLicence(l.number(), l.kind(), holders.get(r.holder().nationalIdKey()), l.issuedBy(),
                        l.validFrom(), l.validTo());
            } catch (IllegalArgumentException e) {
                continue; // the writer will say what is wrong with it
            }
            String id = ChunkWriter.licenceId(l);
            var row = new Row<Object>(id, null, null, hash.apply(ChunkWriter.licenceContent(licence, l, l.endedOn())), false);
            var first = offered.putIfAbsent(id, row);
            if (first != null && !first.hash().equals(row.hash())) {
                ambiguous.add(id);
            }
        }
        var unchanged = new HashMap<String, String>();
        if (!offered.isEmpty()) {
            records.unchanged(Kind.LICENCE, offered.values()).stream().filter(id -> !ambiguous.contains(id))
                    .forEach(id -> unchanged.put(id, offered.get(id).hash()));
        }
        return unchanged;
    }

    /** Licence holders named by personal number or organisation code in a licence extract. */
    static Map<Integer, String> resolveHolders(List<ParsedRow> rows, ChunkWriter.Outcome out, Set<Integer> rejectedLines,
                                               Map<String, String> people, Map<String, String> organisations) {
        var ids = new HashMap<Integer, String>();
        List<ParsedRow> list = rows.stream().filter(r -> r.holder() != null).toList();
        for (ParsedRow r : list) {
            String id = r.holder().nationalIdKey() != null ? people.get(r.holder().nationalIdKey())
                    : organisations.get(r.holder().organisationCode());
            if (id == null) {
                rejectedLines.add(r.line());
                out.issues.add(Issue.rejected(r.line(), "holder-unknown", null,
                        r.holder().nationalIdKey() != null ? r.holder().nationalIdKey() : r.holder().organisationCode()));
            } else {
                ids.put(r.line(), id);
            }
        }
        return ids;
    }
}
