package org.armstrace.recovery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.SyntheticRegistry;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Save plus instant checks, as the officer's tablet waits for them: one recovery with one weapon
 * read off the scene (a registered weapon read with one or two confusions, a weapon reported
 * stolen, or a weapon the registry has never seen), recorded through {@link Recoveries#record}.
 *
 * <pre>
 * S: ./mvnw test -Dtest=RecoveryBenchmark -Dbench.excluded=none -Dbench.firearms=500000 -Dbench.people=300000
 * </pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class RecoveryBenchmark {

    @Autowired
    FirearmRegistry registry;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;
    @Autowired
    LostStolenRegister lostStolen;
    @Autowired
    Recoveries recoveries;

    @Test
    void save_and_instant_checks_on_a_synthetic_registry() {
        int n = Integer.getInteger("bench.firearms", 20_000);
        int p = Integer.getInteger("bench.people", n * 3 / 5);
        int saves = Integer.getInteger("bench.saves", 500);
        System.out.printf("dataset: %,d firearms, %,d people, seed 2026; %d recoveries%n", n, p, saves);
        SyntheticRegistry.Loaded data = SyntheticRegistry.load(n, p, registry, people, holdings, lostStolen);

        var random = new Random(11);
        for (int i = 0; i < 100; i++) { // warm-up
            record(data, random, i);
        }
        long[] nanos = new long[saves];
        int found = 0;
        int flagged = 0;
        int stolenPlanted = 0;
        for (int i = 0; i < saves; i++) {
            int target = random.nextInt(data.weapons().size());
            boolean stolen = i % 10 == 0;
            boolean unknown = i % 5 == 1;
            if (stolen) {
                target = data.ids().indexOf(data.reportedIds().get(random.nextInt(data.reportedIds().size())));
                stolenPlanted++;
            }
            NewFirearm w = data.weapons().get(target);
            String serial = unknown ? "ZZ" + (100000 + random.nextInt(899999)) + "Q" : misread(w.serialAsRead(), random);
            var recovery = new NewRecovery(UUID.randomUUID().toString(), RecoveryKind.SEIZED,
                    Instant.now().minus(1, ChronoUnit.HOURS), new Place(42.6629, 21.1655, 10.0, Place.Method.DEVICE, null),
                    "benchmark", null, List.of(), List.of(new NewRecovery.RecoveredWeapon(new NewFirearm(w.type(), w.make(),
                    w.model(), w.calibre(), serial, null, null, List.of()), false, List.of())));
            long t0 = System.nanoTime();
            Recoveries.Recorded r = Actors.as("officer-bench", Role.FIELD_OFFICER, () -> recoveries.record(recovery));
            nanos[i] = System.nanoTime() - t0;
            String id = data.ids().get(target);
            if (!unknown && r.checks().stream().anyMatch(c -> c.firearm().id().equals(id))) {
                found++;
            }
            if (stolen && r.checks().stream().anyMatch(c -> c.firearm().id().equals(id)
                    && c.kinds().contains(MatchCandidate.Kind.LOST_STOLEN))) {
                flagged++;
            }
        }
        Arrays.sort(nanos);
        int known = saves - saves / 5;
        System.out.printf("save + instant checks       p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
                nanos[saves / 2] / 1e6, nanos[(int) (saves * 0.95)] / 1e6, nanos[(int) (saves * 0.99)] / 1e6,
                nanos[saves - 1] / 1e6);
        System.out.printf("registered weapon among the hits: %d of %d misread registered weapons; stolen flag: %d of %d%n",
                found, known, flagged, stolenPlanted);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("JVM heap used after GC %d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }

    private void record(SyntheticRegistry.Loaded data, Random random, int i) {
        NewFirearm w = data.weapons().get(random.nextInt(data.weapons().size()));
        Actors.as("officer-bench", Role.FIELD_OFFICER, () -> recoveries.record(new NewRecovery(
                UUID.randomUUID().toString(), RecoveryKind.FOUND, Instant.now().minus(2, ChronoUnit.HOURS),
                new Place(42.5, 21.0, null, Place.Method.MAP, null), "warm-up " + i, null, List.of(),
                List.of(new NewRecovery.RecoveredWeapon(w, false, List.of())))));
    }

    /** One or two look-alike confusions, as an officer misreads a worn marking. */
    static String misread(String serial, Random random) {
        String from = "0OSB1I2Z5S8B6G";
        char[] c = serial.toCharArray();
        int swaps = 1 + random.nextInt(2);
        for (int k = 0; k < swaps; k++) {
            int at = random.nextInt(c.length);
            int i = from.indexOf(c[at]);
            if (i >= 0) {
                c[at] = from.charAt(i % 2 == 0 ? i + 1 : i - 1);
            }
        }
        return new String(c);
    }
}
