package org.armstrace.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.armstrace.base.Sha256;
import org.armstrace.graph.CypherParams;
import org.armstrace.graph.GraphProperties;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of weapons and their markings. The image is kept as a file named by its SHA-256 under
 * {@code <data dir>/photos} (the graph would bloat with blobs); the graph keeps a {@code :Photo}
 * with the hash, so a file changed on disk is detected when it is served. Photos are never
 * deleted. Only JPEG, PNG and WebP are accepted, recognised by their content, not their name.
 */
@Service
public class Photos {

    public static final int MAX_BYTES = 15 * 1024 * 1024;

    public record Photo(String id, String firearmId, String sha256, String contentType, long size, String fileName,
                        String caption, String by, Instant recordedAt, String source) {
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private final Path root;

    Photos(Neo4jClient neo4j, AuditLog audit, GraphProperties graph) {
        this.neo4j = neo4j;
        this.audit = audit;
        this.root = graph.dataDir().resolve("photos");
    }

    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional
    public Photo attach(String firearmId, byte[] content, String fileName, String caption, Provenance provenance) {
        if (content == null || content.length == 0) {
            throw new IllegalArgumentException("The photo is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("A photo may be at most 15 MB");
        }
        String type = imageType(content).orElseThrow(() ->
                new IllegalArgumentException("Only JPEG, PNG or WebP photos are accepted"));
        String sha = Sha256.hex(content);
        store(sha, content);
        String id = UUID.randomUUID().toString();
        long made = neo4j.query("""
                        MATCH (f:Firearm {id: $firearm})
                        CREATE (p:Photo {id: $id, sha256: $sha, contentType: $type, size: $size, fileName: $name,
                                caption: $caption, by: $by, recordedAt: $now, source: $source,
                                confidence: $confidence})-[:DEPICTS]->(f)
                        RETURN count(*) AS n
                        """)
                .bindAll(CypherParams.of("firearm", firearmId, "id", id, "sha", sha, "type", type,
                        "size", (long) content.length, "name", fileName == null ? null : fileName.strip(),
                        "caption", caption == null || caption.isBlank() ? null : caption.strip(),
                        "by", AuditLog.currentActor(), "now", ZonedDateTime.now(ZoneOffset.UTC),
                        "source", provenance.source(), "confidence", provenance.confidence().name()))
                .fetchAs(Long.class).one().orElse(0L);
        if (made == 0) {
            throw new IllegalArgumentException("No firearm " + firearmId);
        }
        audit.record("photo.attached", List.of("Photo:" + id, "Firearm:" + firearmId), sha);
        return list(firearmId).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Photo> list(String firearmId) {
        return neo4j.query("MATCH (p:Photo)-[:DEPICTS]->(:Firearm {id: $id}) RETURN p ORDER BY p.recordedAt")
                .bind(firearmId).to("id").fetchAs(Photo.class).mappedBy((t, r) -> {
                    Node p = r.get("p").asNode();
                    return new Photo(p.get("id").asString(), firearmId, p.get("sha256").asString(),
                            p.get("contentType").asString(), p.get("size").asLong(), p.get("fileName").asString(null),
                            p.get("caption").asString(null), p.get("by").asString(""),
                            p.get("recordedAt").asZonedDateTime().toInstant(), p.get("source").asString(""));
                }).all().stream().toList();
    }

    /** The image bytes, checked against the hash recorded when it was attached. */
    @PreAuthorize("isAuthenticated()")
    public byte[] content(Photo photo) {
        try {
            byte[] bytes = Files.readAllBytes(file(photo.sha256()));
            if (!Sha256.hex(bytes).equals(photo.sha256())) {
                throw new IllegalStateException("Photo file " + photo.sha256() + " was changed on disk");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Photo file " + photo.sha256() + " cannot be read", e);
        }
    }

    private void store(String sha, byte[] content) {
        Path target = file(sha);
        if (Files.exists(target)) {
            return; // the same image again: content-addressed, so it is already there
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), sha, ".part");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The photo could not be stored", e);
        }
    }

    private Path file(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha);
    }

    /** JPEG, PNG or WebP by magic number; anything else (including renamed files) is refused. */
    static Optional<String> imageType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }


}
