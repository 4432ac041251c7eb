package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.graph.GraphProperties;
import org.armstrace.registry.ExtractRows;
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
import org.armstrace.registry.RecordStore;
import org.armstrace.registry.Standing;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A monthly extract is mostly what its source sent last month (issue 27 item 2): such rows are known
 * by their hash from one read per chunk (without a manifest of the source's last extract: with one, from
 * memory, see {@link ManifestReimportTests}), and nothing is written for them. The import runs against the
 * real graph through {@link Recording}, which passes every call on to {@link ImportedRecords} and
 * notes which were made.
 */
@ArmsTraceTest
class QuietReimportTests {

    @Autowired
    RegistryImports imports;
    @Autowired
    ImportedRecords graph;
    @Autowired
    ImportRows rows;
    @Autowired
    ExtractRows extractRows;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    GraphProperties properties;

    @TempDir
    Path tmp;

    final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    @Test
    void people_their_source_sent_before_are_known_by_their_hash_without_matching_or_writing_them_again() throws IOException {
        String rows = person("Berisha", "Arta", "Prizren") + person("Krasniqi", "Dren", "Ferizaj");
        String header = "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n";
        ImportBatch first = run("people-1.csv", header + rows, "kosovo-people", null);
        assertThat(first.counts()).containsEntry("person.created", 2L);

        var recording = new Recording(graph);
        withoutManifest("kosovo-people");
        // The same rows in another file (a blank line more): the same file again would be recognised as a whole.
        ImportBatch again = run("people-2.csv", header + rows + "\n", "kosovo-people", recording);

        assertThat(again.rows("unchanged")).isEqualTo(2);
        assertThat(again.counts()).doesNotContainKeys("person.created", "person.merged", "person.review", "person.changed");
        // Their standing is what the hash read said: not read a second time.
        assertThat(recording.calls).contains("unchanged").doesNotContain("personCandidates", "standings", "writePeople");
    }

    @Test
    void weapons_their_source_sent_before_are_known_by_their_hash_without_fetching_candidates_or_reading_them_twice()
            throws IOException {
        String header = "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,Shenja e importit\n";
        String rows = "pistol,Glock,17,9mm,QW" + tag + ",2010,AT,\n" + "pistol,Glock,19,9mm,QZ" + tag + ",2012,AT,\n";
        ImportBatch first = run("weapons-1.csv", header + rows, "kosovo-firearms", null);
        assertThat(first.counts()).containsEntry("firearm.created", 2L);

        var recording = new Recording(graph);
        withoutManifest("kosovo-firearms");
        ImportBatch again = run("weapons-2.csv", header + rows + "\n", "kosovo-firearms", recording);

        assertThat(again.rows("unchanged")).isEqualTo(2);
        assertThat(again.counts()).containsEntry("firearm.unchanged", 2L)
                .doesNotContainKeys("firearm.created", "firearm.merged", "firearm.review", "firearm.changed");
        assertThat(recording.calls).contains("unchanged").doesNotContain("firearmCandidates", "standings", "writeFirearms");
    }

    @Test
    void a_transfer_and_a_report_already_in_the_graph_are_not_written_again() throws IOException {
        String serial = "QR" + tag;
        run("weapon.csv", "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,Shenja e importit\n"
                + "pistol,Glock,17,9mm," + serial + ",2010,AT,\n", "kosovo-firearms", null);
        String transfers = "Lloji,Data,Prodhuesi,Modeli,Numri serik,Nga,Te,Numri i lejes,Referenca\n"
                + "Import,03.04.2019,Glock,17," + serial + ",,Importer " + tag + ",,C-" + tag + "\n";
        String reports = "Lloji,Data,Prodhuesi,Modeli,Numri serik,Vendi,Referenca\nVjedhur,,Glock,17," + serial + ",Pejë,\n";
        run("transfers-1.csv", transfers, "kosovo-transfers", null);
        run("reports-1.csv", reports, "kosovo-lost-stolen", null);

        var recording = new Recording(graph);
        withoutManifest("kosovo-transfers");
        withoutManifest("kosovo-lost-stolen");
        ImportBatch transfer = run("transfers-2.csv", transfers + "\n", "kosovo-transfers", recording);
        ImportBatch report = run("reports-2.csv", reports + "\n", "kosovo-lost-stolen", recording);

        assertThat(transfer.counts()).containsEntry("transfer.existing", 1L).doesNotContainKey("transfer.created");
        assertThat(report.counts()).containsEntry("report.existing", 1L).doesNotContainKey("report.created");
        assertThat(recording.calls).contains("transfersWritten").doesNotContain("writeTransfers", "writeReports");
    }

