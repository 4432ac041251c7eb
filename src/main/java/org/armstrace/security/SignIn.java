package org.armstrace.security;

import java.time.Instant;

/**
 * One successful sign-in: when, and from which client address (null when it was not known).
 */
public record SignIn(Instant at, String address) {

    /**
     * Set in the servlet session by a form sign-in, removed by the UI once it has told the user of
     * their previous sign-in: so the notice comes once, and only after a real sign-in.
     */
    public static final String ANNOUNCE_PREVIOUS = SignIn.class.getName() + ".announcePrevious";
}
