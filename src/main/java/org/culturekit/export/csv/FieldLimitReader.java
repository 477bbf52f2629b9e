package org.culturekit.export.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Stops a CSV stream at the first field longer than a limit, before the CSV parser buffers it, so one huge
 * field or an unterminated quote costs bounded memory and is reported at the line where the field starts
 * (SECURITY.md R-CSV-3). It follows RFC 4180 quoting as the parser does: a {@code "} at the start of a field
 * opens quoted text, {@code ""} inside it is one quote, and only outside quotes do the delimiter and line
 * breaks end a field. On the way it notes the line each record starts on, which the parser cannot say.
 *
 * <p>It bounds the number of fields of a record too, counting them as they go by: a header of millions of short
 * columns, which no field limit stops, is refused at the first column past the limit, before the parser has
 * built them.
 */
final class FieldLimitReader extends FilterReader {
    /** A field over the limit: where it starts, which column, and the limit. */
    static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;
        final int column;
        final long limit;

        TooLongException(long line, int column, long limit) {
            super("field too long");
            this.line = line;
            this.column = column;
            this.limit = limit;
        }
    }

    /** A record with more fields than the limit: the line it starts on, and the limit. */
    static final class TooManyColumnsException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;
        final int limit;

        TooManyColumnsException(long line, int limit) {
            super("too many columns");
            this.line = line;
            this.limit = limit;
        }
    }

    private final char delimiter;
    private final long limit;
    private final int columnLimit;
    /** The lines records start on, read ahead of the parser and taken in turn by {@link #nextRecordLine}. */
    private final ArrayDeque<Long> recordLines = new ArrayDeque<>();
    private boolean quoted;
    /** After a quote inside quoted text: a second quote is an escaped one, anything else ends the text. */
    private boolean quoteInQuoted;
    private boolean atFieldStart = true;
    private boolean atRecordStart = true;
    private boolean lastWasCarriageReturn;
    private long line;
    private long recordStartLine;
    private long fieldStartLine;
    private int column = 1;
    private long fieldLength;

    /**
     * @param limit the most characters in a field
     * @param columnLimit the most fields in a record
     * @param firstLine the line the first character read is on
     * @param afterCarriageReturn whether the character before it was a CR, so that an LF first is no new line
     */
    FieldLimitReader(Reader in, char delimiter, long limit, int columnLimit, long firstLine,
            boolean afterCarriageReturn) {
        super(in);
        this.delimiter = delimiter;
        this.limit = limit;
        this.columnLimit = columnLimit;
        this.line = firstLine;
        this.fieldStartLine = firstLine;
        this.lastWasCarriageReturn = afterCarriageReturn;
    }

    /**
     * The line the next record starts on, past any empty lines before it, or −1 if it has not been read yet;
     * the parser's own count would name the first of those empty lines.
     */
    long nextRecordLine() {
        Long next = recordLines.poll();
        return next == null ? -1 : next;
    }

    /** The line the record the parser is reading starts on, without taking it; −1 if unknown. */
    long currentRecordLine() {
        Long next = recordLines.peek();
        return next == null ? -1 : next;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            boolean lineBreak = c == '\n' || c == '\r';
            boolean newLine = c == '\n' ? !lastWasCarriageReturn : c == '\r';
            lastWasCarriageReturn = c == '\r';
            if (quoteInQuoted) {
                quoteInQuoted = false;
                if (c == '"') {
                    // an escaped quote: still quoted
                    fieldLength++;
                    continue;
                }
                quoted = false;
            }
            if (newLine) {
                line++;
            }
            if (!quoted && lineBreak) {
                // the end of a record, or an empty line, which the parser skips
                atRecordStart = true;
                startField(1);
                continue;
            }
            if (atRecordStart) {
                atRecordStart = false;
                recordStartLine = line;
                recordLines.add(line);
            }
            if (quoted) {
                if (c == '"') {
                    quoteInQuoted = true;
                }
            } else if (c == delimiter) {
                if (column >= columnLimit) {
                    throw new TooManyColumnsException(recordStartLine, columnLimit);
                }
                startField(column + 1);
                continue;
            } else if (c == '"' && atFieldStart) {
                // a quote opens quoted text only at the start of a field, as the parser reads it
                quoted = true;
            }
            atFieldStart = false;
            if (++fieldLength > limit) {
                throw new TooLongException(fieldStartLine, column, limit);
            }
        }
        return n;
    }

    private void startField(int nextColumn) {
        column = nextColumn;
        fieldLength = 0;
        fieldStartLine = line;
        atFieldStart = true;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
