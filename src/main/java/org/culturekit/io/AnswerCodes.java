package org.culturekit.io;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.culturekit.model.Response;
import org.culturekit.model.Scale;

/**
 * How one scale's answers may be written: numbers in range, labels, aliases, and not-applicable words,
 * compared trimmed, case-insensitive and with runs of spaces folded.
 */
final class AnswerCodes {
    /** What {@link #read} returns for text it does not know. */
    static final int UNKNOWN = Integer.MAX_VALUE;

    private final Scale scale;
    private final Map<String, Integer> values = new HashMap<>();
    private final Set<String> notApplicable = new HashSet<>();

    AnswerCodes(Scale scale) {
        this.scale = scale;
        for (int v = scale.min(); v <= scale.max(); v++) {
            values.put(Integer.toString(v), v);
        }
        for (int i = 0; i < scale.labels().size(); i++) {
            values.putIfAbsent(ColumnMap.key(scale.labels().get(i)), scale.min() + i);
        }
        scale.aliases().forEach((alias, value) -> values.putIfAbsent(ColumnMap.key(alias), value));
        scale.notApplicable().forEach(word -> notApplicable.add(ColumnMap.key(word)));
    }

    /** The raw value, {@link Response#MISSING} for a blank, {@link Response#NOT_APPLICABLE}, or {@link #UNKNOWN}. */
    int read(String cell) {
        if (cell.isBlank()) {
            return Response.MISSING;
        }
        String key = ColumnMap.key(cell);
        Integer value = values.get(key);
        if (value != null) {
            return value;
        }
        if (notApplicable.contains(key)) {
            return Response.NOT_APPLICABLE;
        }
        return UNKNOWN;
    }

    /** What the user may write instead, for a message. */
    String expected() {
        StringBuilder text = new StringBuilder("a whole number from " + scale.min() + " to " + scale.max());
        if (!scale.labels().isEmpty()) {
            text.append(" or a label ('").append(scale.labels().get(0)).append("' … '")
                    .append(scale.labels().get(scale.labels().size() - 1)).append("')");
        }
        return text.toString();
    }
}
