package org.armstrace.backup;

import static org.assertj.core.api.Assertions.assertThat;

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
}
