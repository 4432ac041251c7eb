package org.armstrace.backup;

import java.io.InputStream;
import java.util.List;
import java.util.SortedMap;
import org.armstrace.graph.EmbeddedStoreFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last entry of a backup archive, {@value #NAME}: what the archive holds and how to check it.
 *
 * @param format            this layout's version; a restore refuses another
 * @param application       the ArmsTrace version that wrote it
 * @param neo4j             the Neo4j version whose dump it holds (a dump loads into the same or a newer one)
 * @param createdAt         when the backup was taken (ISO-8601, UTC)
 * @param database          the name of the dumped database
 * @param entries           every other entry of the archive, with its size and SHA-256
 * @param nodes             nodes in the database when it was dumped
 * @param relationships     relationships in the database when it was dumped
 * @param labels            nodes per label
 * @param relationshipTypes relationships per type
 * @param auditKey          where the audit key file was, and its fingerprint; the key itself is not in the archive
 */
record Manifest(int format, String application, String neo4j, String createdAt, String database, List<Entry> entries,
                long nodes, long relationships, SortedMap<String, Long> labels,
                SortedMap<String, Long> relationshipTypes, AuditKey auditKey) {

    static final String NAME = "manifest.json";
    static final int FORMAT = 1;

    /** One file of the archive: its entry name, size in bytes and SHA-256 (lower-case hex). */
    record Entry(String name, long size, String sha256) {
    }

    /**
     * The audit key file, noted but never copied: the archive leaves the machine, and with the key
     * beside the events anyone holding the archive could rewrite the chain so that it verifies.
     *
     * @param path    where the key file was configured
     * @param sha256  SHA-256 of its content, to recognise the right key on restore; null when there was none
     * @param advice  what the operator must do with it
     */
    record AuditKey(String path, String sha256, String advice) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    EmbeddedStoreFiles.Counts counts() {
        return new EmbeddedStoreFiles.Counts(nodes, relationships, labels, relationshipTypes);
    }

    /** As bytes: a few kilobytes, and a mapper writing to the archive's stream would close it. */
    byte[] bytes() {
        return JSON.writeValueAsBytes(this);
    }

    /** @throws Unreadable when the text is not a manifest */
    static Manifest read(InputStream in) {
        try {
            Manifest m = JSON.readValue(in, Manifest.class);
            if (m == null || m.entries() == null || m.labels() == null || m.relationshipTypes() == null) {
                throw new Unreadable("incomplete");
            }
            return m;
        } catch (JacksonException e) {
            throw new Unreadable(e.getOriginalMessage());
        }
    }

    static final class Unreadable extends RuntimeException {
        Unreadable(String why) {
            super("The archive's " + NAME + " cannot be read (" + why + ")");
        }
    }
}
