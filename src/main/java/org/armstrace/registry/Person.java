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

    public String displayName() {
        return givenName + " " + familyName;
    }
}