    @Test
    void an_unchanged_row_writes_no_row_node_of_its_own_but_is_listed_on_the_batchs_page_and_the_persons() throws IOException {
        String header = "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n";
        String arta = person("Berisha", "Arta", "Prizren");
        String dren = person("Krasniqi", "Dren", "Ferizaj");
        String blerta = person("Gashi", "Blerta", "Pejë");
        ImportBatch first = run("people-a.csv", header + arta + dren + blerta, "kosovo-people", null);

        // Next month: Arta and Blerta as before, Dren's birth place corrected, Lule new.
        ImportBatch again = run("people-b.csv", header + arta + dren.replace("Ferizaj", "Gjilan") + blerta
                + person("Hoxha", "Lule", "Gjakovë"), "kosovo-people", null);

        assertThat(again.rows("unchanged")).isEqualTo(2);
        assertThat(neo4j.query("MATCH (r:ImportRow {batch: $b}) RETURN r.line ORDER BY r.line").bind(again.id()).to("b")
                .fetchAs(Long.class).all()).as("only the changed and the new row have a node of their own").containsExactly(3L, 5L);
        List<ImportRows.Row> page = Actors.admin(() -> rows.page(again.id(), null, 0, 10));
        assertThat(page).extracting(r -> r.line() + " " + r.outcome() + " " + r.detail())
                .containsExactly("2 merged unchanged", "3 merged changed", "4 merged unchanged", "5 created null");
        List<ImportRows.Row> before = Actors.admin(() -> rows.page(first.id(), null, 0, 10));
        assertThat(page.get(0).record()).as("the unchanged row names its record").isEqualTo(before.get(0).record());
        assertThat(page.get(2).record()).isEqualTo(before.get(2).record());
        assertThat(Actors.admin(() -> rows.page(again.id(), "merged", 1, 2))).extracting(ImportRows.Row::line).containsExactly(3, 4);
        assertThat(Actors.admin(() -> rows.count(again.id(), "merged"))).isEqualTo(3);
        assertThat(Actors.admin(() -> rows.count(again.id(), null))).isEqualTo(again.read());

        String artaId = page.get(0).record();
        assertThat(Actors.as("analyst", Role.ANALYST, () -> extractRows.ofPerson(artaId, 50)))
                .extracting(r -> r.fileName() + "#" + r.line() + " " + r.outcome() + " " + r.detail())
                .containsExactly("people-b.csv#2 merged unchanged", "people-a.csv#2 created null");
    }

