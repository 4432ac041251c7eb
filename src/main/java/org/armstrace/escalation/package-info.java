/**
 * Escalation that acts: a scheduled job over overdue and soon-due trace requests, case tasks and
 * case deadlines. It tells the assignee, then (after a grace) the supervisor, and gives items to the
 * on-duty supervisor by configured rules. Every step is one {@code :Escalation} node, unique by item
 * and step, so two instances on one database escalate each item once; every step is audited on the
 * item (and a reassignment is on the trace request's own history).
 *
 * <p>Sits above tracing, cases and notify: it reads through their services and calls them.
 */
@ApplicationModule(displayName = "Escalation")
package org.armstrace.escalation;

import org.springframework.modulith.ApplicationModule;
