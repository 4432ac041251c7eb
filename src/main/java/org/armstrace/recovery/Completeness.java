package org.armstrace.recovery;

import java.util.List;
import org.armstrace.registry.NewFirearm;

/**
 * How completely a weapon is identified, against the essential fields of ISACS 05.31: make,
 * model, calibre, serial, and country of manufacture or of last legal import. Each missing field
 * comes with why tracing needs it, so the officer at the scene knows what to look for on the weapon.
 */
public final class Completeness {

    /** One essential field. {@code key} names it for translation ({@code isacs.<key>}, {@code isacs.<key>.why}). */
    public record Item(String key, boolean present) {
    }

    public static final List<String> ESSENTIAL = List.of("make", "model", "calibre", "serial", "origin");

    private Completeness() {
    }

    /** The essential fields of a weapon as read; an import marking with a country counts as the origin. */
    public static List<Item> of(NewFirearm weapon, boolean obliterated) {
        boolean origin = present(weapon.countryOfManufacture()) || weapon.markings().stream()
                .anyMatch(m -> m.kind() == NewFirearm.MarkingKind.IMPORT && present(m.country()));
        String serial = weapon.serialAsRead() == null ? "" : weapon.serialAsRead();
        // A serial with unreadable positions is still a serial; an obliterated one with nothing legible is not.
        boolean serialPresent = serial.codePoints().anyMatch(Character::isLetterOrDigit)
                && !(obliterated && serial.codePoints().filter(Character::isLetterOrDigit).count() < 3);
        return List.of(new Item("make", present(weapon.make())), new Item("model", present(weapon.model())),
                new Item("calibre", present(weapon.calibre())), new Item("serial", serialPresent),
                new Item("origin", origin));
    }

    /** Present essential fields out of five. */
    public static long score(List<Item> items) {
        return items.stream().filter(Item::present).count();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
