package org.culturekit.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An answer scale: the integer range respondents choose from, its labels and how values are classed.
 *
 * <ul>
 *   <li>{@code labels.get(i)} names the value {@code min + i}; the list is empty or has one label per value.
 *   <li>{@code favorable} and {@code neutral} are disjoint subsets of the range; every other value is
 *       unfavourable.
 * </ul>
 *
 * @param id the key under {@code scales:}
 * @param min lowest value
 * @param max highest value
 * @param labels one label per value, lowest first, or empty
 * @param favorable values counted as favourable
 * @param neutral values counted as neutral
 * @param notApplicable answers read as missing and counted separately
 * @param aliases other spellings or codes of answers, mapped to values
 */
public record Scale(
        String id,
        int min,
        int max,
        List<String> labels,
        List<Integer> favorable,
        List<Integer> neutral,
        List<String> notApplicable,
        Map<String, Integer> aliases) {

    /** The id of the built-in scale of free-text items. */
    public static final String TEXT = "text";

    public Scale {
        Objects.requireNonNull(id, "id");
        if (max <= min) {
            throw new IllegalArgumentException("max must exceed min");
        }
        labels = List.copyOf(labels);
        favorable = List.copyOf(favorable);
        neutral = List.copyOf(neutral);
        notApplicable = List.copyOf(notApplicable);
        aliases = Map.copyOf(aliases);
    }

    /** Number of scale points, {@code A} in the rwg null variance {@code (A² − 1)/12}. */
    public int points() {
        return max - min + 1;
    }

    /** The value an item keyed in reverse gives for {@code value}. */
    public int reverse(int value) {
        return min + max - value;
    }
}
