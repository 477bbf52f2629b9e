package org.culturekit.export.table;

import java.io.Closeable;
import java.util.List;
import org.culturekit.input.InputException;

/**
 * Rows of text cells from an export, read one at a time: a CSV file or the first sheet of a workbook.
 * Adapters read the header rows themselves, so a table knows nothing of headers.
 */
public interface Table extends Closeable {
    /**
     * The most columns a row may have unless the user says otherwise: far more than any survey export (Excel
     * itself stops at 16,384), far fewer than a hostile header needs to exhaust memory.
     */
    int DEFAULT_COLUMN_LIMIT = 20_000;

    /**
     * The next row, or null after the last. Cells are as stored (untrimmed); an empty cell is "".
     *
     * @throws InputException if the file is malformed, naming where
     */
    Row next();

    /** How the file was read, for {@code inspect}: for example "UTF-8 with BOM, ';'-separated". */
    String describe();

    /**
     * Whether a row may stop before its last empty cells, as spreadsheet rows do; a CSV record must have every
     * field, so there a short row is an error.
     */
    default boolean omitsTrailingEmptyCells() {
        return false;
    }

    /** Bytes of the file read so far, for progress, or −1 when the table cannot tell. */
    default long bytesRead() {
        return -1;
    }

    /** Releases the file; never throws for a read-only source. */
    @Override
    void close();

    /**
     * One row.
     *
     * @param line where it starts: the physical line of a CSV record, the row number of a sheet (1-based)
     * @param cells the cells, left to right
     */
    record Row(long line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }
}
