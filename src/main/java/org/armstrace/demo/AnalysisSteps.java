package org.armstrace.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.CaseStatus;
import org.armstrace.cases.CaseWork;
import org.armstrace.cases.Cases;
import org.armstrace.cases.LinkKind;
import org.armstrace.intelligence.Alert;
import org.armstrace.intelligence.AlertScanner;
import org.armstrace.intelligence.Alerts;
import org.armstrace.intelligence.Investigations;
import org.armstrace.security.Role;
import org.springframework.stereotype.Component;

/**
 * What analysts make of the data: the pattern scan (so the alerts page has alerts), a saved
 * investigation shared with the analysts, and cases with links, tasks, a deadline and notes, one of
 * them closed.
 */
@Component
class AnalysisSteps {

    private final AlertScanner scanner;
    private final Alerts alerts;
    private final Investigations investigations;
    private final Cases cases;
    private final CaseLinks links;
    private final CaseWork work;

    AnalysisSteps(AlertScanner scanner, Alerts alerts, Investigations investigations, Cases cases, CaseLinks links,
                  CaseWork work) {
        this.scanner = scanner;
        this.alerts = alerts;
        this.investigations = investigations;
        this.cases = cases;
        this.links = links;
        this.work = work;
    }

    /** Runs the pattern scan now and waits for it: the nightly scan would find the same, but only tomorrow. */
    int scan(DemoRun run) {
        try {
            return run.as(run.analyst(), Role.ANALYST, () -> scanner.scanNow()).get(5, TimeUnit.MINUTES).runs().values()
                    .stream().mapToInt(AlertScanner.Run::found).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the pattern scan ran", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The pattern scan did not finish", e);
        }
    }

    void investigation(DemoRun run) {
        var entities = new ArrayList<String>();
        for (int i = 0; i < Math.min(4, run.reported.size()); i++) {
            entities.add("Firearm:" + run.firearm(run.reported.get(i)));
        }
        for (int i = 0; i < Math.min(3, run.recoveryIds.size()); i++) {
            entities.add("Recovery:" + run.recoveryIds.get(i));
        }
        entities.add("Person:" + run.person(0));
        entities.add("Organisation:" + run.dealerIds.getFirst());
        var canvas = new Investigations.Canvas(entities, List.of(), List.of(entities.getFirst()), Set.of(), null, null,
                "cose", Map.of());
        run.investigationId = Investigations.newId();
        run.as(run.analyst(), Role.ANALYST, () -> investigations.save(run.investigationId, 0,
                "Armë të vjedhura në Prizren / Ukradeno oružje, Prizren",
                "Stolen weapons that turned up at recoveries, and the dealer that sold most of them.",
                Role.Names.ANALYST, canvas));
        // An investigation is shared with one role: the supervisor keeps one of their own, shared with administrators.
        var dealer = new Investigations.Canvas(List.of("Organisation:" + run.dealerIds.getFirst()), List.of(), List.of(),
                Set.of(), null, null, "concentric", Map.of());
        run.as(run.supervisor(), Role.SUPERVISOR, () -> investigations.save(Investigations.newId(), 0,
                "Kontroll i shitësit / Dealer audit", "Weapons sold by the dealer that most recoveries lead back to.",
                Role.Names.ADMIN, dealer));
    }

    void cases(DemoRun run) {
        String analyst = run.analyst();
        Case trafficking = run.as(analyst, Role.ANALYST, () -> links.openWith(new Cases.NewCase(
                "Trafikim armësh përmes Dheut të Bardhë / Trafficking via Dheu i Bardhë", CaseKind.TRAFFICKING, null,
                false, "PP.II.nr. 214/2026"), LinkKind.RECOVERY, run.recoveryIds.getFirst()));
        run.as(analyst, Role.ANALYST, () -> {
            for (int i = 1; i < Math.min(4, run.recoveryIds.size()); i++) {
                links.link(trafficking.number(), LinkKind.RECOVERY, run.recoveryIds.get(i));
            }
            links.link(trafficking.number(), LinkKind.PERSON, run.person(1));
            links.link(trafficking.number(), LinkKind.TRACE_REQUEST, run.traceIds.getFirst());
            links.link(trafficking.number(), LinkKind.INVESTIGATION, run.investigationId);
            List<Alert> found = alerts.list(new Alert.Filter(null, null, false), 0, 1);
            if (!found.isEmpty()) {
                links.link(trafficking.number(), LinkKind.ALERT, found.getFirst().id());
            }
            work.addTask(trafficking.number(), "Kërko faturat e shitjes nga shitësi / Request the dealer's sales records",
                    run.analyst2(), LocalDate.now().plusDays(7));
            work.addTask(trafficking.number(), "Send an outgoing trace request to Albania", analyst,
                    LocalDate.now().minusDays(2));
            // Supervisor and administrator have work in the case too, so their "My cases" is not empty.
            work.addTask(trafficking.number(), "Approve the report to the prosecutor", run.supervisor(),
                    LocalDate.now().plusDays(14));
            work.addTask(trafficking.number(), "Give the prosecutor's liaison read access to the case", run.admin(),
                    LocalDate.now().plusDays(5));
            work.addDeadline(trafficking.number(), "Report to the prosecutor", LocalDate.now().plusDays(21));
            work.addNote(trafficking.number(), "Two of the pistols were sold by the same dealer within a week.");
            work.addNote(trafficking.number(), "Prokurori kërkon raport deri në fund të muajit.");
        });

        Case diversion = run.as(run.analyst2(), Role.ANALYST, () -> links.openWith(new Cases.NewCase(
                "Nestalo oružje iz lovačkog društva / Lost weapons of a hunting club", CaseKind.DIVERSION, null, false,
                null), LinkKind.FIREARM, run.firearm(run.reported.getLast())));
        run.as(run.analyst2(), Role.ANALYST, () -> {
            links.link(diversion.number(), LinkKind.ORGANISATION, run.dealerIds.getLast());
            work.addTask(diversion.number(), "Interview the club's secretary", run.analyst2(), LocalDate.now().plusDays(3));
            work.addNote(diversion.number(), "Udruženje je prijavilo gubitak tek posle tri meseca.");
        });

        Case closed = run.as(analyst, Role.ANALYST, () -> links.openWith(new Cases.NewCase(
                "Dorëzim vullnetar, Gjilan / Voluntary surrender, Gjilan", CaseKind.SEIZURE, null, false, null),
                LinkKind.RECOVERY, run.recoveryIds.getLast()));
        run.as(analyst, Role.ANALYST, () -> {
            work.addNote(closed.number(), "The weapon was registered to the surrendering person's late father.");
            cases.changeStatus(closed.number(), CaseStatus.CLOSED, "Surrendered under the amnesty; no offence.");
        });
    }
}
