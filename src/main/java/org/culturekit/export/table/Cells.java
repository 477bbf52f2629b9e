package org.culturekit.export.table;

import java.util.List;
import org.culturekit.export.ids.RespondentIds;

/** The fields of one record, read on demand: a byte-level parser decodes only the cells that are used. */
public interface Cells {
    /** What {@link #digit} returns for an empty cell. */
    int EMPTY = -2;

    /** What {@link #digit} returns for any other cell than one digit or nothing. */
    int OTHER = -1;

    /** The physical line the record starts on. */
    long line();

    int size();

    /** The cell as text, untrimmed; "" when empty. */
    String get(int column);

    /** The cell's value when it is exactly one ASCII digit, {@link #EMPTY} when it is empty, else {@link #OTHER}. */
    default int digit(int column) {
        String cell = get(column);
        if (cell.isEmpty()) {
            return EMPTY;
        }
        char c = cell.charAt(0);
        return cell.length() == 1 && c >= '0' && c <= '9' ? c - '0' : OTHER;
    }

    /**
     * Puts the 128-bit hash of the cell's text, stripped, into {@code hash} ({@link RespondentIds#high},
     * {@link RespondentIds#low}); false, and nothing put, when the stripped text is empty.
     */
    default boolean idHash(int column, long[] hash) {
        String id = get(column).strip();
        if (id.isEmpty()) {
            return false;
        }
        hash[0] = RespondentIds.high(id);
        hash[1] = RespondentIds.low(id);
        return true;
    }

    /** Every cell as text, for a rejected row. */
    List<String> all();
}
