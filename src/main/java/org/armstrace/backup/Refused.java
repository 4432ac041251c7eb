package org.armstrace.backup;

/**
 * A backup or restore that did not start, or stopped before changing anything; the message says why
 * and what to do. {@code exitCode}: 2 refused as asked (usage, store in use, directory not empty), 1
 * the archive failed its checks.
 */
final class Refused extends RuntimeException {

    private final int exitCode;

    Refused(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
