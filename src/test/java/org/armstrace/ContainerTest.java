package org.armstrace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Needs Docker: a Neo4j server in a Testcontainers container; skipped where Docker is missing.
 * Run by Failsafe in {@code ./mvnw verify}, not by {@code ./mvnw test} (see README, "Test it").
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestTags.CONTAINER)
public @interface ContainerTest {
}
