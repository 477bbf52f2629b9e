package org.culturekit.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.culturekit.input.InputException;
import org.culturekit.model.Questionnaire;

/**
 * Finds a questionnaire by what the user typed: {@code builtin:ID} for one bundled in the jar, otherwise a file
 * path.
 */
public final class Questionnaires {
    /** The prefix that names a bundled questionnaire. */
    public static final String BUILTIN = "builtin:";

    /** The bundled questionnaires, default first; a test checks this matches {@code questionnaires/}. */
    public static final List<String> BUNDLED =
            List.of("customer-centric-culture", "psych-safety-pulse", "say-do-values-audit");

    private Questionnaires() {}

    /** The questionnaire {@code spec} names, checked; every problem of the file is in the exception. */
    public static Questionnaire load(String spec) {
        QuestionnaireReader.Validation validation = validate(spec);
        return validation.questionnaire().orElseThrow(() -> new InputException(validation.problems()));
    }

    /** The questionnaire {@code spec} names, checked, with every problem and warning. */
    public static QuestionnaireReader.Validation validate(String spec) {
        if (!spec.startsWith(BUILTIN)) {
            return QuestionnaireReader.validate(Path.of(spec));
        }
        // the build writes each bundled questionnaire as JSON too, which reads faster; the YAML is the fallback
        InputStream json = bundledJson(spec);
        try (InputStream in = json != null ? json : bundled(spec)) {
            return QuestionnaireReader.validate(spec, in,
                    json != null ? QuestionnaireReader.Format.JSON : QuestionnaireReader.Format.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON copy the build made of a bundled questionnaire, or null. */
    static InputStream bundledJson(String spec) {
        String id = spec.substring(BUILTIN.length());
        return BUNDLED.contains(id)
                ? Questionnaires.class.getClassLoader().getResourceAsStream("questionnaires/" + id + ".json")
                : null;
    }

    /** The text of the questionnaire {@code spec} names, as written, for copying. */
    public static String source(String spec) {
        try {
            if (!spec.startsWith(BUILTIN)) {
                return Files.readString(Path.of(spec), StandardCharsets.UTF_8);
            }
            try (InputStream in = bundled(spec)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new InputException(spec, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The YAML of a bundled questionnaire, as written. */
    static InputStream bundled(String spec) {
        String id = spec.substring(BUILTIN.length());
        // only listed ids become resource names, so nothing else of the class path can be reached
        InputStream in = BUNDLED.contains(id)
                ? Questionnaires.class.getClassLoader().getResourceAsStream("questionnaires/" + id + ".yaml")
                : null;
        if (in == null) {
            String closest = closest(id);
            throw new InputException(spec, "no bundled questionnaire with that id; "
                    + (closest == null ? "" : "did you mean " + BUILTIN + closest + "? ")
                    + "the bundled ones are " + String.join(", ", BUNDLED.stream().map(b -> BUILTIN + b).toList())
                    + " (culturekit questionnaires list)");
        }
        return in;
    }

    /**
     * The bundled id {@code id} most likely mistypes: the one fewest edits away from it or from its start, or
     * null when none is near (more edits than a third of its length).
     */
    static String closest(String id) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String bundled : BUNDLED) {
            // a mistyped start of the id counts as near as a mistyped whole
            int distance = Math.min(distance(id, bundled),
                    distance(id, bundled.substring(0, Math.min(bundled.length(), id.length()))));
            if (distance < bestDistance) {
                best = bundled;
                bestDistance = distance;
            }
        }
        return best != null && !id.isEmpty() && bestDistance <= Math.max(2, id.length() / 3) ? best : null;
    }

    /** The edits (insert, delete, replace a character) that turn {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
