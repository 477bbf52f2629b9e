package org.culturekit.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that fails on the first line longer than a limit.
 *
 * <p>SnakeYAML's time and memory grow with the square of a line's length (a 10 MiB comment line takes half a
 * minute and most of a gigabyte), so YAML is read through this to keep a document within the size limit
 * cheap to refuse.
 */
final class LongLineRefusingReader extends FilterReader {
    private final int maxLineLength;
    private long line = 1;
    private int column;

    LongLineRefusingReader(Reader in, int maxLineLength) {
        super(in);
        this.maxLineLength = maxLineLength;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            count(buffer[i]);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped characters would go uncounted, and nothing here needs skipping.
        throw new IOException("skip is not supported");
    }

    private void count(char c) throws LineTooLong {
        if (c == '\n') {
            line++;
            column = 0;
        } else if (c == '\r') {
            column = 0;
        } else if (++column > maxLineLength) {
            throw new LineTooLong(line, maxLineLength);
        }
    }

    /** The line that was too long. */
    static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        final long line;
        final int maxLineLength;

        LineTooLong(long line, int maxLineLength) {
            super("line " + line + " is longer than " + maxLineLength + " characters");
            this.line = line;
            this.maxLineLength = maxLineLength;
        }
    }
}
