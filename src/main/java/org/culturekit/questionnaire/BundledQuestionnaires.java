package org.culturekit.questionnaire;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build, not by users: writes each bundled questionnaire's YAML again as JSON next to it, which
 * starts faster (no YAML parser to load and warm up). The YAML stays the source, and what {@code init}
 * copies; a test checks both read to the same questionnaire.
 */
public final class BundledQuestionnaires {
    private BundledQuestionnaires() {}

    /** {@code args[0]}: the folder with the bundled {@code ID.yaml} files, where {@code ID.json} is written. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BundledQuestionnaires FOLDER");
        }
        Path folder = Path.of(args[0]);
        for (String id : Questionnaires.BUNDLED) {
            try (Reader yaml = Files.newBufferedReader(folder.resolve(id + ".yaml"), StandardCharsets.UTF_8);
                    Writer json = Files.newBufferedWriter(folder.resolve(id + ".json"), StandardCharsets.UTF_8)) {
                DocumentParser.yamlToJson(id + ".yaml", yaml, json);
            }
        }
    }
}
