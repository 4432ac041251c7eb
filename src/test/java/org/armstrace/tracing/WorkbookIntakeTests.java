package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.tracing.TraceWorkbook.Column;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

@ArmsTraceTest
class WorkbookIntakeTests {

    @Autowired
    WorkbookIntake intake;
    @Autowired
    TraceRequests traces;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Submissions submissions;
    @Autowired
    TraceIntake traceIntake;
    @Autowired
    PersonRegistry people;

    @Test
    void the_published_template_filled_in_and_uploaded_becomes_numbered_requests_and_a_second_upload_adds_none() {
        String ref = "WB-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] workbook = filled(sheet -> {
            row(sheet, 1, "al", ref + "-1", "urgent", "Zastava", "ZC-" + ref, "Seized at a border crossing");
            row(sheet, 2, "ME", ref + "-2", "", "Crvena Zastava", "000123", "Found in a cache");
        });

        var first = upload(workbook);
        assertThat(first.problems()).isEmpty();
        assertThat(first.received()).hasSize(2);
        TraceRequest urgent = first.received().getFirst();
        assertThat(urgent.counterpart()).isEqualTo("AL");
        assertThat(urgent.priority()).isEqualTo(Priority.URGENT);
        assertThat(urgent.channel()).isEqualTo(NewTraceRequest.Channel.WORKBOOK);
        assertThat(urgent.status()).isIn(TraceStatus.ASSIGNED, TraceStatus.ACKNOWLEDGED);
        assertThat(first.received().get(1).weaponSerial()).as("leading zeros kept").isEqualTo("000123");

        var again = upload(workbook);
        assertThat(again.received()).extracting(TraceRequest::number)
                .containsExactlyElementsOf(first.received().stream().map(TraceRequest::number).toList());
        assertThat(count(ref)).isEqualTo(2);
    }

    @Test
    void a_row_without_iti_content_or_with_an_unknown_country_is_named_by_its_cells_and_nothing_is_received() {
        String ref = "WB-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] workbook = filled(sheet -> {
            row(sheet, 1, "AL", ref + "-ok", "", "Zastava", "A1", "ok");
            row(sheet, 2, "QQ", ref + "-bad-country", "", "Zastava", "A2", "x");
            row(sheet, 3, "XK", ref + "-ourselves", "", "Zastava", "A3", "x");
            row(sheet, 4, "AL", ref + "-no-serial", "", "Zastava", "", "x");
            sheet.getRow(4).getCell(Column.LEGAL_BASIS.ordinal()).setBlank();
        });

        var outcome = upload(workbook);
        assertThat(outcome.received()).isEmpty();
        assertThat(outcome.problems()).extracting(TraceWorkbook.Problem::cell, TraceWorkbook.Problem::key)
                .containsExactly(Tuple.tuple("A3", "workbook.unknown-country"),
                        Tuple.tuple("A4", "workbook.unknown-country"),
                        Tuple.tuple("H5", "workbook.required"),
                        Tuple.tuple("K5", "workbook.required"));
        assertThat(count(ref)).as("not even the good row").isZero();
    }

    @Test
    void a_formula_or_a_hidden_column_refuses_the_whole_workbook() {
        String ref = "WB-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] workbook = filled(sheet -> {
            row(sheet, 1, "AL", ref, "", "Zastava", "F1", "x");
            sheet.getRow(1).getCell(Column.CIRCUMSTANCES.ordinal()).setCellFormula("HYPERLINK(\"http://x\",\"y\")");
            sheet.setColumnHidden(Column.MODEL.ordinal(), true);
        });

        var outcome = upload(workbook);
        assertThat(outcome.problems()).extracting(TraceWorkbook.Problem::key)
                .contains("workbook.formula", "workbook.hidden-column");
        assertThat(count(ref)).isZero();
    }

    @Test
    void a_workbook_with_problems_is_kept_as_uploaded_with_its_problems_and_a_clean_one_with_its_requests() {
        String ref = "WB-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] refused = filled(sheet -> row(sheet, 1, "AL", ref + "-no-serial", "", "Zastava", "", "x"));
        byte[] accepted = filled(sheet -> row(sheet, 1, "AL", ref + "-ok", "", "Zastava", "S-" + ref, "ok"));

        upload(refused);
        var received = upload(accepted).received();

        Submission kept = kept(refused);
        assertThat(kept.channel()).isEqualTo(NewTraceRequest.Channel.WORKBOOK);
        assertThat(kept.outcome()).isEqualTo(Submission.Outcome.REFUSED);
        assertThat(kept.by()).isEqualTo(Actors.INTAKE);
        assertThat(kept.country()).isEqualTo("AL");
        assertThat(kept.problems()).extracting(Submission.Problem::where, Submission.Problem::code)
                .containsExactly(Tuple.tuple("H2", "workbook.required"));
        assertThat(kept.became()).isEmpty();
        assertThat(Actors.intake(() -> submissions.content(kept))).isEqualTo(refused);
        Submission clean = kept(accepted);
        assertThat(clean.outcome()).isEqualTo(Submission.Outcome.ACCEPTED);
        assertThat(clean.country()).isEqualTo("AL");
        assertThat(clean.became()).extracting(Submission.Became::number).containsExactly(received.getFirst().number());
    }

    private Submission kept(byte[] workbook) {
        String id = neo4j.query("MATCH (s:Submission {sha256: $sha}) RETURN s.id ORDER BY s.receivedAt LIMIT 1")
                .bind(org.armstrace.base.Sha256.hex(workbook)).to("sha").fetchAs(String.class).one().orElseThrow();
        return Actors.intake(() -> submissions.find(id)).orElseThrow();
    }

    private WorkbookIntake.Outcome upload(byte[] workbook) {
        return Actors.intake(() -> {
            try {
                return intake.receive(new ByteArrayInputStream(workbook));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void the_person_a_workbook_row_names_is_matched_to_the_person_recorded_and_a_half_filled_person_is_a_problem() {
        var letters = new StringBuilder("Krasniq");
        for (int i = 0; i < 4; i++) {
            letters.append("bdfgklmnpt".charAt(ThreadLocalRandom.current().nextInt(10))).append('a');
        }
        String family = letters.append('j').toString();
        Person known = Actors.analyst(() -> people.register(NewPeople.newPerson("Arbër", family).parent("Ilaz")
                .born(LocalDate.of(1981, 3, 4)).bornIn("Pejë").build(),
                new Provenance("import:test-registry", Provenance.Confidence.HIGH)));
        String ref = "WB-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] workbook = filled(sheet -> {
            row(sheet, 1, "AL", ref + "-1", "", "Zastava", "ZP-" + ref, "Seized at a border crossing");
            var cells = sheet.getRow(1);
            cells.createCell(Column.PERSON_GIVEN_NAME.ordinal()).setCellValue("Arber");
            cells.createCell(Column.PERSON_FAMILY_NAME.ordinal()).setCellValue(family);
            cells.createCell(Column.PERSON_BIRTH_DATE.ordinal()).setCellValue("04.03.1981");
        });

        var outcome = upload(workbook);

        assertThat(outcome.problems()).isEmpty();
        assertThat(Actors.intake(() -> traceIntake.peopleOf(outcome.received().getFirst().id())))
                .containsExactly(known.id());

        byte[] halfFilled = filled(sheet -> {
            row(sheet, 1, "AL", ref + "-2", "", "Zastava", "ZQ-" + ref, "Seized at a border crossing");
            sheet.getRow(1).createCell(Column.PERSON_FAMILY_NAME.ordinal()).setCellValue(family);
        });
        assertThat(upload(halfFilled).problems()).extracting(TraceWorkbook.Problem::cell, TraceWorkbook.Problem::key)
                .containsExactly(Tuple.tuple(CellReference.convertNumToColString(Column.PERSON_GIVEN_NAME.ordinal()) + "2",
                        "workbook.person-incomplete"));
    }

    private long count(String ref) {
        return neo4j.query("MATCH (t:TraceRequest) WHERE t.partnerReference STARTS WITH $ref RETURN count(t)")
                .bind(ref).to("ref").fetchAs(Long.class).one().orElseThrow();
    }

    static byte[] filled(Consumer<Sheet> fill) {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(TraceWorkbook.template()));
             var out = new ByteArrayOutputStream()) {
            fill.accept(wb.getSheet(TraceWorkbook.SHEET));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void row(Sheet sheet, int index, String country, String reference, String priority, String make,
                    String serial, String circumstances) {
        var row = sheet.getRow(index) == null ? sheet.createRow(index) : sheet.getRow(index);
        List<String> values = List.of(country, reference, priority, "pistol", make, "M70", "7.65 mm", serial, "RS",
                "Recovered without a licence", "ITI and the Law on Weapons", "Criminal investigation", circumstances);
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
        }
    }
}
