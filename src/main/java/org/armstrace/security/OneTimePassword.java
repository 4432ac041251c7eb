package org.armstrace.security;

import java.security.SecureRandom;

/** Generated passwords: 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
final class OneTimePassword {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePassword() {
    }

    static String generate() {
        var sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
