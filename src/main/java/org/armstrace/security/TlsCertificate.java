package org.armstrace.security;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate an installation serves until it is given a real one: generated once
 * into {@code <data dir>/tls/armstrace.p12} (a PKCS#12 keystore) with its password in
 * {@code keystore-password} beside it, both readable only by their owner, and reused on every
 * later start, so that browsers and API clients that were told to trust it keep trusting it.
 */
final class TlsCertificate {

    static final String FILE = "armstrace.p12";
    static final String PASSWORD_FILE = "keystore-password";
    static final String ALIAS = "armstrace";
    /** Long enough that a forgotten installation keeps working; a real certificate replaces it anyway. */
    private static final Duration VALIDITY = Duration.ofDays(825);

    /** The keystore, its password, and whether this start created it (then its fingerprint is news). */
    record Keystore(Path file, String password, boolean generated, String sha256Fingerprint) {
    }

    private TlsCertificate() {
    }

    /**
     * The keystore in {@code dir}, generated for {@code hostName} (plus {@code localhost} and
     * 127.0.0.1) when there is none yet.
     */
    static Keystore ensure(Path dir, String hostName) throws IOException, GeneralSecurityException {
        Path file = dir.resolve(FILE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            return new Keystore(file, password, false, fingerprint(load(file, password)));
        }
        createPrivateDirectory(dir);
        String password = randomPassword();
        KeyPair keys = keyPair();
        X509Certificate certificate = selfSigned(keys, names(hostName));
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
        // The password first, the keystore last and by an atomic move: a keystore on disk always has its password.
        writePrivate(passwordFile, out -> out.write((password + "\n").getBytes(StandardCharsets.UTF_8)));
        writePrivate(file, out -> store.store(out, password.toCharArray()));
        return new Keystore(file, password, true, fingerprint(certificate));
    }

    /** DNS names first (the host's, then localhost), then the loopback address. */
    static List<String> names(String hostName) {
        var names = new LinkedHashSet<String>();
        if (hostName != null && !hostName.isBlank()) {
            names.add(hostName.strip().toLowerCase(Locale.ROOT));
        }
        names.add("localhost");
        return new ArrayList<>(names);
    }

    /** The machine's own name, as the users' browsers will most likely address it. */
    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    static X509Certificate load(Path file, String password) throws IOException, GeneralSecurityException {
        var store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        var alias = store.aliases().nextElement();
        return (X509Certificate) store.getCertificate(alias);
    }

    /** As browsers show it: upper-case hex pairs separated by colons. */
    static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        // P-256: every browser and TLS client accepts it, and generating it takes milliseconds, not seconds.
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, List<String> dnsNames) throws GeneralSecurityException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, dnsNames.getFirst())
                .addRDN(BCStyle.O, "ArmsTrace (self-signed)").build();
        Instant now = Instant.now();
        var altNames = new ArrayList<GeneralName>();
        dnsNames.forEach(n -> altNames.add(new GeneralName(GeneralName.dNSName, n)));
        altNames.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        try {
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(altNames.toArray(GeneralName[]::new)))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("The self-signed certificate could not be built", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException nonPosix) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException exists) {
            // a file, not a directory: the write below says so
        }
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException, GeneralSecurityException;
    }

    /** Written beside the target with owner-only permissions from the start, then moved into place. */
    private static void writePrivate(Path target, Content content) throws IOException, GeneralSecurityException {
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException nonPosix) {
            temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        }
        try (var out = Files.newOutputStream(temp)) {
            content.writeTo(out);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
