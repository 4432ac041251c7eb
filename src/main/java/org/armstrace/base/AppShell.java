package org.armstrace.base;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Lumo and the app's own styles, loaded as plain style sheets: no frontend build needed. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {

    /**
     * The login page first removes what the last user left in the browser's storage (see
     * {@link BrowserStorage}): a browser lands there after sign-out, and after its session expired
     * or was closed for idleness. Inline in every bootstrap page, checked by path in the browser, so
     * that it runs on every full load of the login page, before Flow starts and whatever the view
     * does. (It needs the login page to be Vaadin's: see SecurityConfiguration's formLogin.)
     */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addInlineWithContents(Inline.Position.PREPEND, BrowserStorage.ON_LOGIN_PAGE, Inline.Wrapping.JAVASCRIPT);
    }
}
