package org.armstrace;

/**
 * The JUnit tags of the tests that need something outside the test JVM. Surefire ({@code ./mvnw
 * test}) leaves them out; Failsafe runs exactly them in {@code ./mvnw verify}. Keep the lists in
 * pom.xml (surefire excludedGroups, failsafe groups) the same as these names.
 */
public final class TestTags {
    public static final String BROWSER = "browser";
    public static final String CHILD_JVM = "child-jvm";
    public static final String LIBREOFFICE = "libreoffice";
    public static final String CONTAINER = "container";
    /** Never in verify; run one on request, see src/bench/README.md. */
    public static final String BENCHMARK = "benchmark";

    private TestTags() {
    }
}
