package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.PersonMatching;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall and F1 of person matching on the labelled pairs of
 * {@code import/samples/matching-evaluation.csv}, printed by
 * {@code ./mvnw test -Dtest=MatchingEvaluation}. "Automatic" counts only what is merged without
 * an analyst; "flagged" also counts what goes to the review queue.
 */
class MatchingEvaluation {

    @Test
    void person_matching_reaches_f1_095_on_the_labelled_pairs() throws IOException {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int flaggedTp = 0;
        int flaggedFp = 0;
        int review = 0;
        int total = 0;
        var missedByCase = new TreeMap<String, Integer>();
        try (Reader r = Files.newBufferedReader(Path.of("import/samples/matching-evaluation.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT.builder().setHeader()
                     .setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord row : csv) {
                total++;
                boolean same = row.get("label").equals("SAME");
                PersonMatching.Decision d = PersonMatching.compare(side(row, "1"), side(row, "2")).decision();
                if (d == PersonMatching.Decision.REVIEW) {
                    review++;
                }
                boolean merged = d == PersonMatching.Decision.SAME;
                boolean flagged = d != PersonMatching.Decision.DIFFERENT;
                tp += same && merged ? 1 : 0;
                fp += !same && merged ? 1 : 0;
                fn += same && !merged ? 1 : 0;
                flaggedTp += same && flagged ? 1 : 0;
                flaggedFp += !same && flagged ? 1 : 0;
                if (same != merged) {
                    missedByCase.merge(row.get("label") + "/" + row.get("case") + "→" + d, 1, Integer::sum);
                }
            }
        }
        int positives = tp + fn;
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) positives;
        double f1 = 2 * precision * recall / (precision + recall);
        double flaggedPrecision = flaggedTp / (double) (flaggedTp + flaggedFp);
        double flaggedRecall = flaggedTp / (double) positives;
        System.out.printf("pairs %d (%d same, %d different); %d sent to review (%.1f %%)%n", total, positives,
                total - positives, review, 100.0 * review / total);
        System.out.printf("automatic: precision %.3f recall %.3f F1 %.3f%n", precision, recall, f1);
        System.out.printf("flagged (merged or sent to review): precision %.3f recall %.3f F1 %.3f%n", flaggedPrecision,
                flaggedRecall, 2 * flaggedPrecision * flaggedRecall / (flaggedPrecision + flaggedRecall));
        for (Map.Entry<String, Integer> e : missedByCase.entrySet()) {
            System.out.printf("  not merged as labelled: %-40s %d%n", e.getKey(), e.getValue());
        }
        assertThat(f1).isGreaterThanOrEqualTo(0.95);
        assertThat(fp).as("different people merged automatically").isLessThanOrEqualTo(positives / 100);
    }

    private static PersonMatching.Side side(CSVRecord r, String n) {
        String born = r.get("born" + n);
        return PersonMatching.Side.of(NewPeople.newPerson(r.get("given" + n), r.get("family" + n))
                .parent(blank(r.get("parent" + n))).born(born.isBlank() ? null : LocalDate.parse(born))
                .bornIn(blank(r.get("place" + n))).nationalId(blank(r.get("id" + n))).build());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
