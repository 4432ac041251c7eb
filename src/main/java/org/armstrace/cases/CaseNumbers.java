package org.armstrace.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Case numbers: one counter per year ({@code :CaseCounter}), written in the caller's transaction.
 * Incrementing takes the counter's write lock, which is held until that transaction ends, so
 * concurrent creations queue up one behind the other, and a creation that rolls back rolls its number
 * back too: numbers are unique and without gaps.
 *
 * <p>The format ({@code armstrace.cases.number-format}) names {@code {year}} and {@code {seq:000000}}
 * (as many zeros as digits); both are required, or two years would share numbers.
 */
@Component
class CaseNumbers {

    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(0+))?}");

    private final Neo4jClient neo4j;
    private final String format;
    private final int digits;
    private final ZoneId zone;

    CaseNumbers(Neo4jClient neo4j, @Value("${armstrace.cases.number-format:FFP-{year}-{seq:000000}}") String format,
                @Value("${armstrace.cases.zone:Europe/Belgrade}") ZoneId zone) {
        Matcher m = SEQ.matcher(format);
        if (!format.contains("{year}") || !m.find()) {
            throw new IllegalStateException("armstrace.cases.number-format must name {year} and {seq}: " + format);
        }
        this.neo4j = neo4j;
        this.format = format;
        this.digits = m.group(1) == null ? 1 : m.group(1).length();
        this.zone = zone;
    }

    /** The next number of the year {@code at} falls in (in the office's time zone). */
    String next(Instant at) {
        int year = at.atZone(zone).getYear();
        long seq = neo4j.query("""
                        MERGE (k:CaseCounter {year: $year})
                        ON CREATE SET k.value = 0
                        SET k.value = k.value + 1
                        RETURN k.value AS seq""")
                .bind(year).to("year").fetchAs(Long.class).one().orElseThrow();
        return format(year, seq);
    }

    /**
     * Gives back {@code number} when it is still the newest of its year (a creation that found, under
     * the counter's lock, that it had nothing to create); the lock is the caller's already.
     */
    void giveBack(Instant at, String number) {
        int year = at.atZone(zone).getYear();
        neo4j.query("""
                        MATCH (k:CaseCounter {year: $year})
                        WITH k, $number AS taken
                        WHERE NOT EXISTS { MATCH (:Case {number: taken}) }
                        SET k.value = k.value - 1""")
                .bindAll(Map.of("year", year, "number", number)).run();
    }

    String format(int year, long seq) {
        String padded = String.format("%0" + digits + "d", seq);
        return SEQ.matcher(format.replace("{year}", Integer.toString(year))).replaceFirst(Matcher.quoteReplacement(padded));
    }

    ZoneId zone() {
        return zone;
    }
}
