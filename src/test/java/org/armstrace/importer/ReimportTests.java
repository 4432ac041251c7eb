package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.graph.GraphProperties;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.RegistryDesk;
import org.armstrace.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A later extract of the same source: what changed is written with its history, what did not is left
 * alone, and every row is accounted for. Each test has a profile (source) and people of its own, so
 * that the shared graph's other imports neither count as missing nor are touched.
 */
@ArmsTraceTest
@SuppressWarnings("unchecked")
class ReimportTests {

    private static final String HEADER = "Mbajtësi;Numri personal;Data e lindjes;Vendlindja;Leja;Lloji i lejes;Lëshuar nga;"
            + "E vlefshme nga;E vlefshme deri;Arma;Prodhuesi;Modeli;Kalibri;Numri serik;Statusi;Data e statusit\n";

    @Autowired
    RegistryImports imports;
    @Autowired
    PersonRegistry people;
    @Autowired
    RegistryDesk desk;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    GraphProperties properties;

    @TempDir
    Path tmp;

    String tag;
    MappingProfile source;

    @BeforeEach
    void aSourceOfItsOwn() {
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        MappingProfile mpb = Actors.as("importer", Role.ADMIN, () -> imports.profile("mpb-registry-extract").orElseThrow());
        var columns = new ArrayList<>(mpb.columns());
        columns.add(new MappingProfile.Column("Statusi", "licence.status", List.of(),
                Map.of("Aktive", "ACTIVE", "Revokuar", "REVOKED", "Pezulluar", "SUSPENDED", "Skaduar", "EXPIRED"), null));
        columns.add(new MappingProfile.Column("Data e statusit", "licence.statusDate", List.of(), Map.of(), null));
        source = new MappingProfile("registry-" + tag, "a monthly register", mpb.kind(), mpb.format(), columns,
                mpb.dateFormats(), mpb.nameOrder(), mpb.organisationKind(), true);
    }

    /** A holder with his licence and weapon, one row of the register. */
    record Holder(String name, String nid, String born, String place, String licence, String calibre, String serial,
                  String status, String statusDate) {

        String row() {
            return String.join(";", name, nid, born, place, licence, "Gjueti", "MPB", "01.02.2015", "01.02.2035", "pistol",
                    "CZ", "75", calibre, serial, status, statusDate) + "\n";
        }

        Holder bornIn(String other) {
            return new Holder(name, nid, born, other, licence, calibre, serial, status, statusDate);
        }

        Holder calibre(String other) {
            return new Holder(name, nid, born, place, licence, other, serial, status, statusDate);
        }

        Holder status(String other, String date) {
            return new Holder(name, nid, born, place, licence, calibre, serial, other, date);
        }
    }

    Holder holder(int i, String family, String given, String place) {
        String nid = String.format("9%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return new Holder(family + " (Agim) " + given, nid, "0" + (i + 1) + ".03.1975", place, "RX-" + tag + "/" + i,
                "9mm", "S" + tag + i, "Aktive", "");
    }

    ImportBatch run(String name, List<Holder> rows) throws IOException {
        return run(name, rows, "");
    }

