package org.armstrace.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.armstrace.base.Dates;
import org.armstrace.security.Role;
import org.armstrace.security.SignIn;
import org.armstrace.security.UserAccount;
import org.armstrace.security.UserAccountService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Two rules for every navigation in the UI: an account with a one-time password goes to the
 * password change first, and an API-only (partner) account gets no UI at all. Once per session it
 * also tells the user when and from where they signed in before.
 */
@Component
class UiAccessGuard implements VaadinServiceInitListener {

    private final UserAccountService users;

    UiAccessGuard(UserAccountService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                || event.getNavigationTarget() == LoginView.class) {
            return;
        }
        boolean staff = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> Arrays.stream(Role.STAFF).anyMatch(r -> a.equals("ROLE_" + r)));
        if (!staff) {
            SecurityContextHolder.clearContext();
            event.getUI().getSession().getSession().invalidate();
            event.forwardTo(LoginView.class, QueryParameters.of("error", "api-only"));
            return;
        }
        if (event.getNavigationTarget() != ChangePasswordView.class
                && users.currentUser().map(UserAccount::mustChangePassword).orElse(false)) {
            event.rerouteTo(ChangePasswordView.class);
            return;
        }
        announcePreviousSignIn(event.getUI());
    }

    /**
     * Once per session, right after sign-in: when and from where the account was used before, so that
     * someone else's use of it is noticed by its owner.
     */
    private void announcePreviousSignIn(UI ui) {
        WrappedSession session = ui.getSession().getSession();
        if (session == null || session.getAttribute(SignIn.ANNOUNCE_PREVIOUS) == null) {
            return;
        }
        session.removeAttribute(SignIn.ANNOUNCE_PREVIOUS);
        String text = previousSignInText(users.previousSignIn(), ui);
        var notification = new Notification(text, 6_000, Notification.Position.BOTTOM_END);
        notification.setId("previous-sign-in");
        notification.open();
    }

    /** "Previous sign-in: 05.12.2026 14:03 from 10.0.0.7", the date as the user's language writes it. */
    static String previousSignInText(Optional<SignIn> previous, UI ui) {
        Locale locale = ui.getLocale();
        var when = Dates.dateTimeFormatter(locale);
        return previous.map(p -> ui.getTranslation("login.previous", when.format(p.at()),
                        p.address() == null ? ui.getTranslation("login.previous.unknown-address") : p.address()))
                .orElseGet(() -> ui.getTranslation("login.previous.none"));
    }
}
