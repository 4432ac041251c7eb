package org.armstrace.security;

/** A user-management request that cannot be done; {@link #getMessage()} is an i18n key. */
public class UserAccountException extends RuntimeException {

    public UserAccountException(String messageKey) {
        super(messageKey);
    }
}
