package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.culturekit.cli.run.Scoring;
import org.culturekit.model.Questionnaire;
import org.culturekit.questionnaire.Questionnaires;
import org.culturekit.report.ResultsJson;
import org.culturekit.scoring.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run gives byte-identical results, rejects file and warnings whatever the number of threads and the chunk
 * size, over several exports with quoted line breaks, CR LF endings, and respondents repeated between files.
 */
class ParallelScoringTest {
    @TempDir Path dir;

    /** What a run produced, as text. */
    private record Run(String json, String rejects, String err) {}

    private Run run(Questionnaire questionnaire, List<Path> files, Scoring.Parallelism parallelism, String name)
            throws IOException {
        Path rejects = dir.resolve(name).resolve("rejects.csv");
        Files.createDirectories(rejects.getParent());
        StringWriter err = new StringWriter();
        Results results = Scoring.run(questionnaire, files, Scoring.Options.DEFAULT.withRejectsFile(rejects)
                .withErr(new PrintWriter(err, true)).withParallelism(parallelism)).results();
        return new Run(ResultsJson.write(results), Files.readString(rejects, StandardCharsets.UTF_8),
                err.toString());
    }

    @Test
    void threadsAndChunkSizesChangeNothing() throws IOException {
        Questionnaire questionnaire = Questionnaires.load("builtin:customer-centric-culture");
        Path survey = Path.of("examples/survey.csv");
        String text = Files.readString(survey, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"") && text.lines().count() > 331, "the example has quoted line breaks");
        // the same respondents again, with Windows line endings: every one a duplicate of the first file's
        Path again = dir.resolve("again.csv");
        Files.writeString(again, text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        // a few unreadable answers, so the rejects file has rows of its own
        Path odd = dir.resolve("odd.csv");
        String[] lines = Files.readString(Path.of("examples/survey-2026-q2.csv"), StandardCharsets.UTF_8)
                .split("\n", -1);
        for (int i = 5; i < lines.length; i += 37) {
            lines[i] = lines[i].replaceFirst(",Agree,", ",seven,");
        }
        Files.writeString(odd, String.join("\n", lines), StandardCharsets.UTF_8);
        List<Path> files = List.of(survey, again, odd);

        Run reference = run(questionnaire, files, new Scoring.Parallelism(1, Integer.MAX_VALUE - 64), "one");
        assertTrue(reference.rejects().contains("duplicate respondent id"), reference.rejects());
        assertTrue(reference.rejects().contains("seven"), "unreadable answers are rejected rows");
        assertTrue(reference.err().contains("could not be read"), reference.err());
        // every row of again.csv repeats one of survey.csv, answers and all; each named with the first's line
        assertTrue(reference.err().contains("330 rows repeat a respondent id: 0 with different answers, 330 "
                + "identical"), reference.err());
        assertTrue(reference.err().contains("warning: " + again + ":2: repeats examples/survey.csv:2 (the same "
                + "respondent id and answers); left out"), reference.err());
        int[][] splits = {{2, 1 << 20}, {2, 1}, {2, 333}, {3, 4096}, {4, 50_000}};
        for (int[] split : splits) {
            Run parallel = run(questionnaire, files, new Scoring.Parallelism(split[0], split[1]),
                    split[0] + "-" + split[1]);
            String what = split[0] + " threads, chunks of " + split[1] + " bytes";
            assertEquals(reference.json(), parallel.json(), what);
            assertEquals(reference.rejects(), parallel.rejects(), what);
            assertEquals(reference.err().replace(dir.resolve("one").toString(), "DIR"),
                    parallel.err().replace(dir.resolve(split[0] + "-" + split[1]).toString(), "DIR"), what);
        }
    }

    @Test
    void theThreadsOptionChangesNothingButIsChecked() throws IOException {
        String one = null;
        for (String threads : List.of("1", "2", "7")) {
            Path out = dir.resolve("out-" + threads);
            CliRun.of("report", "examples/survey.csv", "-f", "json", "-o", out.toString(), "--quiet",
                    "--threads", threads).assertExit(ExitCodes.OK);
            String json = Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8);
            if (one == null) {
                one = json;
            }
            assertEquals(one, json, "--threads " + threads);
        }
        for (String bad : List.of("0", "-1", "257")) {
            CliRun.of("report", "examples/survey.csv", "-o", dir.resolve("bad").toString(), "--threads", bad)
                    .assertExit(ExitCodes.USAGE).assertErrContains("--threads must be from 1 to 256");
        }
    }
}
