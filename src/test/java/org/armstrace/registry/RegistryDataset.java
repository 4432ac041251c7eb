package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic registry data (same seed, same data) for the benchmarks: firearms with
 * serial formats shaped like the makers' real ones (L is a letter, D a digit, anything else
 * literal), and people with Albanian and Serbian names, written as clerks write them: Serbian
 * names often in Cyrillic, and Latin names sometimes without diacritics.
 */
final class RegistryDataset {

    record Maker(String make, String type, String calibre, String model, String... formats) {
    }

    static final List<Maker> MAKERS = List.of(
            new Maker("Zastava", "pistol", "7.65 Browning", "M70", "DDDDDD", "LDDDDD", "DDDDD"),
            new Maker("Zastava", "assault rifle", "7.62x39", "M70AB2", "DDDDDD", "M70DDDDDD"),
            new Maker("Zastava", "pistol", "7.62x25", "M57", "DDDDDD", "LLDDDDD"),
            new Maker("Glock", "pistol", "9mm", "17", "LLLDDD", "LLLLDDD"),
            new Maker("Glock", "pistol", "9mm", "19", "LLLDDD", "LLDDDLL"),
            new Maker("CZ", "pistol", "9mm", "75", "LDDDDDD", "DLLDDDD"),
            new Maker("Arsenal", "assault rifle", "7.62x39", "AR-M1", "DDDDDDDD", "DD-DDDDDD"),
            new Maker("Norinco", "pistol", "7.62x25", "Type 54", "DDDDDDDD", "DDDDDD"),
            new Maker("Beretta", "pistol", "9mm", "92FS", "LDDDDDZ", "BERDDDDDD"),
            new Maker("Heckler & Koch", "submachine gun", "9mm", "MP5", "DD-DDDDDD", "DDDDDD"),
            new Maker("Walther", "pistol", "9mm", "P99", "DDDDDDL", "LLDDDDDD"),
            new Maker("SIG Sauer", "pistol", "9mm", "P226", "LDDDDDD", "LLLDDDDDD"),
            new Maker("Tula Arms Plant", "pistol", "9x18 Makarov", "PM", "LLDDDD", "DDDDLL"),
            new Maker("Smith & Wesson", "revolver", ".38 Special", "Model 10", "LDDDDDD", "LLLDDDD"),
            new Maker("FN Herstal", "pistol", "9mm", "High Power", "DDDLLDDDDD", "LLDDDDDD"),
            new Maker("Crvena Zastava", "shotgun", "12 gauge", "Model 1200", "DDDDD", "LDDDD"));

    static final List<String> ALBANIAN_GIVEN = List.of("Agim", "Arben", "Besnik", "Bekim", "Driton", "Fatmir", "Gëzim",
            "Ilir", "Kushtrim", "Lulzim", "Mentor", "Naim", "Përparim", "Shpëtim", "Valon", "Xhemajl", "Ylber", "Fitore",
            "Vlora", "Drita", "Mimoza", "Shqipe", "Arbëresha", "Qëndresa", "Lirije", "Teuta", "Blerta", "Albulena",
            "Ramë", "Hysen", "Gjergj", "Çlirim");
    static final List<String> ALBANIAN_FAMILY = List.of("Gashi", "Krasniqi", "Berisha", "Morina", "Hoxha", "Shala", "Bytyqi",
            "Kastrati", "Rexhepi", "Hasani", "Ahmeti", "Kelmendi", "Thaçi", "Mustafa", "Kryeziu", "Sylejmani", "Zeqiri",
            "Rrahmani", "Haliti", "Osmani", "Gjoka", "Dushi", "Hyseni", "Ymeri", "Ramadani", "Çeku", "Jashari",
            "Xhaferi", "Gërguri", "Llapashtica");
    static final List<String> SERBIAN_GIVEN = List.of("Dragan", "Milan", "Nenad", "Dejan", "Goran", "Zoran", "Miloš",
            "Nikola", "Stefan", "Đorđe", "Aleksandar", "Vladimir", "Ljubiša", "Dušan", "Žarko", "Predrag", "Jelena",
            "Milica", "Ivana", "Snežana", "Dragana", "Marija", "Ljiljana", "Tijana", "Džana", "Nataša");
    static final List<String> SERBIAN_FAMILY = List.of("Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević",
            "Stojanović", "Ilić", "Stanković", "Pavlović", "Milošević", "Đurić", "Popović", "Živković", "Todorović",
            "Ristić", "Kovačević", "Lazić", "Šipka", "Čolić", "Mladenović", "Savić", "Vuković", "Janković", "Tomić",
            "Obradović", "Nešić", "Bogdanović", "Ćirić");
    static final List<String> PLACES = List.of("Prishtinë", "Prizren", "Pejë", "Gjakovë", "Mitrovicë", "Ferizaj", "Gjilan",
            "Podujevë", "Vushtrri", "Suharekë", "Rahovec", "Graçanicë", "Shtërpcë", "Zveçan", "Leposaviq", "Kamenicë");

    record DatasetPerson(NewPerson person, boolean serbian) {
    }

    private RegistryDataset() {
    }

    /** People: half Albanian, half Serbian; 40 % of Serbian names in Cyrillic; 20 % of Latin names without diacritics. */
    static List<DatasetPerson> people(int n, long seed) {
        var random = new Random(seed);
        var out = new ArrayList<DatasetPerson>(n);
        for (int i = 0; i < n; i++) {
            boolean serbian = random.nextBoolean();
            String given = pick(serbian ? SERBIAN_GIVEN : ALBANIAN_GIVEN, random);
            String family = pick(serbian ? SERBIAN_FAMILY : ALBANIAN_FAMILY, random);
            String parent = pick(serbian ? SERBIAN_GIVEN : ALBANIAN_GIVEN, random);
            if (serbian && random.nextInt(10) < 4) {
                given = PersonNames.cyrillic(given);
                family = PersonNames.cyrillic(family);
                parent = PersonNames.cyrillic(parent);
            } else if (random.nextInt(10) < 2) {
                given = PersonNames.typedWithoutDiacritics(given);
                family = PersonNames.typedWithoutDiacritics(family);
            }
            var born = LocalDate.of(1945 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String nationalId = String.format("%02d%02d%03d%06d", born.getDayOfMonth(), born.getMonthValue(),
                    born.getYear() % 1000, i);
            out.add(new DatasetPerson(NewPeople.newPerson(given, family).parent(parent).born(born)
                    .bornIn(pick(PLACES, random)).nationalId(nationalId).build(), serbian));
        }
        return out;
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    static List<NewFirearm> generate(int n, long seed) {
        var random = new Random(seed);
        var out = new ArrayList<NewFirearm>(n);
        for (int i = 0; i < n; i++) {
            out.add(firearm(random));
        }
        return out;
    }

    /** The next weapon of a seeded stream: generating in batches gives the same data as {@link #generate}. */
    static NewFirearm firearm(Random random) {
        Maker m = MAKERS.get(random.nextInt(MAKERS.size()));
        String format = m.formats()[random.nextInt(m.formats().length)];
        return NewFirearms.newFirearm().type(m.type()).make(m.make()).model(m.model()).calibre(m.calibre())
                .serial(serial(format, random)).year(1960 + random.nextInt(64)).build();
    }

    static String serial(String format, Random random) {
        var sb = new StringBuilder(format.length());
        for (char c : format.toCharArray()) {
            sb.append(switch (c) {
                case 'L' -> (char) ('A' + random.nextInt(26));
                case 'D' -> (char) ('0' + random.nextInt(10));
                default -> c;
            });
        }
        return sb.toString();
    }
}
