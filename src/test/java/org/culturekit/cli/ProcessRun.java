package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a real process (the jar, or the launcher) in a folder, with its exit code and both streams, for the
 * integration tests.
 *
 * @param code the exit code
 * @param out everything written to stdout, as UTF-8
 * @param err everything written to stderr, as UTF-8
 */
record ProcessRun(int code, String out, String err) {
    /** The java that runs the tests, so the jar and the launcher run on the JVM the build used. */
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** The packaged jar, as the build leaves it. */
    static final Path JAR = Path.of("target/culturekit.jar").toAbsolutePath();

    /** Runs {@code java [jvmOptions] -jar culturekit.jar args} in {@code dir}, as a user runs the jar. */
    static ProcessRun jar(Path dir, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return of(dir, command, environment);
    }

    /** The launcher script, as the build leaves it. */
    static final Path LAUNCHER = Path.of("bin/culturekit").toAbsolutePath();

    /**
     * Runs {@code bin/culturekit args} in {@code dir}, as a user runs the launcher, on the JVM the build used and
     * with no JVM options from the environment.
     */
    static ProcessRun launcher(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return of(dir, command, Map.of("JAVA_HOME", JAVA.getParent().getParent().toString(), "JAVA_OPTS", "",
                "CULTUREKIT_JAVA_OPTS", ""));
    }

    /** Runs {@code command} in {@code dir} with {@code environment} added, its streams kept in {@code dir}. */
    static ProcessRun of(Path dir, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the process did not finish: " + command);
        return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
