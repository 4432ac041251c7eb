package org.armstrace.importer;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.PersonNames;
import org.armstrace.registry.ReferenceKeys;

/**
 * Whether two person records are the same person: blocking, comparison and scoring in the
 * Fellegi–Sunter manner (Fellegi and Sunter, "A Theory for Record Linkage", JASA 1969).
 *
 * <p><b>Blocking</b> (which pairs are compared at all) is done by the graph: the same personal
 * number, or one of the keys of {@link PersonNames#blocks} (names and year of birth, family name and
 * date of birth, given name and date of birth), so that one typo anywhere still meets its record.
 *
 * <p><b>Comparison</b> is on folded names ({@link PersonNames#fold}: script, diacritics and the
 * Albanian/Serbian spellings of one sound made equal), so {@code Đorđević}, {@code Djordjevic}
 * and {@code Ђорђевић} agree exactly; a typo is measured with Jaro–Winkler similarity. Dates of
 * birth agree, nearly agree (day and month swapped, or one digit mistyped), or disagree.
 *
 * <p><b>Scoring</b> adds a weight per field, roughly log2 of how much likelier the observed
 * agreement is among true matches than among non-matches; a missing value weighs nothing. The sum
 * decides: {@value #SAME} or more, with the same personal number or date of birth, is the same
 * person (merged automatically); {@value #REVIEW} or more goes to an analyst; less is a different
 * person. Two different personal numbers outweigh
 * identical names (namesakes are common); one mistyped digit is neutral. The weights were set on
 * the labelled evaluation set in {@code import/samples/matching-evaluation.csv}; the evaluation
 * command prints precision, recall and F1 (see {@code src/bench/README.md}).
 */
final class PersonMatching {

    enum Decision { SAME, REVIEW, DIFFERENT }

    static final double SAME = 12;
    static final double REVIEW = 6;

    /** The outcome of one comparison; reasons are translation keys under {@code import.match.}. */
    record Comparison(double weight, Decision decision, List<String> reasons) {
        /** The weight as a 0–1 figure for people to read (0.5 at the review threshold). */
        double score() {
            return 1 / (1 + Math.pow(2, -(weight - REVIEW)));
        }
    }

    /**
     * A person reduced to what is compared: folded names, and the given and family names in plain
     * Latin letters (transliterated, without diacritics, letters not collapsed), on which a typo
     * is counted as an edit.
     */
    record Side(String given, String family, String parent, LocalDate born, String place, String nid,
                String givenPlain, String familyPlain) {

        static Side of(NewPerson p) {
            return of(Fields.of(p));
        }

        static Side of(Fields f) {
            return new Side(key(f.given()), key(f.family()), key(f.parent()), f.born(), key(f.place()), f.nid(),
                    plain(f.given()), plain(f.family()));
        }

        private static String key(String name) {
            String k = name == null ? "" : String.join("", PersonNames.keys(name));
            return k.isEmpty() ? null : k;
        }

        private static String plain(String name) {
            return name == null ? null : Normalizer.normalize(PersonNames.latin(name).toLowerCase(Locale.ROOT),
                    Normalizer.Form.NFD).replaceAll("[^a-z]", "");
        }
    }

    /** What a side is folded from: equal fields give an equal side. */
    record Fields(String given, String family, String parent, LocalDate born, String place, String nid) {

        static Fields of(NewPerson p) {
            return new Fields(p.givenName(), p.familyName(), p.parentName(), p.birthDate(), p.birthPlace(),
                    p.nationalId() == null ? null : ReferenceKeys.key(p.nationalId()));
        }

        static Fields of(ImportedRecords.PersonCandidate p) {
            return new Fields(p.givenName(), p.familyName(), p.parentName(), p.birthDate(), p.birthPlace(), p.nationalIdKey());
        }
    }

    /**
     * Sides folded once per import run. Folding transliterates names, which costs more than the
     * comparison; a person the run has created is a candidate of every later row in its blocks,
     * and would otherwise be folded again for each chunk. Least recently used sides are dropped
     * beyond {@code max}.
     */
    static final class Folded {
        private final Map<Fields, Side> sides;

