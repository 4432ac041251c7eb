package org.armstrace.registry;

/**
 * A serial search: the serial as read (with {@code ?} or {@code *} for unreadable positions) and
 * optional filters. Make, type and calibre accept any spelling that reference data knows. The
 * model is not a filter (models are written many ways) but ranks equally close serials: a weapon
 * of the model read comes first.
 */
public record SerialQuery(String serial, String make, String type, String calibre, int limit, Mode mode, String model) {

    /** EXACT looks up the normalised key only (the fast path); TOLERANT also tries partial and fuzzy matches. */
    public enum Mode { TOLERANT, EXACT }

    public SerialQuery(String serial, String make, String type, String calibre, int limit) {
        this(serial, make, type, calibre, limit, Mode.TOLERANT);
    }

    public SerialQuery(String serial, String make, String type, String calibre, int limit, Mode mode) {
        this(serial, make, type, calibre, limit, mode, null);
    }

    public static final int MAX_LIMIT = 100;
    /** A query longer than this is not a serial number; refused rather than cut. */
    public static final int MAX_INPUT = 200;

    public static SerialQuery of(String serial) {
        return new SerialQuery(serial, null, null, null, 20);
    }
}
