package org.armstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person in the registry as the record stands now. Names are as written; {@link #nameLatin}
 * is the same name in Latin script for people who do not read Cyrillic.
 */
public record Person(String id, String givenName, String familyName, String parentName, LocalDate birthDate,
                     String birthPlace, String nationalId, String nameLatin, int version, String source,
                     String confidence, Instant recordedAt) {

    /**
     * Stands in for a person's id and name where the viewer's role may not see names (a field
     * officer): the weapon has a holder or party on file, and the desk has the name. Views show
     * the translation {@code person.on-file} for it.
     */
    public static final String ON_FILE = "person-on-file";

    public String displayName() {
        return givenName + " " + familyName;
    }
}
