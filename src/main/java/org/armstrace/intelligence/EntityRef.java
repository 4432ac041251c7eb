package org.armstrace.intelligence;

import java.util.Locale;

/**
 * An entity of the link chart, named the way it is named everywhere else: its kind and its key
 * ({@code Firearm:<id>}, {@code Case:<reference>}). Only the kinds below exist here, so that a
 * hostile name can never choose a label or property of a query.
 */
public record EntityRef(Kind kind, String key) {

    /** The kinds of node an analyst can put on a chart, with the property that identifies each. */
    public enum Kind {
        FIREARM("Firearm", "id"), PERSON("Person", "id"), ORGANISATION("Organisation", "id"),
        LICENCE("Licence", "id"), TRANSFER("Transfer", "id"), RECOVERY("Recovery", "id"),
        CASE("Case", "reference"), TRACE_REQUEST("TraceRequest", "id"), LOST_STOLEN_REPORT("LostStolenReport", "id");

        final String label;
        final String keyProperty;

        Kind(String label, String keyProperty) {
            this.label = label;
            this.keyProperty = keyProperty;
        }

        public String label() {
            return label;
        }

        static Kind ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            return null;
        }
    }

    public EntityRef {
        if (kind == null || key == null || key.isBlank() || key.length() > 200
                || key.codePoints().anyMatch(Character::isISOControl)) {
            throw new IntelligenceRejected("intelligence.bad-entity");
        }
    }

    /** {@code Firearm:4f1c…} → the entity; anything else is refused. */
    public static EntityRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IntelligenceRejected("intelligence.bad-entity");
        }
        Kind kind = Kind.ofLabel(text.substring(0, colon));
        if (kind == null) {
            throw new IntelligenceRejected("intelligence.bad-entity");
        }
        return new EntityRef(kind, text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return kind.label + ":" + key;
    }

    String cypherMatch(String variable) {
        // Label and property come from the enum, never from the caller; the key is a parameter.
        return "(" + variable + ":" + kind.label + " {" + kind.keyProperty + ": $" + variable.toLowerCase(Locale.ROOT)
                + "Key})";
    }
}
