package org.armstrace.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.armstrace.base.LanguageChoice;

/**
 * The application frame: a drawer menu built from the views this user may open (Vaadin filters
 * the menu by the views' access annotations), the language switch and sign-out.
 * Menu titles in {@code @Menu} are translation keys.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, LanguageChoice languageChoice) {
        setPrimarySection(Section.DRAWER);
        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));

        var user = new Span(authentication.getPrincipalName().orElse(""));
        user.setId("current-user");
        user.addClassName("shell-user");
        var logout = new Button(getTranslation("shell.logout"), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        var spacer = new Span();
        var header = new HorizontalLayout(toggle, spacer, new LanguageSelect(languageChoice), user, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(spacer);
        header.addClassName("shell-header");
        addToNavbar(header);

        var brand = new Span("ArmsTrace");
        brand.addClassName("shell-brand");
        addToDrawer(brand, buildNav());
    }

    private SideNav buildNav() {
        var nav = new SideNav();
        nav.setId("main-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            var item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }
}
