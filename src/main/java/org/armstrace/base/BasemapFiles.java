package org.armstrace.base;

import java.util.Locale;

/**
 * Where the offline basemap's GeoJSON lives: under {@link #WEB_ROOT} on the class path, which the
 * browser loads it from and the server reads it from (to place a position in its municipality).
 */
public final class BasemapFiles {

    /** The class-path folder served to browsers as the application's root. */
    public static final String WEB_ROOT = "META-INF/resources/";

    private BasemapFiles() {
    }

    /** The country's municipality boundaries, relative to the web root (the file may not exist). */
    public static String municipalities(String country) {
        return "geo/" + country.toLowerCase(Locale.ROOT) + "-municipalities.geojson";
    }
}
