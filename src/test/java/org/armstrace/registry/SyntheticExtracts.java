package org.armstrace.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The synthetic registry of {@link SyntheticRegistry} written as legacy extracts instead of loaded
 * through the services: the same seeded streams, so the same weapons, people, licences, transfers
 * and reports, but with natural keys (make + model + serial, personal number, licence number,
 * organisation code) in the layouts of the profiles in {@code import/mappings/}. Used for the
 * import benchmark on S and for the samples in {@code import/samples/}.
 */
public final class SyntheticExtracts {

    static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final String[] LICENCE_KINDS = {"Posedim", "Mbajtje", "Gjueti", "Sport"};

    /** The files written, with their row counts. */
    public record Written(Path organisations, Path people, Path firearms, Path licences, Path transfers, Path lostStolen,
                          long rows) {
    }

    private SyntheticExtracts() {
    }

    /** Writes the n-weapon, p-person registry as six UTF-8 CSV extracts (comma-separated). */
    public static Written write(Path dir, int n, int p) throws IOException {
        Files.createDirectories(dir);
        long rows = 0;
        var weapons = new ArrayList<NewFirearm>(n);
        var stream = new Random(2026);
        for (int i = 0; i < n; i++) {
            weapons.add(RegistryDataset.firearm(stream));
        }
        Path firearms = dir.resolve("firearms.csv");
        try (var csv = csv(firearms, StandardCharsets.UTF_8, ',')) {
            csv.printRecord("Lloji", "Prodhuesi", "Modeli", "Kalibri", "Numri serik", "Viti i prodhimit",
                    "Shteti i prodhimit", "Shenja e importit");
            for (NewFirearm w : weapons) {
                csv.printRecord(w.type(), w.make(), w.model(), w.calibre(), w.serialAsRead(), w.year(), "", "");
            }
        }
        rows += n;

        List<RegistryDataset.DatasetPerson> population = RegistryDataset.people(p, 2027);
        Path people = dir.resolve("people.csv");
        try (var csv = csv(people, StandardCharsets.UTF_8, ',')) {
            csv.printRecord("Numri personal", "Emri", "Mbiemri", "Emri i prindit", "Data e lindjes", "Vendlindja");
            for (RegistryDataset.DatasetPerson d : population) {
                NewPerson x = d.person();
                csv.printRecord(x.nationalId(), x.givenName(), x.familyName(), x.parentName(), DOTTED.format(x.birthDate()),
                        x.birthPlace());
            }
        }
        rows += p;

        var importers = new ArrayList<String>();
        var dealers = new ArrayList<String>();
        Path organisations = dir.resolve("organisations.csv");
        try (var csv = csv(organisations, StandardCharsets.UTF_8, ',')) {
            csv.printRecord("Kodi", "Emri", "Lloji", "Shteti");
            for (int i = 0; i < 8; i++) {
                importers.add("IMP-" + i);
                csv.printRecord("IMP-" + i, "Importer " + i + " sh.p.k.", "Importues", "XK");
            }
            for (int i = 0; i < 40; i++) {
                dealers.add("DLR-" + i);
                csv.printRecord("DLR-" + i, "Dealer " + i, "Tregtar", "XK");
            }
        }
        rows += 48;

        var random = new Random(2028);
        var licenceNumbers = new ArrayList<String>(p);
        Path licences = dir.resolve("licences.csv");
        try (var csv = csv(licences, StandardCharsets.UTF_8, ',')) {
            csv.printRecord("Numri i lejes", "Lloji i lejes", "Lëshuar nga", "E vlefshme nga", "E vlefshme deri",
                    "Numri personal i mbajtësit", "Kodi i mbajtësit", "Prodhuesi", "Modeli", "Numri serik");
            for (int i = 0; i < p; i++) {
                var from = LocalDate.of(2005 + random.nextInt(20), 1 + random.nextInt(12), 1);
                String number = String.format("%s-%d/%06d", i % 2 == 0 ? "PR" : "MI", from.getYear(), i);
                licenceNumbers.add(number);
                csv.printRecord(number, LICENCE_KINDS[random.nextInt(4)], "MPB", DOTTED.format(from),
                        DOTTED.format(from.plusYears(10)), population.get(i).person().nationalId(), "", "", "", "");
            }
        }
        rows += p;

        int traded = (int) (Math.min(n, 500_000) * 0.4);
        Path transfers = dir.resolve("transfers.csv");
        try (var csv = csv(transfers, StandardCharsets.UTF_8, ',')) {
            csv.printRecord("Lloji", "Data", "Prodhuesi", "Modeli", "Numri serik", "Nga", "Te", "Numri i lejes", "Referenca");
            for (int i = 0; i < traded; i++) {
                var date = LocalDate.of(2000 + random.nextInt(24), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String importer = RegistryDataset.pick(importers, random);
                String dealer = RegistryDataset.pick(dealers, random);
                int holder = random.nextInt(p);
                NewFirearm w = weapons.get(i);
                csv.printRecord("Import", DOTTED.format(date), w.make(), w.model(), w.serialAsRead(), "", importer, "", "C-" + i);
                csv.printRecord("Shitje", DOTTED.format(date.plusDays(20)), w.make(), w.model(), w.serialAsRead(), importer,
                        dealer, "", "");
                csv.printRecord("Shitje", DOTTED.format(date.plusDays(60)), w.make(), w.model(), w.serialAsRead(), dealer,
                        population.get(holder).person().nationalId(), licenceNumbers.get(holder), "INV-" + i);
            }
        }
        rows += traded * 3L;

        int reports = Math.max(10, Math.min(5_000, n / 100));
        Path lostStolen = dir.resolve("lost-stolen.csv");
        try (var csv = csv(lostStolen, StandardCharsets.UTF_8, ',')) {
            csv.printRecord("Lloji", "Data", "Prodhuesi", "Modeli", "Numri serik", "Vendi", "Referenca");
            for (int i = 0; i < reports; i++) {
                NewFirearm w = weapons.get(random.nextInt(n));
                csv.printRecord(i % 3 == 0 ? "Humbur" : "Vjedhur", "", w.make(), w.model(), w.serialAsRead(), "", "");
            }
        }
        rows += reports;
        return new Written(organisations, people, firearms, licences, transfers, lostStolen, rows);
    }

    static CSVPrinter csv(Path file, Charset charset, char delimiter) throws IOException {
        return csv(Files.newOutputStream(file), charset, delimiter);
    }

    static CSVPrinter csv(OutputStream out, Charset charset, char delimiter) throws IOException {
        var writer = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get());
    }
}
