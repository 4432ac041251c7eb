package org.armstrace;

import java.util.function.Supplier;
import org.armstrace.security.Role;

/**
 * The people a test acts as: each method runs the code signed in as that user with that role, for
 * services guarded by method security. The default user names are the ones the tests have always
 * used (audit assertions read them); pass a name where a test needs a user of its own.
 *
 * <pre>{@code
 * Firearm f = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().serial("X1").build(), provenance));
 * }</pre>
 */
public final class Actors {

    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst1";
    public static final String SUPERVISOR = "sup1";
    public static final String OFFICER = "officer1";
    public static final String INTAKE = "intake1";

    private Actors() {
    }

    /** The first administrator the test profile creates. */
    public static <T> T admin(Supplier<T> action) {
        return as(ADMIN, Role.ADMIN, action);
    }

    public static <T> T analyst(Supplier<T> action) {
        return as(ANALYST, Role.ANALYST, action);
    }

    public static <T> T analyst(String username, Supplier<T> action) {
        return as(username, Role.ANALYST, action);
    }

    public static <T> T supervisor(Supplier<T> action) {
        return as(SUPERVISOR, Role.SUPERVISOR, action);
    }

    public static <T> T supervisor(String username, Supplier<T> action) {
        return as(username, Role.SUPERVISOR, action);
    }

    /** A field officer (the tablet's recovery form). */
    public static <T> T officer(Supplier<T> action) {
        return as(OFFICER, Role.FIELD_OFFICER, action);
    }

    public static <T> T officer(String username, Supplier<T> action) {
        return as(username, Role.FIELD_OFFICER, action);
    }

    /** The desk that receives tracing requests from abroad. */
    public static <T> T intake(Supplier<T> action) {
        return as(INTAKE, Role.INTAKE, action);
    }

    /** A partner jurisdiction's API token, by ISO country code. */
    public static <T> T partner(String country, Supplier<T> action) {
        return TestSecurity.partner(country, action);
    }

    public static <T> T as(String username, Role role, Supplier<T> action) {
        return TestSecurity.as(username, role.name(), action);
    }
}
