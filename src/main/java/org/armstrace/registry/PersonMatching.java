package org.armstrace.registry;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.armstrace.registry.PersonMatchModel.Field;
import org.armstrace.registry.PersonMatchModel.Level;

/**
 * Whether two person records are the same person, by Fellegi–Sunter match weights
 * ({@link PersonMatchModel}). Used by the importer for every row and by {@link PersonMatcher} for
 * people typed in elsewhere (possessors at a recovery), so that both decide alike.
 *
 * <p><b>Comparison levels.</b> Names are compared on folded words ({@link PersonNames#fold}: script,
 * diacritics and the Albanian/Serbian spellings of one sound made equal), in whichever order fits
 * better, so "Gashi Shpend" is "Shpend Gashi" (reason {@code name-swapped}). A name is EXACT when its
 * words are equal, also after dropping words that are the other record's parent's name ("Shpend
 * Agim Gashi" with father Agim); VARIANT when the words are one name by {@code
 * registry/name-equivalents.txt} (Gjon/Jovan) or one side has an extra word (a middle or parent's
 * name); CLOSE one typo apart (Jaro–Winkler 0.92, or one edit); SIMILAR (Jaro–Winkler 0.85);
 * else DIFFERENT. Dates of birth are EXACT, CLOSE (day and month swapped, or one of day, month
 * and year mistyped by one digit or two swapped digits) or DIFFERENT.
 *
 * <p><b>Decision.</b> The weight is the sum of the levels' weights. An automatic merge needs
 * {@value #SAME} or more, names at worst one typo apart, not all three of given name, family name and
 * date of birth only nearly agreeing (unless the personal number is the same), no conflicting
 * personal number, and hard
 * evidence: the same personal number, the same date of birth, or a near date with the same
 * parent's name and birthplace (names alike with a near date alone are as often cousins named after
 * one grandfather as a typo). {@value #REVIEW} or more, or the same personal number, goes to an
 * analyst with its reasons; so does a record without a date of birth whose names and birthplace
 * agree (weight about 15). Less is a different person: namesakes in one town born on different days
 * weigh about 10.
 */
public final class PersonMatching {

    public enum Decision { SAME, REVIEW, DIFFERENT }

    public static final double SAME = 20;
    public static final double REVIEW = 13;

    /** The outcome of one comparison; reasons are translation keys under {@code import.match.}. */
    public record Comparison(double weight, Decision decision, List<String> reasons) {
        /** The weight as a 0–1 figure for people to read (0.5 at the review threshold). */
        public double score() {
            return 1 / (1 + Math.pow(2, -(weight - REVIEW)));
        }
    }

    /**
     * A person reduced to what is compared: folded names and place (joined, as the importer's ids use
     * them), each name as {@link Name} and the place as {@link PlaceNames#key}, with what a comparison
     * needs worked out once.
     */
    public record Side(String given, String family, String parent, LocalDate born, String place, String nid,
                       Name givenName, Name familyName, Name parentName, String placeKey) {

        public static Side of(NewPerson p) {
            return of(Fields.of(p));
        }

        public static Side of(Fields f) {
            Name given = Name.of(PersonNames.keys(f.given()), plain(f.given()));
            Name family = Name.of(PersonNames.keys(f.family()), plain(f.family()));
            Name parent = Name.of(PersonNames.keys(f.parent()), null);
            String joined = String.join("", PersonNames.keys(f.place()));
            String place = joined.isEmpty() ? null : joined;
            return new Side(given.joined(), family.joined(), parent.joined(), f.born(), place, f.nid(), given, family,
                    parent, place == null ? null : PlaceNames.key(place));
        }

        private static String plain(String name) {
            return name == null ? null : Normalizer.normalize(PersonNames.latin(name).toLowerCase(Locale.ROOT),
                    Normalizer.Form.NFD).replaceAll("[^a-z]", "");
        }
    }

