package org.armstrace.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Arrays;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccount;
import org.armstrace.security.UserAccountService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Two rules for every navigation in the UI: an account with a one-time password goes to the
 * password change first, and an API-only (partner) account gets no UI at all.
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
        }
    }
}
