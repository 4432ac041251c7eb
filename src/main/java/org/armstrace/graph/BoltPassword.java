package org.armstrace.graph;

import org.armstrace.base.StartupProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded Bolt password: the configured one, else the one generated on first start and kept
 * in {@code <data dir>/neo4j-password}, readable only by its owner. Never a default in code.
 */
final class BoltPassword {

    private BoltPassword() {
    }

    static String resolve(GraphProperties properties) {
        if (properties.hasPassword()) {
            return properties.password();
        }
        Path file = properties.passwordFile();
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String generated = generate();
            try {
                // Created with owner-only permissions from the start: no window where others can read it.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException nonPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            return generated;
        } catch (FileAlreadyExistsException raced) {
            return resolve(properties);
        } catch (IOException e) {
            throw new StartupProblem(
                    "The Neo4j password file " + file + " could not be read or written: " + e.getMessage(),
                    "Make the data directory writable by this user, or set ARMSTRACE_NEO4J_PASSWORD.", e);
        }
    }

    static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
