package org.armstrace.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.armstrace.Actors;
import org.armstrace.security.Role;

/**
 * Loads the seeded synthetic registry (RegistryDataset) through the real services, in UNWIND
 * batches, printing rows/s per entity: firearms, people, importers and dealers, one licence per
 * person, the chain import → dealer → licence holder for 40 % of the first 500k weapons, and lost or
 * stolen reports for one weapon in a hundred. Shared by the benchmarks of the registry and of the
 * features built on it.
 */
public final class SyntheticRegistry {

    public static final Provenance SOURCE = new Provenance("bench:synthetic-seed-2026", Provenance.Confidence.HIGH);
    static final int BATCH = 10_000;
    static final int KEPT_SAMPLE = 250_000;

    /**
     * What was loaded, in generation order; {@code reportedIds} are the weapons reported lost or stolen.
     * From a kept store, {@code weapons} and {@code ids} are every k-th weapon, about {@value #KEPT_SAMPLE}, and the reported ones
     * (see {@link #reuse}): the benchmark's JVM is also the application's, and at N ten million weapons
     * and ids of its own were 2.2 GB live, so that G1 marked concurrently, on one of the two cores, all
     * through the timed lines. A production heap holds nothing of the kind.
     */
    public record Loaded(List<NewFirearm> weapons, List<String> ids, List<RegistryDataset.DatasetPerson> population,
                         List<String> personIds, List<Holdings.NewLicence> licences, List<String> reportedIds) {
    }

    private SyntheticRegistry() {
    }

