package org.culturekit.input;

import java.util.Objects;

/**
 * One thing wrong with an input file, located as precisely as the format allows.
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong and what to do, with no more than a short excerpt of the input
 * @param path where in the document's structure (for example {@code /items/3/scale}), or empty
 */
public record Problem(String file, long line, long column, String message, String path) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    /** {@code file:line:column: message (at path)}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ").append(message);
        if (!path.isEmpty()) {
            text.append(" (at ").append(path).append(')');
        }
        return text.toString();
    }
}