    /**
     * One name of a side: its folded words, joined (null when there are none), in plain Latin letters
     * (transliterated, without diacritics, letters not collapsed; on which a typo is counted as an
     * edit), and its words' canonical forms ({@link NameEquivalents}). An importer compares each row
     * with dozens of candidates, so these are made once per side, not once per comparison.
     */
    public record Name(List<String> words, String joined, String plain, List<String> canonical) {

        static Name of(List<String> words, String plain) {
            String joined = String.join("", words);
            return new Name(words, joined.isEmpty() ? null : joined, plain, canonical(words));
        }

        private static List<String> canonical(List<String> words) {
            var out = new ArrayList<String>(words.size());
            for (String w : words) {
                out.add(NameEquivalents.canonical(w));
            }
            return List.copyOf(out);
        }
    }

    /** What a side is folded from: equal fields give an equal side. */
    public record Fields(String given, String family, String parent, LocalDate born, String place, String nid) {

        public static Fields of(NewPerson p) {
            return new Fields(p.givenName(), p.familyName(), p.parentName(), p.birthDate(), p.birthPlace(),
                    p.nationalId() == null ? null : ReferenceKeys.key(p.nationalId()));
        }

        public static Fields of(ImportedRecords.PersonCandidate p) {
            return new Fields(p.givenName(), p.familyName(), p.parentName(), p.birthDate(), p.birthPlace(), p.nationalIdKey());
        }
    }

    /**
     * Sides folded once per import run. Folding transliterates names, which costs more than the
     * comparison; a person the run has created is a candidate of every later row in its blocks,
     * and would otherwise be folded again for each chunk. Least recently used sides are dropped
     * beyond {@code max}.
     */
    public static final class Folded {
        private final Map<Fields, Side> sides;

