package org.armstrace.casefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.armstrace.base.Sha256;
import org.armstrace.cases.CaseLink;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine-readable package beside the case file: a ZIP whose {@code manifest.json} names the
 * case, when and by whom it was produced, every other file in the ZIP with its SHA-256 and size,
 * and the entities the case links, so that the receiving system can check that nothing was lost or
 * altered on the way. The manifest cannot hold its own hash: the ZIP's is recorded on the case.
 */
final class CaseFilePackage {

    static final String MANIFEST = "manifest.json";
    static final String FORMAT = "armstrace-case-file/1";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A file that travels in the package. */
    record Entry(String path, String contentType, byte[] content) {
    }

    private CaseFilePackage() {
    }

    static byte[] zip(String caseNumber, String title, Instant at, String by, List<Entry> entries, List<CaseLink> links) {
        var files = new ArrayList<Map<String, Object>>();
        for (Entry e : entries) {
            var file = new LinkedHashMap<String, Object>();
            file.put("path", e.path());
            file.put("contentType", e.contentType());
            file.put("size", e.content().length);
            file.put("sha256", Sha256.hex(e.content()));
            files.add(file);
        }
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("format", FORMAT);
        manifest.put("caseNumber", caseNumber);
        manifest.put("title", title);
        manifest.put("producedAt", DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)));
        manifest.put("producedBy", by);
        manifest.put("files", files);
        manifest.put("entities", links.stream().map(l -> {
            var entity = new LinkedHashMap<String, Object>();
            entity.put("kind", l.kind().label());
            entity.put("id", l.key());
            entity.put("name", l.label());
            return entity;
        }).toList());
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            put(zip, MANIFEST, JSON.writeValueAsBytes(manifest));
            for (Entry e : entries) {
                put(zip, e.path(), e.content());
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The case file package could not be written", e);
        }
    }

    /** A name safe in any file system and unambiguous in the ZIP: letters, digits, dot, dash and underscore. */
    static String safeName(String name) {
        String safe = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return safe.isEmpty() ? "file" : safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
    }

    private static void put(ZipOutputStream zip, String path, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
    }
}
