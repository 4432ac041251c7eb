package org.armstrace.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.armstrace.registry.SyntheticExtracts;

/**
 * The month after: the extracts of {@link SyntheticExtracts} as the same sources send them again, with
 * about 5 % of all rows different in the ways a registry changes between two months. Deterministic by
 * seed. Also the mapping profiles the benchmark runs them with: the shipped {@code kosovo-*} ones,
 * declared full extracts, the licences' with the registry's status and status date.
 */
final class MonthlyExtracts {

    static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** Dates the second extract gives to what happened since the first: never in the future. */
    private static final LocalDate LAST_MONTH = LocalDate.of(2026, 10, 1);

    /** What was changed, by kind of change, for the benchmark to print beside what the import counted. */
    static final class Changes {
        final Map<String, Integer> counts = new LinkedHashMap<>();

        void add(String what) {
            counts.merge(what, 1, Integer::sum);
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private MonthlyExtracts() {
    }

    /** The first month's licences gain the status columns (blank: active), so that the next month can revoke. */
    static void addStatusColumns(Path licences) throws IOException {
        Path tmp = licences.resolveSibling("licences.tmp");
        rewrite(licences, tmp, header -> append(header, "Statusi", "Data e statusit"), (r, out) -> {
            out.add(append(values(r), "", ""));
            return null;
        });
        Files.move(tmp, licences, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Writes the second month of each file of {@code first} into {@code dir}: people with corrected birth
     * places (4 %), dropped (0.5 %) and new (0.5 %); weapons with a corrected year (3 %), dropped (0.5 %) and
     * new (1 %); licences revoked (3 %), expired (1 %) and renewed (1 %); 5 % more transfers (weapons
     * changing hands); an organisation renamed; lost/stolen as before.
     */
    static Changes write(SyntheticExtracts.Written first, Path dir) throws IOException {
        Files.createDirectories(dir);
        var changes = new Changes();
        var random = new Random(2029);
        List<String> people = new ArrayList<>();
        rewrite(first.people(), dir.resolve("people.csv"), h -> h, (r, out) -> {
            people.add(r.get(0));
            List<String> v = values(r);
            double x = random.nextDouble();
            if (x < 0.005) {
                changes.add("person dropped");
                return null;
            }
            if (x < 0.045) {
                v.set(5, v.get(5).equals("Prizren") ? "Pejë" : "Prizren");
                changes.add("person birth place corrected");
            }
            out.add(v);
            if (x > 0.995) {
                var born = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
                out.add(List.of("9" + v.getFirst().substring(1), v.get(1), v.get(2), v.get(3), DOTTED.format(born), v.get(5)));
                changes.add("person new");
            }
            return null;
        });
        rewrite(first.firearms(), dir.resolve("firearms.csv"), h -> h, (r, out) -> {
            List<String> v = values(r);
            double x = random.nextDouble();
            if (x < 0.005) {
                changes.add("firearm dropped");
                return null;
            }
            if (x < 0.035) {
                v.set(5, v.get(5).isEmpty() ? "1999" : String.valueOf(Integer.parseInt(v.get(5)) - 1));
                changes.add("firearm year corrected");
            }
            out.add(v);
            if (x > 0.99) {
                var added = new ArrayList<>(v);
                added.set(4, "KS" + (1_000_000 + random.nextInt(9_000_000)));
                out.add(added);
                changes.add("firearm new");
            }
            return null;
        });
        rewrite(first.licences(), dir.resolve("licences.csv"), h -> h, (r, out) -> {
            List<String> v = values(r);
            double x = random.nextDouble();
            if (x < 0.03) {
                v.set(10, "Revokuar");
                v.set(11, DOTTED.format(LAST_MONTH));
                changes.add("licence revoked");
            } else if (x < 0.04) {
                LocalDate validTo = LocalDate.parse(v.get(4), DOTTED);
                v.set(10, "Skaduar");
                v.set(11, DOTTED.format(validTo.isBefore(LAST_MONTH) ? validTo : LAST_MONTH));
                changes.add("licence expired");
            } else if (x < 0.05) {
                v.set(4, DOTTED.format(LocalDate.parse(v.get(4), DOTTED).plusYears(10)));
                changes.add("licence renewed");
            }
            out.add(v);
            return null;
        });
        writeTransfers(first.transfers(), dir.resolve("transfers.csv"), people, random, changes);
        rewrite(first.organisations(), dir.resolve("organisations.csv"), h -> h, (r, out) -> {
            List<String> v = values(r);
            if (v.getFirst().equals("DLR-7")) {
                v.set(1, "Dealer 7 sh.p.k.");
                changes.add("organisation renamed");
            }
            out.add(v);
            return null;
        });
        // The same reports in another file (a blank line more): the same file again would be recognised as
        // already imported and not read at all.
        Files.copy(first.lostStolen(), dir.resolve("lost-stolen.csv"));
        Files.writeString(dir.resolve("lost-stolen.csv"), "\r\n", java.nio.file.StandardOpenOption.APPEND);
        return changes;
    }

    /** Every transfer as before; for one weapon in twenty of those sold to a holder, a resale to another person. */
    private static void writeTransfers(Path from, Path to, List<String> people, Random random, Changes changes)
            throws IOException {
        rewrite(from, to, h -> h, (r, out) -> {
            List<String> v = values(r);
            out.add(v);
            if (v.get(8).startsWith("INV-") && random.nextDouble() < 0.15) {
                // A third of the rows are sales to holders: 15 % of those is 5 % of all transfer rows.
                var sold = LocalDate.parse(v.get(1), DOTTED).plusYears(1);
                out.add(List.of("Shitje", DOTTED.format(sold.isAfter(LAST_MONTH) ? LAST_MONTH : sold),
                        v.get(2), v.get(3), v.get(4), v.get(6), people.get(random.nextInt(people.size())), "",
                        "RES-" + v.get(8).substring(4)));
                changes.add("transfer new");
            }
            return null;
        });
    }

    /** The profiles of the benchmark: the shipped ones as full extracts; the licences' with status columns. */
    static Path profiles(Path shipped, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("kosovo-organisations", "kosovo-people", "kosovo-firearms", "kosovo-licences",
                "kosovo-transfers", "kosovo-lost-stolen")) {
            MappingProfile p = MappingProfile.parse(Files.readString(shipped.resolve(name + ".json"))).withFull(true);
            if (name.equals("kosovo-licences")) {
                var columns = new ArrayList<>(p.columns());
                columns.add(new MappingProfile.Column("Statusi", "licence.status", List.of(),
                        Map.of("Aktive", "ACTIVE", "Revokuar", "REVOKED", "Pezulluar", "SUSPENDED", "Skaduar", "EXPIRED"), null));
                columns.add(new MappingProfile.Column("Data e statusit", "licence.statusDate", List.of(), Map.of(), null));
                p = new MappingProfile(p.name(), p.description(), p.kind(), p.format(), columns, p.dateFormats(),
                        p.nameOrder(), p.organisationKind(), true);
            }
            Files.writeString(dir.resolve(name + ".json"), p.toJson());
        }
        return dir;
    }

    private interface RowRewrite {
        Void apply(CSVRecord row, List<List<String>> out);
    }

    private static void rewrite(Path from, Path to, Function<List<String>, List<String>> header, RowRewrite each)
            throws IOException {
        try (Reader r = Files.newBufferedReader(from, StandardCharsets.UTF_8);
             CSVParser in = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get();
             BufferedWriter w = Files.newBufferedWriter(to, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            boolean first = true;
            var rows = new ArrayList<List<String>>(2);
            for (CSVRecord rec : in) {
                if (first) {
                    out.printRecord(header.apply(values(rec)));
                    first = false;
                    continue;
                }
                rows.clear();
                each.apply(rec, rows);
                for (List<String> row : rows) {
                    out.printRecord(row);
                }
            }
        }
    }

    private static List<String> values(CSVRecord r) {
        return new ArrayList<>(r.toList());
    }

    private static List<String> append(List<String> row, String... more) {
        var out = new ArrayList<>(row);
        out.addAll(List.of(more));
        return out;
    }
}
