package org.armstrace.cases;

import static org.armstrace.graph.GraphValues.instant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.armstrace.base.PlainText;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccount;
import org.armstrace.security.UserAccountService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases: opened with a number, worked by their owner and team, suspended, closed and reopened with a
 * reason each time (kept as {@code :CaseTransition}s). Every change and every opening of a case's
 * page is audited. A case restricted to its team does not exist for anyone else ({@link CaseAccess}).
 *
 * <p>Roles (PRODUCT.md): analysts, supervisors and administrators work cases; intake officers only
 * add trace requests to a case they name ({@link CaseLinks}); field officers name a case on a
 * recovery but do not see cases.
 */
@Service
public class Cases {

    static final String WORKERS = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST')";
    static final String PICKERS = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE')";
    public static final int MAX_TITLE = 200;
    public static final int MAX_REASON = 2_000;
    public static final int MAX_PAGE = 500;

    /** A case as an analyst opens it; the owner is the analyst, the team their office unless named. */
    public record NewCase(String title, CaseKind kind, String team, boolean restricted, String prosecutorReference) {
    }

    /** What may be changed on a case besides its status. */
    public record Details(String title, CaseKind kind, String owner, String team, boolean restricted,
                          String prosecutorReference) {
        public static Details of(Case c) {
            return new Details(c.title(), c.kind(), c.owner(), c.team(), c.restricted(), c.prosecutorReference());
        }
    }

    public enum Filter { MINE, OPEN, OVERDUE, ALL }

    public record Transition(Instant at, String by, CaseStatus from, CaseStatus to, String reason) {
    }

