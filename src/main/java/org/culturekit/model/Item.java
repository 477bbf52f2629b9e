package org.culturekit.model;

import java.util.List;
import java.util.Objects;

/**
 * One question of a questionnaire.
 *
 * @param id unique, case-sensitive id
 * @param text the question as respondents read it
 * @param scale id of its {@link Scale}, or {@link Scale#TEXT} for a free-text item
 * @param reverse whether agreement means the unfavourable direction (keyed value = min + max − answer)
 * @param columns extra header names or question texts that identify its column
 */
public record Item(String id, String text, String scale, boolean reverse, List<String> columns) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scale, "scale");
        columns = List.copyOf(columns);
    }

    /** Whether answers are free text rather than scale values. */
    public boolean isText() {
        return Scale.TEXT.equals(scale);
    }
}
