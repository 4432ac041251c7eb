package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.intelligence.Alert;
import org.armstrace.intelligence.Alerts;
import org.armstrace.intelligence.Pattern;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.LostStolenHit;
import org.armstrace.registry.LostStolenList;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.MatchReason;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.Provenance;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Lost/stolen reports from the legacy importer are treated as reports filed at the desk: each new
 * one gets its creation event, is checked against the records already in the registry with the
 * desk's confusion-aware comparison, and what it may be is notified to the analysts. (The first
 * load, the other load path, is checked by {@code InitialLoadTests}.)
 */
@ArmsTraceTest
class ImportedLostStolenTests {

    @Autowired
    RegistryImports imports;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    LostStolenList list;
    @Autowired
    Alerts alerts;
    @Autowired
    UserAccountService users;
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
    void an_imported_report_finds_the_weapon_recovered_before_with_O_read_for_0_is_notified_and_has_its_reported_event()
            throws IOException {
        String analyst = "imp-" + UUID.randomUUID().toString().substring(0, 6);
        Actors.admin(() -> users.create(analyst, "Import analyst", EnumSet.of(Role.ANALYST)));
        String digits = String.format("%06d", (int) (System.nanoTime() % 1_000_000));
        String serial = "LC0" + digits;
        Path weapons = tmp.resolve("weapon-" + serial + ".csv");
        Files.writeString(weapons, "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,"
                + "Shenja e importit\npistol,Glock,17,9mm," + serial + ",2010,AT,\n");
        assertThat(run(weapons, "kosovo-firearms").counts()).containsEntry("firearm.created", 1L);
        // Found at a scene before the report came: the officer read the 0 as an O.
        String recovered = Actors.analyst(() -> firearms.recordRecovered(NewFirearms.newFirearm().type("pistol")
                .make("Glock").model("17").calibre("9mm").serial("LCO" + digits).build(), false,
                new Provenance("user:" + Actors.ANALYST, Provenance.Confidence.MEDIUM)));
        Path reports = tmp.resolve("checked-report.csv");
        Files.writeString(reports, "Lloji,Data,Prodhuesi,Modeli,Numri serik,Vendi,Referenca\n"
                + "Vjedhur,,Glock,17," + serial + ",Prizren,PR-" + digits + "\n");

        ImportBatch b = run(reports, "kosovo-lost-stolen");

        assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(b.counts()).containsEntry("report.created", 1L);
        String report = neo4j.query("MATCH (r:LostStolenReport {reference: $ref}) RETURN r.id").bind("PR-" + digits)
                .to("ref").fetchAs(String.class).one().orElseThrow();
        List<LostStolenHit> hits = Actors.analyst(() -> list.hits(report));
        assertThat(hits).as("the earlier recovery is found, as at the desk").anySatisfy(hit -> {
            assertThat(hit.firearm().id()).isEqualTo(recovered);
            assertThat(hit.kind()).isEqualTo(LostStolenHit.Kind.EARLIER_RECOVERY);
            assertThat(MatchReason.texts(hit.reasons(), Locale.ENGLISH)).anySatisfy(r -> assertThat(r).contains("0 read as O"));
        });
        assertThat(Actors.analyst(() -> list.history(report))).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LostStolenReport.EventKind.REPORTED);
            assertThat(e.status()).isEqualTo(LostStolenReport.Status.ACTIVE);
            assertThat(e.by()).isEqualTo("importer");
        });
        List<Alert> raised = Actors.analyst(analyst, () -> alerts.list(new Alert.Filter(Pattern.LOST_STOLEN_MATCH, null, true), 0, 100));
        Alert alert = raised.stream().filter(a -> ("LostStolenReport:" + report).equals(a.subject())).findFirst().orElseThrow();
        assertThat(alert.evidence()).contains("LostStolenReport:" + report, "Firearm:" + recovered);
        assertThat(alert.args()).contains("PR-" + digits);
        assertThat(neo4j.query("MATCH (n:Notification {user: $user, alert: $alert, read: false}) RETURN count(n)")
                .bind(analyst).to("user").bind(alert.id()).to("alert").fetchAs(Long.class).one())
                .as("the analyst is told").contains(1L);
        assertThat(Actors.admin(() -> audit.about("LostStolenReport:" + report, 10))).extracting(AuditEvent::action)
                .contains("lost-stolen.matched");

        Files.writeString(reports, Files.readString(reports) + "\n"); // the same row again: no new event, no new link
        run(reports, "kosovo-lost-stolen");
        assertThat(neo4j.query("""
                        MATCH (r:LostStolenReport {id: $id})
                        RETURN COUNT { (r)-[:HAS_EVENT]->() } + COUNT { (r)-[:MAY_BE]->() }""")
                .bind(report).to("id").fetchAs(Long.class).one()).contains(2L);
    }

    @Test
    void a_report_node_that_cannot_be_read_as_a_report_does_not_stop_the_check_of_the_imported_reports_after_it()
            throws IOException {
        // Neither the register nor the importer writes such a node; a hand-made one must not block the check.
        neo4j.query("CREATE (:LostStolenReport {id: 'odd-' + randomUUID(), kind: 'STOLEN'})").run();
        String digits = String.format("%06d", (int) (System.nanoTime() % 1_000_000));
        Path weapons = tmp.resolve("weapon-od.csv");
        Files.writeString(weapons, "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,"
                + "Shenja e importit\npistol,Glock,17,9mm,OD" + digits + ",2010,AT,\n");
        run(weapons, "kosovo-firearms");
        Path reports = tmp.resolve("after-odd.csv");
        Files.writeString(reports, "Lloji,Data,Prodhuesi,Modeli,Numri serik,Vendi,Referenca\n"
                + "Vjedhur,,Glock,17,OD" + digits + ",Prizren,OD-" + digits + "\n");

        assertThat(run(reports, "kosovo-lost-stolen").counts()).containsEntry("report.created", 1L);

        assertThat(neo4j.query("""
                        MATCH (r:LostStolenReport {reference: $ref})
                        RETURN COUNT { (r)-[:HAS_EVENT]->(:LostStolenEvent {kind: 'REPORTED'}) }""")
                .bind("OD-" + digits).to("ref").fetchAs(Long.class).one()).contains(1L);
    }
}
