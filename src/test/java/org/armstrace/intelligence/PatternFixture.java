package org.armstrace.intelligence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.recovery.NewRecoveries;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.NewTransfers;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.Transfer;

/**
 * Planted scenarios, written through the real services, each with a negative control beside it
 * (names and serials carry the run, so other tests' data cannot be mistaken for them):
 *
 * <ul>
 *   <li>a straw buyer: four pistols bought from a dealer in January 2024, all four recovered in 2025
 *       (diversion, and four short times-to-crime); beside him a collector whose four pistols were
 *       never recovered, and a holder with only two recovered;</li>
 *   <li>a serial batch: six consecutive serials of one maker and model, recovered in six recoveries in
 *       three municipalities; beside it six consecutive serials seized together (one incident) and six
 *       serials a thousand apart;</li>
 *   <li>a cross-border route: three weapons made in Brazil, last legally imported into Malta; beside it
 *       two from Brazil through Cyprus (under the threshold);</li>
 *   <li>a group: two people found with weapons in three recoveries (each is also a repeat possessor);</li>
 *   <li>a place: three seizures within a few metres; beside it three hand-ins at one desk.</li>
 * </ul>
 */
final class PatternFixture {

    static final Provenance PROVENANCE = new Provenance("user:analyst1", Provenance.Confidence.HIGH);

    final String run;
    final String analyst;
    final Random random;
    String straw;
    String collector;
    String twoOnly;
    final List<String> strawRecovered = new ArrayList<>();
    final List<String> batchRecoveries = new ArrayList<>();
    String batchPrefix;
    final List<String> routeRecoveries = new ArrayList<>();
    final List<String> groupRecoveries = new ArrayList<>();
    String possessorA;
    String possessorB;
    final List<String> placeRecoveries = new ArrayList<>();
    final List<String> handIns = new ArrayList<>();
    double placeLat;
    double placeLon;

