package org.armstrace.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.armstrace.base.ContentStore;
import org.armstrace.graph.CypherParams;
import org.armstrace.graph.GraphProperties;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.types.Node;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Photos of weapons and their markings. The image is kept as a file named by its SHA-256 under
 * {@code <data dir>/photos} (the graph would bloat with blobs); the graph keeps a {@code :Photo}
 * with the hash, so a file changed on disk is detected when it is served. Photos are never
 * deleted. Only JPEG, PNG and WebP are accepted, recognised by their content, not their name.
 */
@Service
public class Photos {

    /** A photo as attached; width and height are 0 where the image's header could not tell them. */
    public record Photo(String id, String firearmId, String sha256, String contentType, long size, String fileName,
                        String caption, String by, Instant recordedAt, String source, int width, int height) {
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private final ContentStore originals;
    private final ContentStore thumbnails;
    private final ContentStore documentSized;
    private final long maxBytes;

    Photos(Neo4jClient neo4j, AuditLog audit, GraphProperties graph,
           @Value("${armstrace.photos.max-file-size:20MB}") DataSize maxFileSize) {
        this.neo4j = neo4j;
        this.audit = audit;
        this.maxBytes = maxFileSize.toBytes();
        Path root = graph.dataDir().resolve("photos");
        this.originals = new ContentStore(root);
        this.thumbnails = new ContentStore(root.resolve("thumbnails"));
        this.documentSized = new ContentStore(root.resolve("document"));
    }

    /**
     * A photo checked and stored on disk but not yet attached to a weapon: a field officer's
     * upload while the recovery is still a draft. The file is content-addressed, so staging the
     * same image twice, or never attaching it, costs nothing but the file.
     */
    public record Staged(String sha256, String contentType, long size, String fileName, int width, int height) {
    }

    /** A refused image; {@link #key()} is the translation key of the reason, {@link #args()} its arguments. */
    public static class Refused extends IllegalArgumentException {
        private final String key;
        private final Object[] args;

        Refused(String key, String message, Object... args) {
            super(message);
            this.key = key;
            this.args = args.clone();
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /** The largest photo accepted, in bytes ({@code armstrace.photos.max-file-size}). */
    public long maxBytes() {
        return maxBytes;
    }

    /** The limit in whole megabytes, as the refusal names it. */
    public long maxMegabytes() {
        return maxBytes >> 20;
    }

    /** More pixels than any camera a police unit carries: a decompression bomb, not a photo. */
    static final long MAX_PIXELS = 120_000_000L;
    static final int MAX_SIDE = 20_000;
    static final int THUMBNAIL_SIDE = 320;
    /** Photos in documents sent abroad: sharp on an A4 page, small enough for partners' mail servers. */
    static final int DOCUMENT_SIDE = 1600;

    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional
    public Photo attach(String firearmId, byte[] content, String fileName, String caption, Provenance provenance) {
        return attach(firearmId, stage(content, fileName), caption, provenance);
    }

    /**
     * Checks an image and stores it with its thumbnail: JPEG, PNG or WebP by content, at most
     * {@code armstrace.photos.max-file-size} (20 MB by default), at most {@value #MAX_SIDE} pixels a side and 120 megapixels (read from the header,
     * before anything is decoded).
     */
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE','FIELD_OFFICER')")
    public Staged stage(byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw new Refused("photo.empty", "The photo is empty");
        }
        if (content.length > maxBytes) {
            throw new Refused("photo.too-large", "A photo may be at most " + maxMegabytes() + " MB", maxMegabytes());
        }
        String type = imageType(content).orElseThrow(() ->
                new Refused("photo.not-image", "Only JPEG, PNG or WebP photos are accepted"));
        int[] size = PhotoImages.dimensions(content, type)
                .orElseThrow(() -> new Refused("photo.unreadable", "The image cannot be read"));
        if (size[0] < 1 || size[1] < 1 || size[0] > MAX_SIDE || size[1] > MAX_SIDE
                || (long) size[0] * size[1] > MAX_PIXELS) {
            throw new Refused("photo.too-many-pixels", "The image claims " + size[0] + "×" + size[1] + " pixels");
        }
        // A photo whose header reads but whose pixels the JDK cannot decode (CMYK JPEG, WebP) is
        // kept without a thumbnail: refusing it would lose evidence.
        byte[] thumbnail = PhotoImages.thumbnail(content, type, size, THUMBNAIL_SIDE);
        String sha = originals.put(content);
        if (thumbnail != null) {
            thumbnails.put(sha, ".jpg", thumbnail);
            documentCopy(sha, content, type, size);
        }
        return new Staged(sha, type, content.length, fileName == null ? null : fileName.strip(), size[0], size[1]);
    }

    /** Attaches a staged photo to a weapon, in the caller's transaction. */
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional
    public Photo attach(String firearmId, Staged staged, String caption, Provenance provenance) {
        if (!originals.contains(staged.sha256(), "")) {
            throw new Refused("photo.missing", "Photo " + staged.sha256() + " was never stored");
        }
        String id = UUID.randomUUID().toString();
        long made = neo4j.query("""
                        MATCH (f:Firearm {id: $firearm})
                        CREATE (p:Photo {id: $id, sha256: $sha, contentType: $type, size: $size, fileName: $name,
                                width: $width, height: $height, caption: $caption, by: $by, recordedAt: $now,
                                source: $source, confidence: $confidence})-[:DEPICTS]->(f)
                        RETURN count(*) AS n
                        """)
                .bindAll(CypherParams.of("firearm", firearmId, "id", id, "sha", staged.sha256(),
                        "type", staged.contentType(), "size", staged.size(), "name", staged.fileName(),
                        "width", staged.width(), "height", staged.height(),
                        "caption", caption == null || caption.isBlank() ? null : caption.strip(),
                        "by", AuditLog.currentActor(), "now", ZonedDateTime.now(ZoneOffset.UTC),
                        "source", provenance.source(), "confidence", provenance.confidence().name()))
                .fetchAs(Long.class).one().orElse(0L);
        if (made == 0) {
            throw new IllegalArgumentException("No firearm " + firearmId);
        }
        audit.record("photo.attached", List.of("Photo:" + id, "Firearm:" + firearmId), staged.sha256());
        return list(firearmId).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * A small JPEG of the photo for galleries on a weak connection, or the original itself where
     * no thumbnail could be made (WebP, which the JDK cannot decode).
     */
    @PreAuthorize("isAuthenticated()")
    public byte[] thumbnail(String sha256) {
        return thumbnails.contains(sha256, ".jpg") ? thumbnails.derived(sha256, ".jpg") : originals.get(sha256);
    }

    /** A photo's bytes as a document embeds them, with their size in pixels as they will be shown. */
    public record DocumentImage(byte[] content, String contentType, int width, int height) {
    }

    /**
     * The photo for a document sent abroad: its pixels only, re-encoded (JPEG stays JPEG, PNG stays
     * PNG), turned upright by its EXIF orientation and at most {@value #DOCUMENT_SIDE} pixels a
     * side, so that no EXIF (the GPS position of the camera above all), XMP, IPTC or comment goes
     * with it. Made when the photo arrived, or now for one that came before; the original stays
     * in the store untouched, as evidence. Where the pixels do not decode (a CMYK JPEG) the file
     * goes without its metadata segments, as stored (not turned). Empty for a format documents
     * cannot hold (WebP) or a file that cannot be cleaned.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<DocumentImage> forDocument(Photo photo) {
        String type = photo.contentType();
        if (!type.equals("image/jpeg") && !type.equals("image/png")) {
            return Optional.empty();
        }
        String suffix = documentSuffix(type);
        if (documentSized.contains(photo.sha256(), suffix)) {
            byte[] copy = documentSized.derived(photo.sha256(), suffix);
            int[] size = PhotoImages.dimensions(copy, type).orElse(new int[]{photo.width(), photo.height()});
            return Optional.of(new DocumentImage(copy, type, size[0], size[1]));
        }
        byte[] original = originals.get(photo.sha256());
        PhotoImages.Encoded copy = documentCopy(photo.sha256(), original, type, new int[]{photo.width(), photo.height()});
        if (copy != null) {
            return Optional.of(new DocumentImage(copy.bytes(), copy.contentType(), copy.width(), copy.height()));
        }
        return PhotoMetadata.strip(original, type).map(b -> new DocumentImage(b, type, photo.width(), photo.height()));
    }

    /** Re-encodes the photo for documents and keeps the result; null when its pixels do not decode. */
    private PhotoImages.Encoded documentCopy(String sha, byte[] content, String type, int[] size) {
        PhotoImages.Encoded copy = PhotoImages.clean(content, type, size, DOCUMENT_SIDE,
                type.equals("image/png") ? "png" : "jpg");
        if (copy != null) {
            documentSized.put(sha, documentSuffix(type), copy.bytes());
        }
        return copy;
    }

    /**
     * Not ".jpg", which earlier versions used for scaled copies of large photos only (not turned
     * upright): every photo gets a new clean copy under this name.
     */
    private static String documentSuffix(String type) {
        return type.equals("image/png") ? ".clean.png" : ".clean.jpg";
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
                            p.get("recordedAt").asZonedDateTime().toInstant(), p.get("source").asString(""),
                            p.get("width").asInt(0), p.get("height").asInt(0));
                }).all().stream().toList();
    }

    /** The image bytes, checked against the hash recorded when it was attached. */
    @PreAuthorize("isAuthenticated()")
    public byte[] content(Photo photo) {
        return originals.get(photo.sha256());
    }

    /** The original of a staged or attached photo, checked against its hash. */
    @PreAuthorize("isAuthenticated()")
    public byte[] content(Staged photo) {
        return originals.get(photo.sha256());
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
