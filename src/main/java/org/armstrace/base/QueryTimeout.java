package org.armstrace.base;

import java.util.Locale;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Recognises a transaction the database ended because it ran past its timeout, wherever it
 * surfaces (driver exception, Spring's translation of it, a wrapper), so that the UI and the API
 * can say so plainly instead of showing a generic failure.
 */
public final class QueryTimeout {

    private QueryTimeout() {
    }

    /** Whether {@code failure} or one of its causes is the database ending a transaction for its timeout. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Neo4jException n && n.code() != null
                    && n.code().toLowerCase(Locale.ROOT).contains("transactiontimedout")) {
                return true;
            }
        }
        return false;
    }
}