    String person(String family, String given, String place) {
        String nid = String.format("8%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        // Letters only, so that the name is valid: this test's own people, never matched to another test's.
        String own = tag.chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + c - '0' : c)))
                .reduce("", String::concat).toLowerCase(Locale.ROOT);
        // A birth date of this test's own too: with a shared one, another test's namesake (same family name and
        // place, a given name one random suffix away) was close enough to send a row to review.
        int h = Math.floorMod(tag.hashCode(), 28 * 12 * 50);
        String born = String.format("%02d.%02d.%d", 1 + h % 28, 1 + h / 28 % 12, 1940 + h / (28 * 12));
        return String.join(",", nid, given + own, family, "Agim", born, place) + "\n";
    }

    /**
     * Removes the source's manifest of its last extract, so that the next run reads the graph as it did before
     * manifests (and as it still does without one): see {@link ManifestReimportTests} for the run with one.
     */
    void withoutManifest(String profile) throws IOException {
        Files.deleteIfExists(ExtractManifest.file(properties.dataDir().resolve(ExtractManifests.DIR), profile));
    }

    /** Imports the text as a file; through {@code store} when given (the batch runs as any other), else the graph. */
    ImportBatch run(String name, String content, String profile, RecordStore store) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        ImportBatch b = Actors.as("importer", Role.ADMIN, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                var stored = imports.store(name, in);
                MappingProfile p = imports.profile(profile).orElseThrow();
                return store == null ? imports.runNow(stored, p, false, x -> { }).batch()
                        : imports.runStaged(stored, p, store, x -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(b.rejected()).isZero();
        return b;
    }

    /** The graph's record store, noting the name of every call made to it. */
    static final class Recording implements RecordStore {
        /** Called from the import's reading thread too (it looks at chunks ahead). */
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private final ImportedRecords graph;

        Recording(ImportedRecords graph) {
            this.graph = graph;
        }

        private <T> T noted(String call, T result) {
            calls.add(call);
            return result;
        }

        @Override
        public boolean readableWhileWriting() {
            return graph.readableWhileWriting();
        }

        @Override
        public FirearmIdentity identify(String make, String model, String serialAsRead) {
            return graph.identify(make, model, serialAsRead);
        }

        @Override
        public Map<Integer, List<FirearmCandidate>> firearmCandidates(List<FirearmIdentity> keys) {
            return noted("firearmCandidates", graph.firearmCandidates(keys));
        }

        @Override
        public Map<Integer, List<PersonCandidate>> personCandidates(List<PersonBlocks> keys) {
            return noted("personCandidates", graph.personCandidates(keys));
        }

        @Override
        public Set<String> existing(Kind kind, Collection<String> ids) {
            return noted("existing", graph.existing(kind, ids));
        }

        @Override
        public Map<String, String> peopleByNationalId(List<String> keys) {
            return noted("peopleByNationalId", graph.peopleByNationalId(keys));
        }

        @Override
        public Map<String, String> organisationsByCode() {
            return graph.organisationsByCode();
        }

        @Override
        public Map<String, List<String>> licencesByNumber(List<String> keys) {
            return noted("licencesByNumber", graph.licencesByNumber(keys));
        }

        @Override
        public int addMissingBlockKeys() {
            return graph.addMissingBlockKeys();
        }

        @Override
        public Map<String, Standing> standings(Kind kind, List<? extends Row<?>> rows, Set<String> ownBatches) {
            return noted("standings", graph.standings(kind, rows, ownBatches));
        }

        @Override
        public Set<String> unchanged(Kind kind, Collection<? extends Row<?>> rows) {
            return noted("unchanged", graph.unchanged(kind, rows));
        }

        @Override
        public Set<String> transfersWritten(Collection<Row<TransferRow>> rows) {
            return noted("transfersWritten", graph.transfersWritten(rows));
        }

        @Override
        public void writeChanges(Kind kind, List<? extends Row<?>> rows, Map<String, Standing> standings, String reason) {
            noted("writeChanges", null);
            graph.writeChanges(kind, rows, standings, reason);
        }

        @Override
        public List<String> flagMissing(Kind kind, String profile, Set<String> ownBatches, Set<String> seen, String batch) {
            return noted("flagMissing", graph.flagMissing(kind, profile, ownBatches, seen, batch));
        }

        @Override
        public void writeOrganisations(List<Row<NewOrganisation>> rows, String batch) {
            noted("writeOrganisations", null);
            graph.writeOrganisations(rows, batch);
        }

        @Override
        public void writePeople(List<Row<NewPerson>> rows, String batch) {
            noted("writePeople", null);
            graph.writePeople(rows, batch);
        }

        @Override
        public void writeFirearms(List<Row<NewFirearm>> rows, String batch) {
            noted("writeFirearms", null);
            graph.writeFirearms(rows, batch);
        }

        @Override
        public void writeLicences(List<Row<LicenceRow>> rows, String batch) {
            noted("writeLicences", null);
            graph.writeLicences(rows, batch);
        }

        @Override
        public void writeTransfers(List<Row<TransferRow>> rows, String batch) {
            noted("writeTransfers", null);
            graph.writeTransfers(rows, batch);
        }

        @Override
        public void writeReports(List<Row<ReportRow>> rows, String batch) {
            noted("writeReports", null);
            graph.writeReports(rows, batch);
        }
    }
}
