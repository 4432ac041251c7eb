package org.armstrace.registry;

/** A line of the lost/stolen register: the report, the weapon it is about, and how many records it may be. */
public record LostStolenEntry(LostStolenReport report, Firearm weapon, long hits) {

    /** The weapon is known only from the report, not from the registry. */
    public boolean described() {
        return "REPORTED".equals(weapon.status());
    }
}
