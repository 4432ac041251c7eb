package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.ExtractRows;
import org.armstrace.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Every row of an extract ends as exactly one of created, merged, sent to review or rejected; what
 * each row became is stored with its batch and listed from the batch and from the person. Each test
 * has family names of its own, so that the shared graph's other people are no candidates.
 */
@ArmsTraceTest
class RowOutcomesTests {

    private static final String HEADER = "Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n";

    @Autowired
    RegistryImports imports;
    @Autowired
    ImportRows rows;
    @Autowired
    ExtractRows extractRows;
    @Autowired
    Neo4jClient neo4j;

    @TempDir
    Path tmp;

    /** A family-name ending of this test's own: vowel-consonant pairs that fold to themselves. */
    String tag;
    /**
     * A date of birth of this test's own: the shared graph holds other tests' people, and one with the same
     * given name and date of birth is a candidate (the given name + date key) however different the family name.
     */
    String born;

    @BeforeEach
    void namesOfItsOwn() {
        String consonants = "bdfgklmnpt";
        String vowels = "aeiu";
        var sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(vowels.charAt(ThreadLocalRandom.current().nextInt(4)))
                    .append(consonants.charAt(ThreadLocalRandom.current().nextInt(10)));
        }
        tag = sb.append("aj").toString();
        born = LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000)).toString();
    }

    ImportBatch run(String name, String content, MappingProfile profile) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        ImportBatch b = Actors.as("importer", Role.ADMIN, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return imports.runNow(imports.store(name, in), profile, false, p -> { }).batch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        return b;
    }

    MappingProfile profile(String name) {
        return Actors.as("importer", Role.ADMIN, () -> imports.profile(name).orElseThrow());
    }

    List<ImportRows.Row> rowsOf(ImportBatch b, String outcome) {
        return Actors.as("importer", Role.ADMIN, () -> rows.page(b.id(), outcome, 0, 100));
    }

    String personId(String given, String family) {
        return neo4j.query("MATCH (p:Person {givenName: $given, familyName: $family}) RETURN p.id")
                .bindAll(Map.of("given", given, "family", family)).fetchAs(String.class).one().orElseThrow();
    }

    long people(String family) {
        return neo4j.query("MATCH (p:Person) WHERE p.familyName = $family RETURN count(p)").bind(family).to("family")
                .fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void every_row_is_created_merged_sent_to_review_or_rejected_and_the_four_add_up_to_the_rows_read() throws IOException {
        String family = "Zhub" + tag;
        ImportBatch first = run("people-" + tag + "-first.csv", HEADER
                + ",Dardanë,Kuç" + tag + ",Ramë,1983-02-14,Pejë\n"
                + ",Vëllazërim," + family + ",Agim,1977-10-21,Prizren\n", profile("kosovo-people"));
        String dardane = personId("Dardanë", "Kuç" + tag);
        String vellazerim = personId("Vëllazërim", family);

        ImportBatch b = run("people-" + tag + "-second.csv", HEADER
                // family name first: the matcher merges it
                + "," + family + ",Vëllazërim,Agim,1977-10-21,Prizren\n"
                // no date of birth: the same name and town are only worth a question
                + ",Dardane,Kuc" + tag + ",,,Peć\n"
                + ",Liridon,Berish" + tag + ",Agim,1990-01-01,Prishtinë\n"
                // the same row again: kept as the record the row above made
                + ",Liridon,Berish" + tag + ",Agim,1990-01-01,Prishtinë\n"
                + ",Arben,Gash" + tag + ",,1990-13-45,Pejë\n", profile("kosovo-people"));

        assertThat(b.rowSummary()).startsWith("read 5 = created 1 + merged 2 + review 1 + rejected 1");
        assertThat(RowOutcome.OUTCOMES.stream().mapToLong(b::outcome).sum()).isEqualTo(b.read());
        List<ImportRows.Row> all = rowsOf(b, null);
        assertThat(all).extracting(ImportRows.Row::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(all).extracting(ImportRows.Row::outcome).containsExactly("merged", "review", "created", "merged", "rejected");
        assertThat(all.get(0)).satisfies(r -> {
            assertThat(r.record()).isEqualTo(vellazerim);
            assertThat(r.detail()).isEqualTo("automatic");
            assertThat(r.reasons()).contains("name-swapped");
        });
        assertThat(all.get(1)).satisfies(r -> {
            assertThat(r.candidate()).as("sent to review against her").isEqualTo(dardane);
            assertThat(r.record()).isNotEqualTo(dardane);
        });
        assertThat(all.get(3).record()).as("both identical rows name one record").isEqualTo(all.get(2).record());
        assertThat(all.get(3).detail()).isEqualTo("same-key");
        assertThat(all.get(4).reasons()).containsExactly("date-invalid");
        assertThat(all.get(4).record()).isNull();

        assertThat(rowsOf(b, "merged")).extracting(ImportRows.Row::line).containsExactly(2, 5);
        assertThat(rowsOf(b, "rejected")).extracting(ImportRows.Row::line).containsExactly(6);
        assertThat(Actors.as("importer", Role.ADMIN, () -> rows.count(b.id(), "created"))).isEqualTo(1);

        List<ExtractRows.ExtractRow> his = Actors.as("analyst", Role.ANALYST, () -> extractRows.ofPerson(vellazerim, 50));
        assertThat(his).extracting(r -> r.fileName() + "#" + r.line() + " " + r.outcome() + " " + r.batchId())
                .containsExactly(b.fileName() + "#2 merged " + b.id(), first.fileName() + "#3 created " + first.id());
        assertThat(his).allSatisfy(r -> assertThat(r.at()).isNotNull());
    }

    @Test
    void a_weapon_row_names_its_holder_on_the_holders_page() throws IOException {
        MappingProfile firearms = profile("mpb-registry-extract");
        String header = "Mbajtësi;Numri personal;Data e lindjes;Vendlindja;Leja;Lloji i lejes;Lëshuar nga;"
                + "E vlefshme nga;E vlefshme deri;Arma;Prodhuesi;Modeli;Kalibri;Numri serik\n";
        String serial = "R" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String nid = String.format("9%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        ImportBatch b = run("register-" + tag + ".csv", header + "Zhub" + tag + " (Agim) Besnik;" + nid
                + ";01.03.1975;Prizren;RX-" + serial + ";Gjueti;MPB;01.02.2015;01.02.2035;pistol;CZ;75;9mm;" + serial + "\n",
                firearms);

        List<ImportRows.Row> all = rowsOf(b, null);
        assertThat(all).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("created");
            assertThat(r.kind()).isEqualTo("FIREARM");
        });
        String holder = neo4j.query("MATCH (p:Person {nationalIdKey: $nid}) RETURN p.id").bind(nid).to("nid")
                .fetchAs(String.class).one().orElseThrow();
        assertThat(Actors.as("analyst", Role.ANALYST, () -> extractRows.ofPerson(holder, 50)))
                .extracting(r -> r.line() + " " + r.outcome()).containsExactly("2 created");
    }

    @Test
    void identical_rows_are_one_record_that_names_both_rows() throws IOException {
        String row = ",Teuta,Morin" + tag + ",Ilir," + born + ",Ferizaj\n";
        ImportBatch b = run("twins-" + tag + ".csv", HEADER + row + row, profile("kosovo-people"));

        assertThat(b.rejected()).isZero();
        assertThat(people("Morin" + tag)).isEqualTo(1);
        List<ImportRows.Row> all = rowsOf(b, null);
        assertThat(all).extracting(ImportRows.Row::outcome).containsExactly("created", "merged");
        assertThat(all.get(1).record()).isEqualTo(all.get(0).record()).isEqualTo(personId("Teuta", "Morin" + tag));
    }

    @Test
    void identical_rows_with_different_record_ids_of_the_extract_are_two_records() throws IOException {
        MappingProfile people = profile("kosovo-people");
        var columns = new ArrayList<>(people.columns());
        columns.add(new MappingProfile.Column("ID", "source.recordId", List.of(), Map.of(), null));
        var withIds = new MappingProfile("people-ids-" + tag, "an extract with its own record ids", people.kind(),
                people.format(), columns, people.dateFormats(), people.nameOrder(), people.organisationKind(), false);
        String row = ",Drita,Morin" + tag + ",Ilir," + born + ",Ferizaj,";
        String header = HEADER.strip() + ",ID\n";

        ImportBatch b = run("namesakes-" + tag + ".csv", header + row + "A-1\n" + row + "A-2\n" + row + "A-2\n", withIds);

        assertThat(b.rejected()).isZero();
        assertThat(people("Morin" + tag)).as("the source says A-1 and A-2 are two people").isEqualTo(2);
        List<ImportRows.Row> all = rowsOf(b, null);
        assertThat(all).extracting(ImportRows.Row::outcome).containsExactly("created", "created", "merged");
        assertThat(all.get(1).record()).isNotEqualTo(all.get(0).record());
        assertThat(all.get(2).record()).as("A-2 written twice is one record").isEqualTo(all.get(1).record());

        ImportBatch again = run("namesakes-" + tag + "-again.csv", header + row + "A-2\n" + row + "A-1\n", withIds);
        assertThat(people("Morin" + tag)).as("a later extract with the same ids names the same two").isEqualTo(2);
        assertThat(rowsOf(again, null)).extracting(ImportRows.Row::record)
                .containsExactly(all.get(1).record(), all.get(0).record());
    }
}
