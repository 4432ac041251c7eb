package org.armstrace.graph;

import java.util.HashMap;
import java.util.Map;

/** Query parameters from name/value pairs; unlike {@link Map#of}, a value may be null (Cypher's null). */
public final class CypherParams {

    private CypherParams() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters come in name/value pairs");
        }
        var params = new HashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }
}
