package org.armstrace.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.armstrace.base.BrowserStorage;
import org.armstrace.base.LanguageChoice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;

/**
 * The application frame: a drawer menu built from the views this user may open (Vaadin filters
 * the menu by the views' access annotations), the features' attention badges (see
 * {@link AttentionBadge}), the language switch and sign-out.
 * Menu titles in {@code @Menu} are translation keys.
 */
@Layout
@PermitAll
// The menu's entries and icons are plain elements (buildNav): these make sure their web components are loaded.
@Uses(SideNavItem.class)
@Uses(Icon.class)
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** How often an idle page asks whether something new waits (badges), when no view polls faster. */
    static final int POLL_MILLIS = 60_000;

    private final List<AttentionBadge> badges;
    private final Map<AttentionBadge, Button> shown = new LinkedHashMap<>();
    private final Map<AttentionBadge, Long> counts = new HashMap<>();
    private final AuthenticationContext authentication;
    private final Duration sessionTimeout;
    private final Clock clock;
    private IdlePoll idle;
    private Registration polls;

    public MainLayout(AuthenticationContext authentication, LanguageChoice languageChoice, List<AttentionBadge> badges,
                      @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout, ObjectProvider<Clock> clock) {
        this.badges = badges;
        this.authentication = authentication;
        this.sessionTimeout = sessionTimeout;
        // The system's, unless the tests give one they can move forward.
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        setPrimarySection(Section.DRAWER);
        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));

        var user = new Span(authentication.getPrincipalName().orElse(""));
        user.setId("current-user");
        user.addClassName("shell-user");
        var logout = new Button(getTranslation("shell.logout"), e -> authentication.logout());
        logout.setId("logout");
        // A shared tablet keeps nothing of the officer who signs out, whether or not the server answers.
        BrowserStorage.forgetOnClick(logout.getElement());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        var spacer = new Span();
        var header = new HorizontalLayout(toggle, spacer);
        for (AttentionBadge badge : badges) {
            if (badge.applies()) {
                var button = new Button(new Icon(VaadinIcon.BELL));
                button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                button.addClassName("shell-badge");
                button.setVisible(false);
                button.addClickListener(e -> button.getUI().ifPresent(ui -> ui.navigate(badge.route())));
                shown.put(badge, button);
                header.add(button);
            }
        }
        header.add(new LanguageSelect(languageChoice), user, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(spacer);
        header.addClassName("shell-header");
        addToNavbar(header);

        var brand = new Span("ArmsTrace");
        brand.addClassName("shell-brand");
        addToDrawer(brand, buildNav());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        idle = new IdlePoll(sessionTimeout, ui.getInternals().getLastProcessedClientToServerId(), clock.millis());
        // Every poll, the badges' and any view's: a page that polls would otherwise keep its session signed in.
        polls = ui.addPollListener(e -> {
            if (!idle.poll(ui.getInternals().getLastProcessedClientToServerId(), clock.millis())) {
                ui.setPollInterval(-1);
                authentication.logout();
            } else if (!shown.isEmpty()) {
                refreshBadges(true);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        polls.remove();
        super.onDetach(detachEvent);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        getUI().ifPresent(LastResponse::replaceSoon);
        getUI().filter(ui -> idle != null)
                .ifPresent(ui -> idle.active(ui.getInternals().getLastProcessedClientToServerId(), clock.millis()));
        if (shown.isEmpty()) {
            return;
        }
        // A view that polled faster resets the interval when it goes; idle pages still hear of news.
        getUI().filter(ui -> ui.getPollInterval() < 0).ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
        refreshBadges(false);
    }

    /** Updates each counter; when one grew while the user was on the page, says so. */
    void refreshBadges(boolean announce) {
        shown.forEach((badge, button) -> {
            long count = badge.count();
            Long before = counts.put(badge, count);
            button.setVisible(count > 0);
            button.setText(count > 0 ? String.valueOf(count) : "");
            String label = getTranslation(badge.labelKey(), count);
            button.setAriaLabel(label);
            button.setTooltipText(label);
            if (announce && before != null && count > before) {
                Notification.show(getTranslation(badge.arrivedKey(), count), 8_000, Notification.Position.TOP_END)
                        .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            }
        });
    }

    private SideNav buildNav() {
        var nav = new SideNav();
        nav.setId("main-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            // Plain elements rather than SideNavItem components: the web component does all an entry needs
            // (link, current-page mark), while each component kept its own synchronised-property listeners
            // in every open UI (CapacityBenchmark). The path is written as SideNavItem.setPath writes it.
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            var item = new Element("vaadin-side-nav-item").setAttribute("path", path).setText(getTranslation(entry.title()));
            if (entry.icon() != null) {
                item.appendChild(new Element("vaadin-icon").setAttribute("icon", entry.icon()).setAttribute("slot", "prefix"));
            }
            nav.getElement().appendChild(item);
        }
        return nav;
    }
}
