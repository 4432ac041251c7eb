package org.armstrace.demo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.armstrace.registry.NewFirearm;
import org.armstrace.security.Role;
import org.armstrace.tracing.AnswerDraft;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.OutgoingTraces;
import org.armstrace.tracing.PointOfDiversion;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.Submissions;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.TraceQueues;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;
import org.springframework.stereotype.Component;

/**
 * Trace requests at every status of both directions that a request rests in, each walked there through the tracing
 * services by the user whose job each move is (intake acknowledges, the supervisor assigns and
 * approves, the analyst works and drafts), so that histories, audit and queues are as in service.
 * Incoming requests are typed in at the desk from a partner's letter, so each is kept as a submission too.
 * Answers drafted and not yet approved wait in the supervisor's queue.
 */
@Component
class TraceSteps {

    private static final Map<TraceStatus, List<TraceStatus>> INCOMING = new EnumMap<>(TraceStatus.class);
    private static final Map<TraceStatus, List<TraceStatus>> OUTGOING = new EnumMap<>(TraceStatus.class);

    static {
        // The desk acknowledges and assigns an incoming request by workload as it arrives (TraceCreation),
        // so these arrive assigned (the analysts exist by then) and the supervisor hands each to a demo analyst.
        // ACKNOWLEDGED is where intake leaves a request when no analyst can take it (beforeAnalysts);
        // RECEIVED is never a resting state: intake acknowledges in the same transaction that stores it.
        var assigned = List.of(TraceStatus.ASSIGNED);
        var worked = List.of(TraceStatus.ASSIGNED, TraceStatus.IN_PROGRESS);
        INCOMING.put(TraceStatus.ASSIGNED, assigned);
        INCOMING.put(TraceStatus.IN_PROGRESS, worked);
        INCOMING.put(TraceStatus.ANSWER_DRAFTED, then(worked, TraceStatus.ANSWER_DRAFTED));
        INCOMING.put(TraceStatus.APPROVED, then(worked, TraceStatus.ANSWER_DRAFTED, TraceStatus.APPROVED));
        INCOMING.put(TraceStatus.ANSWERED, then(worked, TraceStatus.ANSWER_DRAFTED, TraceStatus.APPROVED,
                TraceStatus.ANSWERED));
        INCOMING.put(TraceStatus.DELAYED, then(assigned, TraceStatus.DELAYED));
        INCOMING.put(TraceStatus.RESTRICTED, then(worked, TraceStatus.RESTRICTED));
        INCOMING.put(TraceStatus.REFUSED, then(assigned, TraceStatus.REFUSED));
        OUTGOING.put(TraceStatus.DRAFT, List.of());
        OUTGOING.put(TraceStatus.READY, List.of(TraceStatus.READY));
        OUTGOING.put(TraceStatus.SENT, List.of(TraceStatus.READY, TraceStatus.SENT));
        OUTGOING.put(TraceStatus.ACKNOWLEDGED, List.of(TraceStatus.READY, TraceStatus.SENT, TraceStatus.ACKNOWLEDGED));
        OUTGOING.put(TraceStatus.ANSWERED, List.of(TraceStatus.READY, TraceStatus.SENT, TraceStatus.ANSWERED));
        OUTGOING.put(TraceStatus.NO_ANSWER, List.of(TraceStatus.READY, TraceStatus.SENT, TraceStatus.NO_ANSWER));
    }

    private static final String[] PARTNERS = {"AL", "RS", "MK", "ME", "DE", "AT", "CH", "IT"};

    private final Submissions submissions;
    private final OutgoingTraces outgoing;
    private final TraceRequests traces;
    private final TraceQueues queues;
    private final TraceAnswers answers;

    TraceSteps(Submissions submissions, OutgoingTraces outgoing, TraceRequests traces, TraceQueues queues,
               TraceAnswers answers) {
        this.submissions = submissions;
        this.outgoing = outgoing;
        this.traces = traces;
        this.queues = queues;
        this.answers = answers;
    }

    /**
     * Partners' requests typed in at the desk before the desk had any analyst: intake acknowledges
     * each and, with nobody to assign it to, leaves it in the team queue for the supervisor. On a
     * store where analysts exist already (a test's shared store) they are assigned as usual.
     */
    void beforeAnalysts(DemoRun run) {
        for (int i = 0; i <= run.size.requestsPerStatus(); i++) {
            TraceRequest t = run.as(run.intake(), Role.INTAKE, () -> submissions.receiveTyped(request(run,
                    Direction.INCOMING, run.random.nextInt(run.weapons.size()))));
            run.traceIds.add(t.id());
        }
    }

