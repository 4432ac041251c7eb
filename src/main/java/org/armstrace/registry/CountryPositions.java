package org.armstrace.registry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * A representative position for each country ({@code reference/country-positions.csv}): where a
 * map draws a country that stands for a place, such as the country of manufacture or of import
 * on a weapon's route. Reference data that does not change, so it is read from the file, not the graph.
 */
@Component
public class CountryPositions {

    public record Position(double latitude, double longitude) {
    }

    private final Map<String, Position> byCode = new HashMap<>();

    CountryPositions() {
        for (CSVRecord r : ReferenceDataImport.read("reference/country-positions.csv")) {
            byCode.put(r.get("code"), new Position(Double.parseDouble(r.get("latitude")),
                    Double.parseDouble(r.get("longitude"))));
        }
    }

    /** The country's position by its ISO 3166-1 alpha-2 code, in any case; empty for unknown codes and null. */
    public Optional<Position> of(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }
}
