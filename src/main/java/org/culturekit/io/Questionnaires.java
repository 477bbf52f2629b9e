package org.culturekit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.culturekit.model.Questionnaire;

/** Finds a questionnaire by what the user typed: {@code builtin:ID} for a bundled one, otherwise a file path. */
public final class Questionnaires {
    /** The prefix that names a bundled questionnaire. */
    public static final String BUILTIN = "builtin:";

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    private Questionnaires() {}

    /** The questionnaire {@code spec} names, checked; every problem of the file is in the exception. */
    public static Questionnaire load(String spec) {
        if (!spec.startsWith(BUILTIN)) {
            return QuestionnaireReader.read(Path.of(spec));
        }
        String id = spec.substring(BUILTIN.length());
        // the id becomes part of a resource name, so nothing but the id alphabet gets that far
        InputStream in = ID.matcher(id).matches()
                ? Questionnaires.class.getClassLoader().getResourceAsStream("questionnaires/" + id + ".yaml")
                : null;
        if (in == null) {
            throw new InputException(spec, "no bundled questionnaire with that id; "
                    + "the bundled one is builtin:customer-centric-culture");
        }
        try (in) {
            return QuestionnaireReader.read(spec, in, QuestionnaireReader.Format.YAML);
        } catch (IOException e) {
            throw new InputException(spec, "the bundled questionnaire cannot be read");
        }
    }
}
