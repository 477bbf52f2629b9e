package org.culturekit.export.xlsx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.culturekit.export.table.Table;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * The first worksheet of an Excel workbook (.xlsx), read row by row with fastexcel-reader: Microsoft Forms' own
 * export, and SurveyMonkey's XLSX export.
 *
 * <p>Rows stream; memory does not grow with their number. fastexcel-reader does keep the shared-string table in
 * memory (the texts reached so far, at most {@link XlsxGuard.Limits#sharedStringsBytes()} of XML), so memory grows
 * with the number of distinct texts. Before the library sees the file, {@link XlsxGuard} checks it and bounds what
 * will be read.
 *
 * <p>Cells read as Excel shows them, independent of locale and time zone:
 * <ul>
 *   <li>text as stored, with Excel's {@code _xHHHH_} escapes decoded (so {@code _x000D_} is a carriage return);
 *   <li>numbers in plain decimal notation without exponent or trailing zeros ({@code 4}, {@code 0.25},
 *       {@code 1000000}), rounded to 15 significant digits as Excel displays them, so the binary noise in
 *       {@code 0.30000000000000004} reads {@code 0.3};
 *   <li>numbers with a date or time format (Microsoft Forms' "Start time" and "Completion time") as ISO 8601
 *       local date-times, {@code 2024-10-09T11:02:00}, as wall-clock time with no zone (a workbook stores none);
 *       {@code 2024-10-09} when the format shows no time and the time is midnight; {@code 11:02:00} for a time of
 *       day under one day; milliseconds ({@code .250}) only when not zero. Durations ({@code [h]:mm}) and serials
 *       outside 1900-01-01 to 9999-12-31 stay numbers;
 *   <li>booleans {@code TRUE} / {@code FALSE}; errors as Excel shows them ({@code #N/A});
 *   <li>formulas: their cached value as above, or "" when the file holds none.
 * </ul>
 * A row's cells are indexed by column (A is 0), with "" in the gaps; trailing empty cells are dropped, and a row
 * with no text at all is skipped, as a blank line in a CSV file. A row with text past the column limit is refused
 * at the first such cell (the guard has already held every row to Excel's 16,384 cells).
 */
public final class XlsxTable implements Table {
    /** Excel shows at most 15 significant digits. */
    private static final MathContext DISPLAY = new MathContext(15, RoundingMode.HALF_UP);
    private static final BigDecimal DAY_MILLIS = BigDecimal.valueOf(86_400_000L);
    /** 9999-12-31 is serial 2958465 in the 1900 system, 2957003 in the 1904 system. */
    private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(2_958_466L);

    private final String file;
    private final XlsxGuard.Limits limits;
    private final int columnLimit;
    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> stream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
    private final boolean date1904;
    private final String description;
    private long lastRow;

    private XlsxTable(String file, XlsxGuard.Limits limits, int columnLimit, ReadableWorkbook workbook,
            Stream<org.dhatim.fastexcel.reader.Row> stream, boolean date1904, String description) {
        this.file = file;
        this.limits = limits;
        this.columnLimit = columnLimit;
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream == null ? Collections.emptyIterator() : stream.iterator();
        this.date1904 = date1904;
        this.description = description;
    }

    /**
     * Opens the first sheet of the workbook at {@code path}.
     *
     * @param file the name to use in messages
     * @throws InputException if the file is not a readable .xlsx workbook
     */
    static XlsxTable open(Path path, String file) {
        return open(path, file, Table.DEFAULT_COLUMN_LIMIT);
    }

    /** Opens the first sheet, whose rows may have at most {@code columnLimit} columns. */
    public static XlsxTable open(Path path, String file, int columnLimit) {
        return open(path, file, XlsxGuard.Limits.DEFAULT, columnLimit);
    }

    static XlsxTable open(Path path, String file, XlsxGuard.Limits limits) {
        return open(path, file, limits, Table.DEFAULT_COLUMN_LIMIT);
    }

    static XlsxTable open(Path path, String file, XlsxGuard.Limits limits, int columnLimit) {
        XlsxGuard.Layout layout = XlsxGuard.check(path, file, limits);
        if (layout.firstSheet() == null) {
            return new XlsxTable(file, limits, columnLimit, null, null, false, "Excel workbook (.xlsx), no sheets");
        }
        String description = "Excel workbook (.xlsx), first sheet '" + XlsxGuard.shorten(layout.firstSheet(), 64)
                + "'";
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(path.toFile(), new ReadingOptions(layout.hasStyles(), false));
            Stream<org.dhatim.fastexcel.reader.Row> stream = workbook.getFirstSheet().openStream();
            return new XlsxTable(file, limits, columnLimit, workbook, stream, layout.date1904(), description);
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook);
            throw new InputException(file, "cannot be read as an Excel workbook (" + e.getClass().getSimpleName()
                    + "); " + XlsxGuard.ADVICE);
        }
    }

    @Override
    public Row next() {
        while (true) {
            org.dhatim.fastexcel.reader.Row row;
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                row = rows.next();
            } catch (RuntimeException e) {
                String where = lastRow == 0 ? "from its first row" : "after row " + lastRow;
                throw new InputException(file, "the first sheet cannot be read " + where + " ("
                        + e.getClass().getSimpleName() + "); " + XlsxGuard.ADVICE);
            }
            lastRow = row.getRowNum();
            List<String> cells = cells(row);
            if (!cells.isEmpty()) {
                return new Row(lastRow, cells);
            }
        }
    }

    private List<String> cells(org.dhatim.fastexcel.reader.Row row) {
        int count = row.getCellCount();
        String[] texts = new String[count];
        int length = 0;
        long chars = 0;
        for (int i = 0; i < count; i++) {
            Cell cell = row.getCell(i);
            String text = cell == null ? "" : text(cell, row.getRowNum());
            if (text.length() > limits.cellChars()) {
                throw cellProblem(row.getRowNum(), i, "is longer than " + limits.cellChars()
                        + " characters, the most culturekit reads from one cell");
            }
            chars += text.length();
            if (chars > limits.rowChars()) {
                throw new InputException(new Problem(file, row.getRowNum(), 0, "row " + row.getRowNum()
                        + " is longer than " + limits.rowChars() + " characters, the most culturekit reads from one "
                        + "row", ""));
            }
            texts[i] = text;
            if (!text.isEmpty()) {
                if (i >= columnLimit) {
                    throw new InputException(new Problem(file, row.getRowNum(), i + 1, "row " + row.getRowNum()
                            + " has text in column " + XlsxGuard.columnName(i) + ", past " + columnLimit
                            + " columns (--max-columns " + columnLimit + "); if the export really has that many, "
                            + "raise the limit with --max-columns", ""));
                }
                length = i + 1;
            }
        }
        List<String> cells = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            cells.add(texts[i]);
        }
        return cells;
    }

    private String text(Cell cell, long row) {
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> "";
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
            case NUMBER, FORMULA, STRING, ERROR -> {
                if (value instanceof BigDecimal number) {
                    yield number(number, cell, row);
                } else if (value instanceof Boolean bool) {
                    yield bool ? "TRUE" : "FALSE";
                } else {
                    yield value == null ? "" : unescape(value.toString());
                }
            }
        };
    }

    private String number(BigDecimal number, Cell cell, long row) {
        if (!storable(number)) {
            throw cellProblem(row, cell.getColumnIndex(), "holds a number Excel cannot store; " + XlsxGuard.ADVICE);
        }
        String format = cell.getDataFormatString();
        Integer formatId = format == null ? formatId(cell) : null;
        String date = null;
        if (format != null && isDateFormat(format)) {
            date = dateTime(number, date1904, showsTime(format), showsDate(format));
        } else if (format == null && formatId != null && isDateFormatId(formatId)) {
            date = dateTime(number, date1904, false, true);
        }
        if (date != null) {
            return date;
        }
        return plain(number);
    }

    private static Integer formatId(Cell cell) {
        try {
            return cell.getDataFormatId();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private InputException cellProblem(long row, int column, String message) {
        return new InputException(new Problem(file, row, column + 1,
                "cell " + XlsxGuard.columnName(column) + row + " " + message, ""));
    }

    /** Whether a number is within what an Excel cell (an IEEE double) can hold, so its plain form stays short. */
    static boolean storable(BigDecimal number) {
        BigDecimal n = number.stripTrailingZeros();
        return n.signum() == 0 || (n.precision() - n.scale() <= 309 && n.scale() <= 343);
    }

    /** Plain decimal, no exponent, no trailing zeros, at most 15 significant digits: {@code 4}, {@code 0.25}. */
    static String plain(BigDecimal number) {
        BigDecimal n = number.round(DISPLAY).stripTrailingZeros();
        return n.signum() == 0 ? "0" : n.toPlainString();
    }

    /**
     * An Excel date serial as ISO 8601, or null when it is no real date (negative, past 9999, or the 1900-02-29
     * and 1900-01-00 that Excel's 1900 system shows but never existed).
     *
     * @param showsTime whether the format shows a time of day (h or s)
     * @param showsDate whether the format shows a date (y, d, or a month's m)
     */
    static String dateTime(BigDecimal serial, boolean date1904, boolean showsTime, boolean showsDate) {
        if (serial.signum() < 0 || serial.compareTo(LAST_SERIAL) >= 0) {
            return null;
        }
        long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        long millis = serial.subtract(BigDecimal.valueOf(days)).multiply(DAY_MILLIS)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (millis == 86_400_000L) {
            days++;
            millis = 0;
        }
        boolean timeOfDay = showsTime && !showsDate && days == 0;
        LocalDate date;
        if (date1904) {
            date = LocalDate.of(1904, 1, 1).plusDays(days);
        } else if (days == 60 || (days == 0 && !timeOfDay)) {
            return null; // 1900-02-29 and "1900-01-00" exist only in Excel
        } else {
            date = LocalDate.of(1899, 12, days < 60 ? 31 : 30).plusDays(days);
        }
        if (date.getYear() > 9999) {
            return null;
        }
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60) + (millis % 1000 == 0 ? "" : String.format(Locale.ROOT, ".%03d", millis % 1000));
        if (timeOfDay) {
            return time;
        }
        if (!showsTime && millis == 0) {
            return date.toString();
        }
        return date + "T" + time;
    }

    /** Built-in date formats with no format code in the file: 14-22, 45-47 and the East Asian 27-36, 50-58. */
    static boolean isDateFormatId(int id) {
        return (id >= 14 && id <= 22) || id == 45 || id == 47 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
    }

    /** Whether a number format code shows a date or time (and is not a duration such as {@code [h]:mm}). */
    static boolean isDateFormat(String format) {
        String letters = formatLetters(format);
        if (letters == null || letters.indexOf('#') >= 0 || letters.indexOf('?') >= 0
                || letters.indexOf('@') >= 0) {
            return false;
        }
        return showsDate(format) || showsTime(format);
    }

    static boolean showsTime(String format) {
        String letters = formatLetters(format);
        return letters != null && (letters.indexOf('h') >= 0 || letters.indexOf('s') >= 0);
    }

    static boolean showsDate(String format) {
        String letters = formatLetters(format);
        return letters != null && (letters.indexOf('y') >= 0 || letters.indexOf('d') >= 0
                || (letters.indexOf('m') >= 0 && !showsTime(format)));
    }

    /**
     * The first section of a format code in lower case, without quoted text, escaped characters, padding and
     * fill characters, or brackets ({@code [Red]}, {@code [$-409]}); null if it has an elapsed-time bracket.
     */
    private static String formatLetters(String format) {
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == ';') {
                break;
            } else if (c == '"') {
                int close = format.indexOf('"', i + 1);
                i = close < 0 ? format.length() : close;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == '[') {
                int close = format.indexOf(']', i + 1);
                String inside = (close < 0 ? format.substring(i + 1) : format.substring(i + 1, close))
                        .toLowerCase(Locale.ROOT);
                if (inside.matches("h+|m+|s+")) {
                    return null;
                }
                i = close < 0 ? format.length() : close;
            } else {
                kept.append(Character.toLowerCase(c));
            }
        }
        return kept.toString();
    }

    /** Decodes Excel's {@code _xHHHH_} escapes (ECMA-376 ST_Xstring); {@code _x005F_} stands for "_". */
    static String unescape(String text) {
        int at = text.indexOf("_x");
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("_x", i) && i + 7 <= text.length() && text.charAt(i + 6) == '_'
                    && isHex(text, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(text, i + 2, i + 6, 16));
                i += 7;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean omitsTrailingEmptyCells() {
        return true;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // read-only: nothing to lose
        }
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
        }
    }
}
