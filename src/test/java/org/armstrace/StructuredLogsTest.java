package org.armstrace;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * ARMSTRACE_LOG_FORMAT, read through the shipped application.properties the way Spring Boot's
 * logging system reads it, gives Boot's structured encoder a format that writes one JSON object per
 * line; left unset it gives none, and Boot keeps its readable pattern (it checks for an empty format).
 */
class StructuredLogsTest {

    private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new PropertiesPropertySourceLoader().load("application", new ClassPathResource("application.properties"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash"})
    void with_the_log_format_set_each_event_is_one_line_of_json(String format) throws IOException {
        var environment = environment(Map.of("ARMSTRACE_LOG_FORMAT", format));
        String configured = environment.getProperty("logging.structured.format.console");
        assertThat(configured).isEqualTo(format);
        var context = new LoggerContext(); // not the test JVM's own, which the shared Spring context logs to
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putObject(Environment.class.getName(), environment);
        var encoder = new StructuredLogEncoder();
        encoder.setFormat(configured);
        encoder.setContext(context);
        encoder.start();
        var event = new LoggingEvent("test", context.getLogger("org.armstrace.importer.ImportRun"), Level.INFO,
                "Import {} of {}: {} rows", null, new Object[] {"b-1", "firearms.csv", 12});

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        Map<String, Object> json = JsonParserFactory.getJsonParser().parseMap(line);
        assertThat(json).containsEntry("message", "Import b-1 of firearms.csv: 12 rows").containsKey("@timestamp");
    }

    @Test
    void without_the_log_format_logs_stay_readable_lines() throws IOException {
        assertThat(environment(Map.of()).getProperty("logging.structured.format.console")).isEmpty();
    }
}
