package org.armstrace.registry;

import java.time.LocalDate;

/**
 * A person as written in the source, in any script: names are kept exactly as given.
 *
 * @param nationalId personal identification number (JMBG, numri personal), if known
 */
public record NewPerson(String givenName, String familyName, String parentName, LocalDate birthDate,
                        String birthPlace, String nationalId) {

    public NewPerson {
        if (familyName == null || familyName.isBlank() || givenName == null || givenName.isBlank()) {
            throw new IllegalArgumentException("A person needs a given name and a family name");
        }
        if (givenName.length() > 100 || familyName.length() > 100 || parentName != null && parentName.length() > 100) {
            throw new IllegalArgumentException("A name is longer than 100 characters");
        }
    }
}
