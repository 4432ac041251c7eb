/**
 * Field capture of recovered weapons on a tablet, with the instant checks against the registry and
 * the lost/stolen register.
 */
@ApplicationModule(displayName = "Recovery")
package org.armstrace.recovery;

import org.springframework.modulith.ApplicationModule;
