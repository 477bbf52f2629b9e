package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.culturekit.model.VisibleText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates and exports written to attack a run, through the packaged jar as a user runs it: a template may not
 * switch escaping off by including another, nor crash the run; data text may not reach a terminal or a report
 * as control characters.
 */
class HostileInputIT {
    private static final Path JAR = Path.of("target/culturekit.jar").toAbsolutePath();
    private static final String SCRIPT = "<script>alert(1)</script>";

    /** Every comment of the report, as a template writes it. */
    private static final String COMMENTS = "<#list report.comments as q><#list q.groups as g><#list g.comments as c>"
            + "${c.text}</#list></#list></#list>";

    @TempDir Path dir;

    private ProcessRun java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA.toString(), "-Xmx256m", "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, Map.of());
    }

    /** A questionnaire and an export of eight respondents in two teams, each commenting {@code comment}. */
    private void survey(String comment) throws IOException {
        survey("", "Red", "Agree", comment);
    }

    /**
     * A questionnaire and an export of eight respondents, with {@code extraColumn} appended to the header (with
     * an empty column), four in team {@code red}, the first answering {@code answer} to q1, each commenting
     * {@code comment}.
     */
    private void survey(String extraColumn, String red, String answer, String comment) throws IOException {
        Files.writeString(dir.resolve("questionnaire.yaml"), """
                id: hostile
                title: Hostile
                version: "1.0"
                scales:
                  agree5: {min: 1, max: 5, labels: [Strongly disagree, Disagree, Neither agree nor disagree, Agree,
                    Strongly agree]}
                items:
                  - {id: q1, text: I can raise problems here., scale: agree5}
                  - {id: q2, text: I can ask for help., scale: agree5, reverse: true}
                  - {id: q3, text: People listen., scale: agree5}
                  - {id: comment, text: "Anything else?", scale: text}
                indices:
                  - {id: safety, name: Safety, items: [q1, q2, q3]}
                segments:
                  - {id: team, column: Team}
                respondentId: ResponseId
                comments: [comment]
                reporting: {minGroupSize: 3, minCommentGroupSize: 3}
                """, StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("ResponseId,Team,q1,q2,q3,comment")
                .append(extraColumn.isEmpty() ? "" : "," + extraColumn).append('\n');
        for (int r = 0; r < 8; r++) {
            csv.append("R").append(r).append(',').append(r < 4 ? red : "Blue").append(',')
                    .append(r == 0 ? answer : "Agree").append(",Disagree,")
                    .append(r % 2 == 0 ? "Agree" : "Strongly agree").append(",\"")
                    .append(comment.replace("\"", "\"\"")).append('"')
                    .append(extraColumn.isEmpty() ? "" : ",").append('\n');
        }
        Files.writeString(dir.resolve("export.csv"), csv, StandardCharsets.UTF_8);
    }

    static Stream<Arguments> hostileTemplates() {
        return Stream.of(
                arguments("an included .ftl", Map.of(
                        "report.ftlh", "<p>\n<#include \"comments.ftl\">", "comments.ftl", COMMENTS),
                        "error: template report.ftlh:2:1: included template comments.ftl: is not an HTML template "
                                + "(.ftlh)"),
                arguments("an included .txt", Map.of(
                        "report.ftlh", "<p>\n<#include \"comments.txt\">", "comments.txt", COMMENTS),
                        "error: template report.ftlh:2:1: included template comments.txt: is not an HTML template "
                                + "(.ftlh)"),
                arguments("an include in plain text", Map.of(
                        "report.ftlh", "<p>\n<#include \"lib/comments.ftlh\">",
                        "lib/comments.ftlh", "<#ftl output_format=\"plainText\">" + COMMENTS),
                        "error: template report.ftlh:2:1: included template lib/comments.ftlh: its #ftl header "
                                + "switches the output format to plainText; an HTML report's templates must all "
                                + "be HTML"),
                arguments("an import in RTF", Map.of(
                        "report.ftlh", "<#import \"lib/html.ftlh\" as h>\n<@h.comments/>",
                        "lib/html.ftlh", "<#ftl output_format=\"RTF\"><#macro comments>" + COMMENTS + "</#macro>"),
                        "error: template report.ftlh:1:1: included template lib/html.ftlh: its #ftl header "
                                + "switches the output format to RTF"),
                arguments("an include two deep", Map.of(
                        "report.ftlh", "<#include \"a.ftlh\">", "a.ftlh", "<p>\n\n<#include \"b.ftl\">",
                        "b.ftl", COMMENTS),
                        "error: template a.ftlh:3:1: included template b.ftl: is not an HTML template (.ftlh)"),
                arguments("an include into Markdown", Map.of(
                        "report.ftlmd", "# Report\n<#include \"comments.ftl\">", "comments.ftl", COMMENTS),
                        "error: template report.ftlmd:2:1: included template comments.ftl: is not a Markdown "
                                + "template (.ftlmd)"),
                arguments("a macro calling itself", Map.of(
                        "report.ftlh", "<p>\n<#macro m>\n  <@m/>\n</#macro>\n<@m/>"),
                        "error: template report.ftlh:2:1: nests macros, functions or includes more than 1000 deep"),
                arguments("a string doubled 40 times", Map.of(
                        "report.ftlh", "<#assign s=\"x\">\n<#list 1..40 as i><#assign s=s+s></#list>${s}"),
                        "error: template report.ftlh:2:19: needs more memory than there is"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTemplates")
    void aHostileTemplateIsAUserErrorThatLeavesThePreviousReportsAsTheyWere(String what,
            Map<String, String> templates, String error) throws Exception {
        survey(SCRIPT);
        ProcessRun first = java("report", "-q", "questionnaire.yaml", "export.csv", "-o", "out");
        assertEquals(0, first.code(), first.err());
        Map<String, String> before = contents(dir.resolve("out"));
        String html = Files.readString(dir.resolve("out/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains(SCRIPT),
                "the bundled templates show the comment, escaped");
        for (Map.Entry<String, String> template : templates.entrySet()) {
            Path file = dir.resolve("templates").resolve(template.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, template.getValue(), StandardCharsets.UTF_8);
        }

        ProcessRun run = java("report", "-q", "questionnaire.yaml", "export.csv", "--template-dir", "templates",
                "-o", "out");

        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().startsWith(error), run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        assertFalse(run.err().contains(SCRIPT), run.err());
        assertEquals("", run.out());
        assertEquals(before, contents(dir.resolve("out")), "the previous reports, byte for byte, and nothing else");
    }

    /** A terminal escape that turns text red, a bell, NUL and a right-to-left override. */
    private static final String CONTROLS = "\u001b[31m\u0007\u0000\u202e";

    /** The same, as a terminal and a report show them. */
    private static final String SHOWN = "\\u001B[31m\\u0007\\u0000\\u202E";

    @Test
    void dataTextReachesNoTerminalOrReportAsControlCharacters() throws Exception {
        survey("Notes" + CONTROLS, "Red" + CONTROLS, "Agree" + CONTROLS, SCRIPT + CONTROLS);

        ProcessRun inspect = java("inspect", "-q", "questionnaire.yaml", "export.csv");
        assertEquals(0, inspect.code(), inspect.err());
        assertNothingHidden("inspect", inspect);
        assertTrue(inspect.out().contains("Agree" + SHOWN + " (unreadable) ×1"), inspect.out());
        // a header is read as a person reads it (C0 controls as spaces, folded); the rest is shown
        assertTrue(inspect.out().contains("  7  Notes [31m \\u202E "), inspect.out());

        ProcessRun validate = java("validate", "-q", "questionnaire.yaml", "export.csv");
        assertEquals(1, validate.code(), validate.err());
        assertNothingHidden("validate", validate);
        assertTrue(validate.out().contains("export.csv: columns nothing uses: Notes [31m \\u202E\n"), validate.out());
        assertTrue(validate.err().contains("error: export.csv:2:3: item 'q1': 'Agree" + SHOWN + "' is not an answer"),
                validate.err());

        ProcessRun report = java("report", "-q", "questionnaire.yaml", "export.csv", "-f", "html,md,json,csv",
                "-o", "out");
        assertEquals(0, report.code(), report.err());
        assertNothingHidden("report", report);
        assertTrue(report.err().contains("warning: export.csv:2:3: item 'q1': 'Agree" + SHOWN + "'"), report.err());
        for (String name : List.of("report.html", "report.md", "scores.csv")) {
            String text = Files.readString(dir.resolve("out").resolve(name), StandardCharsets.UTF_8);
            text.chars().forEach(c -> assertFalse(VisibleText.DOCUMENT.shows((char) c),
                    () -> name + " holds U+" + Integer.toHexString(c)));
            assertFalse(text.contains(SCRIPT), name);
        }
        String html = Files.readString(dir.resolve("out/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains(">Red" + SHOWN + "</th>"), "the group, visible");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;" + SHOWN), "the comment, visible");
        String csv = Files.readString(dir.resolve("out/scores.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("team,Red" + SHOWN + ",all,n,4\n"), csv);
        // results.json is data for machines: the text exactly, as JSON escapes it
        String json = Files.readString(dir.resolve("out/results.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"Red\\u001B[31m\\u0007\\u0000\u202e\""), json);
    }

    /** Neither stream of {@code run} holds a character a terminal would act on, but line feeds. */
    private static void assertNothingHidden(String command, ProcessRun run) {
        for (String stream : List.of(run.out(), run.err())) {
            stream.chars().forEach(c -> assertTrue(c == '\n' || !VisibleText.TERMINAL.shows((char) c),
                    () -> command + " printed U+" + Integer.toHexString(c) + ":\n" + stream));
        }
    }

    /** Each file of {@code folder} by name, its bytes as Base64 so that a difference shows. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Base64.getEncoder().encodeToString(
                        Files.readAllBytes(file)));
            }
        }
        return contents;
    }
}
