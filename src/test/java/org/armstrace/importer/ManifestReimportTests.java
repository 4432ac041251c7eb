package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.graph.GraphProperties;
import org.armstrace.registry.ErasureOrders;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.RecordStore;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A monthly re-import recognises the rows its source sent exactly so last time from the manifest of the
 * source's last completed extract ({@link ExtractManifest}), without reading their records or resolving what
 * they name (issue 27 item 2); everything else takes the graph path as before, and a manifest that is not of
 * the source's newest completed batch, or cannot be read, is not used. The graph is reached through
 * {@link QuietReimportTests.Recording}, which notes every call. Each test has a source (profile) and people of its own.
 */
@ArmsTraceTest
@ExtendWith(OutputCaptureExtension.class)
class ManifestReimportTests {

    private static final String HEADER = "Mbajtësi;Numri personal;Data e lindjes;Vendlindja;Leja;Lloji i lejes;Lëshuar nga;"
            + "E vlefshme nga;E vlefshme deri;Arma;Prodhuesi;Modeli;Kalibri;Numri serik\n";

    /** What the graph path reads to know a row's record, or writes for it: none of it for an unchanged row. */
    private static final String[] RECORD_READS_AND_WRITES = {"unchanged", "standings", "personCandidates", "firearmCandidates",
            "existing", "peopleByNationalId", "licencesByNumber", "transfersWritten", "writeChanges", "writePeople",
            "writeFirearms", "writeLicences", "writeTransfers", "writeReports"};

    @Autowired
    RegistryImports imports;
    @Autowired
    ImportedRecords graph;
    @Autowired
    ImportRows rows;
    @Autowired
    PersonRegistry people;
    @Autowired
    GraphProperties properties;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    ErasureOrders erasures;

    @TempDir
    Path tmp;

    final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    /** A holder with his licence and weapon, one row of the register. */
    record Holder(String name, String nid, String born, String place, String licence, String serial) {

        String row() {
            return String.join(";", name, nid, born, place, licence, "Gjueti", "MPB", "01.02.2015", "01.02.2035", "pistol",
                    "CZ", "75", "9mm", serial) + "\n";
        }

        Holder bornIn(String other) {
            return new Holder(name, nid, born, other, licence, serial);
        }
    }

    @Test
    void the_same_extract_again_is_known_from_the_manifest_without_reading_a_record_or_writing_one() throws IOException {
        MappingProfile source = source();
        List<Holder> register = List.of(holder(1, "Berisha", "Arben", "Prizren"), holder(2, "Krasniqi", "Blerim", "Pejë"),
                holder(3, "Gashi", "Drilon", "Ferizaj"));
        ImportBatch first = run(source, "same-1.csv", register, "", null);
        assertThat(first.rows("created")).isEqualTo(3);

        var recording = new QuietReimportTests.Recording(graph);
        ImportBatch again = run(source, "same-2.csv", register, "\n", recording);

        assertThat(again.rows("unchanged")).isEqualTo(3);
        assertThat(again.counts()).containsEntry("person.unchanged", 3L).containsEntry("firearm.unchanged", 3L)
                .containsEntry("licence.unchanged", 3L)
                .doesNotContainKeys("person.created", "person.changed", "firearm.created", "firearm.changed", "licence.changed",
                        "person.missing", "firearm.missing", "licence.missing");
        assertThat(recording.calls).as("no record read to know the rows, none written").doesNotContain(RECORD_READS_AND_WRITES);
        // Listed as before: the unchanged rows' page names their records.
        assertThat(Actors.admin(() -> rows.page(again.id(), null, 0, 10))).extracting(r -> r.line() + " " + r.outcome() + " "
                + r.detail() + " " + r.record())
                .containsExactlyElementsOf(Actors.admin(() -> rows.page(first.id(), null, 0, 10)).stream()
                        .map(r -> r.line() + " merged unchanged " + r.record()).toList());
    }

