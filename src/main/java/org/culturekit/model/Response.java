package org.culturekit.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One respondent's answers as read from an export, before keying.
 *
 * <ul>
 *   <li>{@code answers[i]} is the raw scale value for {@code questionnaire.items().get(i)}, or {@link #MISSING}
 *       (blank, or a free-text item), or {@link #NOT_APPLICABLE}.
 *   <li>{@code segments.get(s)} is the group label for {@code questionnaire.segments().get(s)}; the empty string
 *       means the respondent did not say.
 *   <li>{@code comments.get(c)} is the text for {@code questionnaire.comments().get(c)}, empty if none.
 * </ul>
 *
 * @param source the file it came from, for messages
 * @param line the physical line its record starts on
 * @param answers raw values by item position
 * @param segments group labels by segment position
 * @param comments free text by comment position
 */
public record Response(String source, long line, int[] answers, List<String> segments, List<String> comments) {
    /** No answer, or an answer that could not be read. */
    public static final int MISSING = Integer.MIN_VALUE;

    /** An answer such as "N/A" or "Don't know": missing for scoring, counted separately. */
    public static final int NOT_APPLICABLE = Integer.MIN_VALUE + 1;

    public Response {
        Objects.requireNonNull(source, "source");
        answers = answers.clone();
        segments = List.copyOf(segments);
        comments = List.copyOf(comments);
    }

    @Override
    public int[] answers() {
        return answers.clone();
    }

    /** The raw value of the item at {@code position}, empty when missing or not applicable. */
    public OptionalInt answer(int position) {
        int value = answers[position];
        return isValue(value) ? OptionalInt.of(value) : OptionalInt.empty();
    }

    /** The raw entry at {@code position}: a value, {@link #MISSING} or {@link #NOT_APPLICABLE}. */
    public int rawAnswer(int position) {
        return answers[position];
    }

    /** Whether a raw entry of {@link #answers()} is a real answer. */
    public static boolean isValue(int raw) {
        return raw != MISSING && raw != NOT_APPLICABLE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Response that
                && source.equals(that.source)
                && line == that.line
                && Arrays.equals(answers, that.answers)
                && segments.equals(that.segments)
                && comments.equals(that.comments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, line, Arrays.hashCode(answers), segments, comments);
    }

    @Override
    public String toString() {
        return "Response[" + source + ":" + line + ", answers=" + Arrays.toString(answers)
                + ", segments=" + segments + ", comments=" + comments.size() + "]";
    }
}
