package org.armstrace.cases;

/**
 * What a case may link: each kind is one label of another module, found by its {@code id}. The
 * list is the allow-list of labels the case's Cypher names.
 */
public enum LinkKind {
    RECOVERY("Recovery"), FIREARM("Firearm"), PERSON("Person"), ORGANISATION("Organisation"),
    TRACE_REQUEST("TraceRequest"), ALERT("Alert"), INVESTIGATION("Investigation");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static LinkKind ofLabel(String label) {
        for (LinkKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Not a linkable label: " + label);
    }
}
