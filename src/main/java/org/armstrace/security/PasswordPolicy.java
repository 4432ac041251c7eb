package org.armstrace.security;

/** Minimum strength for passwords people choose; rejected passwords are reported as a translation key. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** @return null when acceptable, else the i18n key of the reason */
    public static String problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "password.too-short";
        }
        if (password.strip().length() != password.length()) {
            return "password.whitespace";
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            return "password.contains-username";
        }
        return null;
    }
}
