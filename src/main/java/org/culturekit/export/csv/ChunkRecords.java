package org.culturekit.export.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.culturekit.export.table.Cells;
import org.culturekit.export.ids.RespondentIds;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;

/**
 * The records of one chunk of a UTF-8 CSV file, parsed in place from its bytes: culturekit's one CSV grammar,
 * for the chunks read on several threads and for a table read in turn ({@link CsvTable}) alike. It is RFC 4180
 * as Apache Commons CSV reads it with a strict format (empty lines skipped, blanks after a closing quote
 * allowed, nothing else: no text after a closing quote, no quoted field left open at the end). A record's cells stay bytes until a caller asks for one as text, so a numeric answer costs no
 * String; the whole chunk is still checked to be valid UTF-8 first, as a decoding reader would. A record may
 * have at most the column limit of fields, and is refused at the first past it, as the sequential reader does.
 */
public final class ChunkRecords implements Cells {
    private final String file;
    private final byte[] b;
    private final int end;
    private final byte delimiter;
    private final int columnLimit;
    /** Subtracted from a file offset to give the offset after the byte-order mark, as messages count. */
    private final long byteBase;
    /** The first byte that is not valid UTF-8, or {@code end} when there is none. */
    private final int invalid;

    /** Texts this short are kept in a small cache, so repeats share one String. */
    private static final int CACHED_LENGTH = 48;
    private static final int CACHE_SLOTS = 256;
    private final byte[][] cacheKeys = new byte[CACHE_SLOTS][];
    private final String[] cacheValues = new String[CACHE_SLOTS];

    private int pos;
    private long line;
    private long recordLine;
    private int count;
    private int[] starts;
    private int[] ends;
    /** Per cell: its digit, {@link #EMPTY} or {@link #OTHER}, found while parsing. */
    private int[] digits;
    private boolean[] escaped;
    /** The bytes of a cell's start ({@link #asciiStart}), reused. */
    private byte[] head;

    /**
     * @param offset where {@code bytes[0]} is in the file
     * @param firstLine the line {@code bytes[0]} is on
     * @param byteOrderMark the length of the file's byte-order mark
     * @param columnLimit the most fields a record may have
     */
    public ChunkRecords(String file, byte[] bytes, int length, long offset, long firstLine, char delimiter,
            int byteOrderMark, int columnLimit) {
        this.file = file;
        this.b = bytes;
        this.end = length;
        this.delimiter = (byte) delimiter;
        this.columnLimit = columnLimit;
        int room = Math.min(64, columnLimit);
        this.starts = new int[room];
        this.ends = new int[room];
        this.digits = new int[room];
        this.escaped = new boolean[room];
        this.byteBase = offset - byteOrderMark;
        this.line = firstLine;
        int bad = Utf8.firstInvalid(bytes, 0, length);
        this.invalid = bad < 0 ? length : bad;
    }

    /** Where the next record would start; after the last, the end of the chunk. */
    int position() {
        return pos;
    }

    /** The line {@link #position()} is on. */
    long nextLine() {
        return line;
    }

    /** Starts parsing at {@code from}, which is on the chunk's first line, instead of at the first byte. */
    ChunkRecords from(int from) {
        pos = from;
        return this;
    }

