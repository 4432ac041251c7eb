package org.armstrace.registry;

import java.time.LocalDate;

/**
 * Test data: a {@link NewTransfer} by name rather than by position. Kind, date and weapon are
 * required; the parties, the licence and the reference are unknown (null) until set.
 *
 * <pre>{@code
 * NewTransfer t = NewTransfers.newTransfer(Transfer.Kind.SALE, LocalDate.of(2024, 1, 10), gun.id())
 *         .from(dealer).to(person.id()).toLicence(licence.id()).build();
 * }</pre>
 */
public final class NewTransfers {

    private final Transfer.Kind kind;
    private final LocalDate date;
    private final String firearmId;
    private String fromId;
    private String toId;
    private String toLicenceId;
    private String reference;

    private NewTransfers(Transfer.Kind kind, LocalDate date, String firearmId) {
        this.kind = kind;
        this.date = date;
        this.firearmId = firearmId;
    }

    public static NewTransfers newTransfer(Transfer.Kind kind, LocalDate date, String firearmId) {
        return new NewTransfers(kind, date, firearmId);
    }

    /** The person or organisation the weapon left. */
    public NewTransfers from(String fromId) {
        this.fromId = fromId;
        return this;
    }

    /** The person or organisation the weapon went to. */
    public NewTransfers to(String toId) {
        this.toId = toId;
        return this;
    }

    /** The licence that covers the weapon from the transfer's date on. */
    public NewTransfers toLicence(String toLicenceId) {
        this.toLicenceId = toLicenceId;
        return this;
    }

    public NewTransfers reference(String reference) {
        this.reference = reference;
        return this;
    }

    public NewTransfer build() {
        return new NewTransfer(kind, date, firearmId, fromId, toId, toLicenceId, reference);
    }
}