    private final Neo4jClient neo4j;
    private final CaseNumbers numbers;
    private final CaseAccess access;
    private final CaseOpenings openings;
    private final UserAccountService users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Cases(Neo4jClient neo4j, CaseNumbers numbers, CaseAccess access, CaseOpenings openings, UserAccountService users,
          AuditLog audit, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.numbers = numbers;
        this.access = access;
        this.openings = openings;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    @PreAuthorize(WORKERS)
    @Transactional
    public Case open(NewCase c) {
        String title = text(c.title(), MAX_TITLE, "cases.bad-title", true);
        String team = blankToNull(c.team());
        if (team == null) {
            team = users.currentUser().map(UserAccount::office).orElse(null);
        }
        if (c.restricted() && team == null) {
            throw new CaseRejected("cases.restricted-needs-team");
        }
        String number = create(title, c.kind() == null ? CaseKind.OTHER : c.kind(), AuditLog.currentActor(), team,
                c.restricted(), text(c.prosecutorReference(), 100, "cases.bad-prosecutor-reference", false), null);
        return find(number).orElseThrow();
    }

    /**
     * Writes a new case with its first transition and returns its number. The number is taken last,
     * so the counter's lock is held for as short a time as the transaction allows.
     */
    String create(String title, CaseKind kind, String owner, String team, boolean restricted, String prosecutorReference,
                  String reference) {
        Instant now = Instant.now();
        String by = AuditLog.currentActor();
        String number = numbers.next(now);
        neo4j.query("""
                        CREATE (c:Case {id: $id, number: $number, reference: coalesce($reference, $number), title: $title,
                                        kind: $kind, status: 'OPEN', owner: $owner, team: $team, restricted: $restricted,
                                        prosecutorReference: $prosecutor, openedAt: $now, openedBy: $by,
                                        recordedAt: $now, source: 'user:' + $by})
                        CREATE (c)-[:HAS_TRANSITION]->(:CaseTransition {at: $now, by: $by, to: 'OPEN', reason: 'opened'})""")
                .bindAll(CypherParams.of("id", UUID.randomUUID().toString(), "number", number, "reference", reference,
                        "title", title, "kind", kind.name(), "owner", owner, "team", team, "restricted", restricted,
                        "prosecutor", prosecutorReference, "now", now.atZone(ZoneOffset.UTC), "by", by))
                .run();
        audit.record("case.created", List.of("Case:" + number), title + "; " + kind + "; owner " + owner + "; team " + team
                + (restricted ? " (restricted)" : "") + (reference == null ? "" : "; reference " + reference));
        events.publishEvent(new CaseEvents.CaseOpened(number, by, owner));
        return number;
    }

    /**
     * The case for its page: opening it is audited, once per reader and case within a window
     * ({@link CaseOpenings}). Empty when there is none or it is restricted to another team.
     */
    @PreAuthorize(WORKERS)
    @Transactional
    public Optional<Case> read(String number) {
        Optional<Case> found = find(number);
        found.filter(c -> openings.first(AuditLog.currentActor(), c.number(), Instant.now()))
                .ifPresent(c -> audit.record("case.opened", List.of("Case:" + c.number()), c.title()));
        return found;
    }

    /** The case by number, if the caller may see it (not audited: a dialog naming a case). */
    @PreAuthorize(PICKERS)
    @Transactional(readOnly = true)
    public Optional<Case> find(String number) {
        var params = access.params();
        params.put("number", String.valueOf(number).strip());
        return neo4j.query("MATCH (c:Case {number: $number}) WHERE " + CaseAccess.VISIBLE + " RETURN " + CaseAccess.CASE + " AS c")
                .bindAll(params).fetchAs(Case.class).mappedBy((t, r) -> CaseRows.caseOf(r.get("c"))).one();
    }

    /**
     * The caller's cases (owned or with a task for them), the open ones, the overdue ones, or all: newest
     * first. A free-text reference that LegacyCases has not numbered yet is not a case to list.
     */
    @PreAuthorize(WORKERS)
    @Transactional(readOnly = true)
    public List<Case> list(Filter filter, int limit) {
        var params = access.params();
        params.put("filter", (filter == null ? Filter.ALL : filter).name());
        params.put("limit", Math.clamp(limit, 1, MAX_PAGE));
        return neo4j.query("""
                        MATCH (c:Case) WHERE c.number IS NOT NULL AND %s
                          AND ($filter <> 'MINE' OR (c.status <> 'CLOSED' AND (c.owner = $viewer
                               OR EXISTS { (c)-[:HAS_TASK]->(t:CaseTask {assignee: $viewer, status: 'OPEN'}) })))
                          AND ($filter <> 'OPEN' OR c.status = 'OPEN')
                          AND ($filter <> 'OVERDUE' OR (c.status <> 'CLOSED' AND (
                                   EXISTS { (c)-[:HAS_DEADLINE]->(d:CaseDeadline) WHERE d.metAt IS NULL AND d.due < $today }
                                OR EXISTS { (c)-[:HAS_TASK]->(t:CaseTask) WHERE t.status = 'OPEN' AND t.due < $today })))
                        RETURN %s AS c ORDER BY c.openedAt DESC, c.number DESC LIMIT $limit""".formatted(CaseAccess.VISIBLE,
                        CaseAccess.CASE))
                .bindAll(params).fetchAs(Case.class).mappedBy((t, r) -> CaseRows.caseOf(r.get("c"))).all().stream().toList();
    }

    /** Cases still being worked, for "add to case": intake officers pick one to add a trace request to. */
    @PreAuthorize(PICKERS)
    @Transactional(readOnly = true)
    public List<Case> choices(int limit) {
        var params = access.params();
        params.put("limit", Math.clamp(limit, 1, MAX_PAGE));
        return neo4j.query("MATCH (c:Case) WHERE c.status <> 'CLOSED' AND " + CaseAccess.VISIBLE
                        + " RETURN " + CaseAccess.CASE + " AS c ORDER BY c.openedAt DESC, c.number DESC LIMIT $limit")
                .bindAll(params).fetchAs(Case.class).mappedBy((t, r) -> CaseRows.caseOf(r.get("c"))).all().stream().toList();
    }

    /** Suspends, closes or reopens a case, with the reason; a move the status does not allow is refused. */
    @PreAuthorize(WORKERS)
    @Transactional
    public Case changeStatus(String number, CaseStatus to, String reason) {
        String why = text(reason, MAX_REASON, "cases.bad-reason", true);
        Case c = locked(number);
        if (!c.status().canBecome(to)) {
            throw new CaseRejected("cases.bad-transition", c.status(), to);
        }
        String by = AuditLog.currentActor();
        neo4j.query("""
                        MATCH (c:Case {number: $number})
                        SET c.status = $to, c.statusReason = $reason
                        CREATE (c)-[:HAS_TRANSITION]->(:CaseTransition {at: $now, by: $by, from: $from, to: $to, reason: $reason})""")
                .bindAll(CypherParams.of("number", c.number(), "to", to.name(), "from", c.status().name(), "reason", why,
                        "by", by, "now", Instant.now().atZone(ZoneOffset.UTC)))
                .run();
        audit.record("case.status", List.of("Case:" + c.number()), c.status() + " -> " + to + ": " + why);
        events.publishEvent(new CaseEvents.CaseStatusChanged(c.number(), c.status(), to, why, by));
        return find(c.number()).orElseThrow();
    }

    /** Title, kind, owner, team, restriction and the prosecutor's reference; the audit keeps what they were. */
    @PreAuthorize(WORKERS)
    @Transactional
    public Case update(String number, Details d) {
        Case c = locked(number);
        String owner = blankToNull(d.owner());
        if (owner != null && users.enabledAmong(List.of(owner)).isEmpty()) {
            throw new CaseRejected("cases.no-such-user", owner);
        }
        String team = text(d.team(), 100, "cases.bad-team", false);
        if (d.restricted() && team == null) {
            throw new CaseRejected("cases.restricted-needs-team");
        }
        var after = new Details(text(d.title(), MAX_TITLE, "cases.bad-title", true), d.kind() == null ? c.kind() : d.kind(),
                owner, team, d.restricted(), text(d.prosecutorReference(), 100, "cases.bad-prosecutor-reference", false));
        var before = Details.of(c);
        if (before.equals(after)) {
            return c;
        }
        neo4j.query("""
                        MATCH (c:Case {number: $number})
                        SET c.title = $title, c.kind = $kind, c.owner = $owner, c.team = $team, c.restricted = $restricted,
                            c.prosecutorReference = $prosecutor, c.updatedAt = $now, c.updatedBy = $by""")
                .bindAll(CypherParams.of("number", c.number(), "title", after.title(), "kind", after.kind().name(),
                        "owner", owner, "team", team, "restricted", after.restricted(), "prosecutor", after.prosecutorReference(),
                        "now", Instant.now().atZone(ZoneOffset.UTC), "by", AuditLog.currentActor()))
                .run();
        audit.record("case.updated", List.of("Case:" + c.number()), before + " -> " + after);
        return find(c.number()).orElseThrow();
    }

    /** The moves of a case's status, oldest first. */
    @PreAuthorize(WORKERS)
    @Transactional(readOnly = true)
    public List<Transition> history(String number) {
        Case c = visible(number);
        return neo4j.query("""
                        MATCH (:Case {number: $number})-[:HAS_TRANSITION]->(x:CaseTransition)
                        RETURN x ORDER BY x.at, x.to""")
                .bind(c.number()).to("number").fetchAs(Transition.class).mappedBy((t, r) -> {
                    var x = r.get("x");
                    return new Transition(instant(x.get("at")), x.get("by").asString(),
                            x.get("from").isNull() ? null : CaseStatus.valueOf(x.get("from").asString()),
                            CaseStatus.valueOf(x.get("to").asString()), x.get("reason").asString(""));
                }).all().stream().toList();
    }

    /** The case if the caller may see it; otherwise "no such case", whether it is missing or restricted. */
    Case visible(String number) {
        return find(number).orElseThrow(() -> new CaseRejected("cases.not-found", number));
    }

    /** The visible case, read after taking its write lock, so of two changes at once the second sees the first. */
    Case locked(String number) {
        Case c = visible(number);
        neo4j.query("MATCH (c:Case {number: $number}) SET c._lock = true REMOVE c._lock").bind(c.number()).to("number").run();
        return find(c.number()).orElseThrow();
    }

    static boolean worker() {
        return Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST);
    }

    static String text(String value, int max, String key, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw new CaseRejected(key);
            }
            return null;
        }
        if (!PlainText.acceptable(v, max, max > 200)) {
            throw new CaseRejected(key);
        }
        return v;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
