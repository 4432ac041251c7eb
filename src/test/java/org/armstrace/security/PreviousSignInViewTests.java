package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.Dates;
import org.armstrace.base.Translations;
import org.armstrace.base.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** What a user sees of their own sign-ins. */
class PreviousSignInViewTests extends ViewTest {

    @Autowired
    ThrottledAuthenticationProvider provider;
    @Autowired
    UserAccountService users;
    @Autowired
    Neo4jClient neo4j;

    private Authentication signIn(String name, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return new ProviderManager(provider).authenticate(token);
    }

    @Test
    void after_signing_in_a_user_is_told_once_when_and_from_where_they_signed_in_before_in_their_language() {
        String name = "p" + UUID.randomUUID().toString().substring(0, 8);
        String password = Actors.admin(() -> users.create(name, "", EnumSet.of(Role.ANALYST)));
        neo4j.query("MATCH (u:User {username: $u}) SET u.mustChangePassword = false").bind(name).to("u").run();
        signIn(name, password, "10.0.0.7");
        Authentication now = signIn(name, password, "10.0.0.8");
        Instant previous = neo4j.query("MATCH (u:User {username: $u}) RETURN u.previousSignInAt").bind(name).to("u")
                .fetchAs(ZonedDateTime.class).one().orElseThrow().toInstant();
        SecurityContextHolder.setContext(new SecurityContextImpl(now));
        UI.getCurrent().setLocale(Translations.SERBIAN_LATIN);
        VaadinSession.getCurrent().getSession().setAttribute(SignIn.ANNOUNCE_PREVIOUS, Boolean.TRUE); // as the form sign-in does

        navigate(HomeView.class);

        String date = Dates.dateTime(previous, Translations.SERBIAN_LATIN);
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .containsExactly("Prethodna prijava: " + date + " sa adrese 10.0.0.7");
        navigate(HomeView.class);
        assertThat($(Notification.class).all()).hasSize(1); // not again on the next page
    }
}
