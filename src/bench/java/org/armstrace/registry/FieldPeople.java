package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of people as registries and field officers write them, for the matching
 * evaluation. Its name pools, towns and variant lists were written for it and were never used to
 * set the matcher's weights or thresholds; its short forms deliberately include some that
 * {@code registry/name-equivalents.txt} does not know.
 *
 * <p>A person is drawn once (the truth); {@link #writeAgain} writes that person as a second source
 * would, with the field's variants in the proportions of {@link Variants}.
 */
final class FieldPeople {

    /** A true person: every field known; {@code id} is the truth label. */
    record Person(int id, boolean albanian, boolean male, String given, String family, String parent, LocalDate born,
                  Town town, String nid) {
    }

    /** A town and how each language writes it. */
    record Town(String albanian, String serbian, int weight) {
    }

    /** Chances of each variant when a person is written again; they combine independently. */
    record Variants(double cyrillic, double noDiacritics, double swapped, double noBirthDate, double parentInMiddle,
                    double shortForm, double dateDigit, double dayMonthSwapped, double nameTypo, double noPlace,
                    double otherLanguagePlace, double noParent, double showsNid) {

        static final Variants FIELD = new Variants(0.15, 0.30, 0.12, 0.08, 0.06, 0.05, 0.04, 0.03, 0.04, 0.10, 0.25,
                0.35, 0.5);
    }

    static final List<Town> TOWNS = List.of(
            new Town("Prishtinë", "Priština", 20), new Town("Prizren", "Prizren", 12), new Town("Pejë", "Peć", 8),
            new Town("Gjakovë", "Đakovica", 8), new Town("Mitrovicë", "Mitrovica", 8), new Town("Ferizaj", "Uroševac", 7),
            new Town("Gjilan", "Gnjilane", 7), new Town("Podujevë", "Podujevo", 5), new Town("Vushtrri", "Vučitrn", 5),
            new Town("Suharekë", "Suva Reka", 4), new Town("Rahovec", "Orahovac", 4), new Town("Drenas", "Glogovac", 4),
            new Town("Lipjan", "Lipljan", 4), new Town("Malishevë", "Mališevo", 3), new Town("Kamenicë", "Kamenica", 3),
            new Town("Viti", "Vitina", 3), new Town("Deçan", "Dečani", 3), new Town("Istog", "Istok", 3),
            new Town("Klinë", "Klina", 3), new Town("Graçanicë", "Gračanica", 3), new Town("Zveçan", "Zvečan", 2),
            new Town("Leposaviq", "Leposavić", 2), new Town("Shtërpcë", "Štrpce", 2), new Town("Dragash", "Dragaš", 2));

    private static final String[] SQ_MALE = {"Ardian", "Arianit", "Bashkim", "Bekim", "Besart", "Blerim", "Burim",
            "Driton", "Dritan", "Edon", "Enver", "Fatmir", "Faton", "Fisnik", "Florent", "Gazmend", "Genc", "Gëzim",
            "Hajdar", "Ilir", "Kujtim", "Labinot", "Lulzim", "Mentor", "Mërgim", "Naim", "Nazmi", "Petrit", "Qëndrim",
            "Rexhep", "Shkëlzen", "Shpëtim", "Skënder", "Valon", "Vëllaznim", "Xhevdet", "Ylber", "Zenel", "Fadil",
            "Selim", "Halil", "Bujar", "Agron", "Avni", "Dardan", "Lorik", "Rilind", "Ermal", "Gjergj", "Gjon",
            "Xhemajl", "Pjetër", "Mark", "Lekë", "Nikollë", "Ndue", "Hasan", "Ibrahim", "Bajram", "Jusuf"};
    private static final String[] SQ_FEMALE = {"Albana", "Arbnora", "Besa", "Blerta", "Donika", "Drenusha", "Edona",
            "Elira", "Fjolla", "Flutura", "Gentiana", "Hana", "Jehona", "Kaltrina", "Linda", "Lumnije", "Mimoza",
            "Merita", "Nora", "Qëndresa", "Rina", "Shqipe", "Teuta", "Valbona", "Vjosa", "Vlora", "Zana", "Yllka",
            "Arta", "Mirjeta", "Katarina", "Drita", "Vjollca"};
    private static final String[] SQ_FAMILY = {"Ahmeti", "Aliu", "Avdiu", "Bajrami", "Berisha", "Beqiri", "Bytyqi",
            "Dervishi", "Demolli", "Elshani", "Gashi", "Gjoka", "Hajdari", "Haliti", "Hasani", "Hoxha", "Hyseni",
            "Ismaili", "Jashari", "Kastrati", "Kelmendi", "Krasniqi", "Kryeziu", "Kurti", "Lajçi", "Limani", "Llapashtica",
            "Maloku", "Mehmeti", "Morina", "Mustafa", "Osmani", "Pllana", "Qerimi", "Ramadani", "Rexhepi", "Rugova",
            "Salihu", "Sejdiu", "Shala", "Shehu", "Sylejmani", "Tahiri", "Thaçi", "Uka", "Veseli", "Zeqiri", "Zymberi",
            "Bislimi", "Muja", "Nimani", "Shabani", "Zekaj", "Deda", "Prenkaj", "Marku", "Gjonbalaj", "Lleshi"};
    private static final String[] SR_MALE = {"Aleksandar", "Bojan", "Branko", "Dejan", "Dragan", "Dušan", "Đorđe",
            "Goran", "Ivan", "Jovan", "Marko", "Milan", "Miloš", "Miroslav", "Nebojša", "Nenad", "Nikola", "Petar",
            "Predrag", "Radomir", "Saša", "Slobodan", "Srđan", "Stefan", "Vladimir", "Zoran", "Željko", "Živojin",
            "Dalibor", "Ljubomir"};
    private static final String[] SR_FEMALE = {"Ana", "Biljana", "Danijela", "Dragana", "Gordana", "Ivana", "Jelena",
            "Jovana", "Ljiljana", "Marija", "Milica", "Nataša", "Snežana", "Tijana", "Vesna", "Zorica", "Aleksandra",
            "Valentina"};
    private static final String[] SR_FAMILY = {"Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević",
            "Stojanović", "Ilić", "Stanković", "Pavlović", "Milošević", "Todorović", "Živković", "Janković",
            "Ristić", "Kostić", "Stefanović", "Krstić", "Lazić", "Mitić", "Savić", "Đukić", "Radić", "Simić",
            "Trajković", "Vasić", "Božović", "Milenković", "Tasić", "Denić", "Spasić"};

    /**
     * Short and cross-language forms as this generator writes them. Most are in the matcher's list;
     * those marked "unknown" are not, and cost recall or review time as they would in the field.
     */
    private static final Map<String, List<String>> SHORT_FORMS = Map.ofEntries(
            Map.entry("Gjergj", List.of("Đorđe", "Georgije")), Map.entry("Gjon", List.of("Jovan", "Gjin")),
            Map.entry("Xhemajl", List.of("Džemail", "Xhemal")), Map.entry("Pjetër", List.of("Petar", "Pjetri")),
            Map.entry("Mark", List.of("Marko")), Map.entry("Lekë", List.of("Aleksandar", "Leka")),
            Map.entry("Nikollë", List.of("Nikola", "Kolë")), Map.entry("Ndue", List.of("Anton", "Ndoc")),
            Map.entry("Hasan", List.of("Haso")), Map.entry("Ibrahim", List.of("Ibro")), Map.entry("Bajram", List.of("Bajro")),
            Map.entry("Jusuf", List.of("Juso")), Map.entry("Slobodan", List.of("Boban", "Sloba")),
            Map.entry("Aleksandar", List.of("Saša", "Aco")), Map.entry("Ljubomir", List.of("Ljuba")),
            Map.entry("Milan", List.of("Mile")), Map.entry("Stefan", List.of("Shtjefën")),
            Map.entry("Đorđe", List.of("Gjergj", "Đoka")), Map.entry("Jovan", List.of("Gjon", "Jovo")),
            Map.entry("Katarina", List.of("Kata")), Map.entry("Marija", List.of("Mara")),
            Map.entry("Dragan", List.of("Gagi")),                         // unknown
            Map.entry("Bekim", List.of("Beki")),                          // unknown
            Map.entry("Fatmir", List.of("Miri")),                         // unknown
            Map.entry("Blerim", List.of("Bleri")),                        // unknown
            Map.entry("Ivan", List.of("Ivica")),                          // unknown
            Map.entry("Jelena", List.of("Jela")), Map.entry("Valentina", List.of("Tina")));

    private final Random random;
    private int next;

    FieldPeople(long seed) {
        random = new Random(seed);
    }

    /** A new, unrelated person: most people in the registry are Albanian, a fifth Serbian; 70 % have a personal number. */
    Person person() {
        boolean albanian = random.nextDouble() < 0.8;
        boolean male = random.nextDouble() < 0.85; // weapon holders and possessors are mostly men
        String given = pick(albanian ? male ? SQ_MALE : SQ_FEMALE : male ? SR_MALE : SR_FEMALE);
        String family = pick(albanian ? SQ_FAMILY : SR_FAMILY);
        String parent = pick(albanian ? SQ_MALE : SR_MALE);
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
        return new Person(next++, albanian, male, given, family, parent, born, town(), nid());
    }

    /** Someone else with the same name in the same town: another birth date, another father. */
    Person namesake(Person of) {
        Person other = person();
        return new Person(other.id(), of.albanian(), of.male(), of.given(), of.family(), other.parent(), other.born(),
                of.town(), other.nid());
    }

    private Town town() {
        int total = TOWNS.stream().mapToInt(Town::weight).sum();
        int r = random.nextInt(total);
        for (Town t : TOWNS) {
            r -= t.weight();
            if (r < 0) {
                return t;
            }
        }
        return TOWNS.getLast();
    }

    private String nid() {
        return String.valueOf(1_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
    }

    private String pick(String[] pool) {
        return pool[random.nextInt(pool.length)];
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** The person as the first registry recorded them: own language and script, sometimes without parent or number. */
    NewPerson writeFirst(Person p) {
        return new NewPerson(p.given(), p.family(), chance(0.3) ? null : p.parent(), p.born(),
                p.albanian() ? p.town().albanian() : p.town().serbian(), chance(0.3) ? null : p.nid());
    }

    /** The person as another source writes them, with the field's variants. */
    NewPerson writeAgain(Person p, Variants v) {
        String given = p.given();
        if (chance(v.shortForm()) && SHORT_FORMS.containsKey(given)) {
            List<String> forms = SHORT_FORMS.get(given);
            given = forms.get(random.nextInt(forms.size()));
        }
        String family = p.family();
        if (chance(v.nameTypo())) {
            if (chance(0.5)) {
                given = Spellings.typo(given, random);
            } else {
                family = Spellings.typo(family, random);
            }
        }
        String parent = chance(v.noParent()) ? null : p.parent();
        if (chance(v.parentInMiddle())) {
            given = given + " " + p.parent();
            parent = chance(0.5) ? null : parent;
        }
        LocalDate born = p.born();
        if (chance(v.noBirthDate())) {
            born = null;
        } else if (chance(v.dateDigit())) {
            born = Spellings.digitOff(born, random);
        } else if (chance(v.dayMonthSwapped()) && born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()) {
            born = LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
        }
        boolean serbianSide = p.albanian() == chance(v.otherLanguagePlace());
        String place = chance(v.noPlace()) ? null : serbianSide ? p.town().serbian() : p.town().albanian();
        String nid = chance(v.showsNid()) ? p.nid() : null;
        if (chance(v.swapped())) {
            String t = given;
            given = family;
            family = t;
        }
        if (chance(v.cyrillic())) {
            given = Spellings.cyrillic(given);
            family = Spellings.cyrillic(family);
            parent = parent == null ? null : Spellings.cyrillic(parent);
            place = place == null ? null : Spellings.cyrillic(place);
        } else if (chance(v.noDiacritics())) {
            given = PersonNames.typedWithoutDiacritics(given);
            family = PersonNames.typedWithoutDiacritics(family);
            parent = parent == null ? null : PersonNames.typedWithoutDiacritics(parent);
            place = place == null ? null : PersonNames.typedWithoutDiacritics(place);
        }
        return new NewPerson(given, family, parent, born, place, nid);
    }

    /** People drawn at random, as a list. */
    List<Person> people(int n) {
        var out = new ArrayList<Person>(n);
        for (int i = 0; i < n; i++) {
            out.add(person());
        }
        return out;
    }
}
