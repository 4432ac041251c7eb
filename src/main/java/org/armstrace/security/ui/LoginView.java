package org.armstrace.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.armstrace.base.LanguageChoice;
import org.armstrace.base.ui.LanguageSelect;

/** Sign-in, with a language choice for people who have not signed in yet. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    public LoginView(LanguageChoice languageChoice) {
        addClassName("login-page");
        setSizeFull();
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(null));
        var language = new LanguageSelect(languageChoice);
        add(new H1("ArmsTrace"), login, language);
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> error = event.getLocation().getQueryParameters().getParameters().get("error");
        if (error != null) {
            String kind = error.isEmpty() ? "" : error.getFirst();
            login.setI18n(i18n(switch (kind) {
                // No "disabled" or "expired": those get the wrong-password message, so that the page
                // reveals neither which accounts exist nor whether a guessed password was right.
                case "throttled" -> "login.error.throttled";
                case "api-only" -> "login.error.api-only";
                case "no-role" -> "login.error.no-role";
                default -> "login.error.credentials";
            }));
            login.setError(true);
        }
    }

    private LoginI18n i18n(String errorKey) {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation(errorKey == null ? "login.error.credentials" : errorKey));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username-required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password-required"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · ArmsTrace";
    }
}
