package org.armstrace.registry;

/** The kinds of reference entry, each with the node it is stored as (allow-listed labels for the revision Cypher). */
public enum ReferenceKind {
    COUNTRY("Country", "MERGE (e:Country {code: $code})"),
    FIREARM_TYPE("FirearmType", "MERGE (e:FirearmType {code: $code})"),
    CALIBRE("Calibre", "MERGE (e:Calibre {code: $code})"),
    MANUFACTURER("Organisation",
            "MERGE (e:Organisation {id: 'MANUFACTURER:' + $code}) ON CREATE SET e.code = $code, e.kind = 'MANUFACTURER'"),
    MODEL("FirearmModel", "MERGE (e:FirearmModel {id: $code})");

    private final String label;
    private final String merge;

    ReferenceKind(String label, String merge) {
        this.label = label;
        this.merge = merge;
    }

    String label() {
        return label;
    }

    /** Finds or creates the entry as {@code e} from {@code $code}. */
    String merge() {
        return merge;
    }

    /** Matches the existing entry as {@code e} from {@code $code}. */
    String match() {
        return this == MANUFACTURER ? "MATCH (e:Organisation {id: 'MANUFACTURER:' + $code})"
                : merge.replaceFirst("^MERGE", "MATCH");
    }
}
