package org.culturekit.questionnaire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The example questionnaire that README.md shows under "## Questionnaires", as written there. */
public final class ReadmeExample {
    private static final Pattern BLOCK =
            Pattern.compile("\n## Questionnaires\n(?:(?!\n## ).)*?\n```yaml\n(.*?)\n```\n", Pattern.DOTALL);

    private ReadmeExample() {}

    /** The YAML block, from the README of the project being built (tests run in its folder). */
    public static String questionnaire() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher block = BLOCK.matcher(readme);
        if (!block.find()) {
            throw new AssertionError("README.md has no ```yaml block under \"## Questionnaires\"");
        }
        return block.group(1) + "\n";
    }
}
