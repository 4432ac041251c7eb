package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
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

/**
 * A monthly extract is mostly what its source sent last month (issue 27 item 2): such rows are known
 * by their hash from one read per chunk, and nothing is written for them. The import runs against the
 * real graph through {@link Recording}, which passes every call on to {@link ImportedRecords} and
 * notes which were made.
 */
@ArmsTraceTest
class QuietReimportTests {

    @Autowired
    RegistryImports imports;
    @Autowired
    ImportedRecords graph;

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
        // The same rows in another file (a blank line more): the same file again would be recognised as a whole.
        ImportBatch again = run("people-2.csv", header + rows + "\n", "kosovo-people", recording);

        assertThat(again.rows("unchanged")).isEqualTo(2);
        assertThat(again.counts()).doesNotContainKeys("person.created", "person.merged", "person.review", "person.changed");
        assertThat(recording.calls).contains("unchanged", "standings").doesNotContain("personCandidates", "writePeople");
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
        ImportBatch transfer = run("transfers-2.csv", transfers + "\n", "kosovo-transfers", recording);
        ImportBatch report = run("reports-2.csv", reports + "\n", "kosovo-lost-stolen", recording);

        assertThat(transfer.counts()).containsEntry("transfer.existing", 1L).doesNotContainKey("transfer.created");
        assertThat(report.counts()).containsEntry("report.existing", 1L).doesNotContainKey("report.created");
        assertThat(recording.calls).contains("transfersWritten").doesNotContain("writeTransfers", "writeReports");
    }

    String person(String family, String given, String place) {
        String nid = String.format("8%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        // Letters only, so that the name is valid: this test's own people, never matched to another test's.
        String own = tag.chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + c - '0' : c)))
                .reduce("", String::concat).toLowerCase(Locale.ROOT);
        return String.join(",", nid, given + own, family, "Agim", "01.02.1980", place) + "\n";
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
        final List<String> calls = new ArrayList<>();
        private final ImportedRecords graph;

        Recording(ImportedRecords graph) {
            this.graph = graph;
        }

        private <T> T noted(String call, T result) {
            calls.add(call);
            return result;
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
        public Map<String, Standing> standings(Kind kind, List<? extends Row<?>> rows) {
            return noted("standings", graph.standings(kind, rows));
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
        public List<String> flagMissing(Kind kind, String profile, Set<String> seen, String batch) {
            return noted("flagMissing", graph.flagMissing(kind, profile, seen, batch));
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
