package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void long_passwords_without_the_user_name_are_accepted() {
        assertThat(PasswordPolicy.problem("correct horse battery", "analyst1")).isNull();
    }

    @Test
    void short_padded_or_name_containing_passwords_are_rejected_with_a_reason() {
        assertThat(PasswordPolicy.problem("short", "a1")).isEqualTo("password.too-short");
        assertThat(PasswordPolicy.problem(null, "a1")).isEqualTo("password.too-short");
        assertThat(PasswordPolicy.problem(" leading-space-pass", "a1")).isEqualTo("password.whitespace");
        assertThat(PasswordPolicy.problem("my-Analyst1-password", "analyst1")).isEqualTo("password.contains-username");
    }
}
