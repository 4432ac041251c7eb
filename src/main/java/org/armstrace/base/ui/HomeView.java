package org.armstrace.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The start page: a tile for every part of the application this user may open. */
@Route("")
@Menu(order = 0, icon = "vaadin:home", title = "menu.home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(AuthenticationContext authentication) {
        add(new H2(getTranslation("home.welcome", authentication.getPrincipalName().orElse(""))));
        add(new Paragraph(getTranslation("home.intro")));
        var tiles = new FlexLayout();
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.addClassName("home-tiles");
        MenuConfiguration.getMenuEntries().stream().filter(e -> e.menuClass() != HomeView.class).forEach(e -> {
            var link = new Anchor(e.path(), getTranslation(e.title()));
            link.addClassName("home-tile");
            tiles.add(link);
        });
        add(tiles);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home") + " · ArmsTrace";
    }
}
