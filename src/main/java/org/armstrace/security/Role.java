package org.armstrace.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The roles of a Firearms Focal Point. {@link Names} holds the same names as compile-time
 * constants for {@code @RolesAllowed}.
 */
public enum Role {
    ADMIN, SUPERVISOR, ANALYST, INTAKE, FIELD_OFFICER,
    /** A partner jurisdiction: the REST API only, never the UI. */
    PARTNER,
    /**
     * A ministry, prosecution or court system: aggregate statistics through the REST API only,
     * never the UI, never a weapon or a person.
     */
    STATISTICS;

    /** Roles that may use the desk and tablet UI. */
    public static final String[] STAFF = {Names.ADMIN, Names.SUPERVISOR, Names.ANALYST, Names.INTAKE, Names.FIELD_OFFICER};

    /** Roles that may see personal data (PRODUCT.md: "visible only to roles that need it"). */
    public static final String[] PERSONAL_DATA = {Names.ADMIN, Names.SUPERVISOR, Names.ANALYST, Names.INTAKE};

    /** Whether the signed-in user (UI or API token) has any of the given roles, by name. */
    public static boolean current(String... names) {
        return currentNames().stream().anyMatch(Set.of(names)::contains);
    }

    /** The names of the signed-in user's roles; none when nobody is signed in. */
    public static List<String> currentNames() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? List.of() : auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
    }

    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String SUPERVISOR = "SUPERVISOR";
        public static final String ANALYST = "ANALYST";
        public static final String INTAKE = "INTAKE";
        public static final String FIELD_OFFICER = "FIELD_OFFICER";
        public static final String PARTNER = "PARTNER";
        public static final String STATISTICS = "STATISTICS";

        private Names() {
        }
    }
}
