package org.armstrace.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a restore may write into the data directory: only what a backup carries. An archive whose
 * manifest lists the audit key, the TLS keystore or the store itself (all with valid hashes, since
 * the manifest is not signed) must not get them written.
 */
class DataFilesTest {

    @Test
    void a_restore_writes_only_content_stores_and_the_anchors_never_the_keys_or_the_store() {
        assertThat(DataFiles.carried("photos/ab/abcdef.png")).isTrue();
        assertThat(DataFiles.carried("submissions/12/1234.json")).isTrue();
        assertThat(DataFiles.carried("audit-anchors.log")).isTrue();

        assertThat(DataFiles.carried("audit.key")).isFalse();
        assertThat(DataFiles.carried("tls/armstrace.p12")).isFalse();
        assertThat(DataFiles.carried("tls/keystore-password")).isFalse();
        assertThat(DataFiles.carried("graph/data/databases/neo4j/neostore")).isFalse();
        assertThat(DataFiles.carried("replaced-20261206T120000/photos/ab/abcdef.png")).isFalse();
        assertThat(DataFiles.carried("photos")).isFalse();
    }

    /**
     * A content store added under the data directory and forgotten here would be missing from every
     * backup: case attachments and case-file productions were, until this test.
     */
    @Test
    void every_content_store_the_application_keeps_in_the_data_directory_is_in_the_backup() throws IOException {
        var directory = Pattern.compile("\\.dataDir\\(\\)\\.resolve\\(\"([^\"]+)\"\\)");
        var stores = new TreeSet<String>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                if (code.contains("new ContentStore(")) {
                    directory.matcher(code).results().forEach(m -> stores.add(m.group(1)));
                }
            }
        }
        assertThat(stores).contains("photos", "imports", "documents");
        assertThat(DataFiles.CONTENT).containsAll(stores);
    }
}
