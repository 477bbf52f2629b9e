package org.culturekit.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a CSV stream at the first field longer than a limit, before the CSV parser buffers it, so one huge
 * field or an unterminated quote costs bounded memory and is reported at the line where the field starts
 * (SECURITY.md R-CSV-3). It follows RFC 4180 quoting: a {@code "} toggles quoted text ({@code ""} toggles
 * twice), and only outside quotes do the delimiter and line breaks end a field.
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

    private final char delimiter;
    private final long limit;
    private boolean quoted;
    private boolean lastWasCarriageReturn;
    private long line = 1;
    private long fieldStartLine = 1;
    private int column = 1;
    private long fieldLength;

    FieldLimitReader(Reader in, char delimiter, long limit) {
        super(in);
        this.delimiter = delimiter;
        this.limit = limit;
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
            boolean newLine = c == '\n' ? !lastWasCarriageReturn : c == '\r';
            lastWasCarriageReturn = c == '\r';
            if (newLine) {
                line++;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                startField(1);
                continue;
            } else if (!quoted && c == delimiter) {
                startField(column + 1);
                continue;
            }
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
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
