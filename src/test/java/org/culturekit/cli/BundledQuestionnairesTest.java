package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.culturekit.questionnaire.Questionnaires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled instruments: each is valid, without warnings, scores its example export, and shows as the golden
 * table in {@code src/test/resources/golden/cli/}; {@code schema} prints the shipped schema.
 */
class BundledQuestionnairesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-cli");

    @TempDir Path dir;

    @Test
    void theBundledListMatchesTheQuestionnairesFolder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("questionnaires"))) {
            List<String> ids = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml")).map(name -> name.replace(".yaml", "")).sorted().toList();
            assertEquals(Questionnaires.BUNDLED.stream().sorted().toList(), ids);
        }
        CliRun run = CliRun.of("questionnaires", "list").assertExit(ExitCodes.OK);
        Questionnaires.BUNDLED.forEach(id -> assertTrue(run.out().contains(id), run.out()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-centric-culture", "psych-safety-pulse", "say-do-values-audit"})
    void validatesWithoutProblemsOrWarnings(String id) {
        QuestionnaireReader.Validation validation = Questionnaires.validate(Questionnaires.BUILTIN + id);
        assertEquals(List.of(), validation.problems());
        assertEquals(List.of(), validation.warnings());
    }

    @ParameterizedTest
    @CsvSource({"customer-centric-culture, examples/survey.csv", "psych-safety-pulse, examples/pulse.csv",
        "say-do-values-audit, examples/values-audit.csv"})
    void scoresItsExampleExport(String id, String export) throws IOException {
        CliRun.of("report", "-q", "builtin:" + id, "-f", "json", "-o", dir.toString(), export)
                .assertExit(ExitCodes.OK);
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(results.at("/rows/read").asLong(), results.at("/rows/scored").asLong());
        for (JsonNode index : results.get("indices")) {
            assertEquals(results.at("/rows/scored").asLong(), index.get("n").asLong(), index.get("id").asText());
            assertTrue(index.get("alpha").asDouble() > 0.6, index.get("id") + " alpha " + index.get("alpha"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-centric-culture", "psych-safety-pulse", "say-do-values-audit"})
    void showPrintsTheGoldenTable(String id) throws IOException {
        golden(id + ".show.txt", CliRun.of("questionnaires", "show", id).assertExit(ExitCodes.OK).out());
    }

    @Test
    void schemaPrintsTheShippedSchema() throws IOException {
        String printed = CliRun.of("schema").assertExit(ExitCodes.OK).out();
        assertEquals(Files.readString(Path.of("src/main/resources/culturekit-questionnaire.schema.json"),
                StandardCharsets.UTF_8), printed);
        assertEquals("https://json-schema.org/draft/2020-12/schema",
                new ObjectMapper().readTree(printed).get("$schema").asText());
    }

    private static void golden(String name, String actual) throws IOException {
        Path expected = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            fail("rewrote " + expected + "; review the diff, then run again without -Dgolden.update");
        }
        if (!Files.exists(expected)) {
            fail(expected + " is missing; create it with -Dgolden.update=true and review it");
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, "differs from " + expected);
    }
}
