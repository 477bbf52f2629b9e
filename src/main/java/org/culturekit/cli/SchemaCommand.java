package org.culturekit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
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
    /** Where the schema lives in the jar. */
    static final String RESOURCE = "culturekit-questionnaire.schema.json";

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (InputStream in = SchemaCommand.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return ExitCodes.OK;
    }
}
