package org.culturekit.io;

import java.util.List;

/**
 * A row that was left out or had unreadable answers, with why, for {@code --rejects}.
 *
 * @param file the export it came from
 * @param line where the row starts
 * @param reasons why it was rejected or what was wrong with it
 * @param cells the row as read
 */
public record Rejection(String file, long line, List<String> reasons, List<String> cells) {
    public Rejection {
        reasons = List.copyOf(reasons);
        cells = List.copyOf(cells);
    }
}
