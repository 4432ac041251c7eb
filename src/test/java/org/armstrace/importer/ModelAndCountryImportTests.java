package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.FirearmModel;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A firearms extract's models and countries as the registry's clerks wrote them: a spelling the
 * reference data knows becomes the model or the country's code, the spelling is kept on the record,
 * and anything else is kept as written with a warning, as makes are.
 */
@ArmsTraceTest
class ModelAndCountryImportTests {

    @Autowired
    RegistryImports imports;
    @Autowired
    ReferenceData reference;
    @Autowired
    Neo4jClient neo4j;

    @TempDir
    Path tmp;

    private ImportBatch run(Path file) {
        return Actors.as("importer", Role.ADMIN, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                RegistryImports.StoredFile stored = imports.store(file.getFileName().toString(), in);
                return imports.runNow(stored, imports.profile("kosovo-firearms").orElseThrow(), false, p -> { }).batch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<Map<String, Object>> weapons(String serial) {
        return neo4j.query("""
                        MATCH (f:Firearm {serialAsRead: $serial})
                        RETURN f.model AS model, f.modelId AS modelId, f.modelAsRead AS modelAsRead,
                               f.countryOfManufacture AS country
                        """).bind(serial).to("serial").fetch().all().stream().toList();
    }

    @Test
    void model_and_country_spellings_resolve_and_unknown_ones_are_kept_as_written_with_a_warning() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
        String code = "IM" + tag;
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Import Maker " + tag, "RS",
                List.of("IMK " + tag), "MANUFACTURER", false), "test maker"));
        FirearmModel m70 = Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "M70",
                List.of("M 70 AB"), false), "the maker's pistol"));
        Path file = tmp.resolve("models-" + tag + ".csv");
        Files.writeString(file, "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,Shenja e importit\n"
                + "pistol,IMK " + tag + ",m 70 ab,9mm,IA" + tag + ",2010,Kosova,\n"
                + "pistol," + code + ",M99 Unknown,9mm,IB" + tag + ",2011,Ruritania,\n"
                + "pistol," + code + ",M70,9mm,IC" + tag + ",2012,Deutschland,\n"
                // One weapon written twice, its model in two spellings: the same weapon, as the search has it.
                + "pistol," + code + ",M 70 AB,9mm,ID" + tag + ",2013,XK,\n"
                + "pistol," + code + ",M70,9mm,ID" + tag + ",2013,XK,\n");

        ImportBatch b = run(file);

        assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(weapons("IA" + tag)).singleElement().satisfies(w -> assertThat(w)
                .containsEntry("model", "M70").containsEntry("modelId", m70.id()).containsEntry("modelAsRead", "m 70 ab")
                .containsEntry("country", "XK"));
        assertThat(weapons("IB" + tag)).singleElement().satisfies(w -> assertThat(w)
                .containsEntry("model", "M99 Unknown").containsEntry("modelId", null)
                // As written after the profile's own transformation of the column (upper case).
                .containsEntry("country", "RURITANIA"));
        assertThat(weapons("IC" + tag)).singleElement().satisfies(w -> assertThat(w)
                .containsEntry("model", "M70").containsEntry("modelAsRead", null).containsEntry("country", "DE"));
        assertThat(weapons("ID" + tag)).singleElement().satisfies(w -> assertThat(w).containsEntry("model", "M70"));
        List<Issue> issues = Actors.as("importer", Role.ADMIN, () -> imports.issues(b.id(), 0, 100));
        // Rows' warnings only: the file itself gets one for its encoding (no BOM, as the profile expects).
        assertThat(issues).filteredOn(i -> i.severity() == Issue.Severity.WARNING && i.line() > 0)
                .extracting(Issue::line, Issue::code)
                .containsExactlyInAnyOrder(tuple(3, "model-unknown"),
                        tuple(3, "country-unknown"));
    }
}
