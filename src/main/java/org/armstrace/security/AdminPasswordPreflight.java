package org.armstrace.security;

import org.armstrace.base.StartupProblem;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Refuses a weak ARMSTRACE_ADMIN_PASSWORD before anything starts, with a plain message.
 * Registered in {@code META-INF/spring.factories}.
 */
class AdminPasswordPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Before the graph preflight, which starts the database. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 10;
    }


    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var env = event.getEnvironment();
        String password = env.getProperty("armstrace.admin.password", "");
        String username = env.getProperty("armstrace.admin.username", "admin");
        if (!password.isBlank() && PasswordPolicy.problem(password, username) != null) {
            throw new StartupProblem("ARMSTRACE_ADMIN_PASSWORD is too weak for the first administrator.",
                    "Use at least " + PasswordPolicy.MIN_LENGTH + " characters, not containing the user name '"
                            + username + "', or leave it unset to get a one-time password in the log.", null);
        }
    }
}