    PatternFixture(String analyst) {
        var letters = new StringBuilder();
        random = new Random();
        for (int i = 0; i < 5; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        this.run = letters.toString();
        this.analyst = analyst;
    }

    void plant(FirearmRegistry firearms, PersonRegistry people, Holdings holdings, Recoveries recoveries) {
        String dealer = Actors.analyst(analyst, () -> holdings.registerOrganisation(Holdings.OrganisationKind.DEALER, "GD" + run,
                "Gun dealer " + run, "XK", PROVENANCE));
        straw = holderWith(4, 4, "Straw", firearms, people, holdings, recoveries, dealer, strawRecovered);
        collector = holderWith(4, 0, "Collector", firearms, people, holdings, recoveries, dealer, new ArrayList<>());
        twoOnly = holderWith(2, 2, "Pair", firearms, people, holdings, recoveries, dealer, new ArrayList<>());

        // Six consecutive serials in three municipalities, two recoveries in each.
        batchPrefix = "KB" + run;
        int base = 500_100 + random.nextInt(1_000);
        double[][] places = {{42.6629, 21.1655}, {42.2139, 20.7397}, {42.6593, 20.2887}};
        for (int i = 0; i < 6; i++) {
            double[] p = places[i / 2];
            batchRecoveries.add(recover(recoveries, LocalDate.of(2025, 3, 1 + i), p[0] + i * 0.01, p[1] + i * 0.01,
                    RecoveryKind.SEIZED, null, List.of(), weapon("M57", batchPrefix + "-" + (base + i), null, null)));
        }
        // Control: six consecutive serials seized together, and six serials a thousand apart.
        var together = new ArrayList<NewRecovery.RecoveredWeapon>();
        for (int i = 0; i < 6; i++) {
            together.add(weapon("M57", "KT" + run + "-" + (base + i), null, null));
        }
        recover(recoveries, LocalDate.of(2025, 3, 10), 42.6629, 21.1655, RecoveryKind.SEIZED, null, List.of(),
                together.toArray(NewRecovery.RecoveredWeapon[]::new));
        for (int i = 0; i < 6; i++) {
            double[] p = places[i % 3];
            recover(recoveries, LocalDate.of(2025, 3, 11 + i), p[0], p[1], RecoveryKind.SEIZED, null, List.of(),
                    weapon("M57", "KF" + run + "-" + (base + i * 1_000), null, null));
        }

        // Brazil → Malta three times; Brazil → Cyprus twice.
        for (int i = 0; i < 3; i++) {
            routeRecoveries.add(recover(recoveries, LocalDate.of(2025, 4, 1 + i), 42.38, 20.43, RecoveryKind.FOUND, null,
                    List.of(), weapon("PT92", "RT" + run + i + "X", "BR", "MT")));
        }
        for (int i = 0; i < 2; i++) {
            recover(recoveries, LocalDate.of(2025, 4, 5 + i), 42.38, 20.43, RecoveryKind.FOUND, null, List.of(),
                    weapon("PT92", "RC" + run + i + "X", "BR", "CY"));
        }

        // Two people across three recoveries: A in the first two, B in the last two.
        var a = NewRecovery.Possessor.of("Arben" + run, "Hoxha", null, LocalDate.of(1990, 1, 1), null);
        String first = recover(recoveries, LocalDate.of(2025, 5, 1), 42.45, 21.05, RecoveryKind.SEIZED, "GR-" + run + "-1",
                List.of(a), weapon("M70", "GA" + run + "1X", null, null));
        possessorA = Actors.analyst(analyst, () -> recoveries.find(first)).orElseThrow().possessors().getFirst().personId();
        var b = NewRecovery.Possessor.of("Besnik" + run, "Krasniqi", null, LocalDate.of(1992, 2, 2), null);
        String second = recover(recoveries, LocalDate.of(2025, 5, 2), 42.46, 21.06, RecoveryKind.SEIZED, null,
                List.of(new NewRecovery.Possessor(possessorA, null), b), weapon("M70", "GB" + run + "2X", null, null));
        possessorB = Actors.analyst(analyst, () -> recoveries.find(second)).orElseThrow().possessors().stream()
                .filter(p -> !p.personId().equals(possessorA)).findFirst().orElseThrow().personId();
        String third = recover(recoveries, LocalDate.of(2025, 5, 3), 42.47, 21.07, RecoveryKind.SEIZED, null,
                List.of(new NewRecovery.Possessor(possessorB, null)), weapon("M70", "GC" + run + "3X", null, null));
        groupRecoveries.addAll(List.of(first, second, third));

        // Three seizures a few metres apart; three hand-ins at one desk.
        placeLat = 42.30 + random.nextInt(300) / 1000.0 + 0.0004;
        placeLon = 21.30 + random.nextInt(300) / 1000.0 + 0.0004;
        for (int i = 0; i < 3; i++) {
            placeRecoveries.add(recover(recoveries, LocalDate.of(2025, 6, 1 + i), placeLat + i * 0.00002, placeLon,
                    RecoveryKind.SEIZED, null, List.of(), weapon("M70", "PL" + run + i + "X", null, null)));
            handIns.add(recover(recoveries, LocalDate.of(2025, 6, 5 + i), placeLat - 0.1, placeLon - 0.1,
                    RecoveryKind.SURRENDERED, null, List.of(), weapon("M70", "HI" + run + i + "X", null, null)));
        }
    }

    /**
     * A person who bought {@code bought} pistols from the dealer in January 2024, of which the first
     * {@code recovered} were recovered in 2025 and identified by the analyst.
     */
    String holderWith(int bought, int recovered, String name, FirearmRegistry firearms, PersonRegistry people,
                      Holdings holdings, Recoveries recoveries, String dealer, List<String> recoveredIds) {
        return holderWith(bought, recovered, name, firearms, people, holdings, recoveries, dealer, recoveredIds,
                new ArrayList<>());
    }

    /** As above, with the registered pistols in {@code guns}. */
    String holderWith(int bought, int recovered, String name, FirearmRegistry firearms, PersonRegistry people,
                      Holdings holdings, Recoveries recoveries, String dealer, List<String> recoveredIds,
                      List<Firearm> guns) {
        Person person = Actors.analyst(analyst, () -> people.register(NewPeople.newPerson(name + run, "Berisha")
                .born(LocalDate.of(1985, 5, 5)).build(), PROVENANCE));
        Licence licence = Actors.analyst(analyst, () -> holdings.issueLicence("L-" + name + run, Licence.Kind.POSSESSION, person.id(),
                "Police Directorate", LocalDate.of(2023, 1, 1), LocalDate.of(2033, 1, 1), PROVENANCE));
        for (int i = 0; i < bought; i++) {
            String serial = name.substring(0, 2).toUpperCase() + run + i + "Q";
            Firearm gun = Actors.analyst(analyst, () -> firearms.register(NewFirearms.newFirearm().type("pistol")
                    .make("Zastava").model("M70").calibre("7.65 Browning").serial(serial).country("RS").year(2023)
                    .build(), PROVENANCE));
            guns.add(gun);
            Actors.analyst(analyst, () -> holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2024, 1, 10), gun.id())
                    .from(dealer).to(person.id()).toLicence(licence.id()).reference("INV-" + serial)
                    .build(), PROVENANCE));
            if (i < recovered) {
                String recovery = recover(recoveries, LocalDate.of(2025, 2, 1 + i), 42.55 + i * 0.05, 20.95, RecoveryKind.SEIZED,
                        null, List.of(), weapon("M70", serial, null, null));
                identify(recoveries, recovery, gun);
                recoveredIds.add(recovery);
            }
        }
        return person.id();
    }

    void identify(Recoveries recoveries, String recoveryId, Firearm registered) {
        Actors.analyst(analyst, () -> {
            var candidate = recoveries.candidates(recoveryId).stream()
                    .filter(c -> c.firearm().id().equals(registered.id())).findFirst().orElseThrow();
            return recoveries.confirm(candidate.id(), "Same make, model and serial");
        });
    }

    static NewRecovery.RecoveredWeapon weapon(String model, String serial, String made, String imported) {
        List<NewFirearm.NewMarking> marks = imported == null ? List.of()
                : List.of(new NewFirearm.NewMarking(NewFirearm.MarkingKind.IMPORT, imported + " import", "frame", imported, 2020));
        return new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol").make("Zastava").model(model)
                .calibre("7.65 Browning").serial(serial).country(made).markings(marks).build(), false, List.of());
    }

    static String recover(Recoveries recoveries, LocalDate day, double lat, double lon, RecoveryKind kind,
                          String caseReference, List<NewRecovery.Possessor> possessors,
                          NewRecovery.RecoveredWeapon... weapons) {
        var recovery = NewRecoveries.newRecovery().key(UUID.randomUUID().toString()).kind(kind)
                .at(day.atTime(10, 0).toInstant(ZoneOffset.UTC))
                .place(new Place(lat, lon, 10.0, Place.Method.DEVICE, null))
                .circumstances("planted for the pattern tests").caseReference(caseReference).possessors(possessors)
                .weapons(List.of(weapons)).build();
        return Actors.officer(() -> recoveries.record(recovery)).recoveryId();
    }
}
