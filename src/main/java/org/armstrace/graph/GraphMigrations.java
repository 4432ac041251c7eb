package org.armstrace.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.armstrace.base.Sha256;
import org.armstrace.base.StartupProblem;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies {@code graph-model/migrations/V<version>__<description>.cypher} in version order and
 * records each applied file as a {@code :__Migration} node with its checksum.
 *
 * <p>Why not Neo4j-Migrations: its 2.x parent POM is absent from the registry reachable here and
 * 3.x (Boot 4) is not there at all, so it cannot be resolved. This is the smallest sound subset
 * of what it does: versioned, checksummed, recorded in the graph, idempotent. Every statement in
 * the files is itself idempotent ({@code IF NOT EXISTS}), so a run interrupted half-way through a
 * file simply repeats that file; an edited file that was already applied stops start-up.
 */
final class GraphMigrations {

    private static final Logger log = LoggerFactory.getLogger(GraphMigrations.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");
    static final String LOCATION = "classpath*:graph-model/migrations/V*__*.cypher";

    public record Migration(int version, String description, String checksum, List<String> statements) {
    }

    /** What the graph holds after a run. */
    public record Result(List<Integer> applied, List<Integer> alreadyPresent) {
    }

    private final Driver driver;
    private final String database;
    private final TransactionConfig config;

    public GraphMigrations(Driver driver, String database) {
        this(driver, database, Duration.ZERO);
    }

    /**
     * With a timeout for each statement (zero: the server's default). Index population and data
     * migrations on a large store outlast the interactive default, so start-up passes the batch limit.
     */
    public GraphMigrations(Driver driver, String database, Duration timeout) {
        this.driver = driver;
        this.database = database;
        this.config = timeout.isZero() ? TransactionConfig.empty() : TransactionConfig.builder().withTimeout(timeout).build();
    }

    public Result migrate() {
        return migrate(load());
    }

    Result migrate(List<Migration> migrations) {
        var applied = new ArrayList<Integer>();
        var present = new ArrayList<Integer>();
        var session = SessionConfig.forDatabase(database);
        try (var s = driver.session(session)) {
            Map<Integer, String> recorded = new HashMap<>();
            s.run("MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum").list()
                    .forEach(r -> recorded.put(r.get("version").asInt(), r.get("checksum").asString()));
            for (Migration m : migrations) {
                String known = recorded.get(m.version());
                if (known != null) {
                    if (!known.equals(m.checksum())) {
                        throw new StartupProblem("Migration V" + m.version() + " (" + m.description()
                                + ") was changed after it had been applied to this database.",
                                "Never edit an applied migration: restore the file and add a new V<n+1> file instead.", null);
                    }
                    present.add(m.version());
                    continue;
                }
                for (String statement : m.statements()) {
                    s.run(statement, config).consume();
                }
                // A new index over an existing registry is populated now: at N (10 M weapons) that
                // takes minutes, not seconds, and a migration is done only when its indexes are online.
                s.run("CALL db.awaitIndexes(86400)", config).consume();
                s.executeWrite(tx -> tx.run("""
                        MERGE (m:__Migration {version: $version})
                        ON CREATE SET m.description = $description, m.checksum = $checksum,
                                      m.appliedAt = datetime(), m.statements = $count
                        """, Map.of("version", m.version(), "description", m.description(),
                        "checksum", m.checksum(), "count", m.statements().size())).consume(), config);
                applied.add(m.version());
                log.info("Applied graph migration V{} {}", m.version(), m.description());
            }
        }
        return new Result(List.copyOf(applied), List.copyOf(present));
    }

    static List<Migration> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            var result = new ArrayList<Migration>();
            for (Resource r : resources) {
                Matcher name = FILE_NAME.matcher(r.getFilename() == null ? "" : r.getFilename());
                if (!name.matches()) {
                    continue;
                }
                String text = r.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
                result.add(new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
                        sha256(text), statements(text)));
            }
            result.sort(Comparator.comparingInt(Migration::version));
            var distinct = new ArrayList<Migration>();
            for (Migration m : result) {
                Migration previous = distinct.isEmpty() ? null : distinct.getLast();
                if (previous != null && previous.version() == m.version()) {
                    // The same file reached twice (a class path that also holds the source tree, as a
                    // jar manifest's "Class-Path: ." gives) is one migration; two texts are a mistake.
                    if (!previous.checksum().equals(m.checksum())) {
                        throw new IllegalStateException("Two migrations share version " + m.version());
                    }
                    continue;
                }
                distinct.add(m);
            }
            return distinct;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read graph migrations", e);
        }
    }

    /** Statements end with ';' at the end of a line; lines starting with '//' are comments. */
    static List<String> statements(String text) {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }
}
