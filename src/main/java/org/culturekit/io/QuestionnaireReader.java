package org.culturekit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.culturekit.model.Questionnaire;

/**
 * Reads a questionnaire definition, YAML or JSON in the format of DESIGN.md §3, into a checked
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
        String name = file.toString();
        Path fileName = file.getFileName();
        Format format = Format.ofFileName(fileName == null ? "" : fileName.toString())
                .orElseThrow(() -> new InputException(name,
                        "unknown questionnaire format; the file name must end in .yaml, .yml or .json"));
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory; name a questionnaire file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in, format);
        } catch (NoSuchFileException e) {
            throw new InputException(name, "file not found; check the path");
        } catch (AccessDeniedException e) {
            throw new InputException(name, "permission denied; make the file readable");
        } catch (IOException e) {
            throw new InputException(name, "cannot read the file (" + Problems.shorten(String.valueOf(e.getMessage()))
                    + ")");
        }
    }

    /**
     * The questionnaire that {@code in} holds, for example a bundled one on the classpath; {@code in} is read as
     * UTF-8 and left open.
     *
     * @param displayName names the source in problems, for example {@code builtin:customer-centric-culture}
     * @throws InputException listing every problem if the document is malformed or invalid
     */
    public static Questionnaire read(String displayName, InputStream in, Format format) {
        return QuestionnaireDecoder.decode(displayName, DocumentParser.parse(displayName, in, format));
    }

    /** Every problem in {@code file}, in document order; empty if it holds a valid questionnaire. */
    public static List<Problem> check(Path file) {
        try {
            read(file);
            return List.of();
        } catch (InputException e) {
            return e.problems();
        }
    }

    /** Every problem in the questionnaire that {@code in} holds, as {@link #read(String, InputStream, Format)}. */
    public static List<Problem> check(String displayName, InputStream in, Format format) {
        try {
            read(displayName, in, format);
            return List.of();
        } catch (InputException e) {
            return e.problems();
        }
    }
}
