package org.armstrace.recovery.ui;

import com.vaadin.flow.server.WrappedSession;
import java.security.SecureRandom;
import java.util.Base64;
import org.armstrace.base.Sha256;

/**
 * The key that encrypts the browser's copy of a recovery draft ({@code armstrace-draft.js}), and
 * the scope that keeps each user's copies apart on a shared tablet. The key is 256 random bits,
 * made once per HTTP session and kept in it: handed to every page of the session, never stored
 * by the browser, and gone when the session ends (sign-out, expiry, idle close), which makes
 * whatever copy is left in the browser unreadable.
 */
final class DraftCipher {

    static final String ATTRIBUTE = DraftCipher.class.getName() + ".key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DraftCipher() {
    }

    /** The session's AES-256 key, base64. */
    static String key(WrappedSession session) {
        if (session.getAttribute(ATTRIBUTE) instanceof String key) {
            return key;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = Base64.getEncoder().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, key);
        return key;
    }

    /**
     * The name under which the user's copies are kept: derived from the user name, so that the same
     * officer finds their copy again, but not the name itself, which has no business in the storage
     * of a tablet that someone may pick up.
     */
    static String scope(String user) {
        return Sha256.hex("armstrace-draft:" + user).substring(0, 32);
    }
}
