package org.armstrace.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/**
 * Server-side API of the {@code <armstrace-map>} custom element (src/main/frontend/armstrace-map.js),
 * a Leaflet (BSD-2-Clause) map whose basemap is vector boundaries shipped with the application,
 * so that it works without any tile server or internet connection.
 */
@Tag("armstrace-map")
@NpmPackage(value = "leaflet", version = "1.9.4")
@JsModule("./armstrace-map.js")
@CssImport("leaflet/dist/leaflet.css")
public class MapView extends Component implements HasSize {

    /** Credit the boundary data needs wherever it is shown (see README, "Third-party data"). */
    public static final String ATTRIBUTION = "Boundaries © OpenStreetMap contributors (ODbL) via geoBoundaries; "
            + "Natural Earth";

    /**
     * A GeoJSON layer loaded by the browser from the application.
     *
     * @param url          relative to the page, e.g. {@code geo/xk-municipalities.geojson}
     * @param nameProperty the feature property shown as a tooltip, or null
     * @param fit          zoom to this layer when it has loaded
     */
    public record Layer(String url, String nameProperty, boolean fit, Map<String, Object> style) {
        public Map<String, Object> toJson() {
            return Map.of("url", url, "nameProperty", nameProperty == null ? "" : nameProperty,
                    "tooltips", nameProperty != null, "fit", fit, "style", style);
        }
    }

    /** The layers and the optional tile server of one map ({@link Basemaps}). */
    public record Basemap(List<Layer> layers, String tileUrl) {
    }

    public record Point(double lat, double lon, String label) {
    }

    /** A line through the stops, drawn with an arrow at its last stop; dashed where a stop is only a country. */
    public record Line(List<double[]> stops, String label, boolean approximate) {
    }

    public MapView() {
        setWidthFull();
        setHeight("320px");
        getElement().setAttribute("title", ATTRIBUTION);
    }

    /** Layer URLs are made absolute here: relative ones would resolve against the route's path. */
    public void setLayers(List<Layer> layers) {
        var request = VaadinRequest.getCurrent();
        String root = request == null ? "" : request.getContextPath();
        getElement().setPropertyList("layers", layers.stream().map(l -> l.url().startsWith("/") ? l
                : new Layer(root + "/" + l.url(), l.nameProperty(), l.fit(), l.style())).map(Layer::toJson).toList());
    }

    public void setBasemap(Basemap basemap) {
        setLayers(basemap.layers());
        setTileUrl(basemap.tileUrl());
    }

    /** The one highlighted position, or none. */
    public void setMarker(Double lat, Double lon) {
        if (lat == null || lon == null) {
            getElement().setPropertyJson("marker", tools.jackson.databind.node.NullNode.getInstance());
        } else {
            getElement().setPropertyMap("marker", Map.of("lat", lat, "lon", lon));
        }
    }

    public void setPoints(List<Point> points) {
        getElement().setPropertyList("points", points);
    }

    public void setLines(List<Line> lines) {
        getElement().setPropertyList("lines", lines);
    }

    /** Whether a tap on the map picks a position ({@link PickEvent}). */
    public void setPicking(boolean picking) {
        getElement().setProperty("picking", picking);
    }

    /** An optional raster tile URL template ({@code https://tiles.example/{z}/{x}/{y}.png}). */
    public void setTileUrl(String url) {
        getElement().setProperty("tileUrl", url == null ? "" : url);
    }

    public Registration addPickListener(ComponentEventListener<PickEvent> listener) {
        return addListener(PickEvent.class, listener);
    }

    @DomEvent("map-pick")
    public static class PickEvent extends ComponentEvent<MapView> {
        private final double lat;
        private final double lon;

        public PickEvent(MapView source, boolean fromClient, @EventData("event.detail.lat") double lat,
                         @EventData("event.detail.lon") double lon) {
            super(source, fromClient);
            this.lat = lat;
            this.lon = lon;
        }

        public double lat() {
            return lat;
        }

        public double lon() {
            return lon;
        }
    }
}
