package org.armstrace.graph;

/**
 * A reason the graph could not be started that an operator can fix: the start-up failure
 * analyser turns it into a plain description and action instead of a stack trace.
 */
public class GraphStartupException extends RuntimeException {

    private final String action;

    public GraphStartupException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
