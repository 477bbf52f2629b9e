package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.culturekit.cli.run.Scoring;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.culturekit.model.Questionnaire;
import org.culturekit.scoring.Changes;
import org.culturekit.scoring.Results;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format on every case of {@code src/test/resources/golden/}, through the real readers, scorer, model
 * and renderer, scored as the commands score. After an intended change, run with {@code -Dgolden.update=true} and review the diff.
 */
class ReportGoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** The expected file of each format. */
    private static final List<String> EXPECTED =
            List.of("expected.html", "expected.md", "expected.json", "expected.csv");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                for (String expected : EXPECTED) {
                    cases.add(Arguments.of(dir.getFileName().toString(), expected));
                }
            }
        }
        assertFalse(cases.isEmpty());
        return cases.stream();
    }

    /**
     * Three threads and chunks of 64 bytes, so every export of more than a line or two is split between threads:
     * the golden files then prove the parallel reader too, as {@code report} runs it.
     */
    private static final Scoring.Options SPLIT =
            Scoring.Options.DEFAULT.withParallelism(new Scoring.Parallelism(3, 64));

    private static Results score(Questionnaire questionnaire, Path export) {
        return Scoring.run(questionnaire, List.of(export), SPLIT).results();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void rendersAsExpected(String name, String expectedFile) throws IOException {
        Path dir = ROOT.resolve(name);
        Questionnaire questionnaire = QuestionnaireReader.read(dir.resolve("questionnaire.yaml"));
        // the typical case is dated, as by --date, to show where a date goes; the others have none
        Results results = score(questionnaire, dir.resolve("responses.csv")).withWave("golden")
                .withDate(name.equals("typical") ? "2026-04-20" : null);
        // a case with a baseline export is a second wave: its reports show the change and the trend
        Path baselineFile = dir.resolve("baseline.csv");
        Results baseline = Files.exists(baselineFile) ? score(questionnaire, baselineFile).withWave("baseline") : null;
        Changes changes = baseline == null ? null : Changes.between(baseline, results,
                questionnaire.reporting().minGroupSize());
        ReportModel model = ReportModel.of(questionnaire, results, new ReportOptions("golden",
                java.util.OptionalLong.empty(), true, changes, baseline == null ? List.of() : List.of(baseline),
                List.of()));
        String actual = switch (expectedFile) {
            case "expected.html" -> new ReportRenderer(null).render(model, ReportFormat.HTML);
            case "expected.md" -> new ReportRenderer(null).render(model, ReportFormat.MD);
            case "expected.csv" -> ScoresCsv.write(results);
            default -> ResultsJson.write(results, changes, List.of());
        };
        Path expected = dir.resolve(expectedFile);
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            fail("rewrote " + expected + "; review the diff with git, then run again without -Dgolden.update");
        }
        if (!Files.exists(expected)) {
            fail(expected + " is missing; create it with -Dgolden.update=true and review it");
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n"), actual,
                "differs from " + expected + " (after an intended change: -Dgolden.update=true, then review)");
    }
}
