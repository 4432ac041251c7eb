package org.armstrace.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.Provenance;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A lost/stolen extract of 5,000 reports through the transactional importer, each on a weapon an
 * earlier firearms extract registered, with one report in twenty resembling a weapon recovered
 * before (a digit read as a letter): the import with the retroactive check of every report
 * ({@code LostStolenCheck}, issue 27 item 5) against the same import without it (the commit
 * before). Only the reports' import is timed.
 *
 * <pre>
 * flock /tmp/maven.lock ./mvnw -o -B test -Dtest=LostStolenImportBenchmark -Dbench.excluded=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.reports=5000]
 * </pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class LostStolenImportBenchmark {

    private static final String[][] MAKES = {{"Glock", "17"}, {"CZ", "75"}, {"Zastava", "M70"}, {"Walther", "P99"}};

    @Autowired
    RegistryImports imports;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void five_thousand_imported_reports_are_checked_against_earlier_records() throws IOException {
        int n = Integer.getInteger("bench.reports", 5_000);
        String run = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var random = new Random(27);
        var weapons = new StringBuilder("Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,"
                + "Shenja e importit\n");
        var reports = new StringBuilder("Lloji,Data,Prodhuesi,Modeli,Numri serik,Vendi,Referenca\n");
        var recovered = new ArrayList<String[]>();
        for (int i = 0; i < n; i++) {
            String[] make = MAKES[i % MAKES.length];
            String serial = "B" + run + String.format("%07d", random.nextInt(10_000_000));
            weapons.append("pistol,").append(make[0]).append(',').append(make[1]).append(",9mm,").append(serial)
                    .append(",2010,AT,\n");
            reports.append(i % 2 == 0 ? "Vjedhur" : "Humbur").append(",,")
                    .append(make[0]).append(',').append(make[1]).append(',').append(serial)
                    .append(",Prishtinë,BR-").append(run).append('-').append(i).append('\n');
            if (i % 20 == 0) {
                recovered.add(new String[] {make[0], make[1], serial.replace('5', 'S').replace('8', 'B')});
            }
        }
        Path dir = Files.createTempDirectory("bench-lost-stolen");
        Files.writeString(dir.resolve("weapons.csv"), weapons);
        Files.writeString(dir.resolve("reports.csv"), reports);
        var source = new Provenance("user:bench", Provenance.Confidence.MEDIUM);
        Actors.as("bench", Role.ANALYST, () -> {
            recovered.forEach(r -> firearms.recordRecovered(NewFirearms.newFirearm().type("pistol").make(r[0]).model(r[1])
                    .calibre("9mm").serial(r[2]).build(), false, source));
            return null;
        });
        ImportBatch w = run(dir.resolve("weapons.csv"), "kosovo-firearms");
        System.out.printf("setup: %,d weapons imported (%s), %,d recovered weapons resembling reported ones%n",
                w.accepted(), w.status(), recovered.size());

        long t0 = System.nanoTime();
        ImportBatch r = run(dir.resolve("reports.csv"), "kosovo-lost-stolen");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("lost/stolen import: %,d reports read, %,d accepted, status %s, in %.2f s (%,.0f reports/s); "
                + "counts %s%n", r.read(), r.accepted(), r.status(), seconds, r.read() / seconds, r.counts());
        // How many of them the check found something for (none before the check existed).
        System.out.println("reports of this run with a possible earlier record, and links: " + neo4j.query("""
                        MATCH (r:LostStolenReport)-[m:MAY_BE]->() WHERE r.reference STARTS WITH $prefix
                        RETURN count(DISTINCT r) + ' reports, ' + count(m) + ' links'""")
                .bind("BR-" + run + "-").to("prefix").fetchAs(String.class).one().orElse("?"));
    }

    private ImportBatch run(Path file, String profile) {
        return Actors.as("bench", Role.ADMIN, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                RegistryImports.StoredFile stored = imports.store(file.getFileName().toString(), in);
                return imports.runNow(stored, imports.profile(profile).orElseThrow(), false, p -> { }).batch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
