package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, validate's advice and --pilot: the tools for writing and trying out a questionnaire. */
class AuthoringCommandsTest {
    @TempDir Path dir;

    @Test
    void initScaffoldsAValidAssessmentFolder() throws IOException {
        Path folder = dir.resolve("acme");
        CliRun.of("init", "--from", "customer-centric-culture", folder.toString()).assertExit(ExitCodes.OK)
                .assertOutContains("created " + folder.resolve("questionnaire.yaml"));
        assertTrue(QuestionnaireReader.check(folder.resolve("questionnaire.yaml")).isEmpty());
        String header = Files.readString(folder.resolve("responses-template.csv"), StandardCharsets.UTF_8);
        assertTrue(header.startsWith("ResponseId,Team,"), header);
        assertTrue(header.endsWith(",comment\n"), header);
        String readme = Files.readString(folder.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("validate -q " + folder + "/questionnaire.yaml --pilot pilot.csv"), readme);
        // the copied questionnaire scores a file with the template's header
        Path export = dir.resolve("export.csv");
        Files.writeString(export, header, StandardCharsets.UTF_8);
        CliRun.of("validate", "-q", folder.resolve("questionnaire.yaml").toString(), export.toString())
                .assertExit(ExitCodes.OK).assertErrContains("no responses follow");
    }

    @Test
    void initRefusesAFolderThatIsNotEmpty() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "mine", StandardCharsets.UTF_8);
        CliRun.of("init", dir.toString()).assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("already exists and is not an empty folder");
        assertEquals("mine", Files.readString(dir.resolve("keep.txt"), StandardCharsets.UTF_8));
    }

    private Path questionnaire(String indexItems, boolean reverseB) throws IOException {
        Path file = dir.resolve("q.yaml");
        Files.writeString(file, String.join("\n",
                "id: pilot-test",
                "title: Pilot test",
                "scales:",
                "  agree5: {min: 1, max: 5, labels: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]}",
                "items:",
                "  - {id: a, text: A, scale: agree5}",
                "  - {id: b, text: B, scale: agree5, reverse: " + reverseB + "}",
                "  - {id: c, text: C, scale: agree5}",
                "  - {id: d, text: D, scale: agree5}",
                "indices:",
                "  - {id: x, name: X, items: [" + indexItems + "]}",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void validateWarnsAboutShortIndicesAndIndicesWithoutReverseItems() throws IOException {
        Path q = questionnaire("a, c", false);
        CliRun.of("validate", "-q", q.toString()).assertExit(ExitCodes.OK)
                .assertErrContains("warning: " + q + ":11:5: index 'x' has 2 items; three or more")
                .assertErrContains("index 'x' has no reverse-worded item");
    }

    @Test
    void validateRefusesAnIndexOfOneReverseItem() throws IOException {
        Path q = questionnaire("b", true);
        CliRun.of("validate", "-q", q.toString()).assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("error: " + q + ":11:").assertErrContains("has a single item and it is reverse-keyed");
    }

    @Test
    void pilotFlagsAForgottenReverseKey() throws IOException {
        // b is worded negatively but the questionnaire forgot 'reverse: true': its answers run against a, c, d
        Path q = questionnaire("a, b, c, d", false);
        StringBuilder csv = new StringBuilder("a,b,c,d\n");
        SplittableRandom random = new SplittableRandom(7);
        for (int r = 0; r < 60; r++) {
            int trait = 1 + random.nextInt(5);
            int[] values = new int[4];
            for (int i = 0; i < 4; i++) {
                int noisy = Math.max(1, Math.min(5, trait + random.nextInt(3) - 1));
                values[i] = i == 1 ? 6 - noisy : noisy;
            }
            csv.append(values[0]).append(',').append(values[1]).append(',').append(values[2]).append(',')
                    .append(values[3]).append('\n');
        }
        Path pilot = dir.resolve("pilot.csv");
        Files.writeString(pilot, csv, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("validate", "-q", q.toString(), "--pilot", pilot.toString())
                .assertExit(ExitCodes.INVALID_INPUT)
                .assertOutContains("pilot: item 'b' of index 'x' runs against the others")
                .assertOutContains("whether it needs 'reverse: true'");
        assertTrue(run.out().contains("pilot: 1 finding") || run.out().contains("pilot: 2 findings"), run.out());
        // with the key fixed, the same pilot passes
        CliRun.of("validate", "-q", questionnaire("a, b, c, d", true).toString(), "--pilot", pilot.toString())
                .assertExit(ExitCodes.OK).assertOutContains("pilot: no findings");
    }

    @Test
    void showPrintsAReadableTable() {
        CliRun run = CliRun.of("questionnaires", "show", "customer-centric-culture").assertExit(ExitCodes.OK);
        assertTrue(run.out().startsWith("customer-centric-culture "), run.out());
        assertTrue(run.out().contains("\nIndices  ((R) = reverse-keyed)\n"), run.out());
        assertTrue(List.of(run.out().split("\n")).stream().anyMatch(l -> l.contains("(R) ")), run.out());
    }
}
