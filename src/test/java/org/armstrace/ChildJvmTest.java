package org.armstrace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Starts the application's command line in other JVMs ({@link ChildJvm}), as an administrator would.
 * Run by Failsafe in {@code ./mvnw verify}, not by {@code ./mvnw test} (see README, "Test it"),
 * beside the browser tests: such a class must not use the shared application context.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestTags.CHILD_JVM)
@Execution(ExecutionMode.CONCURRENT)
public @interface ChildJvmTest {
}
