package org.armstrace.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reassignment rules of {@code armstrace.escalation.reassign}: {@code ITEM>DURATION} separated
 * by {@code ;}, for example {@code incoming-unassigned>P3D;task>P7D}. An item overdue by the
 * duration goes to the on-duty supervisor. Kept to one form on purpose: a rule is read by
 * supervisors, not programmers.
 */
record EscalationRules(List<Rule> rules) {

    enum Target {
        /** Incoming trace requests that nobody has. */
        INCOMING_UNASSIGNED,
        /** Any open trace request. */
        TRACE,
        /** A case task. */
        TASK
    }

    record Rule(Target target, Duration overdueBy) {
    }

    EscalationRules {
        rules = List.copyOf(rules);
    }

    static EscalationRules parse(String text) {
        var rules = new ArrayList<Rule>();
        if (text == null) {
            return new EscalationRules(rules);
        }
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] sides = part.split(">", 2);
            if (sides.length != 2) {
                throw new IllegalArgumentException("armstrace.escalation.reassign: '" + part.strip()
                        + "' is not ITEM>DURATION (for example task>P7D)");
            }
            Target target = Target.valueOf(sides[0].strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            Duration after = Duration.parse(sides[1].strip().toUpperCase(Locale.ROOT));
            if (after.isNegative()) {
                throw new IllegalArgumentException("armstrace.escalation.reassign: negative duration in '" + part.strip() + "'");
            }
            rules.add(new Rule(target, after));
        }
        return new EscalationRules(rules);
    }
}
