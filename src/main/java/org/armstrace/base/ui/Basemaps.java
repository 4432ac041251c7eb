package org.armstrace.base.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.armstrace.base.BasemapFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The offline basemap every map draws, from the GeoJSON shipped in {@code META-INF/resources/geo/}:
 * the world's countries (for maps whose routes start far away), the region's countries, and the
 * home country's municipalities when that file exists. A raster tile server is optional
 * ({@code armstrace.map.tile-url}); without one the maps need no network at all.
 */
@Component
public class Basemaps {

    private final String municipalities;
    private final String tileUrl;

    Basemaps(@Value("${armstrace.home-country:XK}") String home, @Value("${armstrace.map.tile-url:}") String tileUrl) {
        String path = BasemapFiles.municipalities(home);
        this.municipalities = new ClassPathResource(BasemapFiles.WEB_ROOT + path).exists() ? path : null;
        this.tileUrl = tileUrl.isBlank() ? null : tileUrl.strip();
    }

    /** The layers, names in the user's language, zoomed to the home country (or the region without one). */
    public MapView.Basemap of(Locale locale, boolean world) {
        var layers = new ArrayList<MapView.Layer>();
        if (world) {
            layers.add(new MapView.Layer("geo/world-countries-110m.geojson", "name", false,
                    Map.of("color", "#9aa5b1", "weight", 0.5, "fillOpacity", 0.02)));
        }
        layers.add(new MapView.Layer("geo/region-countries.geojson", "name", municipalities == null,
                Map.of("color", "#607080", "weight", 1, "fillOpacity", 0.02)));
        if (municipalities != null) {
            String language = locale.getLanguage();
            layers.add(new MapView.Layer(municipalities, "name_" + (language.equals("sq") || language.equals("sr")
                    ? language : "en"), true, Map.of("color", "#1a3a6b", "weight", 1, "fillOpacity", 0.05)));
        }
        return new MapView.Basemap(List.copyOf(layers), tileUrl);
    }
}