    /**
     * Loads the registry, or, with {@code -Dbench.store=DIR} (which is also the application's data
     * directory, see {@link #STORE}), reuses the store a previous run left there: building N takes
     * half an hour, a timed query run a few minutes. The weapons, people and licences are drawn again
     * from the same seeds; the ids the services gave them are read back from the files saved beside
     * the store after its load.
     */
    public static Loaded load(int n, int p, FirearmRegistry registry, PersonRegistry people, Holdings holdings,
                              LostStolenRegister lostStolen) {
        if (STORE == null) {
            return loadFresh(n, p, registry, people, holdings, lostStolen);
        }
        Path saved = Path.of(STORE).resolve("bench");
        try {
            if (Files.exists(saved.resolve("size"))) {
                return reuse(saved, n, p);
            }
            Loaded loaded = loadFresh(n, p, registry, people, holdings, lostStolen);
            Files.createDirectories(saved);
            Files.write(saved.resolve("firearm-ids"), loaded.ids());
            Files.write(saved.resolve("person-ids"), loaded.personIds());
            Files.write(saved.resolve("reported-ids"), loaded.reportedIds());
            Files.writeString(saved.resolve("size"), n + " " + p); // last: marks the store complete
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kept store's directory ({@code -Dbench.store}), or null for a fresh store per run. */
    public static final String STORE = System.getProperty("bench.store");

    private static Loaded reuse(Path saved, int n, int p) throws IOException {
        String size = Files.readString(saved.resolve("size")).strip();
        if (!size.equals(n + " " + p)) {
            throw new IllegalStateException("The kept store " + saved.getParent() + " holds " + size
                    + " (firearms people), not " + n + " " + p + "; give another -Dbench.store");
        }
        // Every stride-th weapon of the seeded stream, with its id (a sample as random as the stream),
        // and every weapon reported lost or stolen (the recovery benchmark plants those).
        int stride = Math.max(1, n / KEPT_SAMPLE);
        List<String> reported = Files.readAllLines(saved.resolve("reported-ids"));
        var reportedSet = new HashSet<>(reported);
        var kept = new BitSet(n);
        var ids = new ArrayList<String>(n / stride + reported.size());
        try (var lines = Files.lines(saved.resolve("firearm-ids"))) {
            int[] i = {0};
            lines.forEach(id -> {
                if (i[0] % stride == 0 || reportedSet.contains(id)) {
                    kept.set(i[0]);
                    ids.add(id);
                }
                i[0]++;
            });
        }
        var stream = new Random(2026);
        var weapons = new ArrayList<NewFirearm>(ids.size());
        for (int i = 0; i < n; i++) {
            NewFirearm w = RegistryDataset.firearm(stream);
            if (kept.get(i)) {
                weapons.add(w);
            }
        }
        List<String> personIds = Files.readAllLines(saved.resolve("person-ids"));
        System.out.printf("reusing the store in %s: %,d firearms (%,d of them drawn from), %,d people%n", saved.getParent(), n,
                weapons.size(), p);
        return new Loaded(weapons, ids, RegistryDataset.people(p, 2027),
                personIds, licences(p, personIds, new Random(2028)), reported);
    }

    private static List<Holdings.NewLicence> licences(int p, List<String> personIds, Random random) {
        var licences = new ArrayList<Holdings.NewLicence>(p);
        for (int i = 0; i < p; i++) {
            var from = LocalDate.of(2005 + random.nextInt(20), 1 + random.nextInt(12), 1);
            licences.add(new Holdings.NewLicence(String.format("%s-%d/%06d", i % 2 == 0 ? "PR" : "MI", from.getYear(), i),
                    Licence.Kind.values()[random.nextInt(4)], personIds.get(i), "MPB", from, from.plusYears(10)));
        }
        return licences;
    }

    private static Loaded loadFresh(int n, int p, FirearmRegistry registry, PersonRegistry people, Holdings holdings,
                                    LostStolenRegister lostStolen) {
        var weapons = new ArrayList<NewFirearm>(n);
        var ids = new ArrayList<String>(n);
        var stream = new Random(2026);
        timed("firearms", n, () -> {
            for (int from = 0; from < n; from += BATCH) {
                var batch = new ArrayList<NewFirearm>(BATCH);
                for (int i = from; i < Math.min(n, from + BATCH); i++) {
                    batch.add(RegistryDataset.firearm(stream));
                }
                weapons.addAll(batch);
                ids.addAll(admin(() -> registry.registerBatch(batch, SOURCE)));
            }
        });

        List<RegistryDataset.DatasetPerson> population = RegistryDataset.people(p, 2027);
        var personIds = new ArrayList<String>(p);
        timed("people", p, () -> batches(population, b -> personIds.addAll(admin(() -> people.registerBatch(
                b.stream().map(RegistryDataset.DatasetPerson::person).toList(), SOURCE)))));

        var importers = new ArrayList<String>();
        var dealers = new ArrayList<String>();
        admin(() -> {
            for (int i = 0; i < 8; i++) {
                importers.add(holdings.registerOrganisation(Holdings.OrganisationKind.IMPORTER, "IMP-" + i,
                        "Importer " + i + " sh.p.k.", "XK", SOURCE));
            }
            for (int i = 0; i < 40; i++) {
                dealers.add(holdings.registerOrganisation(Holdings.OrganisationKind.DEALER, "DLR-" + i,
                        "Dealer " + i, "XK", SOURCE));
            }
            return null;
        });

        var random = new Random(2028);
        List<Holdings.NewLicence> licences = licences(p, personIds, random);
        var licenceIds = new ArrayList<String>(p);
        timed("licences", p, () -> batches(licences, b -> licenceIds.addAll(admin(() -> holdings.issueLicenceBatch(b, SOURCE)))));

        // The chain maker -> importer -> dealer -> licence holder for 40 % of the first 500k weapons.
        int traded = (int) (Math.min(n, 500_000) * 0.4);
        var transfers = new ArrayList<NewTransfer>(traded * 3);
        var holderOf = new int[traded];
        for (int i = 0; i < traded; i++) {
            var date = LocalDate.of(2000 + random.nextInt(24), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String importer = RegistryDataset.pick(importers, random);
            String dealer = RegistryDataset.pick(dealers, random);
            holderOf[i] = random.nextInt(p);
            transfers.add(NewTransfers.newTransfer(Transfer.Kind.IMPORT, date, ids.get(i)).to(importer)
                    .reference("C-" + i).build());
            transfers.add(NewTransfers.newTransfer(Transfer.Kind.SALE, date.plusDays(20), ids.get(i)).from(importer)
                    .to(dealer).build());
            transfers.add(NewTransfers.newTransfer(Transfer.Kind.SALE, date.plusDays(60), ids.get(i)).from(dealer)
                    .to(personIds.get(holderOf[i])).toLicence(licenceIds.get(holderOf[i])).reference("INV-" + i)
                    .build());
        }
        timed("transfers", transfers.size(), () -> batches(transfers, b -> admin(() -> holdings.recordTransferBatch(b, SOURCE))));

        // One in a hundred weapons, capped: each report is a single audited transaction, as in the UI.
        int reports = Math.max(10, Math.min(5_000, n / 100));
        var reported = new ArrayList<String>(reports);
        timed("lost/stolen reports", reports, () -> {
            for (int i = 0; i < reports; i++) {
                String id = ids.get(random.nextInt(n));
                reported.add(id);
                var kind = i % 3 == 0 ? LostStolenReport.Kind.LOST : LostStolenReport.Kind.STOLEN;
                Actors.analyst("bench", () -> lostStolen.report(id, kind, null, null, null, null, SOURCE));
            }
        });

        return new Loaded(weapons, ids, population, personIds, licences, reported);
    }

    static <T> T admin(Supplier<T> action) {
        return Actors.as("bench", Role.ADMIN, action);
    }

    static <T> void batches(List<T> all, Consumer<List<T>> load) {
        for (int from = 0; from < all.size(); from += BATCH) {
            load.accept(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
    }

    public static void timed(String what, int count, Runnable load) {
        long t0 = System.nanoTime();
        load.run();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("loaded %,d %s in %.1f s (%,.0f/s)%n", count, what, s, count / s);
    }
}
