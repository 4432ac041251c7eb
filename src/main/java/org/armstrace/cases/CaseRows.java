package org.armstrace.cases;

import static org.armstrace.graph.GraphValues.instant;

import java.time.LocalDate;
import java.util.Comparator;
import org.neo4j.driver.Value;

/** One mapper per record the module returns. */
final class CaseRows {

    private CaseRows() {
    }

    static Case caseOf(Value c) {
        LocalDate nextDue = c.get("nextDue").asList(Value::asLocalDate).stream().min(Comparator.naturalOrder()).orElse(null);
        return new Case(c.get("id").asString(), c.get("number").asString(), c.get("reference").asString(null),
                c.get("title").asString(""), CaseKind.valueOf(c.get("kind").asString(CaseKind.OTHER.name())),
                CaseStatus.valueOf(c.get("status").asString()), c.get("statusReason").asString(null),
                c.get("owner").asString(null), c.get("team").asString(null), c.get("restricted").asBoolean(false),
                c.get("prosecutorReference").asString(null), instant(c.get("openedAt")), c.get("openedBy").asString(null),
                nextDue);
    }
}
