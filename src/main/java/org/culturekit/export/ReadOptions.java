package org.culturekit.export;

import java.nio.charset.Charset;
import org.culturekit.export.csv.CsvTable;
import org.culturekit.export.table.Table;

/**
 * How to read an export.
 *
 * @param source the platform, or null to detect it from the header rows
 * @param encoding the text encoding, or null to take it from the byte-order mark, else UTF-8
 * @param includePartial whether responses the platform marks as unfinished are scored
 * @param fieldLimit the longest field accepted, in characters
 * @param columnLimit the most columns a row may have; a row with more is refused as soon as the one past the
 *     limit is reached, before the row is built
 * @param inspecting reading for {@code inspect}: count each mapped item's distinct answers, and accept a file
 *     whose columns match no item
 */
public record ReadOptions(Platform source, Charset encoding, boolean includePartial, long fieldLimit,
        int columnLimit, boolean inspecting) {
    public static final ReadOptions DEFAULT = new ReadOptions(null, null, false, CsvTable.DEFAULT_FIELD_LIMIT,
            Table.DEFAULT_COLUMN_LIMIT, false);

    public ReadOptions {
        if (fieldLimit < 1) {
            throw new IllegalArgumentException("fieldLimit must be positive");
        }
        if (columnLimit < 1) {
            throw new IllegalArgumentException("columnLimit must be positive");
        }
    }
}
