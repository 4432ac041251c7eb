package org.armstrace.registry;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the import writes set on what they create, in one place: the offline load of an empty store
 * ({@code importer.StagedRecords}) writes the same nodes and relationships without Cypher.
 */
public final class ImportedProperties {

    private ImportedProperties() {
    }

    /** Provenance every imported node carries. */
    static Map<String, Object> provenance(Map<String, Object> props, ImportedRecords.Row<?> row, String id, String batch,
                                                  String confidence, ZonedDateTime now) {
        String source = row.source();
        if (row.hash() != null) {
            props.put("importHashes", List.of(row.hash()));
        }
        props.put("id", id);
        props.put("source", source);
        props.put("importBatch", batch);
        props.put("confidence", confidence);
        props.put("recordedAt", now);
        return props;
    }

    public static Map<String, Object> organisationProperties(ImportedRecords.Row<ImportedRecords.NewOrganisation> r, String batch, ZonedDateTime now) {
        var props = new HashMap<String, Object>();
        props.put("kind", r.value().kind().name());
        props.put("code", ReferenceKeys.key(r.value().code()));
        props.put("name", r.value().name());
        return provenance(props, r, r.value().id(), batch, "HIGH", now);
    }

    public static Map<String, Object> personProperties(ImportedRecords.Row<NewPerson> r, String batch, ZonedDateTime now) {
        Map<String, Object> props = PersonRegistry.properties(r.value());
        props.putAll(PersonRegistry.derived(r.value()));
        props.put("version", 1L);
        return provenance(props, r, r.id(), batch, "HIGH", now);
    }

    /** The weapon's markings as nodes; their ids are the weapon's id and the marking's position in the row. */
    public static List<Map<String, Object>> markingProperties(ImportedRecords.Row<NewFirearm> r, ZonedDateTime now) {
        var markings = new ArrayList<Map<String, Object>>();
        for (int m = 0; m < r.value().markings().size(); m++) {
            NewFirearm.NewMarking mk = r.value().markings().get(m);
            var props = new HashMap<String, Object>();
            props.put("id", r.id() + ":" + m);
            props.put("kind", mk.kind().name());
            props.put("text", mk.text());
            props.putAll(SerialNumbers.markingKeys(mk.text()));
            props.put("position", mk.position());
            props.put("country", mk.country());
            props.put("year", mk.year());
            props.put("source", r.source());
            props.put("confidence", "HIGH");
            props.put("recordedAt", now);
            markings.add(props);
        }
        return markings;
    }

    public static Map<String, Object> licenceProperties(ImportedRecords.Row<ImportedRecords.LicenceRow> r, String batch, ZonedDateTime now) {
        Holdings.NewLicence l = r.value().licence();
        var props = new HashMap<String, Object>();
        props.put("number", l.number().strip());
        props.put("numberKey", ReferenceKeys.key(l.number()));
        props.put("kind", l.kind().name());
        props.put("issuedBy", l.issuedBy());
        props.put("validFrom", l.validFrom());
        props.put("validTo", l.validTo());
        // ACTIVE is left unwritten: it is what every licence recorded before the registry sent a status was.
        if (r.value().status() != null && r.value().status().ends()) {
            props.put("status", r.value().status().name());
        }
        return provenance(props, r, r.id(), batch, "HIGH", now);
    }

    /** A licence's cover of a weapon from a date; {@code transfer} when a transfer under the licence began it. */
    public static Map<String, Object> coverProperties(LocalDate from, String transfer, String source, String confidence,
                                                      ZonedDateTime now) {
        var props = new HashMap<String, Object>();
        props.put("from", from);
        props.put("transfer", transfer);
        props.put("source", source);
        props.put("confidence", confidence);
        props.put("recordedAt", now);
        return props;
    }

    public static Map<String, Object> transferProperties(ImportedRecords.Row<ImportedRecords.TransferRow> r, String confidence, String batch,
                                                         ZonedDateTime now) {
        NewTransfer t = r.value().transfer();
        var props = new HashMap<String, Object>();
        props.put("kind", t.kind().name());
        props.put("date", t.date());
        props.put("reference", t.reference());
        props.put("fromAsWritten", r.value().fromAsWritten());
        props.put("toAsWritten", r.value().toAsWritten());
        return provenance(props, r, r.id(), batch, confidence, now);
    }

    public static Map<String, Object> reportProperties(ImportedRecords.Row<ImportedRecords.ReportRow> r, String batch, ZonedDateTime now) {
        var props = new HashMap<String, Object>();
        props.put("kind", r.value().kind().name());
        props.put("occurredOn", r.value().occurredOn());
        props.put("place", r.value().place());
        props.put("reference", r.value().reference());
        props.put("status", "ACTIVE");
        props.put("reportedBy", "import");
        props.put("reportedAt", now);
        return provenance(props, r, r.id(), batch, "HIGH", now);
    }
}
