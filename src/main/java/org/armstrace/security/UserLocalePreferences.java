package org.armstrace.security;

import java.util.Locale;
import java.util.Optional;
import org.armstrace.base.UserPreferences;
import org.springframework.stereotype.Component;

/** The shell's view of the signed-in user's language, stored on their account. */
@Component
class UserLocalePreferences implements UserPreferences {

    private final UserAccountService users;

    UserLocalePreferences(UserAccountService users) {
        this.users = users;
    }

    @Override
    public Optional<Locale> preferredLocale() {
        return users.currentUser().map(UserAccount::locale);
    }

    @Override
    public void rememberLocale(Locale locale) {
        users.setOwnLocale(locale);
    }
}
