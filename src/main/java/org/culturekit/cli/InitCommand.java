package org.culturekit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.culturekit.input.InputException;
import org.culturekit.questionnaire.Questionnaires;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Segment;
import org.culturekit.model.VisibleText;
import org.culturekit.report.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code culturekit init}: scaffold an assessment folder from a bundled or existing questionnaire. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Start an assessment in a new folder: a copy of the questionnaire to adapt, the CSV header the survey "
                    + "export must have, and a README with the next steps.",
            "The folder must not exist yet, or be empty."
        })
final class InitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--from", paramLabel = "ID", defaultValue = "customer-centric-culture",
            description = "A bundled questionnaire (culturekit questionnaires list) or a questionnaire file to start "
                    + "from (default: ${DEFAULT-VALUE}).")
    String from;

    @Parameters(paramLabel = "DIR", description = "The folder to create.")
    Path directory;

    @Override
    public Integer call() throws IOException {
        String spec = Questionnaires.BUNDLED.contains(from) ? Questionnaires.BUILTIN + from : from;
        Questionnaire questionnaire = Questionnaires.load(spec);
        if (Files.exists(directory) && (!Files.isDirectory(directory) || !isEmpty(directory))) {
            throw new InputException(directory.toString(), "already exists and is not an empty folder; choose a "
                    + "new folder so nothing is overwritten");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("questionnaire.yaml", Questionnaires.source(spec));
        files.put("responses-template.csv", header(questionnaire));
        String run = runCommand();
        files.put("README.md", readme(questionnaire, directory, run));
        List<Path> written = OutputFiles.publish(directory, files);
        PrintWriter out = this.spec.commandLine().getOut();
        written.forEach(path -> out.println("created " + VisibleText.TERMINAL.of(path.toString())));
        String questionnaireFile = VisibleText.TERMINAL.of(directory.resolve("questionnaire.yaml").toString());
        out.printf("Next: edit %s, then run: %s validate -q %s%n", questionnaireFile, VisibleText.TERMINAL.of(run),
                questionnaireFile);
        return ExitCodes.OK;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The columns an export must have: the respondent id, each segment, then every item by id. */
    static String header(Questionnaire questionnaire) {
        List<String> columns = new ArrayList<>();
        questionnaire.respondentId().ifPresent(columns::add);
        for (Segment segment : questionnaire.segments()) {
            columns.add(segment.columns().get(0));
        }
        for (Item item : questionnaire.items()) {
            columns.add(item.id());
        }
        return CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().format(columns.toArray()) + "\n";
    }

    /**
     * How to run this culturekit: {@code java -jar} and the jar this class was loaded from, when it was loaded
     * from one (quoted for a shell if need be); else {@code culturekit}, as when run from the build's classes.
     */
    static String runCommand() {
        try {
            CodeSource source = InitCommand.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path jar = Path.of(source.getLocation().toURI());
                if (jar.getFileName() != null && jar.getFileName().toString().endsWith(".jar")
                        && Files.isRegularFile(jar)) {
                    return "java -jar " + shellWord(jar.toAbsolutePath().normalize().toString());
                }
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException | FileSystemNotFoundException e) {
            // not a file on this file system: fall through
        }
        return "culturekit";
    }

    /** {@code word} as one word for a POSIX shell: as it is when it has nothing special, else single-quoted. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String readme(Questionnaire q, Path directory, String run) {
        String dir = directory.toString();
        return """
                # Assessment: %s

                Started with culturekit from the questionnaire `%s` %s. Steps:

                1. **Adapt the questionnaire.** Edit `questionnaire.yaml`: the title, the item texts (keep the \
                meaning of reverse-keyed items, marked `reverse: true`), the segments your organisation needs \
                (team, department, level…). Check it after every change:

                       %s validate -q %s/questionnaire.yaml

                   `validate` lists every mistake with its line and column, and warns about indices with fewer \
                than three items or no reverse-worded item.
                2. **Pilot it.** Field it to a small group, export the answers, and run

                       %s validate -q %s/questionnaire.yaml --pilot pilot.csv

                   An item whose corrected item-total correlation is negative usually lacks `reverse: true`; an \
                index with alpha below .6 needs better items.
                3. **Field the survey** on your platform (Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms, \
                LimeSurvey, Alchemer, or any CSV). `responses-template.csv` shows the columns a generic export \
                needs; platform exports are matched by their own codes or question texts — check with

                       %s inspect -q %s/questionnaire.yaml export.csv --suggest

                4. **Report.**

                       %s report -q %s/questionnaire.yaml -o %s/report export.csv

                Anonymity: no group with fewer than %d respondents is ever shown (`reporting.minGroupSize`), and \
                comments only for groups of %d or more. Keep the raw export, and any `--rejects` file, as \
                confidential as the answers themselves.
                """.formatted(q.title(), q.id(), q.version(), run, dir, run, dir, run, dir, run, dir, dir,
                q.reporting().minGroupSize(), q.reporting().minCommentGroupSize());
    }
}
