package org.armstrace.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.SyntheticExtracts;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Import speed on dataset S written as legacy extracts (issue 6): the six files of
 * {@link SyntheticExtracts} imported in dependency order through the real service, with
 * validation and matching on, on the embedded graph; then the same rows through Neo4j's own
 * offline importer ({@code neo4j-admin database import full}) into an empty store, as the ceiling.
 *
 * <pre>
 * S: ./mvnw test -Dtest=ImportBenchmark -Dbench.excluded=none -Dbench.firearms=500000 -Dbench.people=300000 \
 *        -Darmstrace.neo4j.page-cache=512MB -Darmstrace.jvm.args="-Xmx2g ..."
 * </pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class ImportBenchmark {

    @Autowired
    RegistryImports imports;
    @Autowired
    ReferenceData reference;

    /** The six files in dependency order, each with its mapping profile. */
    static List<Map.Entry<Path, String>> steps(SyntheticExtracts.Written files) {
        return List.of(Map.entry(files.organisations(), "kosovo-organisations"),
                Map.entry(files.people(), "kosovo-people"), Map.entry(files.firearms(), "kosovo-firearms"),
                Map.entry(files.licences(), "kosovo-licences"), Map.entry(files.transfers(), "kosovo-transfers"),
                Map.entry(files.lostStolen(), "kosovo-lost-stolen"));
    }

    @Test
    void import_rate_on_synthetic_registry_extracts_and_the_offline_ceiling() throws Exception {
        int n = Integer.getInteger("bench.firearms", 20_000);
        int p = Integer.getInteger("bench.people", n * 3 / 5);
        Path dir = Files.createTempDirectory("bench-extracts");
        long t0 = System.nanoTime();
        SyntheticExtracts.Written files = SyntheticExtracts.write(dir, n, p);
        System.out.printf("dataset: %,d firearms, %,d people; %,d rows in six files, written in %.1f s; max heap %,d MB%n",
                n, p, files.rows(), (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        resetPeaks();

        // The floor of the work that needs no graph: read, parse and validate every row on one thread.
        // What a bulk path for a first load could not go below (matching and writing come on top).
        long parsed = 0;
        long p0 = System.nanoTime();
        for (var step : steps(files)) {
            long s0 = System.nanoTime();
            long accepted = 0;
            long total = 0;
            MappingProfile profile = Actors.as("bench", Role.ADMIN, () -> imports.profile(step.getValue()).orElseThrow());
            try (Extract extract = Extract.open(step.getKey(), profile.format())) {
                var parser = new RowParser(profile, extract.header(), reference);
                Extract.SourceRow row;
                while ((row = extract.next()) != null) {
                    total++;
                    accepted += parser.parse(row) instanceof RowParser.Accepted ? 1 : 0;
                }
            }
            double s = (System.nanoTime() - s0) / 1e9;
            parsed += total;
            System.out.printf("parse only %-18s %,9d rows (%,d valid) in %6.1f s = %,9.0f rows/s%n",
                    step.getKey().getFileName(), total, accepted, s, total / s);
        }
        System.out.printf("parse only ALL                %,9d rows in %.1f s = %,.0f rows/s%n", parsed,
                (System.nanoTime() - p0) / 1e9, parsed / ((System.nanoTime() - p0) / 1e9));

        long rows = 0;
        long started = System.nanoTime();
        for (var step : steps(files)) {
            long s0 = System.nanoTime();
            ImportBatch b = Actors.as("bench", Role.ADMIN, () -> {
                try (InputStream in = Files.newInputStream(step.getKey())) {
                    var stored = imports.store(step.getKey().getFileName().toString(), in);
                    return imports.runNow(stored, imports.profile(step.getValue()).orElseThrow(), false, x -> { }).batch();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            double s = (System.nanoTime() - s0) / 1e9;
            rows += b.read();
            System.out.printf("%-18s %,9d read = %,9d accepted + %,6d rejected in %6.1f s = %,7.0f rows/s  %s%n",
                    b.fileName(), b.read(), b.accepted(), b.rejected(), s, b.read() / s, b.counts());
        }
        double total = (System.nanoTime() - started) / 1e9;
        double rate = rows / total;
        System.out.printf("ALL                %,9d rows in %.1f s = %,.0f rows/s; peak heap %,d MB%n", rows, total, rate,
                peakHeap() >> 20);

        double ceiling = offline(files, dir.resolve("admin"));
        System.out.printf("neo4j-admin import of the same %,d rows: %,.0f rows/s; ours is %.1f %% of it%n", rows, ceiling,
                100 * rate / ceiling);
    }

    /** Writes the same rows in neo4j-admin's CSV header syntax and imports them into an empty store. */
    static double offline(SyntheticExtracts.Written f, Path dir) throws IOException {
        Files.createDirectories(dir);
        long rows = 0;
        var args = new ArrayList<>(List.of("database", "import", "full", "neo4j", "--overwrite-destination=true",
                "--skip-duplicate-nodes=true", "--skip-bad-relationships=true", "--bad-tolerance=10000000",
                "--threads=2", "--max-off-heap-memory=1G"));
        rows += convert(f.organisations(), dir.resolve("orgs.csv"), List.of("code:ID(Org)", "name", "kind", "country", ":LABEL"),
                r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3), "Organisation"));
        args.add("--nodes=" + dir.resolve("orgs.csv"));
        rows += convert(f.people(), dir.resolve("people.csv"), List.of("nationalId:ID(Person)", "givenName", "familyName",
                "parentName", "birthDate", "birthPlace", ":LABEL"), r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3),
                r.get(4), r.get(5), "Person"));
        args.add("--nodes=" + dir.resolve("people.csv"));
        rows += convert(f.firearms(), dir.resolve("firearms.csv"), List.of("key:ID(Firearm)", "type", "make", "model",
                "calibre", "serialAsRead", "year", ":LABEL"), r -> List.of(r.get(1) + "|" + r.get(2) + "|" + r.get(4),
                r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), "Firearm"));
        args.add("--nodes=" + dir.resolve("firearms.csv"));
        rows += convert(f.licences(), dir.resolve("licences.csv"), List.of("number:ID(Licence)", "kind", "issuedBy",
                "validFrom", "validTo", "holder", ":LABEL"), r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4),
                r.get(5), "Licence"));
        convert(f.licences(), dir.resolve("holds.csv"), List.of(":START_ID(Person)", ":END_ID(Licence)", ":TYPE"),
                r -> List.of(r.get(5), r.get(0), "HOLDS"));
        args.add("--nodes=" + dir.resolve("licences.csv"));
        args.add("--relationships=" + dir.resolve("holds.csv"));
        int[] index = {0};
        rows += convert(f.transfers(), dir.resolve("transfers.csv"), List.of("id:ID(Transfer)", "kind", "date", "reference",
                ":LABEL"), r -> List.of(String.valueOf(index[0]++), r.get(0), r.get(1), r.get(8), "Transfer"));
        index[0] = 0;
        convert(f.transfers(), dir.resolve("of.csv"), List.of(":START_ID(Transfer)", ":END_ID(Firearm)", ":TYPE"),
                r -> List.of(String.valueOf(index[0]++), r.get(2) + "|" + r.get(3) + "|" + r.get(4), "OF"));
        index[0] = 0;
        convert(f.transfers(), dir.resolve("to-org.csv"), List.of(":START_ID(Transfer)", ":END_ID(Org)", ":TYPE"),
                r -> List.of(String.valueOf(index[0]++), r.get(6), "TO"));
        index[0] = 0;
        convert(f.transfers(), dir.resolve("to-person.csv"), List.of(":START_ID(Transfer)", ":END_ID(Person)", ":TYPE"),
                r -> List.of(String.valueOf(index[0]++), r.get(6), "TO"));
        args.add("--nodes=" + dir.resolve("transfers.csv"));
        for (String rel : List.of("of.csv", "to-org.csv", "to-person.csv")) {
            args.add("--relationships=" + dir.resolve(rel));
        }
        index[0] = 0;
        rows += convert(f.lostStolen(), dir.resolve("reports.csv"), List.of("id:ID(Report)", "kind", ":LABEL"),
                r -> List.of(String.valueOf(index[0]++), r.get(0), "LostStolenReport"));
        index[0] = 0;
        convert(f.lostStolen(), dir.resolve("concerns.csv"), List.of(":START_ID(Report)", ":END_ID(Firearm)", ":TYPE"),
                r -> List.of(String.valueOf(index[0]++), r.get(2) + "|" + r.get(3) + "|" + r.get(4), "CONCERNS"));
        args.add("--nodes=" + dir.resolve("reports.csv"));
        args.add("--relationships=" + dir.resolve("concerns.csv"));
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        long t0 = System.nanoTime();
        int rc = AdminTool.execute(new ExecutionContext(home, home.resolve("conf")), args.toArray(String[]::new));
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("neo4j-admin database import full: exit %d, %,d rows in %.1f s%n", rc, rows, s);
        return rows / s;
    }

    private static long convert(Path from, Path to, List<String> header,
                                Function<CSVRecord, List<String>> row) throws IOException {
        long n = 0;
        try (Reader r = Files.newBufferedReader(from, StandardCharsets.UTF_8);
             CSVParser in = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT.builder().setHeader()
                     .setSkipHeaderRecord(true).get()).get();
             CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(to, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            out.printRecord(header);
            for (CSVRecord rec : in) {
                out.printRecord(row.apply(rec));
                n++;
            }
        }
        return n;
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == MemoryType.HEAP)
                .mapToLong(m -> m.getPeakUsage().getUsed()).sum();
    }
}
