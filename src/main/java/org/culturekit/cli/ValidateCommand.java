package org.culturekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.culturekit.cli.run.Plural;
import org.culturekit.cli.run.Scoring;
import org.culturekit.export.ResponseReader;
import org.culturekit.input.InputException;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.VisibleText;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.culturekit.questionnaire.Questionnaires;
import org.culturekit.scoring.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code culturekit validate}: check a questionnaire, and that exports map onto it, listing every problem. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check a questionnaire definition and list every problem with file:line:column.",
            "With exports, also check that their columns map onto it and that every answer can be read; items "
                    + "without a column and columns nothing uses are listed.",
            "Warnings (an index with fewer than three items or no reverse-worded item) go to stderr and do not "
                    + "fail; problems exit 1."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin InputOptions input;

    @Mixin ImportOptions imports;

    @Parameters(arity = "0..*", paramLabel = "EXPORT", description = "Survey exports to check against it.")
    List<Path> csvFiles;

    @Option(names = "--pilot", paramLabel = "EXPORT",
            description = "A pilot export: flag items whose corrected item-total correlation is negative (usually "
                    + "a missing 'reverse: true') and indices whose alpha is below " + Pilot.MIN_ALPHA
                    + "; any finding exits 1.")
    Path pilot;

    @Override
    public Integer call() {
        QuestionnaireReader.Validation validation = Questionnaires.validate(input.questionnaire);
        PrintWriter err = spec.commandLine().getErr();
        validation.warnings().forEach(warning -> Scoring.warn(err, warning.toString()));
        // every problem of the file at once, as an InputException (exit 1)
        Questionnaire questionnaire = validation.questionnaire()
                .orElseThrow(() -> new InputException(validation.problems()));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: questionnaire '%s' %s is valid (%s, %s, %s, %s)%n",
                VisibleText.TERMINAL.of(input.questionnaire), questionnaire.id(),
                VisibleText.TERMINAL.of(questionnaire.version()),
                Plural.of(questionnaire.items().size(), "item", "items"),
                Plural.of(questionnaire.indices().size(), "index", "indices"),
                Plural.of(questionnaire.sayDo().size(), "say-do pair", "say-do pairs"),
                Plural.of(questionnaire.segments().size(), "segment", "segments"));
        Scoring.Options options = imports.scoring(spec, err);
        List<Path> files = InputOptions.orEmpty(csvFiles);
        OutputGuard.of(spec).exports(files).input("--pilot", pilot).input("-q", input.questionnaireFile())
                .check(null, List.of(), imports.rejects);
        int findings = pilot == null ? 0 : Pilot.check(questionnaire, Scoring.publishable(Scoring.run(questionnaire,
                List.of(pilot), options.withStrict(false).withRejectsFile(null)).results(), questionnaire,
                List.of(pilot)), out);
        if (files.isEmpty()) {
            return findings == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
        }
        // validating is checking: an unreadable answer is an error here, as with --strict
        Results results = Scoring.run(questionnaire, files, options.withStrict(true)
                .withOpened(reader -> describe(reader, out))).results();
        out.printf("%s read: %d would be scored, %d left out%n", Plural.of(results.rows().read(), "row", "rows"),
                results.rows().scored(), results.rows().read() - results.rows().scored());
        return findings == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }

    /** How an export was read and what of it maps, printed as soon as its header is mapped. */
    private static void describe(ResponseReader reader, PrintWriter out) {
        String file = VisibleText.TERMINAL.of(reader.file());
        out.printf("%s: %s export, %s%n", file, reader.platform().id(), VisibleText.TERMINAL.of(reader.describe()));
        if (!reader.unmappedItems().isEmpty()) {
            out.printf("%s: items without a column: %s%n", file, String.join(", ", reader.unmappedItems()));
        }
        if (!reader.unusedColumns().isEmpty()) {
            out.printf("%s: columns nothing uses: %s%n", file,
                    VisibleText.TERMINAL.of(String.join(" | ", reader.unusedColumns())));
        }
    }
}