        public Folded(int max) {
            sides = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Fields, Side> eldest) {
                    return size() > max;
                }
            };
        }

        public Side of(Fields f) {
            return sides.computeIfAbsent(f, Side::of);
        }
    }

    /** The reasons one name comparison can give, made once per name ({@code given-equal}, …). */
    private record Reasons(String equal, String variant, String extraName, String close, String similar, String differs) {
        static Reasons of(String what) {
            return new Reasons(what + "-equal", what + "-variant", what + "-extra-name", what + "-close", what + "-similar",
                    what + "-differs");
        }
    }

    private static final Reasons GIVEN = Reasons.of("given");
    private static final Reasons FAMILY = Reasons.of("family");
    private static final Reasons PARENT = Reasons.of("parent");

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    /** Returns -1 beyond one edit; cheap on long names. */
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    private PersonMatching() {
    }

    public static Comparison compare(Side a, Side b) {
        return compare(a, b, PersonMatchModel.DEFAULT);
    }

    public static Comparison compare(Side a, Side b, PersonMatchModel model) {
        var reasons = new ArrayList<String>();
        Level[] v = vector(a, b, reasons);
        double w = model.weight(v);
        boolean sameNumber = v[Field.NID.ordinal()] == Level.EXACT;
        boolean otherNumber = v[Field.NID.ordinal()] == Level.DIFFERENT;
        Level born = v[Field.BORN.ordinal()];
        boolean evidence = sameNumber || born == Level.EXACT || born == Level.CLOSE
                && v[Field.PARENT.ordinal()] == Level.EXACT && v[Field.PLACE.ordinal()] == Level.EXACT;
        boolean namesAlike = atBest(v[Field.GIVEN.ordinal()], Level.CLOSE) && atBest(v[Field.FAMILY.ordinal()], Level.CLOSE);
        boolean sure = w >= SAME && evidence && namesAlike && !otherNumber && (sameNumber || slips(v) <= 2);
        Decision d = sure ? Decision.SAME : w >= REVIEW || sameNumber || undated(v) ? Decision.REVIEW : Decision.DIFFERENT;
        return new Comparison(w, d, reasons);
    }

    /**
     * How many of given name, family name and date of birth agree only nearly. One or two slips are
     * typos; all three at once are as likely a relative (cousins named after one grandfather, born
     * days apart) and are left to an analyst unless the personal number settles it.
     */
    private static int slips(Level[] v) {
        int n = 0;
        for (Field f : new Field[] {Field.GIVEN, Field.FAMILY, Field.BORN}) {
            n += v[f.ordinal()] != null && v[f.ordinal()] != Level.EXACT ? 1 : 0;
        }
        return n;
    }

    /**
     * A record without a date of birth whose names agree (at worst a known variant) and whose other
     * fields do not contradict: too little to merge, too much to call someone else. Without this
     * rule, names alone weigh under the review threshold and the row would go silently apart.
     */
    private static boolean undated(Level[] v) {
        return v[Field.BORN.ordinal()] == null && atBest(v[Field.GIVEN.ordinal()], Level.VARIANT)
                && atBest(v[Field.FAMILY.ordinal()], Level.VARIANT) && v[Field.GIVEN.ordinal()] != null
                && v[Field.FAMILY.ordinal()] != null && v[Field.PLACE.ordinal()] != Level.DIFFERENT
                && v[Field.NID.ordinal()] != Level.DIFFERENT && !atWorst(v[Field.PARENT.ordinal()], Level.SIMILAR);
    }

    private static boolean atWorst(Level l, Level best) {
        return l != null && l.ordinal() >= best.ordinal();
    }

    private static boolean atBest(Level l, Level worst) {
        return l == null || l.ordinal() <= worst.ordinal();
    }

    /** The comparison vector (null where a side lacks the field), its reasons added to {@code reasons}. */
    public static Level[] vector(Side a, Side b, List<String> reasons) {
        Level[] v = new Level[Field.values().length];
        v[Field.NID.ordinal()] = number(a.nid(), b.nid(), reasons);
        names(a, b, v, reasons);
        if (!a.parentName().words().isEmpty() && !b.parentName().words().isEmpty()) {
            v[Field.PARENT.ordinal()] = name(a.parentName(), b.parentName(), List.of(), PARENT, reasons);
        }
        v[Field.BORN.ordinal()] = born(a.born(), b.born(), reasons);
        if (a.place() != null && b.place() != null) {
            boolean same = a.placeKey().equals(b.placeKey());
            reasons.add(same ? "place-equal" : "place-differs");
            v[Field.PLACE.ordinal()] = same ? Level.EXACT : Level.DIFFERENT;
        }
        return v;
    }

    private static Level number(String a, String b, List<String> reasons) {
        if (a == null || b == null) {
            if (a != null || b != null) {
                reasons.add("nid-one-side");
            }
            return null;
        }
        if (a.equals(b)) {
            reasons.add("nid-equal");
            return Level.EXACT;
        }
        if (typo(a, b)) {
            reasons.add("nid-one-digit");
            return Level.CLOSE;
        }
        reasons.add("nid-differs");
        return Level.DIFFERENT;
    }

    /** Given and family name, straight or swapped, whichever agrees better. */
    private static void names(Side a, Side b, Level[] v, List<String> reasons) {
        var straight = new ArrayList<String>();
        List<String> parents = parents(a, b);
        Level g = name(a.givenName(), b.givenName(), parents, GIVEN, straight);
        Level f = name(a.familyName(), b.familyName(), parents, FAMILY, straight);
        // Both names equal as written: no swapped order can agree better, so it is not worked out.
        if (rank(g) + rank(f) > 0) {
            var swapped = new ArrayList<String>();
            Level sg = name(a.givenName(), b.familyName(), parents, GIVEN, swapped);
            Level sf = name(a.familyName(), b.givenName(), parents, FAMILY, swapped);
            if (rank(sg) + rank(sf) < rank(g) + rank(f)) {
                reasons.add("name-swapped");
                reasons.addAll(swapped);
                v[Field.GIVEN.ordinal()] = sg;
                v[Field.FAMILY.ordinal()] = sf;
                return;
            }
        }
        reasons.addAll(straight);
        v[Field.GIVEN.ordinal()] = g;
        v[Field.FAMILY.ordinal()] = f;
    }

    private static List<String> parents(Side a, Side b) {
        List<String> pa = a.parentName().words();
        List<String> pb = b.parentName().words();
        if (pa.isEmpty() || pb.isEmpty()) {
            return pa.isEmpty() ? pb : pa;
        }
        var both = new ArrayList<String>(pa.size() + pb.size());
        both.addAll(pa);
        both.addAll(pb);
        return both;
    }

    private static int rank(Level l) {
        return l == null ? Level.SIMILAR.ordinal() : l.ordinal();
    }

    /** One name's level; words equal to a parent's name are left out first (a parent's name in the middle). */
    private static Level name(Name a, Name b, List<String> parents, Reasons what, List<String> reasons) {
        if (a.words().isEmpty() || b.words().isEmpty()) {
            return null;
        }
        if (a.words().equals(b.words())) {
            reasons.add(what.equal());
            return Level.EXACT;
        }
        List<String> ownA = without(a.words(), parents);
        List<String> ownB = without(b.words(), parents);
        if (!ownA.isEmpty() && ownA.equals(ownB)) {
            reasons.add(what.equal());
            reasons.add("parent-in-name");
            return Level.EXACT;
        }
        List<String> canonA = ownA == a.words() ? a.canonical() : Name.canonical(ownA);
        List<String> canonB = ownB == b.words() ? b.canonical() : Name.canonical(ownB);
        if (!canonA.isEmpty() && canonA.equals(canonB)) {
            reasons.add(what.variant());
            return Level.VARIANT;
        }
        if (!canonA.isEmpty() && !canonB.isEmpty() && (canonA.containsAll(canonB) || canonB.containsAll(canonA))) {
            reasons.add(what.extraName());
            return Level.VARIANT;
        }
        double s = JW.apply(a.joined(), b.joined());
        if (s >= 0.92 || a.plain() != null && b.plain() != null && ONE_EDIT.apply(a.plain(), b.plain()) >= 0) {
            reasons.add(what.close());
            return Level.CLOSE;
        }
        if (s >= 0.85) {
            reasons.add(what.similar());
            return Level.SIMILAR;
        }
        reasons.add(what.differs());
        return Level.DIFFERENT;
    }

    /** The words that are not a parent's name: the same list when none is. */
    private static List<String> without(List<String> words, List<String> parents) {
        if (parents.isEmpty()) {
            return words;
        }
        int kept = 0;
        for (String w : words) {
            kept += parents.contains(w) ? 0 : 1;
        }
        if (kept == words.size()) {
            return words;
        }
        var own = new ArrayList<String>(kept);
        for (String w : words) {
            if (!parents.contains(w)) {
                own.add(w);
            }
        }
        return own;
    }

    private static Level born(LocalDate a, LocalDate b, List<String> reasons) {
        if (a == null || b == null) {
            if (a != null || b != null) {
                reasons.add("born-missing");
            }
            return null;
        }
        if (a.equals(b)) {
            reasons.add("born-equal");
            return Level.EXACT;
        }
        if (nearDate(a, b)) {
            reasons.add("born-near");
            return Level.CLOSE;
        }
        reasons.add("born-differs");
        return Level.DIFFERENT;
    }

    /** Day and month swapped, or one of day, month, year mistyped by one digit or two swapped digits. */
    public static boolean nearDate(LocalDate a, LocalDate b) {
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
            return typo(twoDigits(a.getMonthValue()), twoDigits(b.getMonthValue()));
        }
        return typo(twoDigits(a.getDayOfMonth()), twoDigits(b.getDayOfMonth()));
    }

    /** A month or day as written in a date, {@code 07}: what {@code String.format("%02d")} gives, without its parsing. */
    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
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
}
