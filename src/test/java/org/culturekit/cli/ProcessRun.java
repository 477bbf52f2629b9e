package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
