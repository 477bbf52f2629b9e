package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CI recipes in examples/ci run as written: every {@code java -jar target/culturekit.jar …} line, in order,
 * through the same command line as the jar, with the report folder moved to a temporary one.
 */
class CiRecipesTest {
    private static final Pattern COMMAND = Pattern.compile("java -jar target/culturekit\\.jar (.+)$", Pattern.MULTILINE);

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"})
    void theRecipesCommandsRunOnTheExampleData(String recipe) throws IOException {
        String text = Files.readString(Path.of(recipe), StandardCharsets.UTF_8);
        Matcher commands = COMMAND.matcher(text);
        List<String[]> runs = new ArrayList<>();
        while (commands.find()) {
            runs.add(commands.group(1).strip().replace("culture-report", dir.resolve("culture-report").toString())
                    .split("\\s+"));
        }
        assertEquals(2, runs.size(), "the two report steps");
        for (String[] args : runs) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCodes.OK, run.exitCode(), String.join(" ", args) + "\n" + run.err());
        }
        Path q4 = dir.resolve("culture-report/2026-q4");
        for (String name : List.of("report.html", "report.md", "results.json")) {
            assertTrue(Files.exists(q4.resolve(name)), name);
        }
        String md = Files.readString(q4.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("## Change since 2026-Q2") && md.contains("## Trend"), md);
        // the recipe publishes the reports even when a gate fails the job
        assertTrue(text.contains("when: always") || text.contains("if: always()"), recipe);
    }
}
