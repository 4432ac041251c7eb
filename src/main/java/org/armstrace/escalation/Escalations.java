package org.armstrace.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.armstrace.cases.CaseDueWork;
import org.armstrace.cases.WorkNotices;
import org.armstrace.graph.CypherParams;
import org.armstrace.notify.Notice;
import org.armstrace.notify.NotificationKind;
import org.armstrace.notify.Notifications;
import org.armstrace.security.AuditLog;
import org.armstrace.security.UserAccountService;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.OverdueTraces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation job. Each run looks at the open trace requests, case tasks and case deadlines that
 * are due within {@code soon-due} or overdue, and takes every step that is due and not yet taken:
 * tell the assignee it is soon due, tell them it is overdue, tell the supervisors after
 * {@code supervisor-after}, reassign by rule. A step is taken in its own transaction that first
 * MERGEs its {@code :Escalation} node on the unique key item+step: when two instances run at once,
 * the unique index's lock makes the second wait and find the first's node, and it does nothing.
 * Each step tells its users by e-mail (if they take it) and in the app ({@link WorkNotices}).
 */
@Service
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    /** What the job looks at, whichever module it belongs to. */
    record DueItem(String item, String auditSubject, String number, String assignee, Instant dueAt,
                   EscalationRules.Target target, boolean incomingUnassigned, String link, String reassignId) {
    }

    private final Neo4jClient neo4j;
    private final TransactionTemplate tx;
    private final OverdueTraces traces;
    private final CaseDueWork caseWork;
    private final Notifications notifications;
    private final WorkNotices notices;
    private final UserAccountService users;
    private final AuditLog audit;
    private final EscalationSettings settings;
    private final Clock clock;

    @Autowired
    Escalations(Neo4jClient neo4j, PlatformTransactionManager transactions, OverdueTraces traces, CaseDueWork caseWork,
                Notifications notifications, WorkNotices notices, UserAccountService users, AuditLog audit,
                @Value("${armstrace.escalation.soon-due}") Duration soonDue,
                @Value("${armstrace.escalation.supervisor-after}") Duration supervisorAfter,
                @Value("${armstrace.escalation.on-duty-supervisor:}") String onDuty,
                @Value("${armstrace.escalation.reassign:}") String rules) {
        this(neo4j, transactions, traces, caseWork, notifications, notices, users, audit,
                new EscalationSettings(soonDue, supervisorAfter, onDuty, EscalationRules.parse(rules)), Clock.systemUTC());
    }

    Escalations(Neo4jClient neo4j, PlatformTransactionManager transactions, OverdueTraces traces, CaseDueWork caseWork,
                Notifications notifications, WorkNotices notices, UserAccountService users, AuditLog audit,
                EscalationSettings settings, Clock clock) {
        this.neo4j = neo4j;
        this.tx = new TransactionTemplate(transactions);
        this.traces = traces;
        this.caseWork = caseWork;
        this.notifications = notifications;
        this.notices = notices;
        this.users = users;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${armstrace.escalation.interval}", initialDelayString = "${armstrace.escalation.interval}")
    void scheduled() {
        try {
            int taken = escalate(item -> true);
            if (taken > 0) {
                log.info("Escalation: {} steps taken", taken);
            }
        } catch (RuntimeException e) {
            log.warn("Escalation run failed; the next run tries again", e);
        }
    }

    /** One run over the items {@code scope} lets through; returns how many steps this run took. */
    int escalate(Predicate<DueItem> scope) {
        Instant now = clock.instant();
        int taken = 0;
        for (DueItem item : due(now.plus(settings.soonDue()))) {
            if (!scope.test(item)) {
                continue;
            }
            for (Escalation.Step step : steps(item, now)) {
                try {
                    taken += take(item, step, now) ? 1 : 0;
                } catch (RuntimeException e) {
                    // One item's trouble (a rule naming a disabled user, say) does not stop the others.
                    log.warn("Escalation of {} ({}) failed: {}", item.item(), step, e.toString());
                }
            }
        }
        return taken;
    }

    private List<DueItem> due(Instant until) {
        var items = new ArrayList<DueItem>();
        traces.dueBefore(until).forEach(t -> items.add(new DueItem("TraceRequest:" + t.id(), "TraceRequest:" + t.id(),
                t.number(), t.assignee(), t.dueAt(), EscalationRules.Target.TRACE,
                t.direction() == Direction.INCOMING && t.assignee() == null, "tracing/request/" + t.id(), t.id())));
        caseWork.dueBefore(until).forEach(w -> items.add(new DueItem(
                (w.kind() == CaseDueWork.Kind.TASK ? "CaseTask:" : "CaseDeadline:") + w.id(), "Case:" + w.caseNumber(),
                w.caseNumber(), w.assignee(), w.dueAt(), w.kind() == CaseDueWork.Kind.TASK ? EscalationRules.Target.TASK : null,
                false, "case/" + w.caseNumber(), w.id())));
        return items;
    }

    /** The steps due for the item at {@code now}, in order. */
    List<Escalation.Step> steps(DueItem item, Instant now) {
        var steps = new ArrayList<Escalation.Step>();
        if (now.isBefore(item.dueAt())) {
            if (item.assignee() != null) {
                steps.add(Escalation.Step.SOON_DUE);
            }
            return steps;
        }
        steps.add(Escalation.Step.OVERDUE);
        Duration late = Duration.between(item.dueAt(), now);
        if (late.compareTo(settings.supervisorAfter()) >= 0) {
            steps.add(Escalation.Step.SUPERVISOR);
        }
        if (settings.onDuty() != null && !settings.onDuty().equals(item.assignee())
                && settings.rules().rules().stream().anyMatch(r -> applies(r, item) && late.compareTo(r.overdueBy()) >= 0)) {
            steps.add(Escalation.Step.REASSIGNED);
        }
        return steps;
    }

    private static boolean applies(EscalationRules.Rule rule, DueItem item) {
        return switch (rule.target()) {
            case INCOMING_UNASSIGNED -> item.target() == EscalationRules.Target.TRACE && item.incomingUnassigned();
            case TRACE -> item.target() == EscalationRules.Target.TRACE;
            case TASK -> item.target() == EscalationRules.Target.TASK;
        };
    }

    private boolean take(DueItem item, Escalation.Step step, Instant now) {
        Boolean taken = tx.execute(status -> {
            String token = UUID.randomUUID().toString();
            boolean mine = neo4j.query("""
                            MERGE (e:Escalation {key: $key})
                            ON CREATE SET e.item = $item, e.step = $step, e.at = $now, e.token = $token
                            RETURN e.token = $token""")
                    .bindAll(CypherParams.of("key", item.item() + ":" + step, "item", item.item(), "step", step.name(),
                            "now", now.atZone(ZoneOffset.UTC), "token", token))
                    .fetchAs(Boolean.class).one().orElse(false);
            if (!mine) {
                return false;
            }
            act(item, step, now);
            return true;
        });
        return Boolean.TRUE.equals(taken);
    }

    private void act(DueItem item, Escalation.Step step, Instant now) {
        List<String> supervisors = settings.onDuty() != null ? List.of(settings.onDuty()) : users.enabledSupervisors();
        List<String> told = switch (step) {
            case SOON_DUE -> List.of(item.assignee());
            case OVERDUE -> item.assignee() != null ? List.of(item.assignee()) : supervisors;
            case SUPERVISOR -> supervisors;
            case REASSIGNED -> item.assignee() == null ? List.of(settings.onDuty()) : List.of(settings.onDuty(), item.assignee());
        };
        long days = Math.max(0, Duration.between(item.dueAt(), now).toDays());
        String detail = step == Escalation.Step.REASSIGNED
                ? "reassigned to " + settings.onDuty() + " (was " + item.assignee() + "), overdue " + days + " d"
                : step.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", told " + String.join(", ", told);
        if (step == Escalation.Step.REASSIGNED) {
            String why = "escalation: overdue " + days + " d";
            if (item.target() == EscalationRules.Target.TRACE) {
                traces.reassign(item.reassignId(), settings.onDuty(), why);
            } else {
                caseWork.reassignTask(item.reassignId(), settings.onDuty(), why);
            }
        }
        neo4j.query("MATCH (e:Escalation {key: $key}) SET e.told = $told, e.detail = $detail")
                .bindAll(CypherParams.of("key", item.item() + ":" + step, "told", told, "detail", detail)).run();
        var subjects = item.item().equals(item.auditSubject()) ? List.of(item.item()) : List.of(item.auditSubject(), item.item());
        audit.recordAs("system", "escalation." + step.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                subjects, detail);
        // Only the number and the step: the recipient opens the page for the rest.
        notifications.enqueue(new Notice(NotificationKind.ESCALATION, told, "notify.escalation.subject",
                "notify.escalation." + step.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                List.of(item.number(), String.valueOf(days)), item.link()));
        // And in the app, where mentions are (the cases list), whether or not they take e-mail.
        notices.escalated(told, step.name(), item.number(), item.link(), days, now);
    }

    /** The escalation steps taken on an item ({@code TraceRequest:<id>}, {@code CaseTask:<id>}, …), oldest first. */
    // Intake officers too: they see a trace request's page, whose history lists its escalation.
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE')")
    @Transactional(readOnly = true)
    public List<Escalation> history(String item) {
        return neo4j.query("MATCH (e:Escalation {item: $item}) RETURN e ORDER BY e.at, e.step")
                .bind(item).to("item").fetchAs(Escalation.class).mappedBy((t, r) -> {
                    var e = r.get("e");
                    return new Escalation(e.get("item").asString(), Escalation.Step.valueOf(e.get("step").asString()),
                            e.get("at").asZonedDateTime().toInstant(), e.get("told").asList(v -> v.asString(), List.of()),
                            e.get("detail").asString(null));
                }).all().stream().toList();
    }
}
