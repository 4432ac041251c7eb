package org.armstrace.registry;

import java.time.LocalDate;

/**
 * Test data: a {@link NewPerson} by name rather than by position. A person needs a given and a
 * family name; everything else is unknown (null) until set.
 *
 * <pre>{@code
 * NewPerson p = NewPeople.newPerson("Arben", "Gashi").born(LocalDate.of(1980, 1, 1)).nationalId("1234567890").build();
 * }</pre>
 */
public final class NewPeople {

    private final String givenName;
    private final String familyName;
    private String parentName;
    private LocalDate birthDate;
    private String birthPlace;
    private String nationalId;

    private NewPeople(String givenName, String familyName) {
        this.givenName = givenName;
        this.familyName = familyName;
    }

    public static NewPeople newPerson(String givenName, String familyName) {
        return new NewPeople(givenName, familyName);
    }

    /** The father's or mother's name, as registries write it between the given and the family name. */
    public NewPeople parent(String parentName) {
        this.parentName = parentName;
        return this;
    }

    public NewPeople born(LocalDate birthDate) {
        this.birthDate = birthDate;
        return this;
    }

    public NewPeople bornIn(String birthPlace) {
        this.birthPlace = birthPlace;
        return this;
    }

    /** The personal identification number (JMBG, numri personal). */
    public NewPeople nationalId(String nationalId) {
        this.nationalId = nationalId;
        return this;
    }

    public NewPerson build() {
        return new NewPerson(givenName, familyName, parentName, birthDate, birthPlace, nationalId);
    }
}
