/**
 * The case file for the prosecutor: one action on a case's page writes what the case holds (summary,
 * weapons with their identification, photos and chain of custody, people with their roles, trace
 * requests with their answers, an extract of the audit trail) as a DOCX, and beside it a ZIP with a
 * JSON manifest, the DOCX and the case's attachments, each with its SHA-256, so that the receiving
 * system can check that nothing was lost or altered. Each production is kept and recorded on the case.
 *
 * <p>This module sits above cases, registry and tracing, whose public services it reads; cases does
 * not know it. Its part of the case's page is a {@link org.armstrace.base.ui.PageSection} that the
 * page collects at run time.
 */
@ApplicationModule(displayName = "Case file")
package org.armstrace.casefile;

import org.springframework.modulith.ApplicationModule;
