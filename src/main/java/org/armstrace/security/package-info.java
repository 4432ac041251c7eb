/**
 * Users, roles, sign-in, the lockout and sessions, partner scopes and the hash-chained audit log.
 */
@ApplicationModule(displayName = "Security")
package org.armstrace.security;

import org.springframework.modulith.ApplicationModule;
