package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.Provenance;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Lost/stolen reports from the legacy importer are treated as reports filed at the desk: each new
 * one gets its creation event and is checked against the records already in the registry.
 */
@ArmsTraceTest
class ImportedLostStolenTests {

    @Autowired
    RegistryImports imports;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    AuditLog audit;

    @TempDir
    Path tmp;

    ImportBatch run(Path file, String profile) {
        return Actors.as("importer", Role.ADMIN, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                RegistryImports.StoredFile stored = imports.store(file.getFileName().toString(), in);
                return imports.runNow(stored, imports.profile(profile).orElseThrow(), false, p -> { }).batch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void an_imported_report_is_checked_against_earlier_records_like_one_filed_at_the_desk_and_has_its_creation_event()
            throws IOException {
        String digits = String.format("%06d", (int) (System.nanoTime() % 1_000_000));
        String serial = "LC5" + digits;
        Path weapons = tmp.resolve("weapon-" + serial + ".csv");
        Files.writeString(weapons, "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,"
                + "Shenja e importit\npistol,Glock,17,9mm," + serial + ",2010,AT,\n");
        assertThat(run(weapons, "kosovo-firearms").counts()).containsEntry("firearm.created", 1L);
        // Found at a scene before the report came: the officer read the 5 as an S.
        String recovered = Actors.analyst(() -> firearms.recordRecovered(NewFirearms.newFirearm().type("pistol")
                .make("Glock").model("17").calibre("9mm").serial("LCS" + digits).build(), false,
                new Provenance("user:" + Actors.ANALYST, Provenance.Confidence.MEDIUM)));
        Path reports = tmp.resolve("checked-report.csv");
        Files.writeString(reports, "Lloji,Data,Prodhuesi,Modeli,Numri serik,Vendi,Referenca\n"
                + "Vjedhur,,Glock,17," + serial + ",Prizren,PR-" + digits + "\n");

        ImportBatch b = run(reports, "kosovo-lost-stolen");

        assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(b.counts()).containsEntry("report.created", 1L);
        String report = neo4j.query("MATCH (r:LostStolenReport {reference: $ref}) RETURN r.id").bind("PR-" + digits)
                .to("ref").fetchAs(String.class).one().orElseThrow();
        assertThat(neo4j.query("MATCH (:LostStolenReport {id: $id})-[:MAY_BE]->(f:Firearm) RETURN f.id")
                .bind(report).to("id").fetchAs(String.class).all()).as("the earlier recovery is found")
                .containsExactly(recovered);
        assertThat(neo4j.query("""
                        MATCH (:LostStolenReport {id: $id})-[:HAS_EVENT]->(e:LostStolenEvent)
                        RETURN e.kind + ' ' + e.status + ' ' + e.by""")
                .bind(report).to("id").fetchAs(String.class).all()).containsExactly("REPORTED ACTIVE importer");
        assertThat(Actors.admin(() -> audit.about("LostStolenReport:" + report, 10))).extracting(AuditEvent::action)
                .contains("lost-stolen.matched");

        Files.writeString(reports, Files.readString(reports) + "\n"); // the same row again: no new event, no new link
        run(reports, "kosovo-lost-stolen");
        assertThat(neo4j.query("""
                        MATCH (r:LostStolenReport {id: $id})
                        RETURN COUNT { (r)-[:HAS_EVENT]->() } + COUNT { (r)-[:MAY_BE]->() }""")
                .bind(report).to("id").fetchAs(Long.class).one()).contains(2L);
    }
}