    /**
     * Parses the next record, skipping empty lines; false after the last.
     *
     * @throws InputException for a quoted field that never closes, text after a closing quote, or bytes that
     *     are not UTF-8, whichever comes first in the file
     */
    public boolean next() {
        // the fields in locals: the quick compiler would load them again at every use
        final byte[] b = this.b;
        final int end = this.end;
        while (pos < end && (b[pos] == '\n' || b[pos] == '\r')) {
            pos = lineBreak(pos);
        }
        if (pos >= end) {
            return false;
        }
        recordLine = line;
        count = 0;
        int recordStart = pos;
        final byte d = delimiter;
        while (true) {
            if (count == starts.length) {
                grow(recordStart);
            }
            int i = pos;
            // the commonest fields first, an empty one and one digit, recorded here rather than by add(), which
            // is too large for the quick compiler to inline
            if (i + 1 < end) {
                byte c = b[i];
                int n = count;
                if (c == d) {
                    starts[n] = i;
                    ends[n] = i;
                    digits[n] = EMPTY;
                    escaped[n] = false;
                    count = n + 1;
                    pos = i + 1;
                    continue;
                }
                if (b[i + 1] == d && c >= '0' && c <= '9') {
                    starts[n] = i;
                    ends[n] = i + 1;
                    digits[n] = c - '0';
                    escaped[n] = false;
                    count = n + 1;
                    pos = i + 2;
                    continue;
                }
            }
            if (i < end && b[i] == '"') {
                boolean doubled = false;
                i++;
                while (true) {
                    if (i >= end) {
                        throw fault(recordStart, end, "a quoted field starting in the row on this line is never "
                                + "closed; add the missing '\"' or remove the stray one");
                    }
                    byte c = b[i];
                    if (c == '"') {
                        if (i + 1 < end && b[i + 1] == '"') {
                            doubled = true;
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\r' || (c == '\n' && b[i - 1] != '\r')) {
                        line++;
                    }
                    i++;
                }
                add(pos + 1, i, digitOf(pos + 1, i), doubled);
                i++;
                // blanks between the closing quote and the delimiter are allowed
                while (i < end && b[i] != d && isBlank(b[i])) {
                    i++;
                }
                if (i < end && b[i] != d && b[i] != '\n' && b[i] != '\r') {
                    throw fault(recordStart, i, "text follows a closing quote in the row on this line; a '\"' "
                            + "inside a quoted field must be doubled (\"\")");
                }
            } else {
                while (i < end) {
                    byte c = b[i];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    i++;
                }
                add(pos, i, digitOf(pos, i), false);
            }
            if (i < end && b[i] == d) {
                pos = i + 1;
                continue;
            }
            pos = i < end ? lineBreak(i) : i;
            if (invalid < pos) {
                throw undecodable(recordStart);
            }
            return true;
        }
    }

    private int digitOf(int start, int stop) {
        if (start == stop) {
            return EMPTY;
        }
        int c = b[start] - '0';
        return stop - start == 1 && c >= 0 && c <= 9 ? c : OTHER;
    }

    /** Past the line break at {@code i} (a CR LF is one), counting it. */
    private int lineBreak(int i) {
        line++;
        return b[i] == '\r' && i + 1 < end && b[i + 1] == '\n' ? i + 2 : i + 1;
    }

    private static boolean isBlank(byte c) {
        // what Character.isWhitespace calls blank, but line breaks, which end the record
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || (c >= 0x1C && c <= 0x1F);
    }

    /** Records a field; {@link #next} has made room. */
    private void add(int start, int stop, int digit, boolean doubled) {
        int n = count;
        starts[n] = start;
        ends[n] = stop;
        digits[n] = digit;
        escaped[n] = doubled;
        count = n + 1;
    }

    /**
     * Makes room for one more field of the record starting at {@code recordStart}; the arrays never grow past the
     * column limit, and when they are that long, the field is one too many.
     */
    private void grow(int recordStart) {
        if (count >= columnLimit) {
            throw fault(recordStart, pos, CsvTable.tooManyColumns(file, recordLine, columnLimit));
        }
        int length = (int) Math.min(columnLimit, count * 2L);
        starts = Arrays.copyOf(starts, length);
        ends = Arrays.copyOf(ends, length);
        digits = Arrays.copyOf(digits, length);
        escaped = Arrays.copyOf(escaped, length);
    }

    /** A fault at byte {@code at}, unless a byte before it cannot be decoded: that is reported first. */
    private InputException fault(int recordStart, int at, String message) {
        return fault(recordStart, at, new InputException(new Problem(file, recordLine, 0, message, "")));
    }

    private InputException fault(int recordStart, int at, InputException fault) {
        return invalid < at ? undecodable(recordStart) : fault;
    }

    private InputException undecodable(int recordStart) {
        long badLine = recordLine;
        for (int i = recordStart; i < invalid; i++) {
            if (b[i] == '\n') {
                badLine++;
            }
        }
        return CsvTable.undecodable(file, badLine, byteBase + invalid);
    }

    @Override
    public long line() {
        return recordLine;
    }

    @Override
    public int size() {
        return count;
    }

    /**
     * A start of the cell's text as {@link #get} and {@link String#strip} give it, when that is cheap and short
     * of the whole: its ASCII characters from the first that is no blank, up to {@code max} of them and up to
     * the first other, less blanks at the end. Null when there is no such start, or it would be the whole
     * cell: decode it then.
     */
    public String asciiStart(int column, int max) {
        int from = starts[column];
        int end = ends[column];
        while (from < end && isAsciiBlank(b[from])) {
            from++;
        }
        if (end - from <= max) {
            return null;
        }
        if (head == null || head.length < max) {
            head = new byte[max];
        }
        boolean doubled = escaped[column];
        int n = 0;
        int at = from;
        while (n < max && at < end && b[at] >= 0) {
            byte c = b[at++];
            if (c == '"' && doubled) {
                at++; // "" is one quote
            }
            head[n++] = c;
        }
        while (n > 0 && isAsciiBlank(head[n - 1])) {
            n--;
        }
        return n == 0 || at >= end ? null : new String(head, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** The ASCII characters {@link Character#isWhitespace} is true of: tab to return, 28 to 31, and space. */
    private static boolean isAsciiBlank(byte c) {
        return c >= '\t' && c <= '\r' || c >= 28 && c <= ' ';
    }

    @Override
    public String get(int column) {
        int start = starts[column];
        int length = ends[column] - start;
        if (length == 0) {
            return "";
        }
        if (escaped[column]) {
            return new String(b, start, length, StandardCharsets.UTF_8).replace("\"\"", "\"");
        }
        if (length > CACHED_LENGTH) {
            return new String(b, start, length, StandardCharsets.UTF_8);
        }
        // short texts repeat (groups, labels): one String each, whose hash is then computed once
        int h = length;
        for (int i = start; i < start + length; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & (CACHE_SLOTS - 1);
        byte[] key = cacheKeys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, b, start, start + length)) {
            return cacheValues[slot];
        }
        String text = new String(b, start, length, StandardCharsets.UTF_8);
        cacheKeys[slot] = Arrays.copyOfRange(b, start, start + length);
        cacheValues[slot] = text;
        return text;
    }

    @Override
    public boolean idHash(int column, long[] hash) {
        int start = starts[column];
        int end = ends[column];
        if (escaped[column]) {
            return Cells.super.idHash(column, hash);
        }
        // as String.strip: ASCII blanks and the other ASCII whitespace at either end
        while (start < end && b[start] >= 0 && Character.isWhitespace(b[start])) {
            start++;
        }
        while (end > start && b[end - 1] >= 0 && Character.isWhitespace(b[end - 1])) {
            end--;
        }
        if (start == end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (b[i] < 0) {
                return Cells.super.idHash(column, hash); // not ASCII: decode it
            }
        }
        RespondentIds.hashAscii(b, start, end, hash);
        return true;
    }

    @Override
    public int digit(int column) {
        return digits[column];
    }

    @Override
    public List<String> all() {
        List<String> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cells.add(get(i));
        }
        return cells;
    }
}
