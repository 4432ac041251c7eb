package org.armstrace.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.stream.Collectors;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccount;
import org.armstrace.security.UserAccountException;
import org.armstrace.security.UserAccountService;

/** Administrators manage accounts and roles. Accounts are disabled, never deleted. */
@Route("admin/users")
@Menu(order = 90, icon = "vaadin:users", title = "menu.users")
@RolesAllowed(Role.Names.ADMIN)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    final Grid<UserAccount> grid = new Grid<>();
    final UserForm form = new UserForm();
    private final UserAccountService users;

    public UsersView(UserAccountService users) {
        this.users = users;
        setSizeFull();
        grid.setId("users-grid");
        EmptyGrids.say(grid, "empty.users");
        grid.addColumn(UserAccount::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("users.display-name"));
        grid.addColumn(a -> a.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                .collect(Collectors.joining(", "))).setHeader(getTranslation("users.roles"));
        grid.addColumn(a -> getTranslation(!a.enabled() ? "users.disabled"
                        : a.oneTimePasswordExpired(Instant.now()) ? "users.one-time-expired" : "users.active"))
                .setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.fromDirectory() ? "users.source.directory" : "users.source.local"))
                .setHeader(getTranslation("users.source")).setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> form.edit(e.getValue()));
        var addNew = new Button(getTranslation("users.new"), e -> {
            grid.asSingleSelect().clear();
            form.edit(null);
        });
        addNew.setId("user-new");
        form.addSaveListener(e -> save(e.values()));
        form.addResetPasswordListener(e -> showOneTimePassword(e.username(), users.resetPassword(e.username())));
        form.setMaxWidth("28rem");

        var body = new FlexLayout(grid, form);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        grid.setMinWidth("18rem");
        add(new H2(getTranslation("menu.users")), addNew, body);
        refresh();
    }

    private void save(UserForm.Values v) {
        try {
            if (v.isNew()) {
                String oneTime = users.create(v.username(), v.displayName(), v.roles());
                // Shown first: the one-time password must not be lost if the office is refused.
                showOneTimePassword(v.username(), oneTime);
                users.setOffice(v.username(), v.office());
            } else {
                users.update(v.username(), v.displayName(), v.roles(), v.enabled());
                users.setOffice(v.username(), v.office());
                Notification.show(getTranslation("users.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            refresh();
        } catch (UserAccountException ex) {
            Notification.show(getTranslation(ex.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void showOneTimePassword(String username, String password) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.one-time.title", username));
        var secret = new Span(password);
        secret.setId("one-time-password");
        secret.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xl)");
        dialog.add(new Paragraph(getTranslation("users.one-time.text")), secret);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void refresh() {
        grid.setItems(users.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.users") + " · ArmsTrace";
    }
}