    void requests(DemoRun run) {
        for (int copy = 0; copy < run.size.requestsPerStatus(); copy++) {
            for (var e : INCOMING.entrySet()) {
                TraceRequest t = run.as(run.intake(), Role.INTAKE, () -> submissions.receiveTyped(request(run, Direction.INCOMING,
                        run.random.nextInt(run.weapons.size()))));
                walk(run, t, e.getValue());
                run.traceIds.add(t.id());
                run.progress.accept(run.traceIds.size() + " trace requests");
            }
            for (var e : OUTGOING.entrySet()) {
                // Outgoing requests start from a weapon in our registry, as the firearm page's "trace abroad" does.
                int weapon = run.random.nextInt(run.weapons.size());
                TraceRequest t = run.as(run.analyst(), Role.ANALYST, () -> outgoing.draft(request(run, Direction.OUTGOING,
                        weapon)));
                walk(run, t, e.getValue());
                run.traceIds.add(t.id());
                run.progress.accept(run.traceIds.size() + " trace requests");
            }
        }
    }

    private void walk(DemoRun run, TraceRequest t, List<TraceStatus> path) {
        String id = t.id();
        String analyst = run.traceIds.size() % 2 == 0 ? run.analyst() : run.analyst2();
        for (TraceStatus to : path) {
            switch (to) {
                case ASSIGNED -> run.as(run.supervisor(), Role.SUPERVISOR,
                        () -> queues.assign(id, analyst, "Knows the dealer's records"));
                case IN_PROGRESS -> run.as(analyst, Role.ANALYST, () -> traces.transition(id, to, null));
                case ANSWER_DRAFTED -> run.as(analyst, Role.ANALYST, () -> answers.draft(id, answer(run)));
                case APPROVED -> run.as(run.supervisor(), Role.SUPERVISOR,
                        () -> traces.approve(id, 1, "Checked against the registry"));
                case ANSWERED -> {
                    if (t.direction() == Direction.OUTGOING) {
                        run.as(run.analyst(), Role.ANALYST, () -> answers.record(id, answer(run)));
                    } else {
                        run.as(analyst, Role.ANALYST, () -> traces.transition(id, to, null));
                    }
                }
                case DELAYED -> move(run, id, to, "Waiting for the dealer's sales records from the archive.");
                case RESTRICTED -> move(run, id, to, "Part of the chain is under a sealed court order.");
                case REFUSED -> move(run, id, to, "The request concerns a weapon outside the scope of the ITI.");
                case NO_ANSWER -> move(run, id, to, "No answer after two reminders.");
                default -> run.as(run.analyst(), Role.ANALYST, () -> traces.transition(id, to, null));
            }
        }
    }

    private void move(DemoRun run, String id, TraceStatus to, String reason) {
        run.as(run.supervisor(), Role.SUPERVISOR, () -> traces.transition(id, to, reason));
    }

    private static AnswerDraft answer(DemoRun run) {
        var date = LocalDate.of(2018 + run.random.nextInt(6), 1 + run.random.nextInt(12), 1 + run.random.nextInt(28));
        return new AnswerDraft(TraceAnswer.Outcome.TRACED, "Imported in " + (date.getYear() - 6)
                + " by a licensed importer, sold to a dealer in Prizren and then to a licensed holder; reported stolen in "
                + date.getYear() + ".", null,
                new PointOfDiversion("XK", date, PointOfDiversion.Method.THEFT, "Private home, Prizren", null));
    }

    private static NewTraceRequest request(DemoRun run, Direction direction, int weapon) {
        NewFirearm w = run.weapons.get(weapon);
        String partner = PARTNERS[run.random.nextInt(PARTNERS.length)];
        Priority priority = Priority.values()[run.random.nextInt(Priority.values().length)];
        return new NewTraceRequest(direction, partner, direction == Direction.INCOMING
                ? partner + "-TR-2026-" + (100 + run.random.nextInt(900)) : null, priority, w.type(), w.make(), w.model(),
                w.calibre(), w.serialAsRead(), w.countryOfManufacture(),
                "Seized during a search of a vehicle at the border crossing; the holder had no licence.",
                "Criminal Procedure Code art. 212; ITI para. 18", "Criminal investigation of illicit trafficking",
                "Recovered together with ammunition; serial number intact.", NewTraceRequest.Channel.MANUAL, null,
                direction == Direction.OUTGOING ? run.firearm(weapon) : null);
    }

    @SafeVarargs
    private static <T> List<T> then(List<T> first, T... more) {
        return Stream.concat(first.stream(), Arrays.stream(more)).toList();
    }
}
