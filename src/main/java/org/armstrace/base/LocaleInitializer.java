package org.armstrace.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Chooses each new UI's language: the signed-in user's remembered choice, else the choice made on
 * the sign-in page in this session, else the browser's language if we have it, else English.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String SESSION_CHOICE = LocaleInitializer.class.getName() + ".choice";

    private final UserPreferences preferences;

    LocaleInitializer(UserPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(resolve(ui.getUI().getSession())));
    }

    Locale resolve(VaadinSession session) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            var remembered = preferences.preferredLocale();
            if (remembered.isPresent()) {
                return remembered.get();
            }
        }
        Object chosen = session.getAttribute(SESSION_CHOICE);
        if (chosen instanceof Locale l) {
            return l;
        }
        var request = VaadinRequest.getCurrent();
        return Translations.supported(request == null ? null : request.getLocale());
    }

    /** Applies a language chosen in the UI to this session and, when signed in, to the user. */
    static void choose(Locale locale, UserPreferences preferences) {
        var session = VaadinSession.getCurrent();
        session.setAttribute(SESSION_CHOICE, locale);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            preferences.rememberLocale(locale);
        }
    }
}