    @Test
    void unchanged_licence_transfer_and_report_rows_are_counted_unchanged_without_resolving_what_they_name() throws IOException {
        String nid = String.format("6%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        String serial = "MQ" + tag;
        String licence = "ML-" + tag;
        String own = tag.chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + c - '0' : c)))
                .reduce("", String::concat).toLowerCase(Locale.ROOT);
        run("kosovo-people", "people.csv", "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n"
                + nid + ",Liridon" + own + ",Krasniqi,Agim,04.05.1961,Lipjan\n", null);
        run("kosovo-firearms", "weapons.csv", "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,"
                + "Shenja e importit\npistol,Glock,17,9mm," + serial + ",2010,AT,\n", null);
        String licences = "Numri i lejes,Lloji i lejes,Lëshuar nga,E vlefshme nga,E vlefshme deri,Numri personal i mbajtësit,"
                + "Kodi i mbajtësit,Prodhuesi,Modeli,Numri serik\n" + licence + ",Sport,MPB,01.03.2017,01.03.2027," + nid
                + ",,Glock,17," + serial + "\n";
        String transfers = "Lloji,Data,Prodhuesi,Modeli,Numri serik,Nga,Te,Numri i lejes,Referenca\n"
                + "Import,03.04.2019,Glock,17," + serial + ",," + nid + "," + licence + ",C-" + tag + "\n";
        String reports = "Lloji,Data,Prodhuesi,Modeli,Numri serik,Vendi,Referenca\nVjedhur,,Glock,17," + serial + ",Pejë,R-" + tag + "\n";
        assertThat(run("kosovo-licences", "licences-1.csv", licences, null).counts()).containsEntry("licence.created", 1L);
        ImportBatch firstTransfers = run("kosovo-transfers", "transfers-1.csv", transfers, null);
        assertThat(firstTransfers.counts()).containsEntry("transfer.created", 1L);
        assertThat(issues(firstTransfers)).as("party and licence found").filteredOn(i -> i.line() > 0).isEmpty();
        run("kosovo-lost-stolen", "reports-1.csv", reports, null);

        var recording = new QuietReimportTests.Recording(graph);
        ImportBatch l = run("kosovo-licences", "licences-2.csv", licences + "\n", recording);
        ImportBatch t = run("kosovo-transfers", "transfers-2.csv", transfers + "\n", recording);
        ImportBatch r = run("kosovo-lost-stolen", "reports-2.csv", reports + "\n", recording);

        assertThat(l.counts()).containsEntry("licence.unchanged", 1L).containsEntry("row.unchanged", 1L)
                .doesNotContainKeys("licence.changed", "licence.created");
        assertThat(t.counts()).containsEntry("transfer.existing", 1L).containsEntry("row.unchanged", 1L)
                .doesNotContainKey("transfer.created");
        assertThat(r.counts()).containsEntry("report.existing", 1L).containsEntry("row.unchanged", 1L)
                .doesNotContainKey("report.created");
        assertThat(recording.calls).as("no weapon, holder, party or licence resolved, nothing read or written")
                .doesNotContain(RECORD_READS_AND_WRITES);
    }

    @Test
    void a_row_known_unchanged_stands_its_person_before_a_later_row_of_the_chunk_that_says_otherwise() throws IOException {
        var places = new ArrayList<Object>();
        var counts = new ArrayList<Map<String, Long>>();
        for (boolean manifest : List.of(true, false)) {
            MappingProfile source = source();
            Holder first = holder(1, "Kastrati", "Driton", "Prizren", (manifest ? "K" : "L") + tag, manifest ? 1958 : 1989);
            // The same person with a second weapon and licence of his own.
            Holder second = new Holder(first.name(), first.nid(), first.born(), first.place(), first.licence() + "B",
                    first.serial() + "B");
            run(source, "holder-1.csv", List.of(first, second), "", null);
            if (!manifest) {
                Files.deleteIfExists(ExtractManifest.file(properties.dataDir().resolve(ExtractManifests.DIR), source.name()));
            }
            // Next month the first row as before; the second says he was born elsewhere (the source contradicts itself).
            ImportBatch next = run(source, "holder-2.csv", List.of(first, second.bornIn("Gjakovë")), "", null);
            counts.add(next.counts());
            places.add(neo4j.query("MATCH (p:Person {nationalIdKey: $nid}) RETURN p.birthPlace").bind(first.nid()).to("nid")
                    .fetchAs(String.class).one().orElseThrow());
        }
        assertThat(places).as("the first row names him first: as it is unchanged, so is he").containsExactly("Prizren", "Prizren");
        assertThat(counts.get(0)).isEqualTo(counts.get(1)).doesNotContainKey("person.changed");
    }

    @Test
    void a_corrupt_manifest_is_ignored_with_a_log_line_and_the_run_reads_the_graph(CapturedOutput output) throws IOException {
        MappingProfile source = source();
        List<Holder> register = List.of(holder(1, "Bytyqi", "Ilir", "Suharekë"), holder(2, "Sylaj", "Mentor", "Malishevë"));
        run(source, "corrupt-1.csv", register, "", null);
        Path manifest = ExtractManifest.file(properties.dataDir().resolve(ExtractManifests.DIR), source.name());
        byte[] whole = Files.readAllBytes(manifest);
        Files.write(manifest, java.util.Arrays.copyOf(whole, whole.length / 2)); // cut short, as a bad copy would be

        var recording = new QuietReimportTests.Recording(graph);
        ImportBatch again = run(source, "corrupt-2.csv", register, "\n", recording);

        assertThat(again.rows("unchanged")).isEqualTo(2);
        assertThat(recording.calls).as("the graph read instead").contains("unchanged");
        assertThat(output.getAll()).contains("the manifest of " + source.name() + " could not be read");
        // That run wrote a whole one, which the next run uses.
        var next = new QuietReimportTests.Recording(graph);
        assertThat(run(source, "corrupt-3.csv", register, "\n\n", next).rows("unchanged")).isEqualTo(2);
        assertThat(next.calls).doesNotContain("unchanged");
    }

    @Test
    void changed_new_returned_and_desk_corrected_records_come_out_as_they_do_without_a_manifest() throws IOException {
        Month withManifest = months(true);
        Month without = months(false);

        assertThat(withManifest.counts).isEqualTo(without.counts);
        assertThat(withManifest.rows).isEqualTo(without.rows);
        assertThat(withManifest.issues).isEqualTo(without.issues);
        assertThat(withManifest.counts.get(1)).as("month 2").containsEntry("person.field.birthPlace", 1L).containsEntry("person.conflict", 1L)
                .containsEntry("person.missing", 1L).containsEntry("person.created", 1L);
        assertThat(withManifest.counts.get(2)).as("month 3: A (flagged by another source) and C returned")
                .doesNotContainKeys("person.changed", "person.created", "person.missing");
        assertThat(withManifest.flags).as("the records flagged missing are returned, flags lifted").containsOnlyNulls();
        assertThat(without.flags).containsOnlyNulls();
        assertThat(withManifest.versions).as("B's birth place changed in month 2: a version each way").isEqualTo(without.versions)
                .isEqualTo(List.of(0L, 1L, 0L, 0L, 0L, 0L));
    }

    @Test
    void a_manifest_of_an_older_batch_or_from_before_a_failed_run_is_not_used() throws IOException {
        MappingProfile source = source();
        Holder a = holder(1, "Morina", "Besnik", "Vushtrri");
        Holder b = holder(2, "Rama", "Luan", "Gjilan");
        run(source, "old-1.csv", List.of(a, b), "", null);
        Path manifest = ExtractManifest.file(properties.dataDir().resolve(ExtractManifests.DIR), source.name());
        byte[] older = Files.readAllBytes(manifest);
        run(source, "old-2.csv", List.of(a, b.bornIn("Mitrovicë")), "", null);

        // A backup's manifest, say: it knows B born in Gjilan, the graph since knows him born in Mitrovicë.
        Files.write(manifest, older);
        ImportBatch back = run(source, "old-3.csv", List.of(a, b), "\n", null);
        assertThat(back.counts()).as("B's birth place changed back, as the graph says").containsEntry("person.field.birthPlace", 1L)
                .containsEntry("person.unchanged", 1L);

        // A run of the source that failed after the last completed one: its manifest is not trusted either.
        ImportBatch failed = Actors.as("importer", Role.ADMIN, () -> {
            try (InputStream in = new java.io.ByteArrayInputStream("Emri\nX\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return imports.runNow(imports.store("old-broken.csv", in), source, false, p -> { }).batch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(failed.status()).isEqualTo(ImportBatch.Status.FAILED);
        var recording = new QuietReimportTests.Recording(graph);
        ImportBatch after = run(source, "old-4.csv", List.of(a, b), "\n\n", recording);
        assertThat(after.rows("unchanged")).isEqualTo(2);
        assertThat(recording.calls).as("the graph read instead").contains("unchanged");
        // That completed run wrote a manifest of its own, which the next run uses.
        var next = new QuietReimportTests.Recording(graph);
        run(source, "old-5.csv", List.of(a, b), "\n\n\n", next);
        assertThat(next.calls).doesNotContain("unchanged");
    }

    /** Three months of one source: counts, row outcomes and issue codes by month, the flags and versions left on the people. */
    record Month(List<Map<String, Long>> counts, List<List<String>> rows, List<List<String>> issues, List<Object> flags,
                 List<Long> versions) {
    }

    /**
     * Month 1: A to E. The desk corrects D's birth place; an erasure order empties E's personal data. Month 2: A, B
     * born elsewhere, C gone (flagged), D born elsewhere too (a conflict with the desk), E as before, F new. Then
     * another source's full extract flags A (as if). Month 3: everyone of month 2 as then, and C back: A and C are
     * returned, the rest unchanged.
     */
    Month months(boolean manifest) throws IOException {
        MappingProfile source = source();
        Path file = ExtractManifest.file(properties.dataDir().resolve(ExtractManifests.DIR), source.name());
        // Each run of the months its own weapons, licences and birth year: the other run's are not these people.
        String own = (manifest ? "W" : "N") + tag;
        int year = manifest ? 1956 : 1987;
        Holder a = holder(1, "Hoxha", "Ermal", "Gjakovë", own, year);
        Holder b = holder(2, "Shala", "Fatos", "Istog", own, year);
        Holder c = holder(3, "Kelmendi", "Valon", "Pejë", own, year);
        Holder d = holder(4, "Ahmeti", "Genc", "Podujevë", own, year);
        Holder e = holder(5, "Morina", "Arta", "Prizren", own, year);
        Holder f = holder(6, "Rexhepi", "Lule", "Deçan", own, year);
        var batches = new ArrayList<ImportBatch>();
        batches.add(run(source, "month-1.csv", List.of(a, b, c, d, e), "", null));
        String dId = personId(d);
        Actors.as("clerk", Role.ADMIN, () -> people.correct(dId, new NewPerson("Genc", "Ahmeti", "Agim",
                LocalDate.of(year, 3, 4), "Obiliq", d.nid()), "birth certificate seen",
                new Provenance("user:clerk", Provenance.Confidence.HIGH)));
        String eId = personId(e);
        Actors.as("dpo", Role.ADMIN, () -> erasures.erase(eId, "ORDER-" + own, "court order"));
        if (!manifest) {
            Files.deleteIfExists(file);
        }
        batches.add(run(source, "month-2.csv", List.of(a, b.bornIn("Klinë"), d.bornIn("Drenas"), e, f), "", null));
        assertThat(Files.exists(file)).isTrue();
        neo4j.query("MATCH (p:Person {nationalIdKey: $nid}) SET p.notInLatestExtract = date(), p.notInLatestBatch = 'other'")
                .bind(a.nid()).to("nid").run();
        if (!manifest) {
            Files.deleteIfExists(file);
        }
        batches.add(run(source, "month-3.csv", List.of(a, b.bornIn("Klinë"), c, d.bornIn("Drenas"), e, f), "\n", null));
        var counts = new ArrayList<Map<String, Long>>();
        var outcomes = new ArrayList<List<String>>();
        var issues = new ArrayList<List<String>>();
        for (ImportBatch batch : batches) {
            counts.add(new LinkedHashMap<>(batch.counts()));
            outcomes.add(Actors.admin(() -> rows.page(batch.id(), null, 0, 20)).stream()
                    .map(r -> r.line() + " " + r.outcome() + " " + r.detail() + " " + r.kind()).toList());
            issues.add(Actors.as("importer", Role.ADMIN, () -> imports.issues(batch.id(), 0, 100)).stream()
                    .map(i -> i.line() + " " + i.code()).sorted().toList());
        }
        var flags = new ArrayList<>();
        var versions = new ArrayList<Long>();
        for (Holder h : List.of(a, b, c, d, e, f)) {
            String id = h == e ? eId : personId(h);
            flags.add(neo4j.query("MATCH (p:Person {id: $id}) RETURN p.notInLatestExtract").bind(id).to("id")
                    .fetchAs(Object.class).one().orElse(null));
            // Versions the imports wrote (the desk's correction and the erasure are versions of their own).
            versions.add(neo4j.query("MATCH (:Person {id: $id})-[:HAS_VERSION]->(v) WHERE v.source STARTS WITH 'import:' "
                    + "RETURN count(v)").bind(id).to("id").fetchAs(Long.class).one().orElseThrow());
        }
        return new Month(counts, outcomes, issues, flags, versions);
    }

    String personId(Holder h) {
        return neo4j.query("MATCH (p:Person {nationalIdKey: $nid}) RETURN p.id").bind(h.nid()).to("nid")
                .fetchAs(String.class).one().orElseThrow();
    }

    /** Imports the text as a file of one of the shipped profiles; through {@code store} when given, else the graph. */
    ImportBatch run(String profile, String name, String content, RecordStore store) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        ImportBatch b = Actors.as("importer", Role.ADMIN, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                var stored = imports.store(name, in);
                MappingProfile p = imports.profile(profile).orElseThrow();
                return store == null ? imports.runNow(stored, p, false, x -> { }).batch() : imports.runStaged(stored, p, store, x -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(b.rejected()).isZero();
        return b;
    }

    List<Issue> issues(ImportBatch b) {
        return Actors.as("importer", Role.ADMIN, () -> imports.issues(b.id(), 0, 100));
    }

    /** A full extract of a register of its own: its people, weapons and licences. */
    MappingProfile source() {
        MappingProfile mpb = Actors.as("importer", Role.ADMIN, () -> imports.profile("mpb-registry-extract").orElseThrow());
        return new MappingProfile("manifest-" + UUID.randomUUID().toString().substring(0, 8), "a monthly register", mpb.kind(),
                mpb.format(), mpb.columns(), mpb.dateFormats(), mpb.nameOrder(), mpb.organisationKind(), true);
    }

    Holder holder(int i, String family, String given, String place) {
        return holder(i, family, given, place, tag, 1975);
    }

    /** A holder with a licence and weapon of this tag, born in this year. */
    Holder holder(int i, String family, String given, String place, String tag, int year) {
        String nid = String.format("7%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return new Holder(family + " (Agim) " + given, nid, "0" + i + ".03." + year, place, "MF-" + tag + "/" + i, "M" + tag + i);
    }

    /** Imports the rows (and trailer) as a file of the source; through {@code store} when given, else the graph. */
    ImportBatch run(MappingProfile source, String name, List<Holder> holders, String trailer, RecordStore store) throws IOException {
        Path file = tmp.resolve(name);
        var csv = new StringBuilder(HEADER);
        holders.forEach(h -> csv.append(h.row()));
        csv.append(trailer);
        Files.writeString(file, csv);
        ImportBatch b = Actors.as("importer", Role.ADMIN, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                var stored = imports.store(name, in);
                return store == null ? imports.runNow(stored, source, false, p -> { }).batch()
                        : imports.runStaged(stored, source, store, p -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(b.rejected()).isZero();
        return b;
    }
}
