package org.armstrace.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.armstrace.ViewTest;
import org.armstrace.base.ui.HomeView;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccount;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

class SecurityViewsTests extends ViewTest {

    @Autowired
    UserAccountService users;

    private List<String> menu() {
        // The entries are plain <vaadin-side-nav-item> elements under the menu (MainLayout.buildNav).
        return $(SideNav.class).single().getElement().getChildren()
                .filter(e -> e.getTag().equals("vaadin-side-nav-item")).map(Element::getText).toList();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_administrator_sees_the_admin_views_in_the_menu() {
        navigate(HomeView.class);

        assertThat(menu()).contains("Home", "Users", "Audit trail");
    }

    @Test
    @WithMockUser(username = "field-mock", roles = "FIELD_OFFICER")
    void a_field_officer_neither_sees_nor_opens_the_admin_views() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Home").doesNotContain("Users", "Audit trail");

        try {
            navigate(UsersView.class);
        } catch (RuntimeException refused) {
            // the navigation may be refused outright; either way the view must not show
        }
        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void the_user_form_reports_what_was_entered_through_its_save_event() {
        var form = new UserForm();
        UI.getCurrent().add(form);
        var saved = new ArrayList<UserForm.Values>();
        form.addSaveListener(e -> saved.add(e.values()));

        test(form.username).setValue("new.officer");
        test(form.displayName).setValue("Besnik Krasniqi");
        form.roles.setValue(Set.of(Role.FIELD_OFFICER));
        test(form.save).click();

        assertThat(saved).containsExactly(new UserForm.Values("new.officer", "Besnik Krasniqi",
                EnumSet.of(Role.FIELD_OFFICER), true, true, ""));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void creating_an_account_in_the_view_shows_its_one_time_password_once_and_lists_it() {
        String name = "v" + UUID.randomUUID().toString().substring(0, 8);
        UsersView view = navigate(UsersView.class);

        test(view.form.username).setValue(name);
        view.form.roles.setValue(Set.of(Role.INTAKE));
        test(view.form.save).click();

        String secret = $(Span.class).id("one-time-password").getText();
        assertThat(secret).hasSize(20);
        assertThat(test(view.grid).size()).isEqualTo(users.list().size());
        assertThat(users.list()).anySatisfy(a -> assertThat(a.username()).isEqualTo(name));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void saving_an_account_without_a_role_shows_an_error_and_creates_nothing() {
        int before = users.list().size();
        UsersView view = navigate(UsersView.class);

        test(view.form.username).setValue("no-roles-" + UUID.randomUUID().toString().substring(0, 4));
        test(view.form.save).click();

        assertThat(users.list()).hasSize(before);
        assertThat($(Notification.class).last().getElement().getProperty("text"))
                .isEqualTo("Give the account at least one role.");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void the_audit_view_verifies_the_chain() {
        AuditView view = navigate(AuditView.class);

        test(view.verify).click();

        assertThat(view.verdict.getText()).startsWith("Chain intact:");
        assertThat(test(view.grid).size()).isPositive();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void a_directory_account_shows_its_source_and_offers_no_password_reset_nor_role_editing() {
        UsersView view = navigate(UsersView.class);
        assertThat(view.grid.getColumns()).extracting(c -> c.getHeaderText()).contains("Sign-in");
        assertThat(test(view.grid).getCellText(0, 4)).isIn("Local", "Directory");

        view.form.edit(new UserAccount("dir.someone", "Arta Krasniqi", Set.of(Role.ANALYST), true,
                Locale.ENGLISH, false, null, null, true, null));
        assertThat(view.form.resetPassword.isVisible()).isFalse();
        assertThat(view.form.roles.isReadOnly()).isTrue();

        view.form.edit(new UserAccount("local.someone", "Besa Hoxha", Set.of(Role.ANALYST), true,
                Locale.ENGLISH, false, null, null, false, null));
        assertThat(view.form.resetPassword.isVisible()).isTrue();
        assertThat(view.form.roles.isReadOnly()).isFalse();
    }
}
