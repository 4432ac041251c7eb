package org.armstrace.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.armstrace.api.ApiTokenService;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A demo user for each role, with a generated one-time password that is printed to the log this
 * once (as the first administrator's is) and must be changed at first sign-in, and a partner's API
 * token, whose secret is printed once too. No password is fixed in the code or the README.
 */
@Component
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** A demo account as created: name, role, and its one-time password (or the token's secret). */
    record Created(String username, Role role, String secret) {
    }

    /** Where the demo's people work: cases restricted to a team need one. */
    static final String OFFICE = "Focal point, Prishtina";

    private final UserAccountService users;
    private final ApiTokenService tokens;

    DemoUsers(UserAccountService users, ApiTokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** Everyone but the analysts, who join the desk later ({@link #analysts}). */
    void create(DemoRun run) {
        run.as("system:demo", Role.ADMIN, () -> {
            run.accounts.add(user(run.admin(), "Demo Administrator", Role.ADMIN));
            run.accounts.add(user(run.supervisor(), "Drita Krasniqi (demo)", Role.SUPERVISOR));
            run.accounts.add(user(run.intake(), "Valon Morina (demo)", Role.INTAKE));
            run.accounts.add(user(run.officer(), "Milan Jovanović (demo)", Role.FIELD_OFFICER));
            var token = tokens.create(run.name + " partner AL", Role.PARTNER, ApiTokenService.DEFAULT_RATE, "AL");
            run.accounts.add(new Created(token.token().name(), Role.PARTNER, token.secret()));
        });
    }

    /**
     * The analysts' accounts, made after the desk has taken in its first requests: with no analyst
     * to give them to, intake leaves those acknowledged in the team queue, as it does in service.
     */
    void analysts(DemoRun run) {
        run.as("system:demo", Role.ADMIN, () -> {
            run.accounts.add(user(run.analyst(), "Arben Gashi (demo)", Role.ANALYST));
            run.accounts.add(user(run.analyst2(), "Jelena Petrović (demo)", Role.ANALYST));
        });
    }

    /** The names of the accounts this load made, for telling what they made from anyone else's. */
    static List<String> usernames(DemoRun run) {
        var names = new ArrayList<String>();
        run.accounts.forEach(c -> names.add(c.username()));
        return names;
    }

    private Created user(String username, String displayName, Role role) {
        String password = users.create(username, displayName, Set.of(role));
        if (role != Role.FIELD_OFFICER) {
            users.setOffice(username, OFFICE);
        }
        return new Created(username, role, password);
    }

    /** The one time these secrets are shown. */
    static void print(List<Created> created) {
        var lines = new StringBuilder();
        for (Created c : created) {
            lines.append(String.format("%n  %-16s %-22s %s", c.role(), c.username(), c.secret()));
        }
        log.warn("""

                ================================================================
                  Demo users created (role, user, one-time password; the partner's
                  line is an API token for the REST API):{}
                  They are shown only this once; each password must be changed at
                  first sign-in.
                ================================================================""", lines);
    }
}
