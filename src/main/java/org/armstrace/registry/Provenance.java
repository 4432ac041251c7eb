package org.armstrace.registry;

/**
 * Where a fact came from and how sure we are of it.
 *
 * @param source     e.g. {@code user:alice}, {@code import:2026-11-23-registry.csv#row=812}, {@code partner:AL-IN-2026-000031}
 * @param confidence HIGH (documents, registry), MEDIUM (officer's reading), LOW (hearsay, illegible)
 */
public record Provenance(String source, Confidence confidence) {

    public enum Confidence { HIGH, MEDIUM, LOW }

    public Provenance {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("Every fact needs a source");
        }
        if (confidence == null) {
            confidence = Confidence.MEDIUM;
        }
    }
}
