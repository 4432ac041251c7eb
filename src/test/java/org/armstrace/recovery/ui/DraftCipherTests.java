package org.armstrace.recovery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.WrappedHttpSession;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** Plain JUnit: the key and scope under which a tablet keeps its copy of a recovery draft. */
class DraftCipherTests {

    @Test
    void a_session_gets_one_random_256_bit_key_for_all_its_pages_and_another_session_a_different_one() {
        var session = new WrappedHttpSession(new MockHttpSession());
        var other = new WrappedHttpSession(new MockHttpSession());

        String key = DraftCipher.key(session);

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(DraftCipher.key(session)).isEqualTo(key);
        assertThat(DraftCipher.key(other)).isNotEqualTo(key);
    }

    @Test
    void each_user_has_a_scope_of_their_own_that_does_not_show_the_user_name() {
        assertThat(DraftCipher.scope("fo-drenica")).isEqualTo(DraftCipher.scope("fo-drenica"))
                .isNotEqualTo(DraftCipher.scope("fo-drenica2")).doesNotContain("drenica").matches("[0-9a-f]{32}");
    }
}
