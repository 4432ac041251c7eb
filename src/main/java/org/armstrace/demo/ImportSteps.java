package org.armstrace.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.armstrace.importer.ImportBatch;
import org.armstrace.importer.MappingProfile;
import org.armstrace.importer.RegistryImports;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two small legacy extracts (the civil registry's people, the police register's weapons) taken in
 * by the demo administrator through the importer, as the imports page and the {@code import} command
 * do: each with a mapping profile saved first, so the page lists the batches and their rows, and the
 * identity review has questions waiting. Each extract is written so that its rows end as every
 * outcome: new records (created), records the registry already holds (merged), look-alikes of
 * registered ones (sent to review) and rows a clerk got wrong (rejected).
 *
 * <p>What the importer creates carries its usual provenance, {@code import:<file>#row=<line>} and the
 * batch; the file names start with the demo's name, and {@link DemoData} ties the batches to the
 * dataset, so the real-data check knows them for the demo's.
 */
@Component
class ImportSteps {

    private static final Logger log = LoggerFactory.getLogger(ImportSteps.class);

    /** The civil registry's headers, as in the shipped kosovo-people profile. */
    private static final List<String> PEOPLE_HEADERS = List.of("Numri personal", "Emri", "Mbiemri", "Emri i prindit",
            "Data e lindjes", "Vendlindja");
    private static final List<String> FIREARM_HEADERS = List.of("Lloji", "Prodhuesi", "Modeli", "Kalibri",
            "Numri serik", "Viti i prodhimit", "Shteti i prodhimit");
    /** Characters a clerk misreads for another (a subset of the serial search's confusion classes). */
    private static final String READ_AS = "0O1I5S8B2Z";

    private final RegistryImports imports;

    ImportSteps(RegistryImports imports) {
        this.imports = imports;
    }

    void imports(DemoRun run) {
        run.as(run.admin(), Role.ADMIN, () -> {
            run.importBatchIds.add(take(run, "people", peopleProfile(run), peopleExtract(run)));
            run.importBatchIds.add(take(run, "firearms", firearmsProfile(run), firearmsExtract(run)));
        });
    }

    /** Saves the profile, keeps the file and imports it on this thread, as the command line does. */
    private String take(DemoRun run, String what, MappingProfile profile, String csv) {
        MappingProfile saved = imports.saveProfile(profile);
        var file = imports.store(run.name + "-registry-" + what + ".csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        ImportBatch batch = imports.runNow(file, saved, false, p -> { }).batch();
        log.info("Demo data: imported {}: {}", batch.fileName(), batch.rowSummary());
        return batch.id();
    }

    /** As the shipped profiles are written (import/README.md), read by the importer's own parser. */
    private static MappingProfile peopleProfile(DemoRun run) {
        return MappingProfile.parse("""
                {"name": "%s-people", "description": "Demo: people from the civil registry's extract (Albanian headers)",
                 "kind": "PEOPLE", "format": {"type": "CSV", "encoding": "UTF-8", "delimiter": ",", "headerRow": 1},
                 "dateFormats": ["d.M.uuuu"], "nameOrder": "FAMILY_FIRST",
                 "columns": [
                   {"header": "Numri personal", "target": "person.nationalId", "transforms": ["digits"]},
                   {"header": "Emri", "target": "person.givenName"},
                   {"header": "Mbiemri", "target": "person.familyName"},
                   {"header": "Emri i prindit", "target": "person.parentName"},
                   {"header": "Data e lindjes", "target": "person.birthDate"},
                   {"header": "Vendlindja", "target": "person.birthPlace"}]}
                """.formatted(run.name));
    }

    private static MappingProfile firearmsProfile(DemoRun run) {
        return MappingProfile.parse("""
                {"name": "%s-firearms", "description": "Demo: weapons from the police register's extract (Albanian headers)",
                 "kind": "FIREARMS", "format": {"type": "CSV", "encoding": "UTF-8", "delimiter": ",", "headerRow": 1},
                 "columns": [
                   {"header": "Lloji", "target": "firearm.type"},
                   {"header": "Prodhuesi", "target": "firearm.make"},
                   {"header": "Modeli", "target": "firearm.model"},
                   {"header": "Kalibri", "target": "firearm.calibre"},
                   {"header": "Numri serik", "target": "firearm.serial"},
                   {"header": "Viti i prodhimit", "target": "firearm.year"},
                   {"header": "Shteti i prodhimit", "target": "firearm.countryOfManufacture", "transforms": ["upper"]}]}
                """.formatted(run.name));
    }

    /**
     * People: some the registry holds, as it holds them (merged by personal number); two under a
     * registered personal number with other names (a question for review); new ones; and two rows
     * the importer refuses (an impossible date of birth, no name at all).
     */
    private static String peopleExtract(DemoRun run) {
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < 4; i++) {
            rows.add(person(run.people.get(run.random.nextInt(run.people.size()))));
        }
        for (int i = 0; i < 2; i++) {
            NewPerson held = run.people.get(run.random.nextInt(run.people.size()));
            NewPerson other = DemoNames.person(run.random, 80_000 + i);
            rows.add(person(new NewPerson(other.givenName(), other.familyName(), other.parentName(), other.birthDate(),
                    other.birthPlace(), held.nationalId())));
        }
        for (int i = 0; i < 8; i++) {
            rows.add(person(DemoNames.person(run.random, 70_000 + i)));
        }
        NewPerson wrongDate = DemoNames.person(run.random, 70_100);
        List<String> bad = new ArrayList<>(person(wrongDate));
        // A date of birth with a month past the twelfth: a typing slip the importer refuses, not guesses at.
        bad.set(4, "13." + (13 + wrongDate.birthDate().getMonthValue() % 12) + "." + wrongDate.birthDate().getYear());
        rows.add(bad);
        rows.add(List.of(DemoNames.person(run.random, 70_101).nationalId(), "", "", "", "", "Prizren"));
        return csv(PEOPLE_HEADERS, rows);
    }

    private static List<String> person(NewPerson p) {
        return List.of(p.nationalId(), p.givenName(), p.familyName(), p.parentName() == null ? "" : p.parentName(),
                p.birthDate() == null ? "" : p.birthDate().getDayOfMonth() + "." + p.birthDate().getMonthValue() + "."
                        + p.birthDate().getYear(), p.birthPlace() == null ? "" : p.birthPlace());
    }

    /**
     * Weapons: some registered already (merged by make, model and serial); two whose serial a clerk
     * misread by one look-alike character (sent to review against the registered one); new ones;
     * and two rows without a serial (rejected).
     */
    private static String firearmsExtract(DemoRun run) {
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < 4; i++) {
            rows.add(firearm(run.weapons.get(run.random.nextInt(run.weapons.size())), null));
        }
        int misread = 0;
        for (int tries = 0; misread < 2 && tries < run.weapons.size(); tries++) {
            NewFirearm w = run.weapons.get(run.random.nextInt(run.weapons.size()));
            String serial = misread(w.serialAsRead());
            if (serial != null) {
                rows.add(firearm(w, serial));
                misread++;
            }
        }
        for (int i = 0; i < 8; i++) {
            rows.add(firearm(DemoNames.firearm(run.random), null));
        }
        rows.add(firearm(DemoNames.firearm(run.random), ""));
        rows.add(firearm(DemoNames.firearm(run.random), " "));
        return csv(FIREARM_HEADERS, rows);
    }

    /** The serial with its last look-alike character read as its twin; null when it has none. */
    static String misread(String serial) {
        for (int i = serial.length() - 1; i >= 0; i--) {
            int at = READ_AS.indexOf(serial.charAt(i));
            if (at >= 0) {
                char twin = READ_AS.charAt(at % 2 == 0 ? at + 1 : at - 1);
                return serial.substring(0, i) + twin + serial.substring(i + 1);
            }
        }
        return null;
    }

    private static List<String> firearm(NewFirearm w, String serial) {
        return List.of(w.type(), w.make(), w.model(), w.calibre(), serial == null ? w.serialAsRead() : serial,
                w.year() == null ? "" : w.year().toString(), w.countryOfManufacture().toLowerCase(Locale.ROOT));
    }

    static String csv(List<String> headers, List<List<String>> rows) {
        var out = new StringBuilder(String.join(",", headers)).append('\n');
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(ImportSteps::quoted).toList())).append('\n');
        }
        return out.toString();
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
