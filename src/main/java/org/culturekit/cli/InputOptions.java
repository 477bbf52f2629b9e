package org.culturekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The questionnaire option shared by the commands that read one. */
final class InputOptions {
    static final String DEFAULT_QUESTIONNAIRE = "builtin:customer-centric-culture";

    @Option(names = {"-q", "--questionnaire"}, paramLabel = "FILE", defaultValue = DEFAULT_QUESTIONNAIRE,
            description = "Questionnaire definition (.yaml, .yml or .json), or builtin:ID for a bundled one "
                    + "(default: ${DEFAULT-VALUE}).")
    String questionnaire;

    /** The questionnaire as a file path, or null when it is a bundled one. */
    Path questionnaireFile() {
        return questionnaire.startsWith("builtin:") ? null : Path.of(questionnaire);
    }

    static List<Path> orEmpty(List<Path> paths) {
        return paths == null ? List.of() : new ArrayList<>(paths);
    }
}