        Folded(int max) {
            sides = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Fields, Side> eldest) {
                    return size() > max;
                }
            };
        }

        Side of(Fields f) {
            return sides.computeIfAbsent(f, Side::of);
        }
    }

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    /** Returns -1 beyond one edit; cheap on long names. */
    private static final LevenshteinDistance ONE_EDIT =
            new LevenshteinDistance(1);

    private PersonMatching() {
    }

    static Comparison compare(Side a, Side b) {
        double w = 0;
        var reasons = new ArrayList<String>();
        boolean sameNumber = false;
        if (a.nid() != null && b.nid() != null) {
            if (a.nid().equals(b.nid())) {
                w += 12;
                sameNumber = true;
                reasons.add("nid-equal");
            } else if (oneDigitOff(a.nid(), b.nid())) {
                reasons.add("nid-one-digit");
            } else {
                w -= 12;
                reasons.add("nid-differs");
            }
        }
        w += name(a.family(), b.family(), a.familyPlain(), b.familyPlain(), 4.5, 2.5, 0.5, -5, "family", reasons);
        w += name(a.given(), b.given(), a.givenPlain(), b.givenPlain(), 4, 2, 0, -8, "given", reasons);
        if (a.parent() != null && b.parent() != null) {
            w += name(a.parent(), b.parent(), null, null, 2, 1, 0, -2, "parent", reasons);
        }
        boolean sameBirthDate = false;
        boolean nearBirthDate = false;
        if (a.born() != null && b.born() != null) {
            if (a.born().equals(b.born())) {
                sameBirthDate = true;
                w += 6;
                reasons.add("born-equal");
            } else if (nearDate(a.born(), b.born())) {
                nearBirthDate = true;
                w += 2;
                reasons.add("born-near");
            } else {
                w -= 6;
                reasons.add("born-differs");
            }
        }
        if (a.place() != null && b.place() != null) {
            if (a.place().equals(b.place())) {
                w += 1;
                reasons.add("place-equal");
            } else {
                w -= 0.5;
                reasons.add("place-differs");
            }
        }
        // An automatic merge needs the same personal number, the same date of birth, or a date one slip
        // apart with the same parent's name and birthplace: names alike and a near date alone are as
        // often cousins named after one grandfather as a typo.
        boolean sure = w >= SAME && (sameNumber || sameBirthDate || nearBirthDate
                && reasons.contains("parent-equal") && reasons.contains("place-equal"));
        Decision d = sure ? Decision.SAME : w >= REVIEW || sameNumber ? Decision.REVIEW : Decision.DIFFERENT;
        return new Comparison(w, d, reasons);
    }

    /**
     * Folded names equal, close (Jaro–Winkler 0.92 or more, or one edit apart as typed: a letter
     * left out, added, changed or two swapped), similar (0.85 or more), or different.
     */
    private static double name(String a, String b, String plainA, String plainB, double equal, double close,
                               double similar, double differ, String what, List<String> reasons) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            reasons.add(what + "-equal");
            return equal;
        }
        double s = JW.apply(a, b);
        if (s >= 0.92 || plainA != null && plainB != null && ONE_EDIT.apply(plainA, plainB) >= 0) {
            reasons.add(what + "-close");
            return close;
        }
        if (s >= 0.85) {
            reasons.add(what + "-similar");
            return similar;
        }
        reasons.add(what + "-differs");
        return differ;
    }

    /** Day and month swapped, or one of day, month, year mistyped by one digit or two swapped digits. */
    static boolean nearDate(LocalDate a, LocalDate b) {
        if (a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue() && a.getMonthValue() == b.getDayOfMonth()) {
            return true;
        }
        int differing = (a.getYear() != b.getYear() ? 1 : 0) + (a.getMonthValue() != b.getMonthValue() ? 1 : 0)
                + (a.getDayOfMonth() != b.getDayOfMonth() ? 1 : 0);
        if (differing != 1) {
            return false;
        }
        if (a.getYear() != b.getYear()) {
            return typo(String.valueOf(a.getYear()), String.valueOf(b.getYear()));
        }
        if (a.getMonthValue() != b.getMonthValue()) {
            return typo(String.format("%02d", a.getMonthValue()), String.format("%02d", b.getMonthValue()));
        }
        return typo(String.format("%02d", a.getDayOfMonth()), String.format("%02d", b.getDayOfMonth()));
    }

    /** Same length, one position different or two neighbours swapped. */
    static boolean typo(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        int diffs = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first < 0) {
                    first = i;
                }
                diffs++;
            }
        }
        if (diffs == 1) {
            return true;
        }
        return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }

    private static boolean oneDigitOff(String a, String b) {
        return typo(a, b);
    }
}
