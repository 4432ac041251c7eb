package org.armstrace.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The Fellegi–Sunter model of person matching (Fellegi and Sunter, "A Theory for Record Linkage",
 * JASA 1969), laid out as Splink lays it out: each compared field has agreement levels, and each
 * level an m probability (how often a true pair shows it) and a u probability (how often two
 * different people do). A level weighs {@code log2(m/u)}; a pair's weight is the sum over the
 * fields both records have (a missing value weighs nothing, Splink's "null level").
 *
 * <p>{@link #DEFAULT} holds prior estimates: u from how common names, dates and places are in a
 * registry of this size, m from how often registries mistype or reorder them. {@link #estimate}
 * learns both from an extract itself, without labels, as Splink does: u from random pairs of its
 * records (almost all of which are different people), m by expectation–maximisation over the
 * blocked candidate pairs with u held fixed. The priors act as pseudo-counts, so a level the
 * extract never shows keeps its prior.
 */
public final class PersonMatchModel {

    /** The compared fields, in the order of a comparison vector. */
    public enum Field { GIVEN, FAMILY, PARENT, BORN, PLACE, NID }

    /**
     * Agreement levels, best first. Names use all five (equal; a known variant, short form or
     * an extra middle name; one typo; similar; different); dates EXACT, CLOSE (one digit, or day and
     * month swapped) and DIFFERENT; places EXACT and DIFFERENT; personal numbers EXACT, CLOSE (one
     * digit) and DIFFERENT.
     */
    public enum Level { EXACT, VARIANT, CLOSE, SIMILAR, DIFFERENT }

    /** The fields in vector order, made once: {@code values()} copies its array at every call. */
    private static final Field[] FIELDS = Field.values();
    private static final int F = FIELDS.length;
    private static final int L = Level.values().length;

    /** m and u by field and level; 0 where a field has no such level. */
    private final double[][] m;
    private final double[][] u;
    /** The share of blocked candidate pairs that are true pairs (EM's lambda); reported, not used to decide. */
    private final double lambda;

    public static final PersonMatchModel DEFAULT = new PersonMatchModel(new double[][] {
            {0.84, 0.06, 0.06, 0.02, 0.02},       // given
            {0.88, 0.03, 0.06, 0.015, 0.015},     // family
            {0.85, 0.03, 0.05, 0.02, 0.05},       // parent
            {0.92, 0, 0.06, 0, 0.02},             // born
            {0.92, 0, 0, 0, 0.08},                // place
            {0.99, 0, 0.00995, 0, 0.00005},       // personal number
    }, new double[][] {
            {0.02, 0.002, 0.004, 0.02, 0.954},
            {0.01, 0.001, 0.004, 0.02, 0.965},
            {0.02, 0.002, 0.005, 0.02, 0.953},
            {0.00005, 0, 0.0006, 0, 0.99935},
            {0.08, 0, 0, 0, 0.92},
            {0.000001, 0, 0.0001, 0, 0.999899},
    }, 0.1);

    PersonMatchModel(double[][] m, double[][] u, double lambda) {
        this.m = m;
        this.u = u;
        this.lambda = lambda;
    }

    /** The weight of one field's level: log2(m/u). */
    public double weight(Field f, Level l) {
        double mm = m[f.ordinal()][l.ordinal()];
        double uu = u[f.ordinal()][l.ordinal()];
        return mm <= 0 || uu <= 0 ? 0 : Math.log(mm / uu) / Math.log(2);
    }

    /** The weight of a comparison vector (one level per field, null where a side lacks the field). */
    public double weight(Level[] vector) {
        double w = 0;
        for (int f = 0; f < F; f++) {
            if (vector[f] != null) {
                w += weight(FIELDS[f], vector[f]);
            }
        }
        return w;
    }

    public double m(Field f, Level l) {
        return m[f.ordinal()][l.ordinal()];
    }

    public double u(Field f, Level l) {
        return u[f.ordinal()][l.ordinal()];
    }

    public double lambda() {
        return lambda;
    }

    /**
     * Learns m, u and lambda from an extract without labels.
     *
     * @param blocked    comparison vectors of the candidate pairs blocking found
     * @param random     comparison vectors of random pairs of records (for u)
     * @param iterations EM rounds; 20 is plenty, the estimate settles within ten
     * @param held       the fields the blocking rule used: they agree on every blocked pair and say
     *                   nothing there, so (as in Splink's training sessions) they are left out of the
     *                   expectation and keep their m; estimate them in a session blocked on other fields
     */
    public PersonMatchModel estimate(List<Level[]> blocked, List<Level[]> random, int iterations, Set<Field> held) {
        double[][] newU = proportions(random, null, u, 1_000);
        double[][] newM = copy(m);
        double lam = lambda;
        double[] p = new double[blocked.size()];
        for (int it = 0; it < iterations; it++) {
            var current = new PersonMatchModel(newM, newU, lam);
            double sum = 0;
            for (int j = 0; j < p.length; j++) {
                Level[] v = blocked.get(j).clone();
                held.forEach(f -> v[f.ordinal()] = null);
                double bayes = Math.pow(2, current.weight(v));
                double odds = lam / (1 - lam) * bayes;
                p[j] = Double.isInfinite(odds) ? 1 : odds / (1 + odds);
                sum += p[j];
            }
            lam = Math.clamp(sum / Math.max(1, p.length), 1e-6, 1 - 1e-6);
            double[][] estimated = proportions(blocked, p, m, 10);
            for (Field f : Field.values()) {
                if (!held.contains(f)) {
                    newM[f.ordinal()] = estimated[f.ordinal()];
                }
            }
        }
        return new PersonMatchModel(newM, newU, lam);
    }

    /**
     * This model with the m of {@code fields} taken from {@code other}: how the sessions of a
     * training, each blocked on different fields, are put together.
     */
    public PersonMatchModel withM(PersonMatchModel other, Set<Field> fields) {
        double[][] mm = copy(m);
        fields.forEach(f -> mm[f.ordinal()] = other.m[f.ordinal()].clone());
        return new PersonMatchModel(mm, copy(other.u), lambda);
    }

    /**
     * Level shares per field among the vectors, each vector weighted by {@code p} (all 1 when null),
     * with {@code pseudo} pairs distributed as the prior says, so that unseen levels keep their prior.
     */
    private static double[][] proportions(List<Level[]> vectors, double[] p, double[][] prior, double pseudo) {
        double[][] counts = new double[F][L];
        double[] totals = new double[F];
        for (int j = 0; j < vectors.size(); j++) {
            Level[] v = vectors.get(j);
            double w = p == null ? 1 : p[j];
            for (int f = 0; f < F; f++) {
                if (v[f] != null) {
                    counts[f][v[f].ordinal()] += w;
                    totals[f] += w;
                }
            }
        }
        double[][] out = new double[F][L];
        for (int f = 0; f < F; f++) {
            for (int l = 0; l < L; l++) {
                // A level the field does not have stays impossible.
                out[f][l] = prior[f][l] == 0 ? 0 : (counts[f][l] + pseudo * prior[f][l]) / (totals[f] + pseudo);
            }
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }

    /** m, u and weight of every level, one line per field, for the evaluation's log and the README. */
    public String describe() {
        var sb = new StringBuilder(String.format(java.util.Locale.ROOT, "lambda %.4f%n", lambda));
        for (Field f : Field.values()) {
            sb.append(String.format(java.util.Locale.ROOT, "%-7s", f));
            for (Level l : Level.values()) {
                if (m(f, l) > 0) {
                    sb.append(String.format(java.util.Locale.ROOT, "  %s m=%.4f u=%.6f w=%+.1f", l, m(f, l), u(f, l),
                            weight(f, l)));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
