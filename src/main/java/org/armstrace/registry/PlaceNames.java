package org.armstrace.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places of birth as one key whatever language wrote them: the municipalities' official Albanian,
 * Serbian and English names ({@code Prishtinë}/{@code Priština}/{@code Приштина},
 * {@code Ferizaj}/{@code Uroševac}), from the basemap files the recovery map already ships
 * ({@code META-INF/resources/geo/<country>-municipalities.geojson}, properties {@code name_sq},
 * {@code name_sr}, {@code name_en}). A place not in them is compared as written, folded.
 */
final class PlaceNames {

    private static final Map<String, String> KEYS = load();

    private PlaceNames() {
    }

    /** The municipality's code for a folded place name in any of its languages; the folded name otherwise. */
    static String key(String folded) {
        return folded == null ? null : KEYS.getOrDefault(folded, folded);
    }

    private static Map<String, String> load() {
        var keys = new HashMap<String, String>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/resources/geo/*-municipalities.geojson");
            var json = JsonMapper.builder().build();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    for (JsonNode f : json.readTree(in).path("features")) {
                        JsonNode p = f.path("properties");
                        String code = "@" + p.path("code").asString("");
                        for (String lang : new String[] {"name_sq", "name_sr", "name_en"}) {
                            String name = p.path(lang).asString("");
                            String k = String.join("", PersonNames.keys(name));
                            if (!k.isEmpty()) {
                                keys.putIfAbsent(k, code);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(keys);
    }
}
