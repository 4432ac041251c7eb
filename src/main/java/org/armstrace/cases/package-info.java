/**
 * Cases: the unit of police work. A numbered case with its status history, owner and team, the
 * recoveries, weapons, people, organisations, trace requests, alerts and saved investigations it
 * links, and the work done in it (tasks, deadlines, notes with mentions, attachments).
 *
 * <p>This module sits below the features whose records a case links: they call {@link
 * org.armstrace.cases.CaseLinks} (a recovery naming a case, an alert promoted into one), never the
 * other way round, so the module graph stays acyclic. A case's page reads the linked records' names
 * in its own Cypher (owners: graph-model/README.md).
 */
@ApplicationModule(displayName = "Cases")
package org.armstrace.cases;

import org.springframework.modulith.ApplicationModule;
