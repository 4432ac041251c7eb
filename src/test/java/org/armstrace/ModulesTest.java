package org.armstrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's description of the modules is the one that counts: each module's API is its root
 * package (base adds its {@code ui} named interface), and nothing else crosses a module boundary.
 * The picture in {@code src/docs/modules} is generated from the same model, so it cannot drift from
 * the code: rewrite it with {@code ./mvnw test -Dtest=ModulesTest -Dmodules.docs=write}.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ArmsTraceApplication.class);
    static final Path COMMITTED = Path.of("src/docs/modules");

    @Test
    void modules_use_only_each_others_api_and_depend_on_each_other_without_cycles() {
        MODULES.verify();
    }

    @Test
    void committed_module_documentation_is_what_the_code_generates() throws IOException {
        Path fresh = Path.of("target/modules-docs");
        deleteTree(fresh);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeDocumentation();
        if ("write".equals(System.getProperty("modules.docs"))) {
            deleteTree(COMMITTED);
            Files.createDirectories(COMMITTED);
            for (Path p : files(fresh).keySet().stream().map(fresh::resolve).toList()) {
                Files.copy(p, COMMITTED.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(files(COMMITTED))
                .as("src/docs/modules is stale; run ./mvnw test -Dtest=ModulesTest -Dmodules.docs=write and commit it")
                .isEqualTo(files(fresh));
    }

    /**
     * File name to its lines, sorted, with line endings made plain: a checkout on Windows compares
     * equal, and so does a diagram whose modules Modulith happened to list in another order.
     */
    private static Map<String, String> files(Path dir) throws IOException {
        var out = new TreeMap<String, String>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(p.getFileName().toString(), Files.readString(p).replace("\r\n", "\n").lines().sorted()
                        .collect(Collectors.joining("\n")));
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
