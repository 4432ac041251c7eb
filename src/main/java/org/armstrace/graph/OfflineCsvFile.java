package org.armstrace.graph;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One open CSV file: its columns (name → type) and its writer. Every value is quoted (RFC 4180),
 * so that a value the importer would otherwise trim or read as empty comes back as it was; a
 * missing value is an empty, unquoted cell. Written by hand rather than with Commons CSV's
 * printer, which goes through an {@code Appendable} a character at a time: this is the first
 * load's innermost loop, and the quoting is all it needs.
 */
final class OfflineCsvFile {
    final Path path;
    final LinkedHashMap<String, String> columns;
    final Writer out;
    private final StringBuilder line = new StringBuilder(512);
    /** Whether a value written here spans lines; only such files are read line-agnostically (slower). */
    boolean multiline;

    OfflineCsvFile(Path path, LinkedHashMap<String, String> columns, List<String> fixed) throws IOException {
        this.path = path;
        this.columns = columns;
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        var header = new ArrayList<>(fixed);
        columns.forEach((name, type) -> header.add(name + ":" + type));
        print(header);
    }

    boolean fits(Map<String, String> types) {
        for (var e : types.entrySet()) {
            if (!e.getValue().equals(columns.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** One record, built whole and written with one call: the writer takes a lock per call. */
    void print(List<String> record) throws IOException {
        line.setLength(0);
        for (int i = 0; i < record.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String v = record.get(i);
            if (v != null) {
                line.append('"');
                int from = 0;
                for (int j = 0; j < v.length(); j++) {
                    char c = v.charAt(j);
                    if (c == '"') {
                        line.append(v, from, j + 1).append('"');
                        from = j + 1;
                    } else if (c == '\n' || c == '\r') {
                        multiline = true;
                    }
                }
                line.append(v, from, v.length()).append('"');
            }
        }
        out.write(line.append('\n').toString());
    }
}
