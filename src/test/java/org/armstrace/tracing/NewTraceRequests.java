package org.armstrace.tracing;

/**
 * Test data: a {@link NewTraceRequest} by name rather than by position. The direction is required;
 * everything else is left out (null) until set, and the record fills in its own defaults (routine
 * priority, manual channel).
 *
 * <pre>{@code
 * NewTraceRequest r = NewTraceRequests.newTraceRequest(Direction.INCOMING).counterpart("AL").weaponSerial("A1").build();
 * }</pre>
 */
public final class NewTraceRequests {

    private final Direction direction;
    private String counterpart;
    private String partnerReference;
    private Priority priority;
    private String weaponType;
    private String weaponMake;
    private String weaponModel;
    private String weaponCalibre;
    private String weaponSerial;
    private String weaponCountry;
    private String whyIllicit;
    private String legalBasis;
    private String intendedUse;
    private String circumstances;
    private NewTraceRequest.Channel channel;
    private String idempotencyKey;
    private String firearmId;

    private NewTraceRequests(Direction direction) {
        this.direction = direction;
    }

    public static NewTraceRequests newTraceRequest(Direction direction) {
        return new NewTraceRequests(direction);
    }

    /** ISO code of the other country: the requesting one (incoming) or the requested one (outgoing). */
    public NewTraceRequests counterpart(String counterpart) {
        this.counterpart = counterpart;
        return this;
    }

    /** The other side's own reference. */
    public NewTraceRequests partnerReference(String partnerReference) {
        this.partnerReference = partnerReference;
        return this;
    }

    public NewTraceRequests priority(Priority priority) {
        this.priority = priority;
        return this;
    }

    public NewTraceRequests weaponType(String weaponType) {
        this.weaponType = weaponType;
        return this;
    }

    public NewTraceRequests weaponMake(String weaponMake) {
        this.weaponMake = weaponMake;
        return this;
    }

    public NewTraceRequests weaponModel(String weaponModel) {
        this.weaponModel = weaponModel;
        return this;
    }

    public NewTraceRequests weaponCalibre(String weaponCalibre) {
        this.weaponCalibre = weaponCalibre;
        return this;
    }

    public NewTraceRequests weaponSerial(String weaponSerial) {
        this.weaponSerial = weaponSerial;
        return this;
    }

    public NewTraceRequests weaponCountry(String weaponCountry) {
        this.weaponCountry = weaponCountry;
        return this;
    }

    public NewTraceRequests whyIllicit(String whyIllicit) {
        this.whyIllicit = whyIllicit;
        return this;
    }

    public NewTraceRequests legalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
        return this;
    }

    public NewTraceRequests intendedUse(String intendedUse) {
        this.intendedUse = intendedUse;
        return this;
    }

    public NewTraceRequests circumstances(String circumstances) {
        this.circumstances = circumstances;
        return this;
    }

    public NewTraceRequests channel(NewTraceRequest.Channel channel) {
        this.channel = channel;
        return this;
    }

    /** The sender's retry key (partner API). */
    public NewTraceRequests idempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
        return this;
    }

    /** The weapon in our graph the request starts from. */
    public NewTraceRequests firearmId(String firearmId) {
        this.firearmId = firearmId;
        return this;
    }

    public NewTraceRequest build() {
        return new NewTraceRequest(direction, counterpart, partnerReference, priority, weaponType, weaponMake, weaponModel,
                weaponCalibre, weaponSerial, weaponCountry, whyIllicit, legalBasis, intendedUse, circumstances, channel,
                idempotencyKey, firearmId);
    }
}
