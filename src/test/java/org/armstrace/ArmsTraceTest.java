package org.armstrace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test configuration: the whole application on a random port with a fresh embedded
 * Neo4j under target/. Every Spring test uses it, so the context (and the database) starts once. Its
 * one addition: a {@link TestClock} for the beans that take a clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Configuration.class)
@ActiveProfiles("test")
public @interface ArmsTraceTest {
}
