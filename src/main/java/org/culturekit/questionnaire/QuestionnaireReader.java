package org.culturekit.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.Questionnaire;

/**
 * Reads a questionnaire definition, YAML or JSON in the format of docs/questionnaires.md, into a checked
 * {@link Questionnaire}, reporting every problem in the file at once.
 */
public final class QuestionnaireReader {

    /** The notations a questionnaire may be written in. */
    public enum Format {
        YAML,
        JSON;

        /** The format that a file name's extension names: {@code .yaml}, {@code .yml} or {@code .json}, any case. */
        public static Optional<Format> ofFileName(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return Optional.of(YAML);
            }
            return name.endsWith(".json") ? Optional.of(JSON) : Optional.empty();
        }
    }

    private QuestionnaireReader() {}

    /**
     * The questionnaire in {@code file}, whose extension gives its format.
     *
     * @throws InputException listing every problem if the file is missing, unreadable, malformed or invalid
     */
    public static Questionnaire read(Path file) {
        Validation validation = validate(file);
        return validation.questionnaire().orElseThrow(() -> new InputException(validation.problems()));
    }

    /** {@code file} checked, as {@link #read(Path)} but returning the problems and advice instead of throwing. */
    public static Validation validate(Path file) {
        String name = file.toString();
        Path fileName = file.getFileName();
        Optional<Format> format = Format.ofFileName(fileName == null ? "" : fileName.toString());
        if (format.isEmpty()) {
            return failed(name, "unknown questionnaire format; the file name must end in .yaml, .yml or .json");
        }
        if (Files.isDirectory(file)) {
            return failed(name, "is a directory; name a questionnaire file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return validate(name, in, format.get());
        } catch (NoSuchFileException e) {
            return failed(name, "file not found; check the path");
        } catch (AccessDeniedException e) {
            return failed(name, "permission denied; make the file readable");
        } catch (IOException e) {
            return failed(name, "cannot read the file (" + Problems.shorten(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static Validation failed(String file, String message) {
        return new Validation(Optional.empty(), List.of(new Problem(file, 0, 0, message, "")), List.of());
    }

    /**
     * The questionnaire that {@code in} holds, for example a bundled one on the classpath; {@code in} is read as
     * UTF-8 and left open.
     *
     * @param displayName names the source in problems, for example {@code builtin:customer-centric-culture}
     * @throws InputException listing every problem if the document is malformed or invalid
     */
    public static Questionnaire read(String displayName, InputStream in, Format format) {
        Validation validation = validate(displayName, in, format);
        return validation.questionnaire().orElseThrow(() -> new InputException(validation.problems()));
    }

    /**
     * A questionnaire file checked: the questionnaire if it is valid, every problem, and advice (warnings) about
     * a valid one, such as an index without reverse-worded items.
     *
     * @param questionnaire the questionnaire, when there is no problem
     * @param problems every problem, in document order
     * @param warnings advice on a valid file, in document order
     */
    public record Validation(Optional<Questionnaire> questionnaire, List<Problem> problems, List<Problem> warnings) {
        public Validation {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    /** {@code in} checked, as {@link #read(String, InputStream, Format)} but returning advice as well. */
    public static Validation validate(String displayName, InputStream in, Format format) {
        try {
            return QuestionnaireDecoder.validate(displayName, DocumentParser.parse(displayName, in, format));
        } catch (InputException e) {
            return new Validation(Optional.empty(), e.problems(), List.of());
        }
    }

    /** Every problem in {@code file}, in document order; empty if it holds a valid questionnaire. */
    public static List<Problem> check(Path file) {
        return validate(file).problems();
    }

    /** Every problem in the questionnaire that {@code in} holds, as {@link #read(String, InputStream, Format)}. */
    public static List<Problem> check(String displayName, InputStream in, Format format) {
        return validate(displayName, in, format).problems();
    }
}
