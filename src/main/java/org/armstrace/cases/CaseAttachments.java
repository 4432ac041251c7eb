package org.armstrace.cases;

import static org.armstrace.graph.GraphValues.instant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.armstrace.base.ContentStore;
import org.armstrace.graph.CypherParams;
import org.armstrace.graph.GraphProperties;
import org.armstrace.security.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to a case, kept as photos are: under {@code <data dir>/case-files} named by their
 * SHA-256 (checked on every read), never altered or deleted, the same file twice stored once. Only
 * documents and images are accepted, recognised by their content, not their name: PDF, JPEG, PNG,
 * WebP, and Office Open XML / OpenDocument files (a ZIP whose first entry says so). At most
 * {@code armstrace.cases.attachment-max-size} (20 MB by default); the upload stops reading beyond it.
 */
@Service
public class CaseAttachments {

    public record Attachment(String id, String sha256, String contentType, long size, String fileName, String by,
                             Instant at) {
    }

    private final Neo4jClient neo4j;
    private final Cases cases;
    private final AuditLog audit;
    private final ContentStore files;
    private final long maxBytes;

    CaseAttachments(Neo4jClient neo4j, Cases cases, AuditLog audit, GraphProperties graph,
                    @Value("${armstrace.cases.attachment-max-size:20MB}") DataSize maxSize) {
        this.neo4j = neo4j;
        this.cases = cases;
        this.audit = audit;
        this.files = new ContentStore(graph.dataDir().resolve("case-files"));
        this.maxBytes = maxSize.toBytes();
    }

    /** The largest attachment accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    public long maxMegabytes() {
        return maxBytes >> 20;
    }

    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public Attachment attach(String number, byte[] content, String fileName) {
        Case c = cases.visible(number);
        if (content == null || content.length == 0) {
            throw new CaseRejected("cases.attachment-empty");
        }
        if (content.length > maxBytes) {
            throw new CaseRejected("cases.attachment-too-large", maxMegabytes());
        }
        String name = fileName == null ? "" : fileName.strip();
        String type = type(content, name).orElseThrow(() -> new CaseRejected("cases.attachment-type"));
        String sha = files.put(content);
        String id = UUID.randomUUID().toString();
        String shown = Cases.text(name.length() > 200 ? name.substring(0, 200) : name, 200, "cases.attachment-name", false);
        neo4j.query("""
                        MATCH (c:Case {number: $number})
                        CREATE (c)-[:HAS_ATTACHMENT]->(:CaseAttachment {id: $id, sha256: $sha, contentType: $type, size: $size,
                                                                       fileName: $name, by: $by, at: $now})""")
                .bindAll(CypherParams.of("number", c.number(), "id", id, "sha", sha, "type", type, "size", content.length,
                        "name", shown, "by", AuditLog.currentActor(), "now", Instant.now().atZone(ZoneOffset.UTC)))
                .run();
        audit.record("case.attached", List.of("Case:" + c.number()), shown + " (" + type + ", " + content.length + " bytes, sha256 "
                + sha + ")");
        return list(c.number()).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @PreAuthorize(Cases.WORKERS)
    @Transactional(readOnly = true)
    public List<Attachment> list(String number) {
        Case c = cases.visible(number);
        return neo4j.query("MATCH (:Case {number: $number})-[:HAS_ATTACHMENT]->(a:CaseAttachment) RETURN a ORDER BY a.at DESC")
                .bind(c.number()).to("number").fetchAs(Attachment.class).mappedBy((x, r) -> {
                    var a = r.get("a");
                    return new Attachment(a.get("id").asString(), a.get("sha256").asString(), a.get("contentType").asString(),
                            a.get("size").asLong(), a.get("fileName").asString(null), a.get("by").asString(),
                            instant(a.get("at")));
                }).all().stream().toList();
    }

    /** The file, checked against its hash; reading it is audited. */
    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public byte[] content(String number, String attachmentId) {
        Attachment a = list(number).stream().filter(x -> x.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new CaseRejected("cases.no-such-attachment"));
        audit.record("case.attachment-read", List.of("Case:" + number), a.fileName() + " sha256 " + a.sha256());
        return files.get(a.sha256());
    }

    /** The content type by the file's first bytes; the name only tells one Office ZIP from another. */
    static Optional<String> type(byte[] b, String fileName) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of("image/png");
        }
        if (b.length > 12 && starts(b, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && "WEBP".equals(new String(b, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of("image/webp");
        }
        return office(b, fileName.toLowerCase(Locale.ROOT));
    }

    /** A ZIP whose first entry is {@code [Content_Types].xml} (OOXML) or {@code mimetype} (ODF), as their writers put it. */
    private static Optional<String> office(byte[] b, String name) {
        if (b.length < 30 || !starts(b, new byte[] {'P', 'K', 3, 4})) {
            return Optional.empty();
        }
        int nameLength = (b[26] & 0xFF) | (b[27] & 0xFF) << 8;
        if (b.length < 30 + nameLength) {
            return Optional.empty();
        }
        String first = new String(b, 30, nameLength, StandardCharsets.UTF_8);
        if ("[Content_Types].xml".equals(first)) {
            if (name.endsWith(".docx")) {
                return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
            if (name.endsWith(".xlsx")) {
                return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            if (name.endsWith(".pptx")) {
                return Optional.of("application/vnd.openxmlformats-officedocument.presentationml.presentation");
            }
            return Optional.empty();
        }
        if ("mimetype".equals(first) && name.matches(".*\\.od[tsp]$")) {
            return Optional.of("application/vnd.oasis.opendocument." + switch (name.charAt(name.length() - 1)) {
                case 't' -> "text";
                case 's' -> "spreadsheet";
                default -> "presentation";
            });
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }
}
