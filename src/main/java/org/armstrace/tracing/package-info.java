/**
 * Trace requests in and out under the UN International Tracing Instrument: intake, outgoing drafts,
 * deadlines, queues and assignment, answers, and the documents and workbooks exchanged with partners.
 */
@ApplicationModule(displayName = "Tracing")
package org.armstrace.tracing;

import org.springframework.modulith.ApplicationModule;
