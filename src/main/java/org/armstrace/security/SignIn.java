package org.armstrace.security;

import java.time.Instant;

/**
 * One successful sign-in: when, and from which client address (null when it was not known).
 */
public record SignIn(Instant at, String address) {
}
