package org.armstrace.graph;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints "what is wrong, what to do" for graph start-up problems (registered in spring.factories). */
class GraphStartupFailureAnalyzer extends AbstractFailureAnalyzer<GraphStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GraphStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
