package org.armstrace.registry;

import java.io.IOException;
import java.io.Reader;
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
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code import/samples/}: a small synthetic registry (3,000 weapons, 2,000 people) as
 * extracts in the layouts of {@code import/mappings/}, in the encodings and shapes registries
 * export, with deliberate defects. {@code import/README.md} lists every defect and what the
 * importer must say about it; the importer's tests use these files as fixtures.
 */
public final class ImportSamples {

    static final Charset CP1250 = Charset.forName("windows-1250");
    static final Charset CP1251 = Charset.forName("windows-1251");

    private ImportSamples() {
    }

    public static void write(Path out) throws IOException {
        Path tmp = Files.createTempDirectory("samples");
        SyntheticExtracts.Written s = SyntheticExtracts.write(tmp, 3_000, 2_000);
        Files.createDirectories(out);

        // Organisations: as generated, plus a repeated row, a row without a name, an unknown kind.
        List<List<String>> orgs = read(s.organisations());
        orgs.add(orgs.get(3));
        orgs.add(List.of("DLR-99", "", "Tregtar", "XK"));
        orgs.add(List.of("PRD-1", "Fabrika", "Prodhues", "RS"));
        write(out.resolve("organisations.csv"), StandardCharsets.UTF_8, ',', false, orgs, null);

        // People (UTF-8, comma): dates in five layouts, then the defects.
        List<List<String>> people = read(s.people());
        String[] layouts = {"dd.MM.yyyy", "yyyy-MM-dd", "dd/MM/yyyy", "d-M-yyyy", "yyyyMMdd"};
        for (int i = 1; i < people.size(); i++) {
            LocalDate born = LocalDate.parse(people.get(i).get(4), SyntheticExtracts.DOTTED);
            people.get(i).set(4, DateTimeFormatter.ofPattern(layouts[i % 5]).format(born));
        }
        people.get(10).set(5, "Prishtinë,\nLagja Dardania"); // a quoted value with a comma and a line break
        people.add(List.of("3102971000901", "Agim", "Gashi", "Naim", "31.02.1971", "Prizren")); // no 31 February
        people.add(List.of("1503980000902", "Besnik", "", "Ramë", "15.03.1980", "Pejë")); // no family name
        people.add(List.of("12AB", "Drita", "Krasniqi", "Ilir", "01.01.1975", "Gjilan")); // not a personal number
        people.add(new ArrayList<>(people.get(20))); // a repeated row
        people.add(List.of("0707977000905", "Nikola", "Petrоvić", "Zoran", "07.07.1977", "Zveçan")); // a Cyrillic о inside
        people.add(List.of("0808978000906", "Milica", "Ilić", "Dragan", "1978/14/08", "Leposaviq")); // month 14
        write(out.resolve("people.csv"), StandardCharsets.UTF_8, ',', false, people, null);

        // The Serbian people again, in Cyrillic (Windows-1251, semicolons), without personal numbers,
        // some with a typo or day and month swapped: to be matched, not duplicated. Then 50 newcomers.
        var random = new Random(77);
        var cyr = new ArrayList<List<String>>();
        cyr.add(List.of("ЈМБГ", "Име", "Презиме", "Име оца", "Датум рођења", "Место рођења"));
        List<RegistryDataset.DatasetPerson> population = RegistryDataset.people(2_000, 2027);
        for (int i = 0; i < population.size() && cyr.size() <= 400; i++) {
            if (!population.get(i).serbian()) {
                continue;
            }
            NewPerson p = population.get(i).person();
            String given = PersonNames.cyrillic(PersonNames.latin(p.givenName()));
            LocalDate born = p.birthDate();
            int variant = random.nextInt(10);
            if (variant == 0 && given.length() > 3) {
                given = given.substring(0, 2) + given.substring(3); // a letter left out
            } else if (variant == 1 && born.getDayOfMonth() <= 12) {
                born = LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()); // day and month swapped
            }
            cyr.add(List.of("", given, PersonNames.cyrillic(PersonNames.latin(p.familyName())),
                    PersonNames.cyrillic(PersonNames.latin(p.parentName())), SyntheticExtracts.DOTTED.format(born) + ".",
                    PersonNames.cyrillic(PersonNames.typedWithoutDiacritics(p.birthPlace()))));
        }
        for (RegistryDataset.DatasetPerson d : RegistryDataset.people(200, 2099).stream()
                .filter(RegistryDataset.DatasetPerson::serbian).limit(50).toList()) {
            NewPerson p = d.person();
            cyr.add(List.of("", PersonNames.cyrillic(PersonNames.latin(p.givenName())),
                    PersonNames.cyrillic(PersonNames.latin(p.familyName())), "", SyntheticExtracts.DOTTED.format(p.birthDate()), ""));
        }
        write(out.resolve("people-cyrillic-1251.csv"), CP1251, ';', false, cyr, null);

