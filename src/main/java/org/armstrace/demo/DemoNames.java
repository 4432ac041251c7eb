package org.armstrace.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.PersonNames;

/**
 * What the demo's records are made of: makes, models and serial shapes as the region's registries
 * hold them, Albanian and Serbian names as clerks write them (Serbian names often in Cyrillic, Latin
 * names sometimes without diacritics). Everything comes from one seeded {@link Random}, so the same
 * seed gives the same dataset.
 */
final class DemoNames {

    /** A make and model with its type, calibre, country and serial formats (L a letter, D a digit, else literal). */
    record Model(String make, String type, String calibre, String model, String country, String... formats) {
    }

    static final List<Model> MODELS = List.of(
            new Model("Zastava", "pistol", "7.65 Browning", "M70", "RS", "DDDDDD", "LDDDDD"),
            new Model("Zastava", "assault rifle", "7.62x39", "M70AB2", "RS", "DDDDDD", "M70DDDDDD"),
            new Model("Zastava", "pistol", "7.62x25", "M57", "RS", "DDDDDD", "LLDDDDD"),
            new Model("Zastava", "pistol", "9mm", "CZ99", "RS", "DDDDDD"),
            new Model("Glock", "pistol", "9mm", "17", "AT", "LLLDDD", "LLLLDDD"),
            new Model("Glock", "pistol", "9mm", "19", "AT", "LLLDDD", "LLDDDLL"),
            new Model("CZ", "pistol", "9mm", "75", "CZ", "LDDDDDD", "DLLDDDD"),
            new Model("Arsenal", "assault rifle", "7.62x39", "AR-M1", "BG", "DDDDDDDD"),
            new Model("Norinco", "pistol", "7.62x25", "Type 54", "CN", "DDDDDDDD", "DDDDDD"),
            new Model("Beretta", "pistol", "9mm", "92FS", "IT", "LDDDDDZ", "BERDDDDDD"),
            new Model("Heckler & Koch", "submachine gun", "9mm", "MP5", "DE", "DD-DDDDDD"),
            new Model("Walther", "pistol", "9mm", "P99", "DE", "DDDDDDL", "LLDDDDDD"),
            new Model("Tula Arms Plant", "pistol", "9x18 Makarov", "PM", "RU", "LLDDDD", "DDDDLL"),
            new Model("Smith & Wesson", "revolver", ".38 Special", "Model 10", "US", "LDDDDDD"),
            new Model("Crvena Zastava", "shotgun", "12 gauge", "Model 1200", "RS", "DDDDD", "LDDDD"),
            new Model("Zastava", "rifle", ".22 LR", "LK M70", "RS", "DDDDDD"));

    static final List<String> ALBANIAN_GIVEN = List.of("Agim", "Arben", "Besnik", "Bekim", "Driton", "Fatmir", "Gëzim",
            "Ilir", "Kushtrim", "Lulzim", "Mentor", "Naim", "Përparim", "Shpëtim", "Valon", "Xhemajl", "Ylber", "Fitore",
            "Vlora", "Drita", "Mimoza", "Shqipe", "Qëndresa", "Lirije", "Teuta", "Blerta", "Albulena", "Hysen",
            "Gjergj", "Çlirim");
    static final List<String> ALBANIAN_FAMILY = List.of("Gashi", "Krasniqi", "Berisha", "Morina", "Hoxha", "Shala",
            "Bytyqi", "Kastrati", "Rexhepi", "Hasani", "Ahmeti", "Kelmendi", "Thaçi", "Mustafa", "Kryeziu", "Sylejmani",
            "Zeqiri", "Rrahmani", "Haliti", "Osmani", "Gjoka", "Dushi", "Hyseni", "Ymeri", "Ramadani", "Çeku",
            "Xhaferi", "Gërguri");
    static final List<String> SERBIAN_GIVEN = List.of("Dragan", "Milan", "Nenad", "Dejan", "Goran", "Zoran", "Miloš",
            "Nikola", "Stefan", "Đorđe", "Aleksandar", "Vladimir", "Ljubiša", "Dušan", "Žarko", "Predrag", "Jelena",
            "Milica", "Ivana", "Snežana", "Dragana", "Marija", "Ljiljana", "Tijana", "Nataša");
    static final List<String> SERBIAN_FAMILY = List.of("Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević",
            "Stojanović", "Ilić", "Stanković", "Pavlović", "Milošević", "Đurić", "Popović", "Živković", "Todorović",
            "Ristić", "Kovačević", "Lazić", "Šipka", "Čolić", "Mladenović", "Savić", "Vuković", "Janković", "Tomić");
    static final List<String> PLACES = List.of("Prishtinë", "Prizren", "Pejë", "Gjakovë", "Mitrovicë", "Ferizaj",
            "Gjilan", "Podujevë", "Vushtrri", "Suharekë", "Rahovec", "Graçanicë", "Shtërpcë", "Zveçan", "Leposaviq");
    static final List<String> DEALER_TOWNS = List.of("Prishtina", "Prizren", "Peja", "Gjakova", "Ferizaj", "Gjilan",
            "Mitrovica", "Graçanica");

    private DemoNames() {
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    /** The next weapon of the seeded stream. */
    static NewFirearm firearm(Random random) {
        Model m = pick(MODELS, random);
        String format = m.formats()[random.nextInt(m.formats().length)];
        return new NewFirearm(m.type(), m.make(), m.model(), m.calibre(), serial(format, random), m.country(),
                1965 + random.nextInt(58), List.of());
    }

    /** A person, half Albanian and half Serbian; 40 % of Serbian names in Cyrillic, 15 % of Latin ones without diacritics. */
    static NewPerson person(Random random, int index) {
        boolean serbian = random.nextBoolean();
        String given = pick(serbian ? SERBIAN_GIVEN : ALBANIAN_GIVEN, random);
        String family = pick(serbian ? SERBIAN_FAMILY : ALBANIAN_FAMILY, random);
        String parent = pick(serbian ? SERBIAN_GIVEN : ALBANIAN_GIVEN, random);
        if (serbian && random.nextInt(10) < 4) {
            given = PersonNames.cyrillic(given);
            family = PersonNames.cyrillic(family);
            parent = PersonNames.cyrillic(parent);
        } else if (random.nextInt(100) < 15) {
            given = PersonNames.typedWithoutDiacritics(given);
            family = PersonNames.typedWithoutDiacritics(family);
        }
        var born = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
        // Shaped like a personal number, but from a range no real one uses (the last digits count the demo's people).
        String nationalId = String.format("%02d%02d%03d9%05d", born.getDayOfMonth(), born.getMonthValue(),
                born.getYear() % 1000, index);
        return new NewPerson(given, family, parent, born, pick(PLACES, random), nationalId);
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
