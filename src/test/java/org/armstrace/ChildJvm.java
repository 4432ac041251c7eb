package org.armstrace;

import java.util.ArrayList;
import java.util.List;

/**
 * The application's command line in a JVM of its own, as an administrator runs it: the same
 * {@code java}, the test classpath, and the JVM flags the build gives every JVM of the
 * application ({@code armstrace.jvm.args} in pom.xml). Output and error are one stream; redirect
 * it or read it from the returned builder. For {@link ChildJvmTest}s.
 */
public final class ChildJvm {

    /**
     * What the embedded Neo4j needs on JDK 25 (as in pom.xml's armstrace.jvm.args); and, because a
     * child runs for seconds and mostly loads classes, only the C1 compiler: on two cores that
     * takes a third less CPU to start the application (measured: 24 s instead of 37 s).
     */
    private static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-modules=jdk.incubator.vector",
            "-XX:TieredStopAtLevel=1");

    private ChildJvm() {
    }

    /**
     * {@code java <flags> -Xmx<maxHeap> -cp <test classpath> ArmsTraceApplication <arguments>}.
     *
     * @param maxHeap the child's {@code -Xmx}, e.g. {@code "512m"}
     */
    public static ProcessBuilder application(String maxHeap, List<String> arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Surefire and Failsafe run the tests from a manifest-only jar; this property holds the real classpath.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(JVM_FLAGS);
        command.add("-Xmx" + maxHeap);
        command.addAll(List.of("-cp", classpath, ArmsTraceApplication.class.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