        // Albanian and Serbian Latin names with diacritics (Windows-1250, tabs), some typed without them.
        var latin = new ArrayList<List<String>>();
        latin.add(List.of("JMBG", "Ime", "Prezime", "Ime oca", "Datum rođenja", "Mesto rođenja"));
        for (int i = 0; i < 300; i++) {
            NewPerson p = population.get(1_000 + i).person();
            String given = PersonNames.latin(p.givenName());
            String family = PersonNames.latin(p.familyName());
            if (i % 4 == 0) {
                given = PersonNames.typedWithoutDiacritics(given);
                family = PersonNames.typedWithoutDiacritics(family);
            }
            latin.add(List.of(i % 2 == 0 ? p.nationalId() : "", given, family, PersonNames.latin(p.parentName()),
                    SyntheticExtracts.DOTTED.format(p.birthDate()), PersonNames.latin(p.birthPlace())));
        }
        write(out.resolve("people-latin-1250.tsv"), CP1250, '\t', false, latin, null);

        // Firearms (UTF-8 with BOM, semicolons): defects, then a last row cut off inside a quoted value.
        List<List<String>> firearms = read(s.firearms());
        firearms.add(List.of("pistol", "Zastava Armz", "M70", "7.65 Browning", "77001", "1988", "RS", ""));
        firearms.add(List.of("pistol", "Glock", "17", "9mm", "???", "2001", "AT", ""));
        firearms.add(List.of("pistol", "CZ", "75", "9mm", "", "1999", "CZ", ""));
        firearms.add(List.of("revolver", "Smith & Wesson", "Model 10", ".38 Special", "D123456", "19x5", "US", ""));
        firearms.add(List.of("pistol", "Beretta", "92FS"));
        firearms.add(List.of("pistol", "Walther", "P99", "9mm", "\"1234567A", "2004", "DE", "KS-2010"));
        write(out.resolve("firearms.csv"), StandardCharsets.UTF_8, ';', true, firearms, "pistol;Walther;P99;9mm;\"12345");

        // The legacy register: one row per weapon, holder and licence ("Family (Parent) Given").
        var register = new ArrayList<List<String>>();
        register.add(List.of("Mbajtësi", "Numri personal", "Data e lindjes", "Vendlindja", "Leja", "Lloji i lejes",
                "Lëshuar nga", "E vlefshme nga", "E vlefshme deri", "Arma", "Prodhuesi", "Modeli", "Kalibri", "Numri serik"));
        var stream = new Random(2031);
        for (int i = 0; i < 2_000; i++) {
            NewFirearm w = RegistryDataset.firearm(stream);
            NewPerson p = population.get(stream.nextInt(population.size())).person();
            LocalDate from = LocalDate.of(2008 + stream.nextInt(15), 1 + stream.nextInt(12), 1);
            register.add(new ArrayList<>(List.of(p.familyName() + " (" + p.parentName() + ") " + p.givenName(),
                    i % 5 == 0 ? "" : p.nationalId(), SyntheticExtracts.DOTTED.format(p.birthDate()), p.birthPlace(),
                    String.format("RX-%d/%05d", from.getYear(), i), SyntheticExtracts.LICENCE_KINDS[stream.nextInt(4)], "MPB",
                    SyntheticExtracts.DOTTED.format(from), SyntheticExtracts.DOTTED.format(from.plusYears(10)),
                    w.type(), w.make(), w.model(), w.calibre(), w.serialAsRead())));
        }
        register.get(7).set(8, "01.01.2001"); // expires before it was issued
        register.get(8).set(0, "Gashi"); // one word: no given name
        write(out.resolve("registry-extract.csv"), StandardCharsets.UTF_8, ';', false, register, null);

        // Licences, transfers and reports name people, organisations and weapons of the files above.
        List<List<String>> licences = read(s.licences());
        licences.add(List.of("PR-2020/999999", "Posedim", "MPB", "01.01.2020", "01.01.2030", "0101990999999", "", "", "", ""));
        licences.add(List.of("DL-2019/000001", "Tregtar", "MPB", "01.01.2019", "01.01.2029", "", "DLR-1", "", "", ""));
        write(out.resolve("licences.csv"), StandardCharsets.UTF_8, ',', false, licences, null);
        List<List<String>> transfers = read(s.transfers());
        transfers.add(List.of("Shitje", "01.06.2020", "Glock", "17", "ZZZ999", "DLR-1", "IMP-1", "", "")); // no such weapon
        transfers.add(List.of("Dhuratë", "01.06.2020", "Glock", "17", "ABC123", "DLR-1", "IMP-1", "", "")); // no such kind
        write(out.resolve("transfers.csv"), StandardCharsets.UTF_8, ',', false, transfers, null);
        List<List<String>> reports = read(s.lostStolen());
        reports.add(List.of("Vjedhur", "01.01.2031", "CZ", "75", "A1234567", "Pejë", "")); // in the future
        write(out.resolve("lost-stolen.csv"), StandardCharsets.UTF_8, ',', false, reports, null);

