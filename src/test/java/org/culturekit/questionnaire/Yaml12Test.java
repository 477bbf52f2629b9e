package org.culturekit.questionnaire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.Questionnaire;
import org.culturekit.questionnaire.Node.ScalarType;
import org.culturekit.questionnaire.QuestionnaireReader.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Questionnaires are YAML 1.2, as editors check them, not YAML 1.1. */
class Yaml12Test {
    @TempDir
    Path dir;

    @Test
    void loadsTheReadmeExample() throws IOException {
        Path file = Files.writeString(dir.resolve("questionnaire.yaml"), ReadmeExample.questionnaire(), UTF_8);

        QuestionnaireReader.Validation validation = QuestionnaireReader.validate(file);

        assertEquals(List.of(), validation.problems());
        Questionnaire questionnaire = validation.questionnaire().orElseThrow();
        assertEquals("Anything else?", questionnaire.item("comment").text());
        assertEquals("How likely are you to recommend working here?", questionnaire.item("enps").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anything else?", "Why? Because.", "A ? in the middle", "?ok", "Who? What? Where?"})
    void readsAQuestionMarkInAPlainScalarOfAFlowMapping(String text) throws IOException {
        Questionnaire questionnaire = read("""
                id: q
                title: T
                items:
                  - {id: c, text: %s, scale: text}
                """.formatted(text));

        assertEquals(text, questionnaire.item("c").text());
    }

    @Test
    void readsAQuestionMarkInABlockMappingToo() throws IOException {
        Questionnaire questionnaire = read("id: q\ntitle: Anything else? Tell us\nitems:\n"
                + "  - id: c\n    text: Anything else?\n    scale: text\n");

        assertEquals("Anything else? Tell us", questionnaire.title());
        assertEquals("Anything else?", questionnaire.item("c").text());
    }

    @Test
    void stillPlacesAMappingValueWhereNoneIsAllowed() throws IOException {
        List<Problem> problems = problems("id: q\ntitle: T\nitems:\n  - id: c\n    text: key: value: x\n");

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(5, problems.get(0).line(), problems::toString);
        assertEquals(14, problems.get(0).column(), problems::toString);
        assertTrue(problems.get(0).message().startsWith("YAML syntax error: mapping values are not allowed here"),
                problems::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "010       | INTEGER | 10",
        "0o10      | INTEGER | 8",
        "0x1F      | INTEGER | 31",
        "+12       | INTEGER | 12",
        "-0        | INTEGER | 0",
        "1_000     | STRING  | ",
        "0b101     | STRING  | ",
        "012345678 | INTEGER | 12345678",
        "1.5       | DECIMAL | ",
        "1e3       | DECIMAL | ",
        ".inf      | DECIMAL | ",
        "true      | BOOLEAN | ",
        "True      | BOOLEAN | ",
        "FALSE     | BOOLEAN | ",
        "yes       | STRING  | ",
        "No        | STRING  | ",
        "on        | STRING  | ",
        "OFF       | STRING  | ",
        "y         | STRING  | ",
        "n         | STRING  | ",
        "~         | NULL    | ",
        "null      | NULL    | ",
        "2026-01-01 | STRING | ",
        "12:30     | STRING  | ",
        "<<        | STRING  | ",
    })
    void typesPlainScalarsByTheYaml12CoreSchema(String plain, ScalarType type, String integer) {
        Node.ScalarNode value = scalar("a: " + plain + "\n");

        assertEquals(type, value.type(), plain);
        if (integer != null) {
            assertEquals(new BigInteger(integer), value.integer(), plain);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"'010'", "\"true\"", "!!str 10", "! 10", "|\n  10"})
    void keepsQuotedAndTaggedTextAsText(String written) {
        assertEquals(ScalarType.STRING, scalar("a: " + written + "\n").type(), written);
    }

    @Test
    void readsAnOctalLookingScaleBoundAsDecimal() throws IOException {
        Questionnaire questionnaire = read("id: q\ntitle: T\nscales:\n  s: {min: 00, max: 010}\n"
                + "items:\n  - {id: a, text: A, scale: s}\n");

        assertEquals(0, questionnaire.scale("s").min());
        assertEquals(10, questionnaire.scale("s").max());
    }

    @Test
    void refusesAYes_NoReverseFlag() throws IOException {
        List<Problem> problems = problems("id: q\ntitle: T\nscales:\n  s: {min: 1, max: 5}\n"
                + "items:\n  - {id: a, text: A, scale: s, reverse: yes}\n");

        assertEquals(List.of("6:41: 'reverse' must be true or false, not text"),
                problems.stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: !!binary aGVsbG8=\n", "a: !thing x\n", "a: !!set {x}\n", "a: !!int x\n"})
    void refusesTagsThatAreNotPlainData(String yaml) {
        InputException e = assertThrows(InputException.class, () -> parse(yaml));

        assertTrue(e.getMessage().contains("unsupported kind of value"), e.getMessage());
    }

    @Test
    void writesTheTreeAsJsonThatParsesToTheSameValues() throws IOException {
        String yaml = "a: 010\nb: 0o10\nc: 1.0\nd: yes\ne: True\nf:\ng: [x, 'y']\n";
        StringWriter json = new StringWriter();

        DocumentParser.yamlToJson("t.yaml", new StringReader(yaml), json);

        assertEquals("{\"a\":10,\"b\":8,\"c\":1.0,\"d\":\"yes\",\"e\":true,\"f\":null,\"g\":[\"x\",\"y\"]}",
                json.toString());
    }

    private static Node parse(String yaml) {
        return DocumentParser.parse("t.yaml", new ByteArrayInputStream(yaml.getBytes(UTF_8)), Format.YAML);
    }

    private static Node.ScalarNode scalar(String yaml) {
        return (Node.ScalarNode) ((Node.MapNode) parse(yaml)).entries().get("a").value();
    }

    private Questionnaire read(String yaml) throws IOException {
        QuestionnaireReader.Validation validation = QuestionnaireReader.validate(write(yaml));
        return validation.questionnaire().orElseThrow(() -> new AssertionError(validation.problems().stream()
                .map(Problem::toString).collect(Collectors.joining("\n"))));
    }

    private List<Problem> problems(String yaml) throws IOException {
        return QuestionnaireReader.check(write(yaml));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("q.yaml"), yaml, UTF_8);
    }
}
