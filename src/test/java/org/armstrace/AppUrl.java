package org.armstrace;

import java.net.URI;

/**
 * Where HTTP-level tests reach the running application: the one place to change when the scheme or
 * host changes (e.g. when the application moves to HTTPS).
 */
public final class AppUrl {

    private AppUrl() {
    }

    /** The application's base address on the test's random port, without a trailing slash. */
    public static URI base(int port) {
        return URI.create("http://localhost:" + port);
    }

    public static URI of(int port, String path) {
        return base(port).resolve(path);
    }
}