        workbook(out.resolve("firearms.xlsx"));
        evaluation(out.resolve("matching-evaluation.csv"));
        for (Path p : List.of(s.organisations(), s.people(), s.firearms(), s.licences(), s.transfers(), s.lostStolen())) {
            Files.delete(p);
        }
        Files.delete(tmp);
    }

    /**
     * 1,500 weapons in a workbook as clerks keep them: the make merged down over a maker's rows, a
     * formula, an error cell, dates as dates, a hidden row and a hidden sheet of notes.
     */
    static void workbook(Path file) throws IOException {
        try (var wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Armët");
            var notes = wb.createSheet("Shënime");
            notes.createRow(0).createCell(0).setCellValue("Mos e importoni këtë fletë");
            wb.setSheetHidden(1, true);
            String[] head = {"Lloji", "Prodhuesi", "Modeli", "Kalibri", "Numri serik", "Viti i prodhimit", "Shteti i prodhimit",
                    "Shenja e importit"};
            var h = sheet.createRow(0);
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
            }
            var stream = new Random(2030);
            for (int i = 1; i <= 1_500; i++) {
                NewFirearm w = RegistryDataset.firearm(stream);
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue(w.type());
                row.createCell(1).setCellValue(w.make());
                row.createCell(2).setCellValue(w.model());
                row.createCell(3).setCellValue(w.calibre());
                row.createCell(4).setCellValue(w.serialAsRead());
                row.createCell(5).setCellValue(w.year());
                row.createCell(6).setCellValue("");
                row.createCell(7).setCellValue("");
            }
            // Rows 11-13 (Excel numbering) share one maker: the make is typed once and merged down.
            for (int r = 10; r <= 12; r++) {
                var row = sheet.getRow(r);
                row.getCell(0).setCellValue("pistol");
                row.getCell(1).setCellValue(r == 10 ? "Zastava" : "");
                row.getCell(2).setCellValue("M70");
                row.getCell(3).setCellValue("7.65 Browning");
            }
            sheet.addMergedRegion(new CellRangeAddress(10, 12, 1, 1));
            sheet.getRow(20).getCell(5).setCellFormula("1990+5"); // a formula (its cached value is written below)
            sheet.getRow(21).getCell(4).setCellErrorValue(FormulaError.NA.getCode());
            sheet.getRow(30).setZeroHeight(true); // a hidden row
            var imported = sheet.getRow(40).getCell(7);
            imported.setCellValue("KS 2015");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /**
     * Labelled pairs of person records for the identity-matching evaluation: the same person written
     * differently (other script, no diacritics, a typo, day and month swapped, a missing personal
     * number, parent or place), and different people who look alike (namesakes, siblings, father and
     * son, same given name and birthday). Drawn from a population the importer's tests never see.
     */
    static void evaluation(Path file) throws IOException {
        var random = new Random(4242);
        List<RegistryDataset.DatasetPerson> pool = RegistryDataset.people(3_000, 4243);
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("pair", "label", "case", "given1", "family1", "parent1", "born1", "place1", "id1",
                "given2", "family2", "parent2", "born2", "place2", "id2"));
        int pair = 0;
        String[] same = {"script", "plain", "typo-given", "typo-family", "swap-date", "digit-date", "no-id", "no-parent-place",
                "script+typo", "plain+no-id", "typo-given+typo-family", "typo-given+swap-date", "script+digit-date+no-parent-place"};
        for (int i = 0; i < 600; i++) {
            NewPerson a = pool.get(i).person();
            String kind = same[i % same.length];
            String given = a.givenName();
            String family = a.familyName();
            String parent = a.parentName();
            LocalDate born = a.birthDate();
            String place = a.birthPlace();
            String id = random.nextInt(3) == 0 ? a.nationalId() : "";
            String id1 = id.isEmpty() ? "" : a.nationalId();
            if (kind.contains("script")) {
                given = PersonNames.latin(given).equals(given) ? PersonNames.cyrillic(PersonNames.typedWithoutDiacritics(given))
                        : PersonNames.latin(given);
                family = PersonNames.latin(family).equals(family) ? PersonNames.cyrillic(PersonNames.typedWithoutDiacritics(family))
                        : PersonNames.latin(family);
            }
            if (kind.contains("plain")) {
                given = PersonNames.typedWithoutDiacritics(PersonNames.latin(given));
                family = PersonNames.typedWithoutDiacritics(PersonNames.latin(family));
            }
            if (kind.contains("typo-given") || kind.equals("script+typo")) {
                given = typo(given, random);
            }
            if (kind.contains("typo-family")) {
                family = typo(family, random);
            }
            if (kind.contains("swap-date") && born.getDayOfMonth() <= 12) {
                born = LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
            }
            if (kind.contains("digit-date")) {
                born = born.getDayOfMonth() < 20 ? born.plusDays(10) : born.minusDays(10);
            }
            if (kind.contains("no-id")) {
                id = "";
            }
            if (kind.contains("no-parent-place")) {
                parent = "";
                place = "";
            }
            rows.add(pairRow(++pair, "SAME", kind, a, id1, given, family, parent, born, place, id));
        }
        String[] different = {"namesake", "sibling", "same-given-birthday", "father-son", "namesake-same-year",
                "cousin-same-name-and-parent"};
        for (int i = 0; i < 600; i++) {
            NewPerson a = pool.get(600 + i).person();
            String kind = different[i % different.length];
            NewPerson other = pool.get(1_500 + random.nextInt(1_500)).person();
            String given = a.givenName();
            String family = a.familyName();
            String parent = other.parentName();
            LocalDate born = other.birthDate();
            String place = other.birthPlace();
            switch (kind) {
                case "sibling" -> {
                    given = other.givenName().equals(given) ? pool.get(2_999 - i).person().givenName() : other.givenName();
                    parent = a.parentName();
                    born = a.birthDate().plusYears(2 + random.nextInt(6));
                    place = a.birthPlace();
                }
                case "same-given-birthday" -> {
                    family = other.familyName().equals(family) ? pool.get(2_999 - i).person().familyName() : other.familyName();
                    born = a.birthDate();
                }
                case "father-son" -> {
                    parent = a.givenName();
                    given = other.givenName();
                    born = a.birthDate().plusYears(22 + random.nextInt(10));
                    place = a.birthPlace();
                }
                case "cousin-same-name-and-parent" -> {
                    parent = a.parentName();
                    born = LocalDate.of(a.birthDate().getYear(), 1 + random.nextInt(12), 1 + random.nextInt(28));
                }
                case "namesake-same-year" -> born = LocalDate.of(a.birthDate().getYear(), 1 + random.nextInt(12), 1 + random.nextInt(28));
                default -> { }
            }
            if (born.equals(a.birthDate()) && !kind.equals("same-given-birthday")) {
                born = born.plusDays(40);
            }
            rows.add(pairRow(++pair, "DIFFERENT", kind, a, random.nextBoolean() ? a.nationalId() : "", given, family, parent,
                    born, place, random.nextInt(3) == 0 ? other.nationalId() : ""));
        }
        write(file, StandardCharsets.UTF_8, ',', false, rows, null);
    }

    private static List<String> pairRow(int pair, String label, String kind, NewPerson a, String id1, String given,
                                        String family, String parent, LocalDate born, String place, String id2) {
        return List.of(String.valueOf(pair), label, kind, a.givenName(), a.familyName(), a.parentName(),
                a.birthDate().toString(), a.birthPlace(), id1, given, family, parent == null ? "" : parent,
                born.toString(), place == null ? "" : place, id2);
    }

    /** One keyboard slip: a letter left out, doubled, or two neighbours swapped. */
    private static String typo(String s, Random random) {
        if (s.length() < 4) {
            return s + s.charAt(s.length() - 1);
        }
        int i = 1 + random.nextInt(s.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1);
            case 1 -> s.substring(0, i) + s.charAt(i) + s.substring(i);
            default -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
        };
    }

    private static List<List<String>> read(Path file) throws IOException {
        var rows = new ArrayList<List<String>>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord rec : p) {
                rows.add(new ArrayList<>(rec.toList()));
            }
        }
        return rows;
    }

    /** Writes rows; {@code cutOff}, when given, is a last line written raw with no line end (a truncated file). */
    private static void write(Path file, Charset charset, char delimiter, boolean bom, List<List<String>> rows,
                              String cutOff) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            CSVPrinter csv = SyntheticExtracts.csv(out, charset, delimiter);
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
            if (cutOff != null) {
                csv.getOut().append(cutOff);
            }
            csv.flush();
        }
    }
}
