package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation cannot drift from what culturekit does: every command in README.md and docs/*.md runs, and every
 * questionnaire snippet loads.
 *
 * <ul>
 *   <li>Commands: each line of a fenced {@code sh} block (lines ending in {@code \} joined), and each inline code
 *       span that starts with {@code culturekit}, {@code bin/culturekit} or {@code java} and holds no placeholder
 *       ({@code DIR}, {@code FILE}, {@code …}). {@code mvn …} parts of a line are left out: the build is what runs
 *       this test. A command must exit 0, or the code its line's comment names ({@code # exits 4}).
 *   <li>They run through {@code bash}, in order, in a copy of the working tree (without {@code .git} and with
 *       {@code target/} linked to the built one), with {@code culturekit} on the {@code PATH} as
 *       {@code bin/culturekit}. Afterwards the examples and questionnaires they read are unchanged.
 *   <li>Snippets: each fenced {@code yaml} block is written to a file and loaded with {@code culturekit validate -q
 *       FILE}, which must exit 0.
 * </ul>
 *
 * <p>New sections and new files in docs/ are picked up as they are written.
 */
@DisabledOnOs(OS.WINDOWS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocCommandsIT {
    /**
     * Snippets that do not load yet, by document and questionnaire id, with the reason. Remove an entry once its fix is
     * merged; until then the snippet still runs, and is reported as skipped with the reason while it fails.
     */
    static final Map<String, String> KNOWN_FAILURES = Map.of();

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*([\\w-]*).*$");
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern COMMAND = Pattern.compile("^(culturekit|bin/culturekit|java)\\s.*");
    /** A word in capitals (DIR, FILE, ID, EXPORT...) or an ellipsis stands for what the reader fills in. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(^|\\s|=|\\[)[A-Z][A-Z_]+(\\.\\.\\.)?(\\s|$|])|…");
    private static final Pattern EXPECTED_EXIT = Pattern.compile("\\s#\\s*exits?\\s+(\\d+)\\s*$");
    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*([\\w-]+)");

    private final Set<String> knownSeen = new HashSet<>();
    private final List<Path> inputsToKeep = List.of(Path.of("examples"), Path.of("questionnaires"));

    @TempDir Path temp;

    /** One documented command or snippet, where it stands and what it must exit with. */
    record Snippet(String document, int line, String kind, String text, int exit) { }

    /** README.md, then docs/*.md, sorted. */
    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The commands and questionnaire snippets of one Markdown document, in order. */
    static List<Snippet> snippets(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        String name = document.toString().replace('\\', '/');
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                for (Matcher inline = INLINE.matcher(lines.get(i)); inline.find(); ) {
                    String code = inline.group(1).strip();
                    if (COMMAND.matcher(code).matches() && !PLACEHOLDER.matcher(code).find()) {
                        found.add(new Snippet(name, i + 1, "command", code, 0));
                    }
                }
                continue;
            }
            String language = fence.group(3);
            int start = i + 1;
            List<String> body = new ArrayList<>();
            String indent = fence.group(1);
            for (i++; i < lines.size() && !lines.get(i).strip().startsWith(fence.group(2)); i++) {
                String line = lines.get(i);
                body.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
            }
            if (language.equals("yaml") || language.equals("yml")) {
                found.add(new Snippet(name, start, "questionnaire", String.join("\n", body) + "\n", 0));
            } else if (List.of("sh", "bash", "shell").contains(language)) {
                String command = "";
                int first = -1;
                for (int j = 0; j < body.size(); j++) {
                    String line = body.get(j);
                    first = command.isEmpty() ? start + j + 1 : first;
                    if (line.endsWith("\\")) {
                        command += line.substring(0, line.length() - 1) + " ";
                        continue;
                    }
                    command = (command + line).strip();
                    if (!command.isEmpty() && !command.startsWith("#")) {
                        Snippet snippet = shellCommand(name, first, command);
                        if (snippet != null) {
                            found.add(snippet);
                        }
                    }
                    command = "";
                }
            }
        }
        return found;
    }

    /** A shell line without its {@code mvn} parts and its exit comment, or null when nothing else is left. */
    private static Snippet shellCommand(String document, int line, String command) {
        int exit = 0;
        Matcher expected = EXPECTED_EXIT.matcher(command);
        if (expected.find()) {
            exit = Integer.parseInt(expected.group(1));
            command = command.substring(0, expected.start()).strip();
        }
        List<String> parts = new ArrayList<>();
        for (String part : command.split("&&")) {
            if (!part.strip().startsWith("mvn ") && !part.strip().equals("mvn")) {
                parts.add(part.strip());
            }
        }
        return parts.isEmpty() ? null : new Snippet(document, line, "command", String.join(" && ", parts), exit);
    }

    @TestFactory
    Stream<DynamicNode> everyDocumentedCommandRunsAndEverySnippetLoads() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path document : documents()) {
            List<Snippet> snippets = snippets(document);
            Path copy = temp.resolve(document.getFileName().toString());
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("copy the working tree", () -> copyWorkingTree(copy)));
            for (Snippet snippet : snippets) {
                String label = snippet.document() + ":" + snippet.line() + " " + (snippet.kind().equals("command")
                        ? snippet.text() : "questionnaire " + id(snippet.text()));
                tests.add(DynamicTest.dynamicTest(label, () -> run(copy, snippet)));
            }
            tests.add(DynamicTest.dynamicTest("the inputs are unchanged", () -> assertInputsUnchanged(copy)));
            nodes.add(DynamicContainer.dynamicContainer(document.toString(), tests));
        }
        return nodes.stream();
    }

    @AfterAll
    void everyKnownFailureNamesASnippet() {
        assertEquals(KNOWN_FAILURES.keySet(), knownSeen, "an entry of KNOWN_FAILURES names no snippet: remove it");
    }

    @Test
    void findsCommandsAndSnippetsAsAReaderSeesThem(@TempDir Path dir) throws IOException {
        Path document = dir.resolve("doc.md");
        Files.writeString(document, String.join("\n",
                "Run `culturekit validate` or `culturekit init --from ID DIR`, `bin/culturekit ARGS`, `mvn -q verify`.",
                "", "```sh", "mvn -q package && java -jar target/culturekit.jar report a.csv", "mvn -q verify",
                "# a comment", "culturekit report a.csv \\", "    --fail-under safety=99 -o out   # exits 4", "```", "",
                "- in a list:", "  ```yaml", "  id: listed", "  ```", "```text", "culturekit not-run", "```", ""),
                StandardCharsets.UTF_8);
        List<Snippet> snippets = snippets(document);
        String name = document.toString();
        assertEquals(List.of(new Snippet(name, 1, "command", "culturekit validate", 0),
                new Snippet(name, 4, "command", "java -jar target/culturekit.jar report a.csv", 0),
                new Snippet(name, 7, "command", "culturekit report a.csv      --fail-under safety=99 -o out", 4),
                new Snippet(name, 12, "questionnaire", "id: listed\n", 0)), snippets);
        assertEquals("listed", id(snippets.get(3).text()));
    }

    private void run(Path copy, Snippet snippet) throws Exception {
        if (snippet.kind().equals("questionnaire")) {
            String key = snippet.document() + ": " + id(snippet.text());
            Path file = Files.createDirectories(copy.resolve("doc-snippets")).resolve("line-" + snippet.line()
                    + ".yaml");
            Files.writeString(file, snippet.text(), StandardCharsets.UTF_8);
            ProcessRun run = shell(copy, "culturekit validate -q " + copy.relativize(file));
            if (KNOWN_FAILURES.containsKey(key)) {
                knownSeen.add(key);
                assumeTrue(run.code() == 0, () -> "known failure, " + KNOWN_FAILURES.get(key) + ":\n" + run.err());
            }
            assertEquals(0, run.code(), () -> snippet.document() + ":" + snippet.line() + ": the questionnaire does "
                    + "not load:\n" + run.err());
            return;
        }
        ProcessRun run = shell(copy, snippet.text());
        assertEquals(snippet.exit(), run.code(), () -> snippet.document() + ":" + snippet.line() + ": `"
                + snippet.text() + "` exited " + run.code() + "\nstderr:\n" + run.err() + "\nstdout:\n" + run.out());
    }

    /** {@code command} through bash in {@code copy}, with {@code culturekit} meaning that copy's launcher. */
    private ProcessRun shell(Path copy, String command) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(copy.resolveSibling(copy.getFileName() + ".path"));
        Path culturekit = bin.resolve("culturekit");
        if (!Files.exists(culturekit, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(culturekit, copy.resolve("bin/culturekit"));
        }
        Path streams = Files.createDirectories(copy.resolveSibling(copy.getFileName() + ".streams"));
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(copy.toFile())
                .redirectOutput(streams.resolve("stdout").toFile()).redirectError(streams.resolve("stderr").toFile());
        Path javaHome = ProcessRun.JAVA.getParent().getParent();
        builder.environment().put("PATH", bin + ":" + javaHome.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JAVA_OPTS", "");
        builder.environment().put("CULTUREKIT_JAVA_OPTS", "");
        Process process = builder.start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "did not finish: " + command);
        return new ProcessRun(process.exitValue(), Files.readString(streams.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(streams.resolve("stderr"), StandardCharsets.UTF_8));
    }

    /** The working tree without .git, target/ and report/; target/ links to the built jar's folder. */
    private static void copyWorkingTree(Path copy) throws IOException {
        Set<Path> skip = Set.of(ROOT.resolve(".git"), ROOT.resolve("target"), ROOT.resolve("report"));
        try (Stream<Path> paths = Files.walk(ROOT)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (skip.stream().anyMatch(path::startsWith)) {
                    continue;
                }
                Path to = copy.resolve(ROOT.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // the same path to the jar, so the launcher's class-data archive, which names it, is used
        Files.createSymbolicLink(copy.resolve("target"), ROOT.resolve("target"));
    }

    private void assertInputsUnchanged(Path copy) throws IOException {
        for (Path folder : inputsToKeep) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    assertArrayEquals(Files.readAllBytes(path), Files.readAllBytes(copy.resolve(path.toString())),
                            path + " was changed by a documented command");
                }
            }
        }
        Files.delete(copy.resolve("target"));   // JUnit would follow the link out of the temporary folder
    }

    private static String id(String yaml) {
        Matcher id = ID.matcher(yaml);
        return id.find() ? id.group(1) : "(no id)";
    }

}
