package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsCertificateTest {

    @TempDir
    Path data;

    @Test
    void the_first_start_generates_a_keystore_for_the_host_that_only_its_owner_can_read() throws Exception {
        var keystore = TlsCertificate.ensure(data.resolve("tls"), "armstrace.police.example");

        assertThat(keystore.generated()).isTrue();
        assertThat(keystore.file()).isEqualTo(data.resolve("tls/armstrace.p12"));
        assertThat(Files.readString(data.resolve("tls/keystore-password")).strip()).isEqualTo(keystore.password());
        for (Path file : List.of(keystore.file(), data.resolve("tls/keystore-password"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        var certificate = TlsCertificate.load(keystore.file(), keystore.password());
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=armstrace.police.example");
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(2, "armstrace.police.example"),
                List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // TLS server
        assertThat(keystore.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(data.resolve("tls")).isDirectoryNotContaining(p -> p.toString().endsWith(".tmp"));
    }

    @Test
    void the_second_start_reuses_the_keystore_so_clients_keep_trusting_it() throws Exception {
        var first = TlsCertificate.ensure(data.resolve("tls"), "armstrace.police.example");
        byte[] bytes = Files.readAllBytes(first.file());

        var second = TlsCertificate.ensure(data.resolve("tls"), "another-name");

        assertThat(second.generated()).isFalse();
        assertThat(second.password()).isEqualTo(first.password());
        assertThat(second.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
        assertThat(Files.readAllBytes(second.file())).isEqualTo(bytes);
    }

    @Test
    void localhost_is_named_once_when_it_is_the_host_name() {
        assertThat(TlsCertificate.names("LocalHost")).containsExactly("localhost");
        assertThat(TlsCertificate.names(" ")).containsExactly("localhost");
    }
}
