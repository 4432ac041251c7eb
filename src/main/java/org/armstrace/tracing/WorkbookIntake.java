package org.armstrace.tracing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.armstrace.base.Sha256;
import org.armstrace.base.Translations;
import org.armstrace.registry.NewPerson;
import org.armstrace.tracing.TraceWorkbook.Column;
import org.armstrace.tracing.TraceWorkbook.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Partner requests sent as a filled request workbook: the workbook is checked cell by cell
 * ({@link TraceWorkbook}), then every row as a request (country, ITI content), and only when
 * nothing is wrong are all rows taken in, together. A problem is named by its cell; no request of
 * a workbook with a problem is stored, but the workbook itself is, as received, with its problems
 * ({@link Submissions}), whatever its outcome.
 */
@Service
public class WorkbookIntake {

    /** What became of an upload: the requests received, or the problems that stopped it. */
    public record Outcome(List<TraceRequest> received, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Map<String, Column> ITI_COLUMNS = Map.of("weapon.make", Column.MAKE,
            "weapon.serial", Column.SERIAL, "whyIllicit", Column.WHY_ILLICIT, "legalBasis", Column.LEGAL_BASIS,
            "intendedUse", Column.INTENDED_USE);

    private final TraceRequests traces;
    private final TraceIntake intake;
    private final SubmissionStore submissions;
    private final Translations translations;

    WorkbookIntake(TraceRequests traces, TraceIntake intake, SubmissionStore submissions, Translations translations) {
        this.traces = traces;
        this.intake = intake;
        this.submissions = submissions;
        this.translations = translations;
    }

    /** Reads and takes in a workbook, and keeps it as received with its outcome, accepted or not. */
    @PreAuthorize(TraceRequests.DESK)
    public Outcome receive(InputStream upload) throws IOException {
        // One byte over the limit is enough for the reader to refuse the file as too large.
        byte[] bytes = upload.readNBytes((int) TraceWorkbook.MAX_BYTES + 1);
        TraceWorkbook.Result read = TraceWorkbook.read(new ByteArrayInputStream(bytes));
        String country = read.ok() ? partner(read.rows()) : null;
        Outcome outcome;
        try {
            outcome = read.ok() ? take(bytes, read) : new Outcome(List.of(), read.problems());
        } catch (TransitionRefused refused) { // the whole workbook refused on intake, after its rows were checked
            keep(bytes, country, List.of(new Problem(null, refused.getMessage(), List.of())), List.of());
            throw refused;
        }
        keep(bytes, country, outcome.problems(), outcome.received());
        return outcome;
    }

    /** The one partner country the rows speak for, if they name one (the desk's list shows it). */
    private String partner(List<TraceWorkbook.Row> rows) {
        var countries = rows.stream().map(r -> r.value(Column.REQUESTING_COUNTRY)).filter(traces::isCounterpart)
                .map(c -> c.toUpperCase(Locale.ROOT)).distinct().toList();
        return countries.size() == 1 ? countries.getFirst() : null;
    }

    private void keep(byte[] bytes, String country, List<Problem> problems, List<TraceRequest> received) {
        submissions.keep(NewTraceRequest.Channel.WORKBOOK, bytes, TraceDocuments.Format.XLSX.contentType, null, country,
                problems.stream().map(p -> new Submission.Problem(p.cell(), p.key(), p.args(),
                        translations.getTranslation(p.key(), Translations.ENGLISH, p.args().toArray()))).toList(),
                received.stream().map(TraceRequest::id).toList());
    }

    private Outcome take(byte[] bytes, TraceWorkbook.Result read) {
        String file = Sha256.hex(bytes).substring(0, 32);
        var problems = new ArrayList<Problem>();
        var requests = new ArrayList<NewTraceRequest>();
        var people = new ArrayList<List<NewPerson>>();
        for (TraceWorkbook.Row row : read.rows()) {
            String country = row.value(Column.REQUESTING_COUNTRY);
            if (!traces.isCounterpart(country)) {
                problems.add(new Problem(row.cell(Column.REQUESTING_COUNTRY), "workbook.unknown-country",
                        List.of(String.valueOf(country))));
                continue;
            }
            NewTraceRequest request;
            try {
                request = new NewTraceRequest(Direction.INCOMING, country, row.value(Column.PARTNER_REFERENCE),
                        row.value(Column.PRIORITY) == null ? null : Priority.valueOf(row.value(Column.PRIORITY)),
                        row.value(Column.WEAPON_TYPE), row.value(Column.MAKE), row.value(Column.MODEL),
                        row.value(Column.CALIBRE), row.value(Column.SERIAL), row.value(Column.COUNTRY_OF_MANUFACTURE),
                        row.value(Column.WHY_ILLICIT), row.value(Column.LEGAL_BASIS), row.value(Column.INTENDED_USE),
                        row.value(Column.CIRCUMSTANCES), NewTraceRequest.Channel.WORKBOOK,
                        // The same file again is a retry: the same key per row returns the same request.
                        "wb-" + file + "-" + row.rowNumber(), null);
            } catch (TransitionRefused refused) { // the reader's checks should have caught it; named all the same
                problems.add(new Problem(row.cell(Column.REQUESTING_COUNTRY), refused.getMessage(), List.of()));
                continue;
            }
            List<String> missing = ItiContent.missing(request);
            for (String field : missing) {
                problems.add(new Problem(row.cell(ITI_COLUMNS.get(field)), "workbook.required", List.of()));
            }
            requests.add(request);
            people.add(person(row, problems));
        }
        if (!problems.isEmpty()) {
            return new Outcome(List.of(), problems);
        }
        return new Outcome(intake.receiveAll(requests, people), List.of());
    }

    /** The person a row names, if any; a person without both names is a problem of the row's given-name cell. */
    private static List<NewPerson> person(TraceWorkbook.Row row, List<Problem> problems) {
        String given = row.value(Column.PERSON_GIVEN_NAME);
        String family = row.value(Column.PERSON_FAMILY_NAME);
        String born = row.value(Column.PERSON_BIRTH_DATE);
        String place = row.value(Column.PERSON_BIRTH_PLACE);
        String nid = row.value(Column.PERSON_NATIONAL_ID);
        if (given == null && family == null && born == null && place == null && nid == null) {
            return List.of();
        }
        if (given == null || family == null || given.length() > 100 || family.length() > 100) {
            problems.add(new Problem(row.cell(given == null ? Column.PERSON_GIVEN_NAME : Column.PERSON_FAMILY_NAME),
                    "workbook.person-incomplete", List.of()));
            return List.of();
        }
        return List.of(new NewPerson(given, family, null, born == null ? null : TraceWorkbook.date(born), place, nid));
    }
}
