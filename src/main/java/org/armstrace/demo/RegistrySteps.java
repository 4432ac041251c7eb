package org.armstrace.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.NewTransfer;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Transfer;
import org.armstrace.security.Role;
import org.springframework.stereotype.Component;

/**
 * The registry part of the demo, through the registry's batch services (the same that imports
 * use): importers and dealers, weapons, people, a licence for most people, the chain importer →
 * dealer → licence holder for most weapons, and lost or stolen reports.
 */
@Component
class RegistrySteps {

    static final int BATCH = 1_000;

    private final FirearmRegistry firearms;
    private final PersonRegistry people;
    private final Holdings holdings;
    private final LostStolenRegister lostStolen;

    RegistrySteps(FirearmRegistry firearms, PersonRegistry people, Holdings holdings, LostStolenRegister lostStolen) {
        this.firearms = firearms;
        this.people = people;
        this.holdings = holdings;
        this.lostStolen = lostStolen;
    }

    void organisations(DemoRun run) {
        run.as(run.admin(), Role.ADMIN, () -> {
            String[] importers = {"Arms Import Kosova", "Balkan Defence Trade", "Dardania Sport Import",
                    "Adriatik Arms", "Illyria Supply", "Kosova Hunting Import"};
            for (int i = 0; i < run.size.importers(); i++) {
                run.importerIds.add(holdings.registerOrganisation(Holdings.OrganisationKind.IMPORTER,
                        run.name + "-IMP-" + i, importers[i % importers.length] + " sh.p.k.", "XK", run.provenance));
            }
            for (int i = 0; i < run.size.dealers(); i++) {
                String town = DemoNames.DEALER_TOWNS.get(i % DemoNames.DEALER_TOWNS.size());
                String kind = i % 3 == 0 ? "Gjuetia" : i % 3 == 1 ? "Armë Sporti" : "Lovac";
                run.dealerIds.add(holdings.registerOrganisation(Holdings.OrganisationKind.DEALER,
                        run.name + "-DLR-" + i, kind + " " + town + " " + (i + 1), "XK", run.provenance));
            }
        });
    }

    void weapons(DemoRun run) {
        for (int from = 0; from < run.size.firearms(); from += BATCH) {
            var batch = new ArrayList<NewFirearm>(BATCH);
            for (int i = from; i < Math.min(run.size.firearms(), from + BATCH); i++) {
                batch.add(DemoNames.firearm(run.random));
            }
            run.weapons.addAll(batch);
            run.firearmIds.addAll(run.as(run.admin(), Role.ADMIN, () -> firearms.registerBatch(batch, run.provenance)));
            run.progress.accept(run.firearmIds.size() + " weapons");
        }
    }

    void people(DemoRun run) {
        for (int from = 0; from < run.size.people(); from += BATCH) {
            var batch = new ArrayList<NewPerson>(BATCH);
            for (int i = from; i < Math.min(run.size.people(), from + BATCH); i++) {
                batch.add(DemoNames.person(run.random, i));
            }
            run.people.addAll(batch);
            run.personIds.addAll(run.as(run.admin(), Role.ADMIN, () -> people.registerBatch(batch, run.provenance)));
            run.progress.accept(run.personIds.size() + " people");
        }
    }

