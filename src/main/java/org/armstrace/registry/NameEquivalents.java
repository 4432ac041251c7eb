package org.armstrace.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Groups of given names that are one name across Albanian and Serbian sources and their short
 * forms ({@code Gjergj}/{@code Đorđe}/{@code Georgije}, {@code Gjon}/{@code Jovan}), read from
 * {@code registry/name-equivalents.txt}, where the groups and their sources are documented. Letter
 * folding ({@link PersonNames#fold}) already joins spellings of one sound; these are the names it
 * cannot join because they are spelled differently, not just written differently.
 */
final class NameEquivalents {

    private static final Map<String, String> CANONICAL = load("/registry/name-equivalents.txt");

    private NameEquivalents() {
    }

    /** The group's first name, folded, for a folded name in a group; the name itself otherwise. */
    static String canonical(String folded) {
        return CANONICAL.getOrDefault(folded, folded);
    }

    /** Whether two different folded names stand for one name. */
    static boolean equivalent(String foldedA, String foldedB) {
        return canonical(foldedA).equals(canonical(foldedB));
    }

    static Map<String, String> load(String resource) {
        var canonical = new HashMap<String, String>();
        try (InputStream in = NameEquivalents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String first = null;
                for (String name : line.split(",")) {
                    String folded = PersonNames.fold(name.strip());
                    if (folded.isEmpty()) {
                        continue;
                    }
                    first = first == null ? folded : first;
                    String was = canonical.putIfAbsent(folded, first);
                    // A name in two groups would silently join the groups; the file must say which one it means.
                    if (was != null && !was.equals(first)) {
                        throw new IllegalStateException(resource + " line " + n + ": " + name.strip() + " is in two groups");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(canonical);
    }
}
