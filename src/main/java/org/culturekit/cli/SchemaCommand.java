package org.culturekit.cli;

import java.util.concurrent.Callable;
import org.culturekit.questionnaire.QuestionnaireSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code culturekit schema}: print the questionnaire format's JSON Schema, for editors. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = {
            "Print the JSON Schema of the questionnaire format, for completion and checking in an editor.",
            "Save it (culturekit schema > questionnaire.schema.json) and point your editor's YAML support at it; "
                    + "see 'Editing questionnaires' in the README."
        })
final class SchemaCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(QuestionnaireSchema.text());
        return ExitCodes.OK;
    }
}
