package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.MatchReason;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.SerialQuery;
import org.armstrace.registry.SerialSearch;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Imports of the samples through the real service and the embedded graph. */
@ArmsTraceTest
@SuppressWarnings("unchecked")
class RegistryImportsTests {

    static final Path SAMPLES = Path.of("import/samples");

    @Autowired
    RegistryImports imports;
    @Autowired
    Neo4jClient neo4j;

    @Autowired
    FirearmRegistry firearms;
    @Autowired
    PersonRegistry registeredPeople;
    @Autowired
    ReferenceData reference;
    @Autowired
    SerialSearch search;

    @TempDir
    Path tmp;

    ImportBatch run(String sample, String profile) {
        return run(SAMPLES.resolve(sample), profile, false).batch();
    }

    RegistryImports.Started run(Path file, String profile, boolean dryRun) {
        return Actors.as("importer", Role.ADMIN, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                RegistryImports.StoredFile stored = imports.store(file.getFileName().toString(), in);
                return imports.runNow(stored, imports.profile(profile).orElseThrow(), dryRun, p -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    List<Issue> issues(ImportBatch b) {
        return Actors.as("importer", Role.ADMIN, () -> imports.issues(b.id(), 0, 1_000));
    }

    long count(String label) {
        return neo4j.query("MATCH (n:" + label + ") RETURN count(n)").fetchAs(Long.class).one().orElseThrow();
    }

    /** One pistol, imported from a firearms extract of one row; the batch is checked to account for it. */
    ImportBatch importWeapon(String make, String model, String serial) throws IOException {
        Path file = tmp.resolve("weapon-" + serial + ".csv");
        Files.writeString(file, "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,Shenja e importit\n"
                + "pistol," + make + "," + model + ",9mm," + serial + ",2010,AT,\n");
        ImportBatch b = run(file, "kosovo-firearms", false).batch();
        accountedFor(b);
        return b;
    }

    static void accountedFor(ImportBatch b) {
        assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(b.accepted() + b.rejected()).as("accepted + rejected = read").isEqualTo(b.read());
    }

    ImportBatch organisationsAndPeople() {
        run("organisations.csv", "kosovo-organisations");
        return run("people.csv", "kosovo-people");
    }

    @Test
    void people_are_imported_with_every_row_accounted_for_and_each_defect_reported_on_its_line() {
        ImportBatch b = organisationsAndPeople();
        accountedFor(b);
        assertThat(b.read()).isEqualTo(2_006);
        assertThat(b.rejected()).isEqualTo(4);
        List<Issue> issues = issues(b);
        assertThat(issues).filteredOn(i -> i.severity() == Issue.Severity.REJECTED).extracting(Issue::code)
                .containsExactlyInAnyOrder("date-invalid", "person-name-required", "national-id-invalid", "date-invalid");
        // An identical row is kept as the record its twin made, with a warning naming the twin's line.
        assertThat(issues).filteredOn(i -> i.code().equals("row-duplicate")).singleElement()
                .satisfies(i -> assertThat(i.severity()).isEqualTo(Issue.Severity.WARNING));
        assertThat(issues).filteredOn(i -> i.code().equals("name-mixed-scripts")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(2_007));
        assertThat(b.counts()).containsEntry("person.created", 2_001L);
    }

    @Test
    void every_imported_fact_carries_its_batch_file_and_row() {
        ImportBatch b = organisationsAndPeople();
        Map<String, Object> p = neo4j.query("""
                        MATCH (p:Person {nationalIdKey: '0311001000000'}) RETURN p.source AS source, p.importBatch AS batch,
                               p.familyName AS family
                        """).fetch().one().orElseThrow();
        assertThat(p).containsEntry("source", "import:people.csv#row=2").containsEntry("family", "Lazić");
        assertThat((String) p.get("batch")).isNotBlank();
    }

    @Test
    void a_run_marks_its_batch_alive_at_its_start_and_at_every_checkpoint() {
        ImportBatch b = organisationsAndPeople();
        Map<String, Object> times = neo4j.query("""
                        MATCH (b:ImportBatch {id: $id}) RETURN b.startedAt <= b.aliveAt <= b.finishedAt AS inOrder""")
                .bind(b.id()).to("id").fetch().one().orElseThrow();
        assertThat(times).as("what tells a shared server's other processes the batch is being run").containsEntry("inOrder", true);
    }

    @Test
    void importing_the_same_file_again_creates_nothing_and_says_so() {
        organisationsAndPeople();
        long people = count("Person");
        RegistryImports.Started again = run(SAMPLES.resolve("people.csv"), "kosovo-people", false);
        assertThat(again.repeated()).isTrue();
        assertThat(again.batch().status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(count("Person")).isEqualTo(people);
    }

    @Test
    void the_same_rows_in_another_file_are_recognised_and_create_nothing_new() throws IOException {
        organisationsAndPeople();
        long people = count("Person");
        Path copy = tmp.resolve("people-again.csv");
        Files.writeString(copy, Files.readString(SAMPLES.resolve("people.csv")) + "\n");
        ImportBatch b = run(copy, "kosovo-people", false).batch();
        accountedFor(b);
        assertThat(count("Person")).isEqualTo(people);
        // The same source saying the same again: recognised by each record's hash of what it said, and not written.
        assertThat(b.counts()).doesNotContainKey("person.created").containsEntry("person.unchanged", 2_001L);
    }

    @Test
    void a_personal_number_already_held_by_someone_else_keeps_the_row_apart_and_asks_an_analyst() throws IOException {
        organisationsAndPeople();
        long people = count("Person");
        Path file = tmp.resolve("people-number-taken.csv");
        // Fitore Osmani's number (people.csv, line 4) on somebody else entirely.
        Files.writeString(file, "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n"
                + "0708996000003,Arta,Krasniqi,Bujar,1985-04-12,Pejë\n");

        ImportBatch b = run(file, "kosovo-people", false).batch();

        accountedFor(b);
        assertThat(b.counts()).containsEntry("person.created", 1L).containsEntry("person.review", 1L);
        assertThat(count("Person")).isEqualTo(people + 1);
        assertThat(neo4j.query("""
                        MATCH (p:Person {nationalIdKey: '0708996000003'}) RETURN p.givenName + ' ' + p.familyName AS name
                        ORDER BY name""").fetchAs(String.class).all()).containsExactly("Arta Krasniqi", "Fitore Osmani");
        Map<String, Object> decision = neo4j.query("""
                        MATCH (d:MatchDecision {batch: $b}), (r:Person {id: d.recordId}), (c:Person {id: d.candidateId})
                        RETURN d.status AS status, r.givenName AS record, c.givenName AS candidate""")
                .bind(b.id()).to("b").fetch().one().orElseThrow();
        assertThat(decision).containsEntry("status", "PENDING").containsEntry("record", "Arta")
                .containsEntry("candidate", "Fitore");

        Path again = tmp.resolve("people-number-taken-again.csv");
        Files.writeString(again, Files.readString(file) + "\n");
        ImportBatch repeat = run(again, "kosovo-people", false).batch();
        accountedFor(repeat);
        assertThat(repeat.counts()).containsEntry("person.unchanged", 1L).doesNotContainKeys("person.created", "person.review");
        assertThat(count("Person")).isEqualTo(people + 1);
    }

    @Test
    void a_person_written_differently_a_chunk_later_in_the_same_file_is_merged_not_created_twice() throws IOException {
        // A chunk is 5,000 rows: the second spelling is matched against what the first chunk wrote.
        var csv = new StringBuilder("Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n");
        csv.append(",Nenad,Zvrkotić,Goran,1980-05-06,Gjilan\n");
        for (int i = 0; i < 5_100; i++) {
            // Nobody else: names and a date of birth of their own.
            csv.append(",Fil").append(letters(i)).append(",Zvr").append(letters(i)).append(",Agim,")
                    .append(LocalDate.of(1930, 1, 1).plusDays(5L * i)).append(",Prizren\n");
        }
        csv.append(",Neand,Zvrkotić,Goran,1980-05-06,Gjilan\n");
        Path file = tmp.resolve("people-two-chunks.csv");
        Files.writeString(file, csv);

        ImportBatch b = run(file, "kosovo-people", false).batch();

        accountedFor(b);
        assertThat(b.read()).isEqualTo(5_102);
        assertThat(b.counts()).containsEntry("person.merged", 1L);
        assertThat(neo4j.query("MATCH (p:Person {familyName: 'Zvrkotić'}) RETURN count(p)").fetchAs(Long.class).one())
                .contains(1L);
    }

    @Test
    void a_second_extract_with_swapped_names_and_a_missing_date_of_birth_is_merged_or_reviewed_not_duplicated()
            throws IOException {
        String header = "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n";
        Path first = tmp.resolve("people-first.csv");
        Files.writeString(first, header + ",Vëllazërim,Zhubaj,Agim,1977-10-21,Prizren\n"
                + ",Dardanë,Kuçaj,Ramë,1983-02-14,Pejë\n");
        accountedFor(run(first, "kosovo-people", false).batch());
        long people = count("Person");
        Path second = tmp.resolve("people-second.csv");
        // Family name first, and in Cyrillic; the other without a date of birth, her town in Serbian.
        Files.writeString(second, header + ",Жубај,Велазерим,,1977-10-21,Призрен\n"
                + ",Dardane,Kucaj,,,Peć\n");

        ImportBatch b = run(second, "kosovo-people", false).batch();

        accountedFor(b);
        assertThat(b.counts()).containsEntry("person.merged", 1L).containsEntry("person.review", 1L);
        assertThat(count("Person")).as("only the undated row is a record of its own, pending review").isEqualTo(people + 1);
        Map<String, Object> review = neo4j.query("""
                        MATCH (d:MatchDecision {batch: $b, status: 'PENDING'}), (c:Person {id: d.candidateId})
                        RETURN c.givenName AS candidate, d.reasons AS reasons""")
                .bind(b.id()).to("b").fetch().one().orElseThrow();
        assertThat(review).containsEntry("candidate", "Dardanë");
        assertThat((List<String>) review.get("reasons")).contains("born-missing", "given-equal", "family-equal", "place-equal");
        assertThat(neo4j.query("""
                        MATCH (d:MatchDecision {batch: $b, status: 'AUTO_MERGED'}) RETURN d.reasons AS reasons""")
                .bind(b.id()).to("b").fetchAs(List.class).mappedBy((t, r) -> r.get("reasons").asList()).one().orElseThrow())
                .contains("name-swapped", "born-equal");
    }

    /**
     * 0 → "bobobobo", 1 → "bobobodo", …: distinct name endings that stay distinct when folded (no
     * doubled letters, no h, q, x or y, which folding merges: "ffc" and "fch" are one name to the
     * matcher).
     */
    private static String letters(int i) {
        String consonants = "bdfgklmnpt";
        var sb = new StringBuilder();
        for (int d = 1000; d >= 1; d /= 10) {
            sb.append(consonants.charAt(i / d % 10)).append('o');
        }
        return sb.toString();
    }

    @Test
    void a_cyrillic_extract_without_personal_numbers_is_matched_to_the_people_already_there() {
        organisationsAndPeople();
        long people = count("Person");
        ImportBatch b = run("people-cyrillic-1251.csv", "serbian-people-cyrillic");
        accountedFor(b);
        assertThat(b.read()).isEqualTo(450);
        long merged = b.counts().getOrDefault("person.merged", 0L);
        long review = b.counts().getOrDefault("person.review", 0L);
        long created = b.counts().getOrDefault("person.created", 0L);
        assertThat(merged).as("merged automatically").isGreaterThanOrEqualTo(360);
        assertThat(created).as("the 50 newcomers, and those sent to review").isEqualTo(50 + review);
        assertThat(count("Person")).isEqualTo(people + created);
        long decisions = neo4j.query("MATCH (d:MatchDecision {batch: $b}) RETURN count(d)").bind(b.id()).to("b")
                .fetchAs(Long.class).one().orElseThrow();
        assertThat(decisions).isEqualTo(merged + review);
    }

    @Test
    void weapons_from_csv_and_workbook_with_their_defects() {
        ImportBatch csv = run("firearms.csv", "kosovo-firearms");
        accountedFor(csv);
        assertThat(csv.read()).isEqualTo(3_007);
        assertThat(issues(csv)).filteredOn(i -> i.severity() == Issue.Severity.REJECTED).extracting(Issue::code)
                .containsExactlyInAnyOrder("serial-unreadable", "value-required", "year-invalid", "row-too-few-cells",
                        "row-unterminated-quote");
        assertThat(issues(csv)).extracting(Issue::code).contains("make-unknown", "file-encoding");
        ImportBatch xlsx = run("firearms.xlsx", "kosovo-firearms");
        accountedFor(xlsx);
        assertThat(xlsx.read()).isEqualTo(1_500);
        assertThat(issues(xlsx)).filteredOn(i -> i.severity() == Issue.Severity.REJECTED).extracting(Issue::code)
                .containsExactly("cell-error");
        assertThat(issues(xlsx)).extracting(Issue::code).contains("cell-merged", "cell-formula", "row-hidden", "file-sheet-hidden");
    }

    @Test
    void the_legacy_register_creates_holders_licences_and_holdings_with_the_weapons() {
        organisationsAndPeople();
        ImportBatch b = run("registry-extract.csv", "mpb-registry-extract");
        accountedFor(b);
        assertThat(b.read()).isEqualTo(2_000);
        assertThat(issues(b)).filteredOn(i -> i.severity() == Issue.Severity.REJECTED).extracting(Issue::code)
                .containsExactlyInAnyOrder("licence-expires-before-issue", "person-name-required");
        // Holders came from people.csv: matched by personal number, or by name and date of birth.
        assertThat(b.counts().getOrDefault("person.created", 0L)).isZero();
        long covered = neo4j.query("""
                        MATCH (p:Person)-[:HOLDS]->(l:Licence {importBatch: $b})-[:COVERS]->(f:Firearm)
                        RETURN count(DISTINCT l)
                        """).bind(b.id()).to("b").fetchAs(Long.class).one().orElseThrow();
        assertThat(covered).isEqualTo(b.counts().get("licence.created"));
    }

    @Test
    void licences_transfers_and_reports_name_what_is_already_registered() {
        organisationsAndPeople();
        run("firearms.csv", "kosovo-firearms");
        ImportBatch licences = run("licences.csv", "kosovo-licences");
        ImportBatch transfers = run("transfers.csv", "kosovo-transfers");
        ImportBatch reports = run("lost-stolen.csv", "kosovo-lost-stolen");
        for (ImportBatch b : List.of(licences, transfers, reports)) {
            accountedFor(b);
        }
        assertThat(issues(licences)).filteredOn(i -> i.severity() == Issue.Severity.REJECTED).extracting(Issue::code)
                .containsExactly("holder-unknown");
        assertThat(issues(transfers)).filteredOn(i -> i.severity() == Issue.Severity.REJECTED).extracting(Issue::code)
                .containsExactlyInAnyOrder("firearm-unknown", "value-unknown");
        assertThat(issues(reports)).filteredOn(i -> i.severity() == Issue.Severity.REJECTED).extracting(Issue::code)
                .containsExactly("date-out-of-range");
        // The chain importer -> dealer -> holder of the first traded weapon, with its holding.
        Map<String, Object> chain = neo4j.query("""
                        MATCH (f:Firearm {serialAsRead: '70-983648', makeCode: $make})<-[:OF]-(t:Transfer)-[:TO]->(to)
                        WITH f, t, to ORDER BY t.date
                        RETURN collect(coalesce(to.code, to.nationalId)) AS parties,
                               EXISTS { (f)<-[:COVERS]-(:Licence)<-[:HOLDS]-(:Person) } AS held
                        """).bind("HK").to("make").fetch().one().orElseThrow();
        assertThat((List<Object>) chain.get("parties")).hasSize(3).startsWith("IMP5");
        assertThat(chain.get("held")).isEqualTo(true);
    }

    @Test
    void a_spelling_added_to_a_manufacturer_is_used_at_once_by_the_serial_search_and_by_an_import_row() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String spelling = "Fabrika Oruzja " + tag;
        Manufacturer crvena = reference.resolveManufacturer("Crvena Zastava").orElseThrow();
        Firearm registered = Actors.admin(() -> firearms.register(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M70").calibre("7.65 Browning").serial("AL" + tag).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        assertThat(reference.resolveManufacturer(spelling)).isEmpty();

        var more = new ArrayList<>(crvena.aliases());
        more.add(spelling);
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(crvena.code(), crvena.name(), crvena.country(),
                more, crvena.kind(), crvena.retired()), "the name on the factory's own export papers"));

        assertThat(Actors.analyst(() -> search.search(new SerialQuery("AL" + tag, spelling, null, null, 5))))
                .filteredOn(h -> h.firearm().id().equals(registered.id())).singleElement().satisfies(h -> {
                    assertThat(h.reasons()).contains(MatchReason.of("make-matches", crvena.name()));
                });
        ImportBatch b = importWeapon(spelling, "M57", "IM" + tag);
        assertThat(issues(b)).extracting(Issue::code).doesNotContain("make-unknown");
        assertThat(neo4j.query("""
                        MATCH (f:Firearm {serialKey: $s})-[:MADE_BY]->(o:Organisation)
                        RETURN f.makeCode + ' ' + f.makeAsRead + ' ' + o.code AS made
                        """).bind("IM" + tag).to("s").fetchAs(String.class).one())
                .contains(crvena.code() + " " + spelling + " " + crvena.code());
    }

    @Test
    void a_weapon_of_a_make_the_reference_data_lacks_can_be_named_by_a_later_extract() throws IOException {
        String serial = "WS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        ImportBatch w = importWeapon("Punëtoria Kaçaniku", "PK-1", serial);
        assertThat(w.counts()).containsEntry("firearm.created", 1L);
        assertThat(issues(w)).extracting(Issue::code).contains("make-unknown");

        Path reports = tmp.resolve("workshop-reports.csv");
        Files.writeString(reports, "Lloji,Data,Prodhuesi,Modeli,Numri serik,Vendi,Referenca\n"
                + "Vjedhur,,PUNETORIA KACANIKU,PK-1," + serial.toLowerCase(Locale.ROOT) + ",,\n");
        ImportBatch r = run(reports, "kosovo-lost-stolen", false).batch();

        accountedFor(r);
        assertThat(r.rejected()).as("the weapon is found by its make as written").isZero();
        assertThat(neo4j.query("MATCH (:LostStolenReport)-[:CONCERNS]->(f:Firearm {serialKey: $s}) RETURN count(f)")
                .bind(serial).to("s").fetchAs(Long.class).one()).contains(1L);
    }

    @Test
    void two_undated_reports_of_one_weapon_with_their_own_references_are_two_reports() throws IOException {
        String serial = "LR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        importWeapon("Glock", "17", serial);
        Path reports = tmp.resolve("two-reports.csv");
        String rows = "Lloji,Data,Prodhuesi,Modeli,Numri serik,Vendi,Referenca\n"
                + "Humbur,,Glock,17," + serial + ",Pejë,PR-2019/114\n"
                + "Humbur,,Glock,17," + serial + ",Gjakovë,PR-2023/871\n";
        Files.writeString(reports, rows);

        ImportBatch b = run(reports, "kosovo-lost-stolen", false).batch();

        accountedFor(b);
        assertThat(b.counts()).containsEntry("report.created", 2L);
        String places = """
                MATCH (r:LostStolenReport)-[:CONCERNS]->(:Firearm {serialKey: $s})
                RETURN r.reference + ' ' + r.place AS r ORDER BY r""";
        assertThat(neo4j.query(places).bind(serial).to("s").fetchAs(String.class).all())
                .containsExactly("PR-2019/114 Pejë", "PR-2023/871 Gjakovë");

        Files.writeString(reports, rows + "\n"); // the same rows in another file: nothing new
        ImportBatch again = run(reports, "kosovo-lost-stolen", false).batch();
        assertThat(again.counts()).containsEntry("report.existing", 2L).doesNotContainKey("report.created");
    }

    @Test
    void records_entered_by_hand_are_matched_not_duplicated() throws IOException {
        String serial = "HAND" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String nid = String.format("77%011d", Math.abs(serial.hashCode()) % 100_000_000_000L);
        var prov = new Provenance("user:clerk", Provenance.Confidence.HIGH);
        Actors.as("clerk", Role.ADMIN, () -> {
            firearms.register(NewFirearms.newFirearm().type("pistol").make("Glock").model("17").calibre("9mm")
                    .serial(serial).country("AT").year(2010).build(), prov);
            return registeredPeople.register(NewPeople.newPerson("Arta", "Hoxha").parent("Ilir")
                    .born(LocalDate.of(1980, 5, 6)).bornIn("Pejë").nationalId(nid).build(), prov);
        });
        Path weapons = tmp.resolve("hand-weapons.csv");
        Files.writeString(weapons, "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,Shenja e importit\n"
                + "pistol,GLOCK,17,9x19," + serial.toLowerCase(Locale.ROOT) + ",2010,AT,\n");
        ImportBatch w = run(weapons, "kosovo-firearms", false).batch();
        assertThat(w.counts()).containsEntry("firearm.merged", 1L).doesNotContainKey("firearm.created");
        Path person = tmp.resolve("hand-people.csv");
        Files.writeString(person, "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n"
                + nid + ",Arta,Hoxha,Ilir,06.05.1980,Pejë\n");
        ImportBatch p = run(person, "kosovo-people", false).batch();
        assertThat(p.counts()).containsEntry("person.merged", 1L).doesNotContainKey("person.created");
        assertThat(neo4j.query("MATCH (f:Firearm {serialKey: $s}) RETURN count(f)").bind(serial).to("s")
                .fetchAs(Long.class).one()).contains(1L);
        assertThat(neo4j.query("MATCH (p:Person {nationalIdKey: $n}) RETURN count(p)").bind(nid).to("n")
                .fetchAs(Long.class).one()).contains(1L);
    }

    @Test
    void one_licence_covering_two_weapons_covers_both() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String header = "Mbajtësi;Numri personal;Data e lindjes;Vendlindja;Leja;Lloji i lejes;Lëshuar nga;E vlefshme nga;"
                + "E vlefshme deri;Arma;Prodhuesi;Modeli;Kalibri;Numri serik\n";
        String holder = "Krasniqi (Ilir) Arben;;02.02.1970;Ferizaj;LIC-" + tag + ";Gjueti;MPB;01.01.2015;01.01.2025;";
        Path file = tmp.resolve("two-weapons.csv");
        Files.writeString(file, header + holder + "pistol;CZ;75;9mm;A" + tag + "\n" + holder + "pistol;CZ;75;9mm;B" + tag + "\n");
        ImportBatch b = run(file, "mpb-registry-extract", false).batch();
        accountedFor(b);
        assertThat(b.counts()).containsEntry("licence.created", 1L).containsEntry("firearm.created", 2L);
        assertThat(neo4j.query("MATCH (:Licence {number: $n})-[:COVERS]->(f:Firearm) RETURN count(f)").bind("LIC-" + tag)
                .to("n").fetchAs(Long.class).one()).contains(2L);
    }

    @Test
    void a_dry_run_reports_but_writes_nothing_to_the_registry() throws IOException {
        Path copy = tmp.resolve("dry.csv");
        Files.writeString(copy, "Kodi,Emri,Lloji,Shteti\nDRY-1,Dry Run Dealer,Tregtar,XK\nDRY-2,,Tregtar,XK\n");
        ImportBatch b = run(copy, "kosovo-organisations", true).batch();
        accountedFor(b);
        assertThat(b.dryRun()).isTrue();
        assertThat(b.accepted()).isEqualTo(1);
        assertThat(b.counts()).containsEntry("organisation.created", 1L);
        assertThat(neo4j.query("MATCH (o:Organisation {code: 'DRY1'}) RETURN count(o)").fetchAs(Long.class).one()).contains(0L);
    }

    @Test
    void a_file_that_cannot_be_read_fails_as_a_whole_with_the_reason() throws IOException {
        Path wrong = tmp.resolve("semicolons.csv");
        Files.writeString(wrong, "Kodi|Emri|Lloji\nA|B|C\n");
        ImportBatch b = run(wrong, "kosovo-organisations", false).batch();
        assertThat(b.status()).isEqualTo(ImportBatch.Status.FAILED);
        assertThat(issues(b)).extracting(Issue::code).containsExactly("file-missing-columns");
        RegistryImports.Started retry = run(wrong, "kosovo-organisations", false);
        assertThat(retry.repeated()).as("a failed file may be tried again").isFalse();
        assertThat(retry.batch().id()).isNotEqualTo(b.id());
        Path missing = tmp.resolve("missing.csv");
        Files.writeString(missing, "Kodi;Emri\nA;B\n");
        assertThat(issues(run(missing, "kosovo-organisations", false).batch())).extracting(Issue::code)
                .containsExactly("file-missing-columns");
        Path oneColumn = tmp.resolve("one-column.csv");
        Files.writeString(oneColumn, "Kodi:Emri:Lloji:Shteti\nA:B:C:D\n");
        assertThat(issues(run(oneColumn, "kosovo-organisations", false).batch())).extracting(Issue::code)
                .containsExactly("file-wrong-delimiter");
    }

    @Test
    void a_cell_of_a_megabyte_rejects_its_row_and_nothing_else() throws IOException {
        Path big = tmp.resolve("big-cell.csv");
        Files.writeString(big, "Kodi,Emri,Lloji,Shteti\nBIG-1,\"" + "x".repeat(1 << 20) + "\",Tregtar,XK\nBIG-2,Fine,Tregtar,XK\n");
        ImportBatch b = run(big, "kosovo-organisations", false).batch();
        accountedFor(b);
        assertThat(b.rejected()).isEqualTo(1);
        assertThat(issues(b)).filteredOn(i -> i.line() == 2).extracting(Issue::code).containsExactly("cell-too-long");
    }

    @Test
    void the_report_lists_every_issue_under_the_totals_in_the_readers_language() throws IOException {
        ImportBatch withIssues = organisationsAndPeople();
        var out = new ByteArrayOutputStream();
        Actors.as("importer", Role.ADMIN, () -> {
            try {
                imports.writeReport(withIssues.id(), IssueReport.Format.CSV, Locale.forLanguageTag("sq"), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFpeople.csv,2\u00a0006 të lexuara = 2\u00a0002 të pranuara + 4 të refuzuara");
        // How many rows are created, merged or sent to review depends on whom the shared test store already
        // holds (other classes import people too); that the four add up to the rows read does not.
        Matcher rows = Pattern.compile("Rreshtat: 2\u00a0006 të lexuar = ([\\d\u00a0]+) të krijuar \\+ (\\d+) të bashkuar"
                + " \\+ (\\d+) për shqyrtim \\+ 4 të refuzuar").matcher(csv);
        assertThat(rows.find()).as(csv).isTrue();
        assertThat(IntStream.rangeClosed(1, 3).map(g -> Integer.parseInt(rows.group(g).replace("\u00a0", ""))).sum())
                .isEqualTo(2006 - 4);
        assertThat(csv).contains("Rreshti,Rezultati,Kolona,Arsyeja").contains("I njëjtë me rreshtin");
    }
}
