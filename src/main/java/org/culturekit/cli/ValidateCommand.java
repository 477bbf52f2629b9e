package org.culturekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.culturekit.io.Questionnaires;
import org.culturekit.model.Questionnaire;
import org.culturekit.scoring.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code culturekit validate}: check a questionnaire, and that exports map onto it, listing every problem. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check a questionnaire definition and list every problem with file:line:column.",
            "With CSV files, also check that their columns map onto the questionnaire and every answer can be read."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin InputOptions input;

    @Parameters(arity = "0..*", paramLabel = "CSV", description = "Survey exports to check against it.")
    List<Path> csvFiles;

    @Override
    public Integer call() {
        // load() reports every problem of the file at once, as an InputException (exit 1)
        Questionnaire questionnaire = Questionnaires.load(input.questionnaire);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: questionnaire '%s' %s is valid (%d items, %d indices, %d say-do pairs, %d segments)%n",
                input.questionnaire, questionnaire.id(), questionnaire.version(), questionnaire.items().size(),
                questionnaire.indices().size(), questionnaire.sayDo().size(), questionnaire.segments().size());
        List<Path> files = InputOptions.orEmpty(csvFiles);
        if (!files.isEmpty()) {
            Results results = ScoringRun.score(questionnaire, files, spec.commandLine().getErr());
            out.printf("%d rows read: %d would be scored, %d left out%n", results.rows().read(),
                    results.rows().scored(), results.rows().read() - results.rows().scored());
        }
        return ExitCodes.OK;
    }
}
