/**
 * Firearms, markings, people, organisations, licences, transfers, reference data, photos and the
 * serial search: the national registry with provenance and versions.
 */
@ApplicationModule(displayName = "Registry")
package org.armstrace.registry;

import org.springframework.modulith.ApplicationModule;
