package org.armstrace.recovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data: a {@link NewRecovery} by name rather than by position, as an officer fills the form.
 * Whatever is not set is left out (null); possessors and weapons are added one by one or as lists.
 *
 * <pre>{@code
 * NewRecovery r = NewRecoveries.newRecovery().key(key).kind(RecoveryKind.SEIZED).at(Instant.now())
 *         .place(place).weapon(weapon).build();
 * }</pre>
 */
public final class NewRecoveries {

    private String idempotencyKey;
    private RecoveryKind kind;
    private Instant at;
    private Place place;
    private String circumstances;
    private String caseReference;
    private final List<NewRecovery.Possessor> possessors = new ArrayList<>();
    private final List<NewRecovery.RecoveredWeapon> weapons = new ArrayList<>();

    private NewRecoveries() {
    }

    public static NewRecoveries newRecovery() {
        return new NewRecoveries();
    }

    /** The draft's id: submitting the same draft again returns the first recovery. */
    public NewRecoveries key(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
        return this;
    }

    public NewRecoveries kind(RecoveryKind kind) {
        this.kind = kind;
        return this;
    }

    public NewRecoveries at(Instant at) {
        this.at = at;
        return this;
    }

    public NewRecoveries place(Place place) {
        this.place = place;
        return this;
    }

    public NewRecoveries circumstances(String circumstances) {
        this.circumstances = circumstances;
        return this;
    }

    /** The police case, if one exists. */
    public NewRecoveries caseReference(String caseReference) {
        this.caseReference = caseReference;
        return this;
    }

    public NewRecoveries possessor(NewRecovery.Possessor possessor) {
        possessors.add(possessor);
        return this;
    }

    /** Adds these possessors to the ones already set. */
    public NewRecoveries possessors(List<NewRecovery.Possessor> possessors) {
        this.possessors.addAll(possessors);
        return this;
    }

    public NewRecoveries weapon(NewRecovery.RecoveredWeapon weapon) {
        weapons.add(weapon);
        return this;
    }

    /** Adds these weapons to the ones already set. */
    public NewRecoveries weapons(List<NewRecovery.RecoveredWeapon> weapons) {
        this.weapons.addAll(weapons);
        return this;
    }

    public NewRecovery build() {
        return new NewRecovery(idempotencyKey, kind, at, place, circumstances, caseReference, possessors, weapons);
    }
}
