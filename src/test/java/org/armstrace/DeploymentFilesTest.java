package org.armstrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code docker-compose.yml} and the {@code Dockerfile} promise, read as files: there is no
 * Docker engine where the suite runs, so the deployment itself is never started here.
 */
class DeploymentFilesTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path README = Path.of("README.md");
    /** A README configuration table row: {@code | `setting` | `ENVIRONMENT_NAME` | ...}. */
    private static final Pattern CONFIGURATION_ROW = Pattern.compile("(?m)^\\| `[^`]+` \\| `([A-Z0-9_<>]+)` \\|");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) services().get(name);
    }

    /** The container ports a service publishes on the host ({@code "8443:8443"} gives 8443). */
    private static List<String> published(Map<String, Object> service) {
        var ports = new ArrayList<String>();
        Object listed = service.get("ports");
        if (listed instanceof List<?> list) {
            for (Object p : list) {
                String text = p instanceof Map<?, ?> m ? String.valueOf(m.get("target")) : String.valueOf(p);
                ports.add(text.substring(text.lastIndexOf(':') + 1).replaceAll("/.*", ""));
            }
        }
        return ports;
    }

    @Test
    void compose_publishes_https_on_8443_and_nothing_else() throws IOException {
        var services = services();
        var all = new ArrayList<String>();
        for (String name : services.keySet()) {
            all.addAll(published(service(name)));
        }

        assertThat(all).containsExactly("8443");
        assertThat(published(service("neo4j"))).as("Neo4j is reached on the compose network only").isEmpty();
        assertThat(published(service("armstrace"))).doesNotContain("7687", "7474", "7473", "8080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_environment_name_the_application_gets_in_compose_is_in_the_readme_configuration_table()
            throws IOException {
        var environment = (Map<String, Object>) service("armstrace").get("environment");
        var documented = new ArrayList<String>();
        var rows = CONFIGURATION_ROW.matcher(Files.readString(README));
        while (rows.find()) {
            documented.add(rows.group(1));
        }

        assertThat(environment).isNotEmpty();
        assertThat(documented).containsAll(environment.keySet());
    }

    @Test
    void the_image_health_check_asks_liveness_so_a_database_outage_does_not_mark_the_process_unhealthy()
            throws IOException {
        String check = Files.readAllLines(DOCKERFILE).stream().dropWhile(l -> !l.startsWith("HEALTHCHECK")).limit(2)
                .reduce("", String::concat);

        assertThat(check).contains("GET /actuator/health/liveness ").contains("8443");
    }
}