    /** Nine people in ten hold a licence; every dealer holds a dealer's licence. */
    void licences(DemoRun run) {
        var licences = new ArrayList<Holdings.NewLicence>();
        Licence.Kind[] kinds = {Licence.Kind.POSSESSION, Licence.Kind.HUNTING, Licence.Kind.SPORT, Licence.Kind.CARRY,
                Licence.Kind.COLLECTOR};
        int holders = run.personIds.size() * 9 / 10;
        for (int i = 0; i < holders; i++) {
            var from = LocalDate.of(2008 + run.random.nextInt(17), 1 + run.random.nextInt(12), 1 + run.random.nextInt(28));
            licences.add(new Holdings.NewLicence(String.format("%s-%d/%05d", run.name.toUpperCase(), from.getYear(), i),
                    kinds[run.random.nextInt(kinds.length)], run.personIds.get(i), "MPB", from, from.plusYears(10)));
        }
        for (int i = 0; i < run.dealerIds.size(); i++) {
            licences.add(new Holdings.NewLicence(String.format("%s-TR/%03d", run.name.toUpperCase(), i),
                    Licence.Kind.DEALER, run.dealerIds.get(i), "MTI", LocalDate.of(2015, 1, 1), LocalDate.of(2030, 12, 31)));
        }
        for (int from = 0; from < licences.size(); from += BATCH) {
            var batch = licences.subList(from, Math.min(licences.size(), from + BATCH));
            run.licenceIds.addAll(run.as(run.admin(), Role.ADMIN, () -> holdings.issueLicenceBatch(batch, run.provenance)));
        }
    }

    /**
     * Import, sale to a dealer and sale to a licence holder for four weapons in five, in date order;
     * the rest stay with their importer or dealer (stock, state weapons).
     */
    void transfers(DemoRun run) {
        int holders = run.personIds.size() * 9 / 10;
        var transfers = new ArrayList<NewTransfer>();
        for (int i = 0; i < run.firearmIds.size(); i++) {
            String weapon = run.firearmIds.get(i);
            var date = LocalDate.of(2005 + run.random.nextInt(19), 1 + run.random.nextInt(12), 1 + run.random.nextInt(28));
            String importer = DemoNames.pick(run.importerIds, run.random);
            String dealer = DemoNames.pick(run.dealerIds, run.random);
            transfers.add(new NewTransfer(Transfer.Kind.IMPORT, date, weapon, null, importer, null, "DOG-" + (10_000 + i)));
            transfers.add(new NewTransfer(Transfer.Kind.SALE, date.plusDays(15 + run.random.nextInt(60)), weapon, importer,
                    dealer, null, "FAT-" + (20_000 + i)));
            if (run.random.nextInt(5) < 4) {
                int holder = run.random.nextInt(holders);
                transfers.add(new NewTransfer(Transfer.Kind.SALE, date.plusDays(90 + run.random.nextInt(400)), weapon,
                        dealer, run.personIds.get(holder), run.licenceIds.get(holder), "INV-" + (30_000 + i)));
            }
        }
        for (int from = 0; from < transfers.size(); from += BATCH * 3) {
            var batch = transfers.subList(from, Math.min(transfers.size(), from + BATCH * 3));
            run.as(run.admin(), Role.ADMIN, () -> holdings.recordTransferBatch(batch, run.provenance));
            run.progress.accept(Math.min(transfers.size(), from + BATCH * 3) + " of " + transfers.size() + " transfers");
        }
    }

    /** Reports as the desk records them, one transaction each; two thirds stolen. */
    void lostAndStolen(DemoRun run) {
        String[] places = {"Prishtinë, Lagjja Dardania", "Prizren, Rruga e Shadervanit", "Pejë, shtëpi private",
                "Mitrovicë, veturë e parkuar", "Gjilan, depo e firmës"};
        for (int n = 0; n < run.size.reports(); n++) {
            int i = n;
            int weapon = run.random.nextInt(run.firearmIds.size());
            run.reported.add(weapon);
            var kind = i % 3 == 0 ? LostStolenReport.Kind.LOST : LostStolenReport.Kind.STOLEN;
            var when = LocalDate.of(2019 + run.random.nextInt(6), 1 + run.random.nextInt(12), 1 + run.random.nextInt(28));
            String place = places[i % places.length];
            run.as(run.analyst(), Role.ANALYST, () -> lostStolen.report(run.firearmIds.get(weapon), kind, when, place,
                    "KP-" + when.getYear() + "/" + (500 + i), kind == LostStolenReport.Kind.STOLEN
                            ? "Vjedhje nga banesa gjatë mungesës së pronarit." : "Humbur gjatë gjuetisë.",
                    run.provenance));
        }
    }
}
