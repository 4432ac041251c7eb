package org.armstrace.importer;

import java.util.List;
import java.util.Set;

/**
 * What one row of an extract is. {@link #FIREARMS} rows may also carry the holder and the licence
 * (the usual shape of a legacy registry: one row per registered weapon), in which case the holder,
 * the licence and the holding are created or matched with the weapon.
 */
enum RecordKind {
    PEOPLE(List.of(Set.of(Target.PERSON_FAMILY_NAME, Target.PERSON_GIVEN_NAME), Set.of(Target.PERSON_FULL_NAME))),
    ORGANISATIONS(List.of(Set.of(Target.ORGANISATION_CODE, Target.ORGANISATION_NAME))),
    FIREARMS(List.of(Set.of(Target.FIREARM_MAKE, Target.FIREARM_SERIAL))),
    LICENCES(List.of(Set.of(Target.LICENCE_NUMBER, Target.HOLDER_NATIONAL_ID),
            Set.of(Target.LICENCE_NUMBER, Target.HOLDER_CODE))),
    TRANSFERS(List.of(Set.of(Target.TRANSFER_KIND, Target.TRANSFER_DATE, Target.FIREARM_MAKE, Target.FIREARM_SERIAL))),
    LOST_STOLEN(List.of(Set.of(Target.REPORT_KIND, Target.FIREARM_MAKE, Target.FIREARM_SERIAL)));

    /** The profile must map every field of at least one of these sets. */
    private final List<Set<Target>> required;

    RecordKind(List<Set<Target>> required) {
        this.required = required;
    }

    public List<Set<Target>> required() {
        return required;
    }
}
