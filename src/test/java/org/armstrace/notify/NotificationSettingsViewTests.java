package org.armstrace.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import java.util.EnumSet;
import java.util.Set;
import org.armstrace.ViewTest;
import org.armstrace.base.Translations;
import org.armstrace.notify.ui.NotificationSettingsView;
import org.armstrace.security.AuditLog;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "notify-view-user", roles = "ANALYST")
class NotificationSettingsViewTests extends ViewTest {

    @Autowired
    Notifications notifications;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserAccountService users;
    @Autowired
    Translations translations;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AuditLog audit;

    private String status() {
        return $(Paragraph.class).withId("notify-status").single().getText();
    }

    @Test
    void a_user_sets_their_address_and_what_reaches_them_and_is_told_that_email_is_on() {
        navigate(NotificationSettingsView.class);
        assertThat(status()).isEqualTo("E-mail is on.");

        test($(EmailField.class).withId("notify-email").single()).setValue("notify-view-user@example.org");
        @SuppressWarnings("unchecked")
        CheckboxGroup<NotificationKind> kinds = $(CheckboxGroup.class).withId("notify-kinds").single();
        kinds.setValue(Set.of(NotificationKind.MENTION, NotificationKind.ESCALATION));
        test($(Button.class).withId("notify-save").single()).click();

        assertThat(notifications.mySettings()).isEqualTo(new NotificationSettings("notify-view-user@example.org",
                EnumSet.of(NotificationKind.MENTION, NotificationKind.ESCALATION), true));
    }

    @Test
    void without_an_smtp_server_the_page_says_that_email_is_off() {
        var off = new Notifications(neo4j, users, translations, new EmailChannel(null, "armstrace@localhost", "https://x"),
                events, audit);

        UI.getCurrent().add(new NotificationSettingsView(off));

        assertThat(status()).isEqualTo("E-mail is off: no SMTP server is configured. Ask the administrator.");
    }
}
