package org.armstrace.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.armstrace.base.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The secret the audit trail is authenticated with (HMAC-SHA-256). It is kept outside the
 * database, in {@code armstrace.audit.key-file} (default {@code <data dir>/audit.key}): someone
 * with only the Bolt password or the store files cannot compute a valid event. Generated once,
 * 32 random bytes written as hex, readable only by its owner; never logged.
 *
 * <p>A missing key is generated only when nothing has been authenticated yet. Once the chain holds
 * keyed events (or anchors exist), a new key would make every one of them look forged, and a
 * silently regenerated key would hide that the old one was lost or removed: the start is refused.
 */
@Component
class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);
    private static final String ALGORITHM = "HmacSHA256";
    static final int BYTES = 32;

    private final SecretKeySpec key;

    @Autowired
    AuditKey(AuditSettings settings, Neo4jClient neo4j) {
        this(loadOrCreate(settings.keyFile(),
                () -> chainHoldsKeyedEvents(neo4j) || AnchorFile.holdsAnchors(settings.anchorsFile())));
    }

    AuditKey(byte[] raw) {
        if (raw.length != BYTES) {
            throw new IllegalArgumentException("An audit key has " + BYTES + " bytes");
        }
        this.key = new SecretKeySpec(raw, ALGORITHM);
    }

    /** Whether the trail already depends on a key, so a missing one must not be replaced. */
    interface TrailCheck {
        boolean needsExistingKey();
    }

    static byte[] loadOrCreate(Path file, TrailCheck trail) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            if (trail.needsExistingKey()) {
                throw new StartupProblem("The audit key file " + file + " is missing, but the audit trail already "
                        + "holds events or anchors authenticated with a key.",
                        "Restore audit.key from its backup to " + file + " (or point ARMSTRACE_AUDIT_KEY_FILE at it). "
                                + "A new key is not generated: the existing trail could no longer be verified.", null);
            }
            return create(file);
        } catch (IOException e) {
            throw new StartupProblem("The audit key file " + file + " could not be read or written: " + e.getMessage(),
                    "Make its directory writable by this user, or set ARMSTRACE_AUDIT_KEY_FILE.", e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9a-fA-F]{" + (2 * BYTES) + "}")) {
            throw new StartupProblem("The audit key file " + file + " does not hold a key (" + (2 * BYTES)
                    + " hex digits).", "Restore audit.key from its backup.", null);
        }
        warnIfReadableByOthers(file);
        return HexFormat.of().parseHex(text);
    }

    private static byte[] create(Path file) throws IOException {
        byte[] raw = new byte[BYTES];
        new SecureRandom().nextBytes(raw);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Written to an owner-only temporary file and moved into place: never a half-written key
        // after a crash, and no moment at which others can read it.
        Path temp;
        try {
            temp = Files.createTempFile(dir, ".audit-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException nonPosix) {
            temp = Files.createTempFile(dir, ".audit-key", ".tmp");
        }
        try {
            Files.writeString(temp, HexFormat.of().formatHex(raw) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        log.warn("Generated a new audit key in {}. Back it up separately from the database: without it the "
                + "audit trail cannot be verified, and whoever holds it and the database can rewrite the trail.", file);
        return raw;
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                log.warn("The audit key file {} can be read by other users ({}); make it 0600.", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException nonPosix) {
            // Windows: access is governed by ACLs, which the administrator sets.
        }
    }

    /** Whether the newest event was written with a key (events carry {@code scheme}; legacy ones do not). */
    static boolean chainHoldsKeyedEvents(Neo4jClient neo4j) {
        return neo4j.query("""
                        MATCH (c:AuditChain {id: 'audit'})
                        MATCH (e:AuditEvent {seq: c.seq})
                        RETURN e.scheme IS NOT NULL AS keyed
                        """)
                .fetchAs(Boolean.class).one().orElse(false);
    }

    /** HMAC-SHA-256 of {@code message}, as 64 lower-case hex digits. */
    String mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
    }

    /** Compares in constant time, as a MAC check should. */
    boolean matches(byte[] message, String expectedMac) {
        return MessageDigest.isEqual(mac(message).getBytes(StandardCharsets.US_ASCII),
                expectedMac.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "AuditKey[hidden]";
    }
}
