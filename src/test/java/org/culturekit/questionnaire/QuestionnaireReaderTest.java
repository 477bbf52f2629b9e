package org.culturekit.questionnaire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Reporting;
import org.culturekit.model.Scale;
import org.culturekit.questionnaire.QuestionnaireReader.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionnaireReaderTest {
    /** The smallest valid questionnaire; tests append to it or replace parts of it. */
    private static final String MINIMAL = """
            id: q
            title: T
            scales:
              agree5: {min: 1, max: 5}
            items:
              - {id: a, text: A, scale: agree5}
            """;

    /** MINIMAL with more items, for tests of what refers to items; the added lines start on line 6. */
    private static final String ITEMS = """
            id: q
            title: T
            scales:
              agree5: {min: 1, max: 5}
              likelihood: {min: 0, max: 10}
            items:
              - {id: a, text: A, scale: agree5}
              - {id: b, text: B, scale: agree5}
              - {id: n, text: N, scale: likelihood}
              - {id: c, text: C, scale: text}
            """;

    private static final String SECRET = "hunter2-correct-horse-battery-staple-0123456789";

    @TempDir
    Path dir;

    // --- reading valid files -------------------------------------------------------------------------

    @Test
    void readsEquivalentYamlAndJsonIntoEqualQuestionnaires() throws Exception {
        Questionnaire yaml = QuestionnaireReader.read(resource("valid.yaml"));
        Questionnaire json = QuestionnaireReader.read(resource("valid.json"));

        assertEquals(yaml, json);
        assertEquals("1.0", yaml.version());
        assertEquals(List.of("agree5", "likelihood"), yaml.scales().stream().map(Scale::id).toList());
        assertEquals(List.of(4, 5), yaml.scale("agree5").favorable());
        assertEquals(List.of(3), yaml.scale("agree5").neutral());
        assertEquals(4, yaml.scale("agree5").aliases().get("AO04"));
        assertTrue(yaml.item("safety_2").reverse());
        assertEquals(List.of("Q5_1"), yaml.item("safety_1").columns());
        Index safety = yaml.indices().get(0);
        assertEquals(List.of(new Band(OptionalDouble.of(50), "At risk"),
                new Band(OptionalDouble.of(70.5), "Developing"),
                new Band(OptionalDouble.empty(), "Strong")), safety.bands());
        assertEquals("do_1", yaml.sayDo().get(0).doItem());
        assertEquals(Optional.of("enps"), yaml.enps());
        assertEquals(List.of("Level", "Role level"), yaml.segments().get(1).columns());
        assertTrue(yaml.segments().get(1).definesLeaders());
        assertEquals(Optional.of("ResponseId"), yaml.respondentId());
        assertEquals(List.of("comment"), yaml.comments());
        assertEquals(new Reporting(6, 12, 75), yaml.reporting());
    }

    @Test
    void fillsInDefaults() throws IOException {
        Questionnaire questionnaire = QuestionnaireReader.read(write("q.yaml", MINIMAL));

        assertEquals("1", questionnaire.version());
        assertEquals("en", questionnaire.language());
        assertEquals(Reporting.DEFAULT, questionnaire.reporting());
        assertFalse(questionnaire.item("a").reverse());
        assertEquals(List.of(), questionnaire.item("a").columns());
        assertEquals(List.of(), questionnaire.scale("agree5").labels());
        assertEquals(Optional.empty(), questionnaire.enps());
        assertEquals(Optional.empty(), questionnaire.respondentId());
    }

    @ParameterizedTest
    @CsvSource({"1.10, 1.10", "2, 2", "'\"2024-03\"', 2024-03"})
    void readsVersionAsWritten(String written, String expected) throws IOException {
        Questionnaire questionnaire = QuestionnaireReader.read(write("q.yaml", MINIMAL + "version: " + written + "\n"));

        assertEquals(expected, questionnaire.version());
    }

    @ParameterizedTest
    @CsvSource({
        "1, 5, '', 4 5, 3",
        "0, 10, '', 9 10, 5",
        "1, 2, '', 2, ''",
        "1, 4, '', 3 4, ''",
        "1, 3, '', 2 3, ''",
        "1, 7, '', 6 7, 4",
        "1, 5, '5', 5, 3",
        "1, 5, '3, 4, 5', 3 4 5, ''",
        "1, 5, '5, 4', 4 5, 3",
    })
    void derivesFavorableAndNeutralValues(int min, int max, String favorable, String expectedFavorable,
            String expectedNeutral) throws IOException {
        String scale = "  agree5: {min: " + min + ", max: " + max
                + (favorable.isEmpty() ? "" : ", favorable: [" + favorable + "]") + "}";
        Scale read = QuestionnaireReader.read(write("q.yaml", MINIMAL.replace("  agree5: {min: 1, max: 5}", scale)))
                .scale("agree5");

        assertEquals(values(expectedFavorable), read.favorable());
        assertEquals(values(expectedNeutral), read.neutral());
    }

    @Test
    void readsBooleanLikeWordsAsText() throws IOException {
        Questionnaire questionnaire = QuestionnaireReader.read(write("q.yaml", MINIMAL.replace(
                "{min: 1, max: 5}", "{min: 1, max: 5, notApplicable: [Yes, No, On, Off, Y, N]}")));

        assertEquals(List.of("Yes", "No", "On", "Off", "Y", "N"), questionnaire.scale("agree5").notApplicable());
    }

    @Test
    void acceptsOnlyTextItemsWithoutScales() throws IOException {
        Questionnaire questionnaire = QuestionnaireReader.read(write("q.yaml", """
                id: q
                title: T
                items:
                  - {id: c, text: C, scale: text}
                comments: [c]
                """));

        assertEquals(List.of(), questionnaire.scales());
        assertTrue(questionnaire.item("c").isText());
    }

    @Test
    void raisesTheDefaultCommentThresholdWithTheGroupThreshold() throws IOException {
        Questionnaire questionnaire =
                QuestionnaireReader.read(write("q.yaml", MINIMAL + "reporting: {minGroupSize: 12}\n"));

        assertEquals(new Reporting(12, 12), questionnaire.reporting());
    }

    @Test
    void readsBundledQuestionnaireFromAStream() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/io/QuestionnaireReader/valid.yaml")) {
            Questionnaire questionnaire = QuestionnaireReader.read("builtin:valid", in, Format.YAML);

            assertEquals(QuestionnaireReader.read(resource("valid.yaml")), questionnaire);
        }
    }

    @Test
    void acceptsAByteOrderMark() throws Exception {
        Path file = dir.resolve("q.json");
        Files.write(file, ("\uFEFF" + Files.readString(resource("valid.json"), UTF_8)).getBytes(UTF_8));

        assertEquals(List.of(), QuestionnaireReader.check(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q.yaml", "q.YML", "q.Json"})
    void choosesTheFormatByExtensionIgnoringCase(String name) throws IOException {
        assertEquals(List.of(), QuestionnaireReader.check(write(name, "{\"id\": \"q\", \"title\": \"T\","
                + " \"items\": [{\"id\": \"c\", \"text\": \"C\", \"scale\": \"text\"}]}")));
    }

    // --- files that cannot be read ---------------------------------------------------------------------

    @Test
    void rejectsAMissingFileNamingIt() {
        Path missing = dir.resolve("nowhere.yaml");

        InputException e = assertThrows(InputException.class, () -> QuestionnaireReader.read(missing));

        assertEquals(missing + ": file not found; check the path", e.getMessage());
    }

    @Test
    void rejectsAnUnknownExtension() throws IOException {
        Path file = write("q.txt", MINIMAL);

        assertProblem(QuestionnaireReader.check(file), 0, 0, "must end in .yaml, .yml or .json");
    }

    @Test
    void rejectsADirectory() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));

        assertProblem(QuestionnaireReader.check(folder), 0, 0, "is a directory");
    }

    @Test
    void rejectsInvalidUtf8() throws IOException {
        Path file = dir.resolve("q.yaml");
        Files.write(file, new byte[] {'i', 'd', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

        assertProblem(QuestionnaireReader.check(file), 0, 0, "not valid UTF-8");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        assertProblem(problems("# nothing here\n"), 0, 0, "the file is empty");
    }

    @Test
    void rejectsARootThatIsNotAMapping() throws IOException {
        List<Problem> problems = problems("- id: q\n");

        assertProblem(problems, 1, 1, "a questionnaire must be a mapping with the keys id, title,");
        assertEquals(1, problems.size(), problems::toString);
    }

    // --- syntax, security and limits -------------------------------------------------------------------

    @Test
    void rejectsAYamlAnchorWithItsLocation() throws IOException {
        assertProblem(problems("id: q\ntitle: &t T\n"), 2, 8, "YAML anchors (&name) are not allowed");
    }

    @Test
    void rejectsAYamlAliasWithItsLocation() throws IOException {
        assertProblem(problems("id: q\ntitle: *t\n"), 2, 8, "YAML aliases (*name) are not allowed");
    }

    @Test
    void rejectsBillionLaughsQuickly() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            String previous = "*" + (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, previous))).append("]\n");
        }
        Path file = write("laughs.yaml", yaml.toString());

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> QuestionnaireReader.check(file));

        assertProblem(problems, 1, 4, "YAML anchors (&name) are not allowed");
    }

    // A repeated YAML key is placed where the key starts; Jackson places a JSON one just after reading it.

    @Test
    void rejectsADuplicateYamlKeyWithItsLocation() throws IOException {
        List<Problem> problems = problems("id: q\ntitle: T\nid: r\n");

        assertProblem(problems, 3, 1, "duplicate key 'id'; a key may appear only once in a mapping");
        assertEquals("/id", problems.get(0).path());
    }

    @Test
    void rejectsADuplicateJsonKeyWithItsLocation() throws IOException {
        List<Problem> problems = problemsJson("{\"id\": \"q\",\n \"id\": \"r\"}");

        assertProblem(problems, 2, 6, "duplicate key 'id'; a key may appear only once in a mapping");
        assertEquals("/id", problems.get(0).path());
    }

    @Test
    void rejectsJsonTrailingTokens() throws IOException {
        assertProblem(problemsJson("{\"a\":1}{\"b\":2}"), 1, 8, "exactly one document");
    }

    @Test
    void rejectsASecondYamlDocument() throws IOException {
        // placed at the --- that starts the second document
        assertProblem(problems(MINIMAL + "---\nid: r\n"), 7, 1, "exactly one document");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLocation() throws IOException {
        assertProblem(problems("id: q\ntitle: a: b\n"), 2, 9, "YAML syntax error: mapping values are not allowed here");
    }

    @Test
    void reportsJsonSyntaxErrorsWithTheirLocation() throws IOException {
        assertProblem(problemsJson("{\"id\": \"q\",\n \"title\" \"T\"}"), 2, 10, "syntax error: Unexpected character");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\": \"q\", \"title\": " + SECRET + "}",
        "{\"id\": \"q\", \"title\": \"" + SECRET + "\n\"}",
        "{\"id\": \"q\", \"" + SECRET + "\" 1}",
        "{\"id\": \"q\", \"title\": \"" + SECRET,
    })
    void keepsSecretsOutOfJsonErrors(String json) throws IOException {
        assertNoSecretIn(problemsJson(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "id: q\ntitle: \"" + SECRET + "\n",
        "id: q\ntitle: a: " + SECRET + "\n",
        "id: q\ntitle: !" + SECRET + "! x\n",
        "id: q\n" + SECRET + " : [1, 2\n",
        "%YAML 1.1 " + SECRET + "\n--- a\n",
        "id: q\ntitle: " + SECRET + "\n\tbad: indentation\n",
        "id: q\n" + SECRET + SECRET + ": 1\n",
    })
    void keepsSecretsOutOfYamlErrors(String yaml) throws IOException {
        assertNoSecretIn(problems(yaml));
    }

    @Test
    void shortensEchoedValuesAndPaths() throws IOException {
        List<Problem> problems = problems(MINIMAL + SECRET + ": 1\n");

        assertProblem(problems, 7, 1, "unknown key 'hunter2-correct-hors…'; valid keys are id, title,");
        assertEquals("/hunter2-correct-hors…", problems.get(0).path());
        assertNoSecretIn(problems);
    }

    @Test
    void keepsOnlyTheInnermostPartOfALongPath() throws IOException {
        StringBuilder yaml = new StringBuilder("id: q\n");
        for (int level = 0; level < 8; level++) {
            yaml.append("  ".repeat(level)).append("key").append(level).append("-").append(SECRET).append(":\n");
        }
        yaml.append("  ".repeat(8)).append("last: [1, 2\n");

        Problem problem = problems(yaml.toString()).get(0);

        assertTrue(problem.path().startsWith("…") && problem.path().length() <= 80, problem::toString);
        assertTrue(problem.path().endsWith("/key7-hunter2-correct…/last/1"), problem::toString);
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() throws IOException {
        // The root mapping is level 1, so 64 nested lists make 65 levels.
        String lists = "[".repeat(64) + "]".repeat(64);

        assertProblem(problemsJson("{\"id\": " + lists + "}"), 1, 0, "limit maxNestingDepth");
        assertProblem(problems("id: " + lists + "\n"), 1, 0, "limit maxNestingDepth");
    }

    @Test
    void rejectsANameLongerThanTheLimit() throws IOException {
        String name = "n".repeat(1025);

        assertProblem(problemsJson("{\"" + name + "\": 1}"), 1, 0, "limit maxNameLength");
        // SnakeYAML refuses plain keys this long by itself; an explicit key reaches Jackson's parser.
        assertProblem(problems("? " + name + "\n: 1\n"), 1, 3,
                "Name length (1025) exceeds the maximum allowed (1024, limit maxNameLength)");
    }

    @Test
    void rejectsANumberLongerThanTheLimit() throws IOException {
        String number = "1".repeat(101);

        assertProblem(problemsJson("{\"id\": " + number + "}"), 1, 0, "limit maxNumberLength");
        assertProblem(problems("id: " + number + "\n"), 1, 5,
                "Number value length (101) exceeds the maximum allowed (100, limit maxNumberLength)");
    }

    @Test
    void rejectsAStringLongerThanTheLimit() throws IOException {
        String string = "x".repeat(1024 * 1024 + 1);
        // 1,025 block-scalar lines of 1,024 characters each, newline included.
        String block = ("  " + "x".repeat(1023) + "\n").repeat(1025);

        assertProblem(problemsJson("{\"id\": \"" + string + "\"}"), 1, 0, "limit maxStringLength");
        assertProblem(problems("id: |\n" + block), 1, 5,
                "String value length (1049600) exceeds the maximum allowed (1048576, limit maxStringLength)");
    }

    @Test
    void rejectsADocumentLongerThanTheLimit() throws IOException {
        String padding = " ".repeat(10 * 1024 * 1024);
        String comments = ("#" + "c".repeat(99) + "\n").repeat(105_000);

        assertProblem(problemsJson("{\"id\": \"q\"" + padding + "}"), 1, 0, "limit maxDocumentLength");
        assertTrue(problems("id: q\n" + comments).stream()
                .anyMatch(p -> p.message().contains("limit maxDocumentLength")));
    }

    @Test
    void rejectsAYamlLineLongerThanTheLimitQuickly() throws IOException {
        Path file = write("q.yaml", "id: q\n# " + "c".repeat(10 * 1024 * 1024 - 20) + "\n");

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> QuestionnaireReader.check(file));

        assertProblem(problems, 2, 65_537, "YAML line length exceeds the maximum allowed (65536)");
    }

    @Test
    void rejectsMoreTokensThanTheLimit() throws IOException {
        String zeros = IntStream.range(0, 1_000_000).mapToObj(i -> "0").collect(Collectors.joining(","));

        assertProblem(problemsJson("[" + zeros + "]"), 1, 0, "limit maxTokenCount");
    }

    @Test
    void replacesControlCharactersInParserMessages() throws IOException {
        List<Problem> problems = problems("id: q\ntitle: &\n");

        assertProblem(problems, 2, 9,
                "YAML syntax error: unexpected character found \\u000A(10) (while scanning an anchor)");
    }

    // --- the questionnaire's keys and types ------------------------------------------------------------

    @Test
    void suggestsTheClosestKeyForAnUnknownKey() throws IOException {
        List<Problem> problems = problems(MINIMAL.replace("scale: agree5}", "scale: agree5, revrse: true}"));

        assertProblem(problems, 6, 37, "unknown key 'revrse'; did you mean 'reverse'?");
        assertEquals("/items/0/revrse", problems.get(0).path());
    }

    @Test
    void listsTheValidKeysWhenNoneIsClose() throws IOException {
        assertProblem(problems(MINIMAL + "colour: red\n"), 7, 1,
                "unknown key 'colour'; valid keys are id, title, version,"
                + " language, scales, items, indices, sayDo, enps, segments, respondentId, comments, reporting");
    }

    @Test
    void rejectsAListWhereTextIsExpected() throws IOException {
        assertProblem(problems(MINIMAL.replace("title: T", "title: [T, U]")), 2, 8, "'title' must be text, not a list");
    }

    @Test
    void rejectsTrueOrFalseWhereTextIsExpected() throws IOException {
        assertProblem(problems(MINIMAL.replace("text: A", "text: true")), 6, 19,
                "'text' must be text, not true or false; put it in quotes");
    }

    @Test
    void rejectsANonIntegerMin() throws IOException {
        assertProblem(problems(MINIMAL.replace("min: 1,", "min: 1.5,")), 4, 17,
                "'min' must be a whole number, not a decimal number");
    }

    @Test
    void requiresIdTitleAndItems() throws IOException {
        List<Problem> problems = problems("language: en\n");

        assertProblem(problems, 1, 1, "missing required key 'id'");
        assertProblem(problems, 1, 1, "missing required key 'title'");
        assertProblem(problems, 1, 1, "missing required key 'items'");
        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void rejectsAQuestionnaireIdOutsideItsPattern() throws IOException {
        assertProblem(problems(MINIMAL.replace("id: q", "id: Customer Culture")), 1, 5,
                "'id' 'Customer Culture' may only contain lower-case letters, digits and '-'");
    }

    @Test
    void rejectsAnEmptyItemList() throws IOException {
        assertProblem(problems("id: q\ntitle: T\nitems: []\n"), 3, 8, "'items' is empty; list at least one");
    }

    @Test
    void requiresScalesUnlessAllItemsAreText() throws IOException {
        List<Problem> problems = problems("id: q\ntitle: T\nitems:\n  - {id: a, text: A, scale: agree5}\n");

        assertProblem(problems, 1, 1, "missing required key 'scales'");
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void rejectsABadLanguageTag() throws IOException {
        assertProblem(problems(MINIMAL + "language: English (UK)\n"), 7, 11, "'language' must be a language tag");
    }

    @Test
    void rejectsAGroupThresholdBelowThree() throws IOException {
        assertProblem(problems(MINIMAL + "reporting:\n  minGroupSize: 2\n"), 8, 17,
                "'minGroupSize' must be at least 3");
    }

    @Test
    void rejectsACommentThresholdBelowTheGroupThreshold() throws IOException {
        assertProblem(problems(MINIMAL + "reporting: {minGroupSize: 5, minCommentGroupSize: 4}\n"), 7, 51,
                "'minCommentGroupSize' (4) must be at least 'minGroupSize' (5)");
    }

    // --- scales --------------------------------------------------------------------------------------

    @Test
    void rejectsAScaleWhoseMaxIsNotAboveMin() throws IOException {
        assertProblem(problems(MINIMAL.replace("max: 5", "max: 1")), 4, 25, "'max' (1) must be greater than 'min' (1)");
    }

    @Test
    void rejectsScaleValuesOfExtremeSize() throws IOException {
        assertProblem(problems(MINIMAL.replace("min: 1,", "min: -2147483648,")), 4, 17,
                "scale values must lie between");
    }

    @Test
    void rejectsTheWrongNumberOfLabels() throws IOException {
        assertProblem(problems(MINIMAL.replace("max: 5}", "max: 5, labels: [No, Maybe, Yes]}")), 4, 36,
                "'labels' has 3 labels but the scale has 5 values (1 to 5); give one label per value");
    }

    @Test
    void rejectsAFavorableValueOutsideTheScale() throws IOException {
        assertProblem(problems(MINIMAL.replace("max: 5}", "max: 5, favorable: [5, 6]}")), 4, 43,
                "favorable value 6 is outside the scale (1 to 5)");
    }

    @Test
    void rejectsAnAliasOutsideTheScale() throws IOException {
        assertProblem(problems(MINIMAL.replace("max: 5}", "max: 5, aliases: {AO06: 6}}")), 4, 44,
                "alias 'AO06' maps to 6, outside the scale (1 to 5)");
    }

    @Test
    void rejectsAnAliasThatIsNotAWholeNumber() throws IOException {
        assertProblem(problems(MINIMAL.replace("max: 5}", "max: 5, aliases: {AO06: high}}")), 4, 44,
                "alias 'AO06' must be a whole number, not text");
    }

    @Test
    void rejectsAScaleNamedText() throws IOException {
        assertProblem(problems(MINIMAL.replace("  agree5:", "  text:")), 4, 3,
                "'text' is the built-in scale of free-text items");
    }

    @Test
    void rejectsNotApplicableAnswersThatAreNotText() throws IOException {
        assertProblem(problems(MINIMAL.replace("max: 5}", "max: 5, notApplicable: [[N/A]]}")), 4, 44,
                "an entry of 'notApplicable' must be text, not a list");
    }

    @Test
    void rejectsAnswerSpellingsWithTwoMeanings() throws IOException {
        List<Problem> problems = problems(MINIMAL.replace("max: 5}",
                "max: 3, labels: [No, Maybe, no], notApplicable: [maybe], aliases: {YES: 3, NO: 2}}"));

        assertProblem(problems, 4, 36, "the answer 'no' would mean both value 1 and value 3");
        assertProblem(problems, 4, 68, "the answer 'maybe' would mean both value 2 and not applicable");
        assertProblem(problems, 4, 95, "the answer 'NO' would mean both value 1 and value 2");
        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void rejectsAFavorableValueListedTwice() throws IOException {
        assertProblem(problems(MINIMAL.replace("max: 5}", "max: 5, favorable: [5, 5]}")), 4, 43,
                "favorable value 5 is listed twice");
    }

    @Test
    void reportsTypeProblemsOfAScaleWithoutARange() throws IOException {
        List<Problem> problems = problems(MINIMAL.replace("{min: 1, max: 5}", "{favorable: [high], aliases: {A: b}}"));

        assertProblem(problems, 4, 11, "missing required key 'min'");
        assertProblem(problems, 4, 24, "an entry of 'favorable' must be a whole number, not text");
        assertProblem(problems, 4, 44, "alias 'A' must be a whole number, not text");
    }

    @Test
    void rejectsAScaleThatIsNotAMapping() throws IOException {
        assertProblem(problems(MINIMAL.replace("{min: 1, max: 5}", "[1, 5]")), 4, 11,
                "scale 'agree5' must be a mapping with the keys min, max, labels, favorable, notApplicable, aliases,"
                        + " not a list");
    }

    // --- items ---------------------------------------------------------------------------------------

    @Test
    void rejectsDuplicateItemIds() throws IOException {
        assertProblem(problems(MINIMAL + "  - {id: a, text: B, scale: agree5}\n"), 7, 10,
                "duplicate item id 'a'; it is already used on line 6");
    }

    @Test
    void rejectsAnItemIdOutsideItsPattern() throws IOException {
        assertProblem(problems(MINIMAL.replace("id: a,", "id: a b,")), 6, 10,
                "'id' 'a b' may only contain letters, digits, '_', '.' and '-'");
    }

    @Test
    void rejectsAnUndefinedScale() throws IOException {
        assertProblem(problems(MINIMAL.replace("scale: agree5}", "scale: agre5}")), 6, 29,
                "scale 'agre5' is not defined under 'scales'; did you mean 'agree5'?");
    }

    @Test
    void rejectsReverseThatIsNotABoolean() throws IOException {
        assertProblem(problems(MINIMAL.replace("scale: agree5}", "scale: agree5, reverse: yes}")), 6, 46,
                "'reverse' must be true or false, not text");
    }

    @Test
    void requiresItemText() throws IOException {
        assertProblem(problems(MINIMAL.replace("text: A, ", "")), 6, 5, "missing required key 'text'");
    }

    @Test
    void rejectsBlankItemText() throws IOException {
        assertProblem(problems(MINIMAL.replace("text: A", "text: '  '")), 6, 19, "'text' is blank");
    }

    @Test
    void rejectsColumnsThatAreNotAList() throws IOException {
        assertProblem(problems(MINIMAL.replace("scale: agree5}", "scale: agree5, columns: {Q1: x}}")), 6, 46,
                "'columns' must be a list, not a mapping");
    }

    @Test
    void rejectsAReversedTextItem() throws IOException {
        assertProblem(problems(MINIMAL.replace("scale: agree5}", "scale: text, reverse: true}")), 6, 44,
                "a free-text item cannot be reversed");
    }

    // --- indices -------------------------------------------------------------------------------------

    @Test
    void rejectsDuplicateIndexIds() throws IOException {
        assertProblem(problems(ITEMS + """
                indices:
                  - {id: x, name: X, items: [a]}
                  - {id: x, name: Y, items: [b]}
                """), 13, 10, "duplicate index id 'x'; it is already used on line 12");
    }

    @Test
    void requiresAnIndexName() throws IOException {
        assertProblem(problems(ITEMS + "indices:\n  - {id: x, items: [a]}\n"), 12, 5, "missing required key 'name'");
    }

    @Test
    void rejectsAnIndexWithoutItems() throws IOException {
        assertProblem(problems(ITEMS + "indices:\n  - {id: x, name: X, items: []}\n"), 12, 29, "'items' is empty");
    }

    @Test
    void rejectsAnUndefinedIndexItem() throws IOException {
        assertProblem(problems(ITEMS + "indices:\n  - {id: x, name: X, items: [a, bb]}\n"), 12, 33,
                "item 'bb' is not defined under 'items'; did you mean 'b'?");
    }

    @Test
    void rejectsATextItemInAnIndex() throws IOException {
        assertProblem(problems(ITEMS + "indices:\n  - {id: x, name: X, items: [a, c]}\n"), 12, 33,
                "item 'c' is a free-text item; name an item with a scale");
    }

    @Test
    void rejectsAnIndexThatMixesScales() throws IOException {
        assertProblem(problems(ITEMS + "indices:\n  - {id: safety, name: X, items: [a, b, n]}\n"), 12, 41,
                "index 'safety' mixes scales agree5 and likelihood");
    }

    @Test
    void rejectsAnItemListedTwiceInAnIndex() throws IOException {
        assertProblem(problems(ITEMS + "indices:\n  - {id: x, name: X, items: [a, a]}\n"), 12, 33,
                "item 'a' is listed twice in this index");
    }

    @Test
    void rejectsBandsThatDoNotAscend() throws IOException {
        assertProblem(problems(ITEMS + """
                indices:
                  - id: x
                    name: X
                    items: [a]
                    bands: [{below: 70, label: Low}, {below: 50, label: Mid}, {label: High}]
                """), 15, 46, "'below' must increase from band to band; 50 does not exceed 70");
    }

    @Test
    void rejectsAnOpenBandBeforeTheLast() throws IOException {
        assertProblem(problems(ITEMS + """
                indices:
                  - id: x
                    name: X
                    items: [a]
                    bands: [{label: Low}, {label: High}]
                """), 15, 13, "only the last band may leave out 'below'");
    }

    @Test
    void rejectsALastBandWithAnUpperBound() throws IOException {
        assertProblem(problems(ITEMS + """
                indices:
                  - id: x
                    name: X
                    items: [a]
                    bands: [{below: 50, label: Low}, {below: 100, label: High}]
                """), 15, 46, "the last band is open-ended; remove its 'below'");
    }

    @Test
    void rejectsABandBoundOutsideTheScoreRange() throws IOException {
        assertProblem(problems(ITEMS + """
                indices:
                  - id: x
                    name: X
                    items: [a]
                    bands: [{below: 150, label: Low}, {label: High}]
                """), 15, 21, "'below' is a score from 0 to 100; 150 is outside");
    }

    @Test
    void rejectsDuplicateBandLabels() throws IOException {
        assertProblem(problems(ITEMS + """
                indices:
                  - id: x
                    name: X
                    items: [a]
                    bands: [{below: 50, label: Low}, {label: Low}]
                """), 15, 46, "band label 'Low' is used twice in this index");
    }

    @Test
    void rejectsAnActionForAnUnknownBand() throws IOException {
        assertProblem(problems(ITEMS + """
                indices:
                  - id: x
                    name: X
                    items: [a]
                    bands: [{below: 50, label: At risk}, {label: Strong}]
                    actions: [{band: At rsk, text: Talk.}]
                """), 16, 22, "band 'At rsk' is not a band of this index; did you mean 'At risk'?");
    }

    // --- say-do pairs, eNPS, segments, comments -------------------------------------------------------

    @Test
    void rejectsASayDoPairWithAnUndefinedItem() throws IOException {
        assertProblem(problems(ITEMS + "sayDo:\n  - {id: p, name: P, say: a, do: z}\n"), 12, 34,
                "do item 'z' is not defined under 'items'");
    }

    @Test
    void rejectsASayDoPairWithATextItem() throws IOException {
        assertProblem(problems(ITEMS + "sayDo:\n  - {id: p, name: P, say: c, do: a}\n"), 12, 27,
                "say item 'c' is a free-text item");
    }

    @Test
    void rejectsASayDoPairThatMixesScales() throws IOException {
        assertProblem(problems(ITEMS + "sayDo:\n  - {id: p, name: P, say: a, do: n}\n"), 12, 34,
                "say item 'a' is on agree5 but do item 'n' is on likelihood");
    }

    @Test
    void rejectsASayDoPairOfOneItem() throws IOException {
        assertProblem(problems(ITEMS + "sayDo:\n  - {id: p, name: P, say: a, do: a}\n"), 12, 34,
                "'say' and 'do' name the same item");
    }

    @Test
    void rejectsDuplicateSayDoPairIds() throws IOException {
        assertProblem(problems(ITEMS + "sayDo:\n  - {id: p, name: P, say: a, do: b}\n"
                + "  - {id: p, name: Q, say: b, do: a}\n"),
                13, 10, "duplicate say-do pair id 'p'");
    }

    @Test
    void rejectsAnUndefinedEnpsItem() throws IOException {
        assertProblem(problems(ITEMS + "enps: nps\n"), 11, 7, "'enps' item 'nps' is not defined under 'items'");
    }

    @Test
    void rejectsAnEnpsItemThatIsNotOnAZeroToTenScale() throws IOException {
        assertProblem(problems(ITEMS + "enps: a\n"), 11, 7,
                "eNPS item 'a' is on scale agree5 (1 to 5); it needs a scale from 0 to 10");
    }

    @Test
    void rejectsASegmentWithBothColumnAndColumns() throws IOException {
        assertProblem(problems(MINIMAL + "segments:\n  - {id: team, column: Team, columns: [Team]}\n"), 8, 39,
                "give either 'column' or 'columns', not both");
    }

    @Test
    void rejectsASegmentWithoutAColumn() throws IOException {
        assertProblem(problems(MINIMAL + "segments:\n  - {id: team, leader: [boss]}\n"), 8, 5,
                "missing required key 'column'");
    }

    @Test
    void rejectsDuplicateSegmentIds() throws IOException {
        assertProblem(problems(MINIMAL + "segments:\n  - {id: team, column: Team}\n  - {id: team, column: Unit}\n"),
                9, 10,
                "duplicate segment id 'team'");
    }

    @Test
    void rejectsSegmentValuesThatAreNotText() throws IOException {
        assertProblem(problems(MINIMAL + "segments:\n  - {id: level, column: L, values: {R1: [a]}}\n"), 8, 41,
                "the group label of 'R1' must be text, not a list");
    }

    @Test
    void rejectsARespondentIdThatIsNotText() throws IOException {
        assertProblem(problems(MINIMAL + "respondentId: {column: Id}\n"), 7, 15,
                "'respondentId' must be text, not a mapping");
    }

    @Test
    void rejectsACommentItemThatIsNotFreeText() throws IOException {
        assertProblem(problems(ITEMS + "comments: [c, a]\n"), 11, 15, "comment item 'a' is not a free-text item");
    }

    @Test
    void rejectsAnUndefinedCommentItem() throws IOException {
        assertProblem(problems(ITEMS + "comments: [remarks]\n"), 11, 12,
                "comment item 'remarks' is not defined under 'items'");
    }

    @Test
    void rejectsACommentItemListedTwice() throws IOException {
        assertProblem(problems(ITEMS + "comments: [c, c]\n"), 11, 15, "comment item 'c' is listed twice");
    }

    // --- reporting every problem -----------------------------------------------------------------------

    @Test
    void listsEveryProblemAtOnceInDocumentOrder() throws IOException {
        Path file = write("q.yaml", """
                id: q
                title: T
                scales:
                  agree5: {min: 5, max: 1}
                items:
                  - {id: a, text: A, scale: agree5, revrse: true}
                  - {id: a, text: B, scale: nope}
                enps: missing
                """);

        List<Problem> problems = QuestionnaireReader.check(file);
        InputException e = assertThrows(InputException.class, () -> QuestionnaireReader.read(file));

        assertEquals(problems, e.problems());
        assertEquals(List.of(
                file + ":4:25: 'max' (1) must be greater than 'min' (5) (at /scales/agree5/max)",
                file + ":6:37: unknown key 'revrse'; did you mean 'reverse'? (at /items/0/revrse)",
                file + ":7:10: duplicate item id 'a'; it is already used on line 6 (at /items/1/id)",
                file + ":7:29: scale 'nope' is not defined under 'scales' (at /items/1/scale)",
                file + ":8:7: 'enps' item 'missing' is not defined under 'items' (at /enps)"),
                problems.stream().map(Problem::toString).toList());
        assertEquals(String.join("\n", problems.stream().map(Problem::toString).toList()), e.getMessage());
    }

    @Test
    void reportsTheProblemsInJsonWithTheirLocations() throws IOException {
        List<Problem> problems = problemsJson("""
                {"id": "q", "title": "T",
                 "scales": {"agree5": {"min": 1, "max": 5}},
                 "items": [{"id": "a", "text": "A", "scale": "agree5", "reverse": "no"}]}
                """);

        assertProblem(problems, 3, 67, "'reverse' must be true or false, not text");
        assertEquals("/items/0/reverse", problems.get(0).path());
    }

    @Test
    void stopsListingAfterAThousandProblems() throws IOException {
        String unknownKeys =
                IntStream.range(0, 1001).mapToObj(i -> "unknown" + i + ": 1\n").collect(Collectors.joining());

        List<Problem> problems = problems(MINIMAL + unknownKeys);

        assertEquals(1001, problems.size());
        assertEquals("1 more problem not shown; fix the ones above first", problems.get(1000).message());
    }

    // --- helpers -------------------------------------------------------------------------------------

    private List<Problem> problems(String yaml) throws IOException {
        return QuestionnaireReader.check(write("q.yaml", yaml));
    }

    private List<Problem> problemsJson(String json) throws IOException {
        return QuestionnaireReader.check(write("q.json", json));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, UTF_8);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(QuestionnaireReaderTest.class.getResource("/io/QuestionnaireReader/" + name).toURI());
    }

    private static List<Integer> values(String spaced) {
        return spaced.isEmpty() ? List.of() : Arrays.stream(spaced.split(" ")).map(Integer::valueOf).toList();
    }

    /**
     * Asserts that one problem has this line, column (0: any) and message fragment, and that every problem
     * names its file and has a message free of stack traces.
     */
    private static void assertProblem(List<Problem> problems, long line, long column, String fragment) {
        String all = problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(problems.stream().anyMatch(p -> p.line() == line && (column == 0 || p.column() == column)
                && p.message().contains(fragment)), () -> "no problem at " + line + ":" + column + " saying '"
                + fragment + "' among:\n" + all);
        assertFalse(all.contains("\tat ") || all.contains("Exception"), all);
    }

    /** No message or path quotes more than 20 characters of the secret. */
    private static void assertNoSecretIn(List<Problem> problems) {
        assertFalse(problems.isEmpty());
        for (int start = 0; start + 21 <= SECRET.length(); start++) {
            String piece = SECRET.substring(start, start + 21);
            for (Problem problem : problems) {
                assertFalse(problem.toString().contains(piece), problem::toString);
            }
        }
    }
}
