package org.culturekit.export;

import java.util.List;

/**
 * A row that was left out or had unreadable answers, with why, for {@code --rejects}.
 *
 * @param file the export it came from
 * @param line where the row starts
 * @param reasons why it was rejected or what was wrong with it
 * @param cells the row as read
 * @param duplicate for a row left out as a repeated respondent, its id and answers hashed; else null
 */
public record Rejection(String file, long line, List<String> reasons, List<String> cells, Duplicate duplicate) {
    public Rejection {
        reasons = List.copyOf(reasons);
        cells = List.copyOf(cells);
    }

    /** A row rejected for another reason than a repeated respondent id. */
    public Rejection(String file, long line, List<String> reasons, List<String> cells) {
        this(file, line, reasons, cells, null);
    }

    /**
     * What tells a repeated respondent apart: the 96-bit hash of the id ({@code idHigh}, the low 32 bits of
     * {@code idLow}, as the run's id set keeps it) and a 64-bit hash of the row's answers to the items.
     */
    public record Duplicate(long idHigh, long idLow, long answers) {}
}
