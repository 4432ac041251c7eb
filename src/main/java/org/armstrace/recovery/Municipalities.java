package org.armstrace.recovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.armstrace.base.BasemapFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home country's municipalities, from the offline basemap the map also draws
 * ({@code META-INF/resources/geo/<country>-municipalities.geojson}, one polygon or multipolygon
 * per municipality with its names). A position is placed in the municipality whose boundary
 * contains it; the municipality's centre stands in for a position when only the municipality is
 * known. A country without a file simply has no municipalities: recoveries still work.
 */
@Component
public class Municipalities {

    public record Municipality(String code, String nameSq, String nameSr, String nameEn, double centreLatitude,
                               double centreLongitude) {

        /** The name in the user's language: Albanian, Serbian (Latin) or English. */
        public String name(Locale locale) {
            return switch (locale.getLanguage()) {
                case "sq" -> nameSq;
                case "sr" -> nameSr;
                default -> nameEn;
            };
        }
    }

    /** Rings of one municipality as [lon, lat] arrays: outer rings and holes, even-odd rule. */
    private record Shape(Municipality municipality, List<double[][]> rings, double[] box) {
    }

    private final String country;
    private final List<Shape> shapes;

    Municipalities(@Value("${armstrace.home-country:XK}") String country) {
        this.country = country.toUpperCase(Locale.ROOT);
        this.shapes = load(BasemapFiles.WEB_ROOT + BasemapFiles.municipalities(this.country));
    }

    public String country() {
        return country;
    }

    public List<Municipality> all() {
        return shapes.stream().map(Shape::municipality).toList();
    }

    public Optional<Municipality> find(String code) {
        return shapes.stream().map(Shape::municipality).filter(m -> m.code().equals(code)).findFirst();
    }

    /** The municipality containing the position, if it is in the home country. */
    public Optional<Municipality> at(double latitude, double longitude) {
        return shapes.stream()
                .filter(s -> longitude >= s.box()[0] && latitude >= s.box()[1] && longitude <= s.box()[2]
                        && latitude <= s.box()[3])
                .filter(s -> contains(s.rings(), longitude, latitude))
                .map(Shape::municipality).findFirst();
    }

    private static boolean contains(List<double[][]> rings, double x, double y) {
        boolean inside = false;
        for (double[][] ring : rings) {
            for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                double xi = ring[i][0];
                double yi = ring[i][1];
                double xj = ring[j][0];
                double yj = ring[j][1];
                if (yi > y != yj > y && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private static List<Shape> load(String resource) {
        try (InputStream in = Municipalities.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            var shapes = new ArrayList<Shape>();
            for (JsonNode feature : root.path("features")) {
                JsonNode p = feature.path("properties");
                JsonNode g = feature.path("geometry");
                var rings = new ArrayList<double[][]>();
                if (g.path("type").asString().equals("Polygon")) {
                    g.path("coordinates").forEach(ring -> rings.add(ring(ring)));
                } else if (g.path("type").asString().equals("MultiPolygon")) {
                    g.path("coordinates").forEach(poly -> poly.forEach(ring -> rings.add(ring(ring))));
                }
                if (rings.isEmpty()) {
                    continue;
                }
                double[] box = {180, 90, -180, -90};
                for (double[][] ring : rings) {
                    for (double[] pt : ring) {
                        box[0] = Math.min(box[0], pt[0]);
                        box[1] = Math.min(box[1], pt[1]);
                        box[2] = Math.max(box[2], pt[0]);
                        box[3] = Math.max(box[3], pt[1]);
                    }
                }
                double[] centre = centre(rings.stream().max(Comparator.comparingDouble(r -> Math.abs(area(r)))).orElseThrow());
                shapes.add(new Shape(new Municipality(p.path("code").asString(), p.path("name_sq").asString(),
                        p.path("name_sr").asString(), p.path("name_en").asString(), centre[1], centre[0]), rings, box));
            }
            shapes.sort(Comparator.comparing(s -> s.municipality().nameSq()));
            return List.copyOf(shapes);
        } catch (IOException e) {
            throw new UncheckedIOException("Municipality boundaries " + resource + " cannot be read", e);
        }
    }

    private static double[][] ring(JsonNode ring) {
        double[][] pts = new double[ring.size()][];
        for (int i = 0; i < ring.size(); i++) {
            pts[i] = new double[]{ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
        }
        return pts;
    }

    private static double area(double[][] ring) {
        double a = 0;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
        }
        return a / 2;
    }

    /** Area centroid of the largest ring: inside for the compact shapes municipalities have. */
    private static double[] centre(double[][] ring) {
        double a = area(ring);
        double cx = 0;
        double cy = 0;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
            cx += (ring[j][0] + ring[i][0]) * f;
            cy += (ring[j][1] + ring[i][1]) * f;
        }
        return a == 0 ? ring[0] : new double[]{cx / (6 * a), cy / (6 * a)};
    }
}
