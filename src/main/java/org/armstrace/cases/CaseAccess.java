package org.armstrace.cases;

import java.time.LocalDate;
import java.util.Map;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.UserAccount;
import org.armstrace.security.UserAccountService;
import org.springframework.stereotype.Component;

/**
 * Who may see a case. A case restricted to its team is visible to its owner and to the users whose
 * office is the case's team, and to nobody else, administrators included: a restricted case is
 * need-to-know (an informant, an undercover operation), and to everyone else it does not exist.
 */
@Component
class CaseAccess {

    /** The Cypher condition on {@code c}, with the parameters of {@link #params()}. */
    static final String VISIBLE = """
            (NOT coalesce(c.restricted, false) OR c.owner = $viewer OR (c.team IS NOT NULL AND c.team = $viewerTeam))""";

    /** A case's columns as {@link CaseRows#caseOf} reads them. */
    static final String CASE = """
            {id: c.id, number: c.number, reference: c.reference, title: c.title, kind: c.kind, status: c.status,
             statusReason: c.statusReason, owner: c.owner, team: c.team, restricted: coalesce(c.restricted, false),
             prosecutorReference: c.prosecutorReference, openedAt: c.openedAt, openedBy: c.openedBy,
             nextDue: COLLECT { MATCH (c)-[:HAS_DEADLINE]->(d:CaseDeadline) WHERE d.metAt IS NULL RETURN d.due AS due
                                UNION MATCH (c)-[:HAS_TASK]->(t:CaseTask) WHERE t.status = 'OPEN' AND t.due IS NOT NULL
                                RETURN t.due AS due }}""";

    private final UserAccountService users;
    private final CaseNumbers numbers;

    CaseAccess(UserAccountService users, CaseNumbers numbers) {
        this.users = users;
        this.numbers = numbers;
    }

    Map<String, Object> params() {
        String team = users.currentUser().map(UserAccount::office).orElse(null);
        return CypherParams.of("viewer", AuditLog.currentActor(), "viewerTeam", team,
                "today", LocalDate.now(numbers.zone()));
    }
}
