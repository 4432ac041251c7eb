package org.armstrace.recovery;

/**
 * Where a recovery happened.
 *
 * @param latitude       WGS 84 degrees
 * @param longitude      WGS 84 degrees
 * @param accuracyMetres the device's stated accuracy, if the position came from it
 * @param method         how the position was obtained
 * @param municipality   municipality code (home country), chosen or derived from the position; may be null
 */
public record Place(double latitude, double longitude, Double accuracyMetres, Method method, String municipality) {

    public enum Method {
        /** The tablet's geolocation. */
        DEVICE,
        /** Picked on the map by the officer. */
        MAP,
        /** Only the municipality is known; the position is its seat. */
        MUNICIPALITY
    }

    public Place {
        if (!Double.isFinite(latitude) || !Double.isFinite(longitude) || latitude < -90 || latitude > 90
                || longitude < -180 || longitude > 180) {
            throw new RecoveryRejected("recovery.bad-coordinates");
        }
        if (accuracyMetres != null && (!Double.isFinite(accuracyMetres) || accuracyMetres < 0)) {
            accuracyMetres = null;
        }
        if (method == null) {
            throw new RecoveryRejected("recovery.no-place");
        }
    }
}
