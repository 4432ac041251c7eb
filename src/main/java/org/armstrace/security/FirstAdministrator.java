package org.armstrace.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On a store without any administrator, creates one: name and password from
 * ARMSTRACE_ADMIN_USERNAME / ARMSTRACE_ADMIN_PASSWORD, or else a generated one-time password that is
 * printed to the log this once and must be changed at first sign-in. No default password exists.
 */
@Component
@ConditionalOnProperty(name = "armstrace.command", havingValue = "none", matchIfMissing = true) // not for CLI commands
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccountService users;
    private final String username;
    private final String password;

    FirstAdministrator(UserAccountService users,
                       @Value("${armstrace.admin.username:admin}") String username,
                       @Value("${armstrace.admin.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        // A weak configured password was already refused by AdminPasswordPreflight.
        boolean generated = password == null || password.isBlank();
        String secret = generated ? OneTimePassword.generate() : password;
        if (users.createFirstAdministrator(username, secret, generated)) {
            if (generated) {
                log.warn("""

                        ================================================================
                          First administrator created: user '{}', one-time password: {}
                          It is shown only this once and must be changed at first sign-in.
                        ================================================================""",
                        UserAccountService.normalise(username), secret);
            } else {
                log.info("First administrator '{}' created from ARMSTRACE_ADMIN_USERNAME/PASSWORD",
                        UserAccountService.normalise(username));
            }
        }
    }
}
