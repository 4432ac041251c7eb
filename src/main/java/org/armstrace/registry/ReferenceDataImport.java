package org.armstrace.registry;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.armstrace.graph.BatchTransactions;
import org.armstrace.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Seeds reference data at start-up from {@code reference/*.csv} (types, calibres, manufacturers, other
 * spellings of countries) and
 * from the JDK's CLDR data (country names in English, Albanian and Serbian Latin, plus XK).
 * Only entries that do not exist yet are created: an administrator's edits are never overwritten,
 * and running it again changes nothing.
 */
@Component
// Not for audit-verify, which only reads; an import from the command line needs the aliases.
@ConditionalOnExpression("'${armstrace.command:none}' != 'audit-verify'")
class ReferenceDataImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataImport.class);
    static final Locale ALBANIAN = Locale.forLanguageTag("sq");
    static final Locale SERBIAN_LATIN = Locale.forLanguageTag("sr-Latn");

    private final Neo4jClient neo4j;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final BatchTransactions batch;

    ReferenceDataImport(Neo4jClient neo4j, ReferenceData reference, AuditLog audit, BatchTransactions batch) {
        this.neo4j = neo4j;
        this.reference = reference;
        this.audit = audit;
        this.batch = batch;
    }

    /** Start-up work with the batch limit: on a loaded machine the first seeding may outlast the interactive one. */
    @Override
    public void run(ApplicationArguments args) {
        batch.writes().executeWithoutResult(status -> {
            long created = importCountries() + importTypes() + importCalibres() + importManufacturers();
            long spelt = seedCountryAliases();
            if (created + spelt > 0) {
                audit.recordAs("system", "reference.imported", List.of("ReferenceData"), created + " entries created, "
                        + spelt + " countries given their other spellings");
                log.info("Reference data: {} entries created, {} countries given their other spellings", created, spelt);
            }
        });
        reference.refresh();
    }

    static List<Map<String, Object>> countryRows() {
        var codes = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
        codes.add("XK"); // Kosovo: user-assigned in ISO 3166, used by the EU, INTERPOL and CLDR
        var rows = new ArrayList<Map<String, Object>>();
        for (String code : codes) {
            Locale region = Locale.of("", code);
            rows.add(Map.of("code", code, "nameEn", region.getDisplayCountry(Locale.ENGLISH),
                    "nameSq", region.getDisplayCountry(ALBANIAN), "nameSr", region.getDisplayCountry(SERBIAN_LATIN)));
        }
        return rows;
    }

    private long importCountries() {
        return merge("""
                UNWIND $rows AS row
                MERGE (c:Country {code: row.code})
                ON CREATE SET c += row, c.source = 'reference:CLDR', c.recordedAt = datetime(), c.confidence = 'HIGH',
                              c._new = true
                WITH c WHERE c._new
                REMOVE c._new
                RETURN count(c) AS created
                """, countryRows());
    }

    /**
     * Other spellings of countries ({@code country-aliases.csv}: "Kosova", "Deutschland", "BiH"), given
     * to a country that has no aliases property yet: one never edited, in a new store or in one made
     * before the file existed. A country an administrator has edited (even to no aliases) keeps its own.
     */
    private long seedCountryAliases() {
        var rows = new ArrayList<Map<String, Object>>();
        for (CSVRecord r : read("reference/country-aliases.csv")) {
            rows.add(Map.of("code", r.get("code"), "aliases", list(r.get("aliases"))));
        }
        return merge("""
                UNWIND $rows AS row
                MATCH (c:Country {code: row.code}) WHERE c.aliases IS NULL
                SET c.aliases = row.aliases
                RETURN count(c) AS spelt
                """, rows);
    }

    private long importTypes() {
        var rows = new ArrayList<Map<String, Object>>();
        for (CSVRecord r : read("reference/firearm-types.csv")) {
            rows.add(Map.of("code", r.get("code"), "nameEn", r.get("en"), "nameSq", r.get("sq"),
                    "nameSr", r.get("sr_latn"), "category", r.get("category"), "aliases", list(r.get("aliases"))));
        }
        return merge(created("FirearmType", "code", "firearm-types.csv"), rows);
    }

    private long importCalibres() {
        var rows = new ArrayList<Map<String, Object>>();
        for (CSVRecord r : read("reference/calibres.csv")) {
            rows.add(Map.of("code", r.get("code"), "name", r.get("name"), "aliases", list(r.get("aliases")),
                    "type", r.get("type")));
        }
        return merge(created("Calibre", "code", "calibres.csv"), rows);
    }

    private long importManufacturers() {
        var rows = new ArrayList<Map<String, Object>>();
        for (CSVRecord r : read("reference/manufacturers.csv")) {
            var row = new HashMap<String, Object>();
            row.put("id", "MANUFACTURER:" + r.get("code"));
            row.put("code", r.get("code"));
            row.put("name", r.get("name"));
            row.put("country", r.get("country"));
            row.put("aliases", list(r.get("aliases")));
            row.put("makerKind", r.get("kind"));
            rows.add(row);
        }
        return merge("""
                UNWIND $rows AS row
                MERGE (o:Organisation {id: row.id})
                ON CREATE SET o.code = row.code, o.name = row.name, o.aliases = row.aliases, o.kind = 'MANUFACTURER',
                              o.makerKind = row.makerKind, o.source = 'reference:manufacturers.csv',
                              o.recordedAt = datetime(), o.confidence = 'HIGH', o._new = true
                WITH o, row WHERE o._new
                REMOVE o._new
                WITH o, row
                OPTIONAL MATCH (c:Country {code: row.country})
                FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (o)-[:BASED_IN]->(c))
                RETURN count(o) AS created
                """, rows);
    }

    private static String created(String label, String key, String file) {
        return """
                UNWIND $rows AS row
                MERGE (e:%s {%s: row.%s})
                ON CREATE SET e += row, e.source = 'reference:%s', e.recordedAt = datetime(), e.confidence = 'HIGH',
                              e._new = true
                WITH e WHERE e._new
                REMOVE e._new
                RETURN count(e) AS created
                """.formatted(label, key, key, file);
    }

    private long merge(String cypher, List<Map<String, Object>> rows) {
        return neo4j.query(cypher).bind(rows).to("rows").fetchAs(Long.class).one().orElse(0L);
    }

    private static List<String> list(String field) {
        return field == null || field.isBlank() ? List.of()
                : Arrays.stream(field.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<CSVRecord> read(String path) {
        try (Reader in = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                    .parse(in).getRecords();
        } catch (IOException e) {
            throw new IllegalStateException("Reference file " + path + " cannot be read", e);
        }
    }
}
