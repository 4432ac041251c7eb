package org.armstrace.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.armstrace.base.Sha256;

/**
 * The audit key file is noted in a backup, never copied into it: whoever holds a key can rewrite the
 * audit chain so that it still verifies, and the archive travels to other machines and media. The
 * operator keeps a copy of the key elsewhere (README, "Backup and restore"); the fingerprint lets a
 * restore say whether the key put back is the right one.
 */
final class AuditKeyNote {

    /** The audit key's default place, when {@value #SETTING} is not set. */
    static final String DEFAULT_NAME = "audit.key";
    static final String SETTING = "armstrace.audit.key-file";

    private AuditKeyNote() {
    }

    static Manifest.AuditKey of(Path keyFile) {
        String sha = fingerprint(keyFile);
        return new Manifest.AuditKey(keyFile.toString(), sha, sha == null
                ? "There was no audit key file at backup time."
                : "Not in this archive: restore the copy of " + keyFile.getFileName() + " kept apart from the backups, "
                + "whose SHA-256 is the one above.");
    }

    /** SHA-256 of the file, or null when there is none. */
    static String fingerprint(Path keyFile) {
        if (!Files.isRegularFile(keyFile)) {
            return null;
        }
        try {
            return Sha256.hex(Files.readAllBytes(keyFile));
        } catch (IOException e) {
            throw new UncheckedIOException("The audit key file " + keyFile + " cannot be read", e);
        }
    }

    /** After a restore: what the operator must still do about the key, in one line. */
    static String afterRestore(Manifest.AuditKey noted, Path keyFile) {
        if (noted == null || noted.sha256() == null) {
            return "The backed-up installation had no audit key file.";
        }
        String present = fingerprint(keyFile);
        if (present == null) {
            return "Audit key: copy the key file kept apart from the backups (SHA-256 " + noted.sha256() + ") to "
                    + keyFile + " before starting ArmsTrace; without it the audit chain cannot be verified.";
        }
        if (present.equals(noted.sha256())) {
            return "Audit key: " + keyFile + " is the key of the backed-up installation.";
        }
        return "WARNING: the audit key file " + keyFile + " is NOT the key of the backed-up installation (SHA-256 "
                + noted.sha256() + "); put that key back before starting ArmsTrace, or the audit chain will not verify.";
    }
}
