package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.armstrace.registry.ImportSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed samples are exactly what the generator writes, so that they can be regenerated
 * when the layouts change: {@code ./mvnw test -Dtest=ImportSamplesTest -Dsamples.write=true}.
 */
class ImportSamplesTest {

    static final Path SAMPLES = Path.of("import/samples");

    @Test
    void committed_samples_are_what_the_generator_writes(@TempDir Path tmp) throws IOException {
        if (Boolean.getBoolean("samples.write")) {
            ImportSamples.write(SAMPLES);
        }
        ImportSamples.write(tmp);
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path generated : files.sorted().toList()) {
                Path committed = SAMPLES.resolve(generated.getFileName());
                assertThat(committed).as("committed sample %s", committed).exists();
                if (!committed.toString().endsWith(".xlsx")) {
                    assertThat(Files.readAllBytes(committed)).as(committed.toString()).isEqualTo(Files.readAllBytes(generated));
                }
            }
        }
    }
}
