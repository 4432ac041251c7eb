package org.armstrace.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.armstrace.ViewTest;
import org.armstrace.api.ApiTokenService;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "admin", roles = "ADMIN")
class ApiTokensViewTests extends ViewTest {

    @Autowired
    ApiTokenService tokens;

    @Test
    void an_administrator_creates_a_token_sees_its_secret_once_and_can_revoke_it() {
        ApiTokensView view = navigate(ApiTokensView.class);
        test(view.name).setValue("Border police system");
        view.role.setValue(Role.INTAKE);
        test(view.create).click();

        String secret = $(TextField.class).withId("token-secret").single().getValue();
        assertThat(secret).startsWith("at_").hasSizeGreaterThan(40);
        assertThat(tokens.authenticate(secret)).hasValueSatisfying(c -> assertThat(c.role()).isEqualTo(Role.INTAKE));
        assertThat(tokens.list()).noneMatch(t -> t.toString().contains(secret));

        var token = tokens.list().stream().filter(t -> t.name().equals("Border police system")).findFirst().orElseThrow();
        tokens.revoke(token.id());
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(tokens.list()).filteredOn(t -> t.id().equals(token.id())).singleElement()
                .satisfies(t -> assertThat(t.revokedBy()).isEqualTo("admin"));
    }

    @Test
    void a_token_cannot_be_an_administrator_or_nameless() {
        ApiTokensView view = navigate(ApiTokensView.class);
        assertThat(view.role.getListDataView().getItems()).doesNotContain(Role.ADMIN);
        test(view.create).click();
        assertThat($(TextField.class).withId("token-secret").exists()).isFalse();
        assertThat($(Button.class).withId("token-create").single().isEnabled()).isTrue();
    }
}
