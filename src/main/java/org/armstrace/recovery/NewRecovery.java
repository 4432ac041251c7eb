package org.armstrace.recovery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.Photos;

/**
 * A recovery as the officer submits it. Validated whole in the constructor, so that a bad field
 * rejects the recovery before anything is written.
 *
 * @param idempotencyKey the draft's id: submitting the same draft again returns the first recovery
 * @param at             when the weapons were recovered; not in the future
 * @param caseReference  the police case, if one exists
 */
public record NewRecovery(String idempotencyKey, RecoveryKind kind, Instant at, Place place, String circumstances,
                          String caseReference, List<Possessor> possessors, List<RecoveredWeapon> weapons) {

    public static final int MAX_WEAPONS = 50;
    public static final int MAX_POSSESSORS = 20;
    /** A tablet's clock may run a little ahead of the server's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Someone found in possession: a person already in the graph, or a new one as written. */
    public record Possessor(String personId, NewPerson person) {
        public Possessor {
            if ((personId == null || personId.isBlank()) && person == null) {
                throw new RecoveryRejected("recovery.possessor-no-name");
            }
        }

        /** A new person; a missing name is refused with the recovery's own message. */
        public static Possessor of(String givenName, String familyName, String parentName, LocalDate birthDate,
                                   String nationalId) {
            if (givenName == null || givenName.isBlank() || familyName == null || familyName.isBlank()) {
                throw new RecoveryRejected("recovery.possessor-no-name");
            }
            Text.singleLine(givenName, 100, "recovery.bad-text");
            Text.singleLine(familyName, 100, "recovery.bad-text");
            Text.singleLine(parentName, 100, "recovery.bad-text");
            Text.singleLine(nationalId, 30, "recovery.bad-text");
            return new Possessor(null, new NewPerson(givenName.strip(), familyName.strip(),
                    parentName == null || parentName.isBlank() ? null : parentName.strip(), birthDate, null,
                    nationalId == null || nationalId.isBlank() ? null : nationalId.strip()));
        }
    }

    /** One weapon as found, with the photos uploaded for it while drafting. */
    public record RecoveredWeapon(NewFirearm firearm, boolean obliterated, List<Photos.Staged> photos) {
        public RecoveredWeapon {
            if (firearm == null) {
                throw new RecoveryRejected("recovery.no-weapon");
            }
            photos = photos == null ? List.of() : List.copyOf(photos);
            String serial = firearm.serialAsRead() == null ? "" : firearm.serialAsRead();
            if (serial.codePoints().anyMatch(Text::isControl)) {
                throw new RecoveryRejected("recovery.serial-control");
            }
            if (serial.length() > 64) {
                throw new RecoveryRejected("recovery.serial-too-long");
            }
            if (!obliterated && serial.chars().noneMatch(Character::isLetterOrDigit)) {
                throw new RecoveryRejected("recovery.serial-missing");
            }
            for (String s : new String[]{firearm.type(), firearm.make(), firearm.model(), firearm.calibre(),
                    firearm.countryOfManufacture()}) {
                Text.singleLine(s, 100, "recovery.bad-text");
            }
            for (NewFirearm.NewMarking m : firearm.markings()) {
                Text.singleLine(m.text(), 100, "recovery.bad-text");
            }
        }
    }

    public NewRecovery {
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9-]{8,64}")) {
            throw new RecoveryRejected("recovery.bad-key");
        }
        if (kind == null) {
            throw new RecoveryRejected("recovery.no-kind");
        }
        if (at == null) {
            throw new RecoveryRejected("recovery.no-date");
        }
        if (at.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new RecoveryRejected("recovery.future-date");
        }
        if (at.isBefore(Instant.parse("1900-01-01T00:00:00Z"))) {
            throw new RecoveryRejected("recovery.bad-date");
        }
        if (place == null) {
            throw new RecoveryRejected("recovery.no-place");
        }
        Text.multiLine(circumstances, 4000, "recovery.bad-text");
        Text.singleLine(caseReference, 100, "recovery.bad-text");
        possessors = possessors == null ? List.of() : List.copyOf(possessors);
        weapons = weapons == null ? List.of() : List.copyOf(weapons);
        if (weapons.isEmpty()) {
            throw new RecoveryRejected("recovery.no-weapon");
        }
        if (weapons.size() > MAX_WEAPONS || possessors.size() > MAX_POSSESSORS) {
            throw new RecoveryRejected("recovery.too-many");
        }
    }

    /** Checks on free text: length, and no control characters (newlines only where text may have lines). */
    static final class Text {
        private Text() {
        }

        static boolean isControl(int c) {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.SURROGATE;
        }

        static void singleLine(String s, int max, String key) {
            if (s != null && (s.length() > max || s.codePoints().anyMatch(Text::isControl))) {
                throw new RecoveryRejected(key);
            }
        }

        static void multiLine(String s, int max, String key) {
            if (s != null && (s.length() > max || s.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t'
                    && isControl(c)))) {
                throw new RecoveryRejected(key);
            }
        }
    }
}