    /** {@code trailer}: appended to the file, so that the same rows are another file, not the same one imported again. */
    ImportBatch run(String name, List<Holder> rows, String trailer) throws IOException {
        Path file = tmp.resolve(name);
        var csv = new StringBuilder(HEADER);
        rows.forEach(h -> csv.append(h.row()));
        csv.append(trailer);
        Files.writeString(file, csv);
        ImportBatch b = Actors.as("importer", Role.ADMIN, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return imports.runNow(imports.store(name, in), source, false, p -> { }).batch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        long accounted = ImportBatch.ROW_OUTCOMES.stream().mapToLong(b::rows).sum();
        assertThat(accounted).as("every row accounted for: " + b.rowSummary()).isEqualTo(b.read());
        return b;
    }

    Map<String, Object> person(Holder h) {
        return neo4j.query("""
                        MATCH (p:Person {nationalIdKey: $nid})
                        RETURN p.birthPlace AS place, p.source AS source, p.version AS version, p.sources AS sources,
                               p.notInLatestExtract AS missing, COUNT { (p)-[:HAS_VERSION]->() } AS versions
                        """).bind(h.nid()).to("nid").fetch().one().orElseThrow();
    }

    Map<String, Object> firearm(Holder h) {
        return neo4j.query("""
                        MATCH (f:Firearm {serialKey: $serial})
                        RETURN f.id AS id, f.calibreCode AS calibre, f.source AS source, f.notInLatestExtract AS missing,
                               COUNT { (f)-[:HAS_VERSION]->() } AS versions,
                               [(f)-[:HAS_VERSION]->(v) | v.source + ' ' + reduce(s = '', x IN v.before | s + x) + ' -> '
                                                          + reduce(s = '', x IN v.after | s + x)] AS history
                        """)
                .bind(h.serial()).to("serial").fetch().one().orElseThrow();
    }

    @Test
    void a_changed_extract_of_the_same_source_writes_every_change_with_its_history_and_leaves_the_rest_untouched()
            throws IOException {
        Holder moved = holder(1, "Berisha", "Arben", "Prizren");
        Holder same = holder(2, "Krasniqi", "Blerim", "Pejë");
        Holder rebored = holder(3, "Gashi", "Drilon", "Ferizaj");
        Holder revoked = holder(4, "Hoxha", "Ermal", "Gjakovë");
        Holder gone = holder(5, "Shala", "Fatos", "Istog");
        ImportBatch first = run("register-1.csv", List.of(moved, same, rebored, revoked, gone));
        assertThat(first.rows("created")).isEqualTo(5);
        Map<String, Object> sameBefore = person(same);
        Map<String, Object> sameWeaponBefore = firearm(same);

        ImportBatch second = run("register-2.csv", List.of(moved.bornIn("Prishtinë"), same, rebored.calibre(".22 LR"),
                revoked.status("Revokuar", "15.10.2026")));

        assertThat(second.counts()).containsEntry("person.changed", 1L).containsEntry("person.field.birthPlace", 1L)
                .containsEntry("firearm.changed", 1L).containsEntry("firearm.field.calibreCode", 1L)
                .containsEntry("licence.changed", 1L).containsEntry("licence.field.status", 1L)
                .containsEntry("person.unchanged", 3L).containsEntry("firearm.unchanged", 3L)
                .containsEntry("firearm.missing", 1L).containsEntry("person.missing", 1L).containsEntry("licence.missing", 1L)
                .doesNotContainKeys("person.created", "firearm.created");
        assertThat(second.rows("changed")).isEqualTo(3);
        assertThat(second.rows("unchanged")).isEqualTo(1);

        // The change, with the old value kept in a version whose source is the new extract's row.
        Map<String, Object> movedNow = person(moved);
        assertThat(movedNow).containsEntry("place", "Prishtinë").containsEntry("source", "import:register-2.csv#row=2")
                .containsEntry("versions", 1L);
        assertThat(neo4j.query("""
                        MATCH (:Person {nationalIdKey: $nid})-[:HAS_VERSION]->(v:PersonVersion)
                        RETURN v.source + ' ' + v.before[0] + ' -> ' + v.after[0]""")
                .bind(moved.nid()).to("nid").fetchAs(String.class).one())
                .contains("import:register-2.csv#row=2 birthPlace=Prizren -> birthPlace=Prishtinë");
        assertThat((List<Object>) movedNow.get("sources")).containsExactly("import:register-1.csv#row=2", "import:register-2.csv#row=2");
        String movedId = neo4j.query("MATCH (p:Person {nationalIdKey: $nid}) RETURN p.id").bind(moved.nid()).to("nid")
                .fetchAs(String.class).one().orElseThrow();
        assertThat(Actors.as("analyst", Role.ANALYST, () -> people.read(movedId)).orElseThrow().extractRows())
                .as("the person's page lists the rows that became or changed them")
                .containsExactly("import:register-1.csv#row=2", "import:register-2.csv#row=2");
        assertThat((List<?>) firearm(rebored).get("history")).singleElement().asString()
                .startsWith("import:register-2.csv#row=4 calibreCode=");

        // Untouched: no version, the same provenance.
        assertThat(person(same)).isEqualTo(sameBefore);
        assertThat(firearm(same)).isEqualTo(sameWeaponBefore);

        // The revoked licence ends its holding on the day the registry gives; nothing is deleted.
        assertThat(neo4j.query("""
                        MATCH (l:Licence {number: $n})-[c:COVERS]->(:Firearm) RETURN l.status AS status, c.to AS to""")
                .bind(revoked.licence()).to("n").fetch().one().orElseThrow())
                .containsEntry("status", "REVOKED").containsEntry("to", LocalDate.of(2026, 10, 15));

        // Missing from a full extract: flagged with the day, kept, and listed in the run's report.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(firearm(gone)).containsEntry("missing", today);
        assertThat(person(gone)).containsEntry("missing", today);
        String goneId = neo4j.query("MATCH (p:Person {nationalIdKey: $nid}) RETURN p.id").bind(gone.nid()).to("nid")
                .fetchAs(String.class).one().orElseThrow();
        assertThat(Actors.as("analyst", Role.ANALYST, () -> people.read(goneId)).orElseThrow().notInLatestExtract())
                .isEqualTo(today);
        assertThat(issues(second)).filteredOn(i -> i.code().equals("record-not-in-extract")).extracting(i -> i.args().get(1))
                .contains((String) firearm(gone).get("id"));
    }

    @Test
    void the_same_extract_twice_changes_nothing_the_second_time() throws IOException {
        Holder a = holder(1, "Morina", "Besnik", "Vushtrri");
        Holder b = holder(2, "Rama", "Luan", "Gjilan");
        run("twice-0.csv", List.of(a, b, holder(3, "Kelmendi", "Valon", "Pejë")));
        ImportBatch changed = run("twice-1.csv", List.of(a.bornIn("Mitrovicë"), b.status("Pezulluar", "01.11.2026")));
        assertThat(changed.rows("changed")).isEqualTo(2);
        Map<String, Object> personAfter = person(a);
        Map<String, Object> weaponAfter = firearm(b);

        // The same rows in another file (a blank line more): the same file again would be recognised as a whole.
        ImportBatch again = run("twice-2.csv", List.of(a.bornIn("Mitrovicë"), b.status("Pezulluar", "01.11.2026")), "\n");

        assertThat(again.rows("unchanged")).isEqualTo(2);
        assertThat(again.counts()).doesNotContainKeys("person.changed", "firearm.changed", "licence.changed",
                "person.created", "firearm.created", "licence.created");
        assertThat(person(a)).isEqualTo(personAfter);
        assertThat(firearm(b)).isEqualTo(weaponAfter);
    }

    @Test
    void a_field_the_desk_corrected_that_the_registry_changes_goes_to_review_and_is_not_overwritten() throws IOException {
        Holder h = holder(1, "Ahmeti", "Genc", "Podujevë");
        run("desk-1.csv", List.of(h));
        String id = neo4j.query("MATCH (p:Person {nationalIdKey: $nid}) RETURN p.id").bind(h.nid()).to("nid")
                .fetchAs(String.class).one().orElseThrow();
        Actors.as("clerk", Role.ADMIN, () -> people.correct(id, new NewPerson("Genc", "Ahmeti", "Agim",
                LocalDate.of(1975, 3, 2), "Obiliq", h.nid()), "birth certificate seen",
                new Provenance("user:clerk", Provenance.Confidence.HIGH)));

        ImportBatch later = run("desk-2.csv", List.of(h.bornIn("Drenas")));

        assertThat(person(h)).containsEntry("place", "Obiliq").containsEntry("versions", 1L);
        assertThat(later.counts()).containsEntry("person.conflict", 1L).doesNotContainKey("person.field.birthPlace");
        assertThat(issues(later)).filteredOn(i -> i.code().equals("field-conflict")).singleElement()
                .satisfies(i -> assertThat(i.args()).containsExactly("birthPlace", "Obiliq", "Drenas"))
                .satisfies(i -> assertThat(i.line()).isEqualTo(2));

        // The registry still saying what it said before the desk's correction is no conflict: the desk's value stands.
        ImportBatch unchangedSource = run("desk-3.csv", List.of(h));
        assertThat(unchangedSource.counts()).doesNotContainKey("person.conflict");
        assertThat(person(h)).containsEntry("place", "Obiliq");
    }

    @Test
    void a_correction_made_on_the_desks_form_is_not_overwritten_by_a_later_extract_and_the_new_value_goes_to_review()
            throws IOException {
        Holder h = holder(2, "Berisha", "Arta", "Gjakovë");
        run("form-1.csv", List.of(h));
        String id = neo4j.query("MATCH (p:Person {nationalIdKey: $nid}) RETURN p.id").bind(h.nid()).to("nid")
                .fetchAs(String.class).one().orElseThrow();
        Person now = Actors.analyst(() -> people.read(id)).orElseThrow().person();
        Actors.analyst(() -> desk.correctPerson(id, new NewPerson(now.givenName(), now.familyName(), now.parentName(),
                now.birthDate(), "Rahovec", now.nationalId()), "identity card seen"));

        ImportBatch later = run("form-2.csv", List.of(h.bornIn("Deçan")));

        assertThat(person(h)).containsEntry("place", "Rahovec");
        assertThat(later.counts()).containsEntry("person.conflict", 1L).doesNotContainKey("person.field.birthPlace");
        assertThat(issues(later)).filteredOn(i -> i.code().equals("field-conflict")).singleElement()
                .satisfies(i -> assertThat(i.args()).containsExactly("birthPlace", "Rahovec", "Deçan"));
    }

    /**
     * What an earlier release left: the records a batch wrote, without the hashes of what their source said
     * (a release before row hashes, or one that wrote a record without its row's hash).
     */
    long withoutHashes(ImportBatch b) throws IOException {
        // Nor had it the manifest of the source's extract that a release with hashes writes beside them.
        Files.deleteIfExists(ExtractManifest.file(properties.dataDir().resolve(ExtractManifests.DIR), b.profileName()));
        return neo4j.query("""
                        MATCH (n) WHERE n.importBatch = $batch AND n.importHashes IS NOT NULL
                        REMOVE n.importHashes
                        RETURN count(n)""")
                .bind(b.id()).to("batch").fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void records_an_earlier_release_imported_without_hashes_are_compared_field_by_field_by_the_next_extract_of_their_source()
            throws IOException {
        Holder moved = holder(1, "Bytyqi", "Ilir", "Suharekë");
        Holder same = holder(2, "Sylaj", "Mentor", "Malishevë");
        Holder rebored = holder(3, "Zeka", "Arsim", "Kaçanik");
        Holder revoked = holder(4, "Lushi", "Petrit", "Skenderaj");
        Holder gone = holder(5, "Osmani", "Kushtrim", "Dragash");
        ImportBatch first = run("upgraded-1.csv", List.of(moved, same, rebored, revoked, gone));
        assertThat(withoutHashes(first)).as("people, weapons and licences of the first extract").isGreaterThanOrEqualTo(15);

        ImportBatch second = run("upgraded-2.csv", List.of(moved.bornIn("Prishtinë"), same, rebored.calibre(".22 LR"),
                revoked.status("Revokuar", "15.10.2026")));

        assertThat(second.counts()).containsEntry("person.changed", 1L).containsEntry("person.field.birthPlace", 1L)
                .containsEntry("firearm.changed", 1L).containsEntry("firearm.field.calibreCode", 1L)
                .containsEntry("licence.changed", 1L).containsEntry("licence.field.status", 1L)
                .containsEntry("person.unchanged", 3L).containsEntry("firearm.unchanged", 3L)
                .containsEntry("firearm.missing", 1L).containsEntry("person.missing", 1L).containsEntry("licence.missing", 1L)
                .doesNotContainKeys("person.existing", "firearm.existing", "person.created", "firearm.created");
        assertThat(second.rows("changed")).isEqualTo(3);
        assertThat(second.rows("unchanged")).isEqualTo(1);
        assertThat(person(moved)).containsEntry("place", "Prishtinë").containsEntry("source", "import:upgraded-2.csv#row=2")
                .containsEntry("versions", 1L);
        assertThat(neo4j.query("""
                        MATCH (:Person {nationalIdKey: $nid})-[:HAS_VERSION]->(v:PersonVersion)
                        RETURN v.source + ' ' + v.before[0] + ' -> ' + v.after[0]""")
                .bind(moved.nid()).to("nid").fetchAs(String.class).one())
                .contains("import:upgraded-2.csv#row=2 birthPlace=Suharekë -> birthPlace=Prishtinë");
        assertThat((List<?>) firearm(rebored).get("history")).singleElement().asString()
                .startsWith("import:upgraded-2.csv#row=4 calibreCode=");
        assertThat(neo4j.query("""
                        MATCH (l:Licence {number: $n})-[c:COVERS]->(:Firearm) RETURN l.status AS status, c.to AS to""")
                .bind(revoked.licence()).to("n").fetch().one().orElseThrow())
                .containsEntry("status", "REVOKED").containsEntry("to", LocalDate.of(2026, 10, 15));
        assertThat(person(same)).containsEntry("versions", 0L).containsEntry("source", "import:upgraded-1.csv#row=3");
        assertThat(person(gone)).containsEntry("missing", LocalDate.now(ZoneOffset.UTC));

        // The hashes are kept now: the same rows again are known unchanged by them.
        ImportBatch third = run("upgraded-3.csv", List.of(moved.bornIn("Prishtinë"), same, rebored.calibre(".22 LR"),
                revoked.status("Revokuar", "15.10.2026")), "\n");
        assertThat(third.rows("unchanged")).isEqualTo(4);
        assertThat(third.counts()).doesNotContainKeys("person.changed", "firearm.changed", "licence.changed");
    }

    @Test
    void a_record_another_source_imported_without_a_hash_is_joined_with_its_fields_kept_and_still_compared_by_its_own_source()
            throws IOException {
        Holder h = holder(1, "Dervishi", "Valmir", "Lipjan");
        MappingProfile own = source;
        ImportBatch first = run("elsewhere-1.csv", List.of(h));
        withoutHashes(first);
        source = new MappingProfile("police-" + tag, "another register", own.kind(), own.format(), own.columns(),
                own.dateFormats(), own.nameOrder(), own.organisationKind(), true);

        ImportBatch joined = run("elsewhere-2.csv", List.of(h.bornIn("Deçan").calibre(".22 LR")));

        assertThat(joined.counts()).containsEntry("person.existing", 1L).containsEntry("firearm.existing", 1L)
                .doesNotContainKeys("person.changed", "firearm.changed", "person.field.birthPlace", "firearm.field.calibreCode");
        assertThat(person(h)).containsEntry("place", "Lipjan").containsEntry("versions", 0L);
        assertThat(firearm(h)).containsEntry("versions", 0L);

        // The source that made the record, though it left no hash, still has its later word compared.
        source = own;
        ImportBatch later = run("elsewhere-3.csv", List.of(h.bornIn("Deçan")));
        assertThat(later.counts()).containsEntry("person.changed", 1L).containsEntry("person.field.birthPlace", 1L);
        assertThat(person(h)).containsEntry("place", "Deçan").containsEntry("versions", 1L);
    }

    List<Issue> issues(ImportBatch b) {
        return Actors.as("importer", Role.ADMIN, () -> imports.issues(b.id(), 0, 1_000));
    }
}
