package org.armstrace.base;

/**
 * A reason the application cannot start that an operator can fix (a setting, a directory, a port):
 * {@link StartupProblemAnalyzer} prints it as a plain description and action, never a stack trace.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
