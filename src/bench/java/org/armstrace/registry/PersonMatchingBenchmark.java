package org.armstrace.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.armstrace.registry.PersonMatchModel.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Person matching on people it was never tuned on ({@link FieldPeople}): a registry of
 * {@code bench.people} people as first recorded, then an extract of {@code bench.rows} rows as
 * another source writes them, about 62 % of them people already recorded (with the field's
 * variants), 8 % namesakes of a recorded person in the same town (same name, other birth date and
 * father), the rest new people. Each row is blocked and compared as the importer does it
 * ({@link PersonNames#blocks} and the date under the other name, the personal number, at most {@link
 * PersonMatcher#MAX_CANDIDATES_PER_KEY} candidates per key or {@code bench.per-key}, and {@link
 * PersonMatcher#MAX_UNDATED_CANDIDATES} or {@code bench.undated} for an undated row's order-free name key) and decided
 * against its best candidate. Printed: precision, recall and F1 of automatic merges and of
 * merge-or-review, the share of rows sent to review, once with the prior weights and once with
 * weights learned by EM on the extract itself (without its labels).
 */
@Tag("benchmark")
class PersonMatchingBenchmark {

    private static final int SHOW_MISSES = Integer.getInteger("bench.show-misses", 0);
    /** Candidates a blocking key returns: the importer's cap unless {@code bench.per-key} tries another. */
    private static final int PER_KEY = Integer.getInteger("bench.per-key", PersonMatcher.MAX_CANDIDATES_PER_KEY);
    /** Candidates the order-free name key returns for an undated row: the importer's, unless {@code bench.undated}. */
    private static final int UNDATED = Integer.getInteger("bench.undated", PersonMatcher.MAX_UNDATED_CANDIDATES);

    private record Row(NewPerson person, int truth) {
    }

    private record Decided(PersonMatching.Decision decision, int chosen) {
    }

    @Test
    void person_matching_on_generated_field_data() {
        long seed = Long.getLong("bench.seed", 26);
        int people = Integer.getInteger("bench.people", 20_000);
        int rows = Integer.getInteger("bench.rows", 6_000);
        var gen = new FieldPeople(seed);
        List<FieldPeople.Person> truth = gen.people(people);
        List<NewPerson> registry = truth.stream().map(gen::writeFirst).toList();
        List<Row> extract = extract(gen, truth, rows, new Random(seed + 1));

        Map<String, List<Integer>> index = index(registry);
        var sides = registry.stream().map(PersonMatching.Side::of).toList();
        long pairs = 0;
        var candidates = new ArrayList<List<Integer>>();
        for (Row r : extract) {
            List<Integer> c = candidates(r.person(), index);
            pairs += c.size();
            candidates.add(c);
        }
        System.out.printf(Locale.ROOT, "registry %,d people; extract %,d rows (%,d of recorded people); "
                        + "%,d candidate pairs compared of %,d (%.4f %%)%n", people, rows,
                extract.stream().filter(r -> r.truth() >= 0).count(), pairs, (long) people * rows,
                100.0 * pairs / ((double) people * rows));

        report("prior weights", PersonMatchModel.DEFAULT, extract, candidates, sides);
        PersonMatchModel learned = learn(extract, sides, registry, new Random(seed + 2));
        System.out.print(learned.describe());
        report("weights learned by EM on this extract", learned, extract, candidates, sides);
    }

    private static List<Row> extract(FieldPeople gen, List<FieldPeople.Person> truth, int rows, Random random) {
        var order = new ArrayList<>(truth);
        java.util.Collections.shuffle(order, random);
        var out = new ArrayList<Row>(rows);
        int next = 0;
        for (int i = 0; i < rows; i++) {
            double r = random.nextDouble();
            if (r < 0.62) {
                FieldPeople.Person p = order.get(next++);
                out.add(new Row(gen.writeAgain(p, FieldPeople.Variants.FIELD), p.id()));
            } else if (r < 0.70) {
                FieldPeople.Person namesake = gen.namesake(order.get(next++));
                out.add(new Row(gen.writeAgain(namesake, FieldPeople.Variants.FIELD), -1));
            } else {
                out.add(new Row(gen.writeAgain(gen.person(), FieldPeople.Variants.FIELD), -1));
            }
        }
        return out;
    }

    /** The registry by blocking key, as many people a key as a lookup may take. */
    private static Map<String, List<Integer>> index(List<NewPerson> registry) {
        var index = new HashMap<String, List<Integer>>();
        for (int i = 0; i < registry.size(); i++) {
            for (String k : keys(registry.get(i))) {
                List<Integer> list = index.computeIfAbsent(k, x -> new ArrayList<>(2));
                if (list.size() < Math.max(PER_KEY, UNDATED)) {
                    list.add(i);
                }
            }
        }
        return index;
    }

    private static List<String> keys(NewPerson p) {
        PersonNames.Blocks b = PersonNames.blocks(p.givenName(), p.familyName(), p.birthDate());
        var keys = new ArrayList<String>(5);
        if (p.nationalId() != null) {
            keys.add("i:" + ReferenceKeys.key(p.nationalId()));
        }
        keys.add("n:" + b.names());
        if (b.familyDate() != null) {
            keys.add("f:" + b.familyDate());
            keys.add("g:" + b.givenDate());
        }
        if (b.pair() != null) {
            keys.add("p:" + b.pair());
        }
        return keys;
    }

    private static List<Integer> candidates(NewPerson p, Map<String, List<Integer>> index) {
        var found = new LinkedHashMap<Integer, Boolean>();
        var lookups = new ArrayList<>(keys(p));
        PersonNames.Blocks b = PersonNames.blocks(p.givenName(), p.familyName(), p.birthDate());
        if (b.familyDate() != null) { // the date under the other name: a person recorded with the names swapped
            lookups.add("f:" + b.givenDate());
            lookups.add("g:" + b.familyDate());
        }
        for (String k : lookups) {
            List<Integer> block = index.getOrDefault(k, List.of());
            int limit = k.startsWith("p:") && b.familyDate() == null ? UNDATED : PER_KEY;
            block.subList(0, Math.min(limit, block.size())).forEach(i -> found.put(i, true));
        }
        return new ArrayList<>(found.keySet());
    }

    private static Decided decide(Row r, List<Integer> candidates, List<PersonMatching.Side> sides, PersonMatchModel model) {
        PersonMatching.Side side = PersonMatching.Side.of(r.person());
        PersonMatching.Comparison best = null;
        int chosen = -1;
        for (int c : candidates) {
            PersonMatching.Comparison cmp = PersonMatching.compare(side, sides.get(c), model);
            if (best == null || cmp.weight() > best.weight()) {
                best = cmp;
                chosen = c;
            }
        }
        return best == null ? new Decided(PersonMatching.Decision.DIFFERENT, -1) : new Decided(best.decision(), chosen);
    }

    private static void report(String title, PersonMatchModel model, List<Row> extract, List<List<Integer>> candidates,
                               List<PersonMatching.Side> sides) {
        int tp = 0, fp = 0, flaggedTp = 0, flaggedFp = 0, review = 0, positives = 0, shown = 0;
        long pairs = 0;
        long nanos = 0;
        int unreached = 0;
        for (int i = 0; i < extract.size(); i++) {
            Row r = extract.get(i);
            long start = System.nanoTime();
            Decided d = decide(r, candidates.get(i), sides, model);
            nanos += System.nanoTime() - start;
            pairs += candidates.get(i).size();
            positives += r.truth() >= 0 ? 1 : 0;
            unreached += r.truth() >= 0 && !candidates.get(i).contains(r.truth()) ? 1 : 0;
            boolean right = d.chosen() == r.truth();
            if (d.decision() == PersonMatching.Decision.SAME) {
                tp += right ? 1 : 0;
                fp += right ? 0 : 1;
            }
            if (d.decision() != PersonMatching.Decision.DIFFERENT) {
                flaggedTp += right ? 1 : 0;
                flaggedFp += right ? 0 : 1;
            }
            review += d.decision() == PersonMatching.Decision.REVIEW ? 1 : 0;
            if (SHOW_MISSES > shown && r.truth() >= 0 && !(right && d.decision() != PersonMatching.Decision.DIFFERENT)) {
                shown++;
                System.out.println("  missed: " + r.person() + " -> " + d + " truth " + r.truth()
                        + (d.chosen() >= 0 ? " " + PersonMatching.compare(PersonMatching.Side.of(r.person()), sides.get(r.truth()), model) : ""));
            }
        }
        System.out.printf(Locale.ROOT, "%s:%n", title);
        print("  automatic merges      ", tp, fp, positives);
        print("  merged or to review   ", flaggedTp, flaggedFp, positives);
        System.out.printf(Locale.ROOT, "  rows sent to review    %d of %d = %.1f %%%n", review, extract.size(),
                100.0 * review / extract.size());
        System.out.printf(Locale.ROOT, "  true pairs whose person no blocking key found (at most %d a key): %d%n",
                PER_KEY, unreached);
        // The importer's cost per row: folding the row and comparing it with each candidate, one thread.
        System.out.printf(Locale.ROOT, "  decided %,d rows (%,d pairs) in %.2f s = %,.0f rows/s, %,.0f pairs/s%n",
                extract.size(), pairs, nanos / 1e9, extract.size() / (nanos / 1e9), pairs / (nanos / 1e9));
    }

    private static void print(String what, int tp, int fp, int positives) {
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double recall = tp / (double) positives;
        System.out.printf(Locale.ROOT, "%s precision %.4f  recall %.4f  F1 %.4f  (right %d, wrong %d, true pairs %d)%n",
                what, precision, recall, 2 * precision * recall / (precision + recall), tp, fp, positives);
    }

    /**
     * EM as Splink trains: u from random pairs; m in two sessions, one on pairs blocked by date of
     * birth (which learns the names, parent, place and number) and one on pairs blocked by the
     * order-free name key (which learns the date of birth), each leaving out the fields its
     * blocking fixed. No labels are used.
     */
    private static PersonMatchModel learn(List<Row> extract, List<PersonMatching.Side> sides, List<NewPerson> registry,
                                          Random random) {
        var byDate = new HashMap<java.time.LocalDate, List<Integer>>();
        var byPair = new HashMap<String, List<Integer>>();
        for (int i = 0; i < registry.size(); i++) {
            NewPerson p = registry.get(i);
            if (p.birthDate() != null) {
                byDate.computeIfAbsent(p.birthDate(), k -> new ArrayList<>()).add(i);
            }
            String pair = PersonNames.blocks(p.givenName(), p.familyName(), null).pair();
            if (pair != null) {
                byPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(i);
            }
        }
        var dateBlocked = new ArrayList<Level[]>();
        var nameBlocked = new ArrayList<Level[]>();
        for (Row r : extract) {
            PersonMatching.Side side = PersonMatching.Side.of(r.person());
            if (r.person().birthDate() != null) {
                for (int c : byDate.getOrDefault(r.person().birthDate(), List.of())) {
                    dateBlocked.add(PersonMatching.vector(side, sides.get(c), new ArrayList<>()));
                }
            }
            String pair = PersonNames.blocks(r.person().givenName(), r.person().familyName(), null).pair();
            for (int c : byPair.getOrDefault(pair, List.of())) {
                nameBlocked.add(PersonMatching.vector(side, sides.get(c), new ArrayList<>()));
            }
        }
        var randomPairs = new ArrayList<Level[]>();
        for (int i = 0; i < 200_000; i++) {
            PersonMatching.Side a = PersonMatching.Side.of(extract.get(random.nextInt(extract.size())).person());
            randomPairs.add(PersonMatching.vector(a, sides.get(random.nextInt(registry.size())), new ArrayList<>()));
        }
        var names = java.util.EnumSet.of(PersonMatchModel.Field.GIVEN, PersonMatchModel.Field.FAMILY);
        var born = java.util.EnumSet.of(PersonMatchModel.Field.BORN);
        PersonMatchModel fromDates = PersonMatchModel.DEFAULT.estimate(dateBlocked, randomPairs, 20, born);
        PersonMatchModel fromNames = PersonMatchModel.DEFAULT.estimate(nameBlocked, randomPairs, 20, names);
        System.out.printf(Locale.ROOT, "EM sessions: %,d pairs blocked by date of birth, %,d by name key; %,d random pairs%n",
                dateBlocked.size(), nameBlocked.size(), randomPairs.size());
        return fromDates.withM(fromNames, born);
    }
}
