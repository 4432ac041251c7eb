package org.armstrace.intelligence;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The i2 Analyst's Notebook standard icon ({@code IconStyle/@Type}) for each kind of entity, and
 * back: the names are those of the "Basic" icon set shipped with Analyst's Notebook (Person, Gun,
 * Organ, Document, Place, Car…), so a chart opens with the icons an i2 analyst expects. On import,
 * a partner's icon says what kind of record to look for: a person, a weapon, or anything else
 * (matched only exactly).
 */
final class AnxIcons {

    private static final Map<String, String> BY_KIND = Map.of(
            "Firearm", "Gun", "Person", "Person", "Organisation", "Organ", "Licence", "Document",
            "Transfer", "Event", "Recovery", "Incident", "Case", "Case", "TraceRequest", "Letter",
            "LostStolenReport", "Crime");

    private static final Set<String> PEOPLE = Set.of("person", "woman", "maleb", "femaler", "boy", "girl", "child",
            "adult", "offndr", "fugitive", "suspect", "dealer", "inmate", "prisoner", "person_(faceless)",
            "person_(shaded_shirt)", "profmale", "proffeml");
    private static final Set<String> WEAPONS = Set.of("gun", "rifle", "revolver", "shotgun", "machngun", "asltwpn",
            "air_rifle", "sniper", "pistol", "handgun", "weapon");
    private static final Set<String> ORGANISATIONS = Set.of("organ", "criminal_organization", "organization_alias",
            "office", "shellco", "govrment", "clan", "family", "organisation");

    /** What an i2 analyst uses for something we do not know (a partner's own entity types). */
    static final String GENERAL = "General";

    private AnxIcons() {
    }

    /** The icon for an entity of this kind ({@link EntityRef.Kind#label()}). */
    static String of(String kind) {
        return BY_KIND.getOrDefault(kind, GENERAL);
    }

    /** The kind of record a partner's entity with this icon (or entity type) should be matched against. */
    static EntityRef.Kind kindOf(String icon) {
        if (icon == null) {
            return null;
        }
        String name = icon.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (PEOPLE.contains(name)) {
            return EntityRef.Kind.PERSON;
        }
        if (WEAPONS.contains(name)) {
            return EntityRef.Kind.FIREARM;
        }
        if (ORGANISATIONS.contains(name)) {
            return EntityRef.Kind.ORGANISATION;
        }
        return null;
    }
}
