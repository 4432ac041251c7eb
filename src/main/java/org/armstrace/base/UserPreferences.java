package org.armstrace.base;

import java.util.Locale;
import java.util.Optional;

/**
 * What the shell needs to know about the signed-in user, provided by the security feature, so
 * that the shell does not depend on it.
 */
public interface UserPreferences {

    /** The language the signed-in user chose last time, if any. */
    Optional<Locale> preferredLocale();

    /** Remembers the signed-in user's language for their next session. */
    void rememberLocale(Locale locale);
}
