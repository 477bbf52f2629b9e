package org.culturekit.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/questionnaires.md by grep over the main sources: no SnakeYAML 1.1 {@code Yaml} loader (which
 * constructs objects from tags), and no default typing in any Jackson mapper. SnakeYAML Engine's parser, which
 * {@link YamlDocument} uses for YAML 1.2, builds no objects; its {@code Load} API is not used either.
 */
class YamlSourceRulesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "org\\.yaml\\.snakeyaml|new\\s+Yaml\\s*\\(|\\bYaml\\s*\\.\\s*load"
                    + "|\\.load(All)?From(String|Reader|InputStream)\\s*\\("
                    + "|org\\.snakeyaml\\.engine\\.v2\\.api\\.(Load|lowlevel\\.Compose)\\b"
                    + "|activateDefaultTyping|enableDefaultTyping|Id\\.(MINIMAL_)?CLASS");

    @Test
    void noSourceLoadsYamlIntoObjectsOrEnablesDefaultTyping() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offending = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> read(file).lines()
                            .filter(line -> FORBIDDEN.matcher(line).find())
                            .map(line -> MAIN.relativize(file) + ": " + line.strip()))
                    .toList();
        }

        assertEquals(List.of(), offending);
    }

    @Test
    void theRuleCatchesWhatItIsFor() {
        for (String line : List.of("import org.yaml.snakeyaml.Yaml;", "Object o = new Yaml().load(in);",
                "mapper.activateDefaultTyping(v);", "new Load(settings).loadFromString(s);",
                "import org.snakeyaml.engine.v2.api.Load;")) {
            assertTrue(FORBIDDEN.matcher(line).find(), line);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
