package org.armstrace.escalation;

import java.time.Duration;

/**
 * The escalation job's settings ({@code armstrace.escalation.*}).
 *
 * @param onDuty the on-duty supervisor's user name, or null: then every enabled supervisor is told
 *               and no rule reassigns
 */
record EscalationSettings(Duration soonDue, Duration supervisorAfter, String onDuty, EscalationRules rules) {

    EscalationSettings {
        onDuty = onDuty == null || onDuty.isBlank() ? null : onDuty.strip();
    }
}
