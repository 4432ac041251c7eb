/**
 * The cases list and a case's page, and the "Add to case" button that the pages of recoveries,
 * alerts, trace requests and registry records place next to their own actions.
 */
@NamedInterface("ui")
package org.armstrace.cases.ui;

import org.springframework.modulith.NamedInterface;
