package org.culturekit.questionnaire;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.culturekit.input.Problem;

/**
 * A reader that fails on the first line longer than a limit, and once the document is longer than another.
 *
 * <p>SnakeYAML's time and memory grow with the square of a line's length (a 10 MiB comment line takes half a
 * minute and most of a gigabyte), so YAML is read through this to keep a document within the size limit
 * cheap to refuse.
 */
final class LongLineRefusingReader extends FilterReader {
    private final int maxLineLength;
    private final long maxLength;
    private long line = 1;
    private int column;
    private long total;

    LongLineRefusingReader(Reader in, int maxLineLength, long maxLength) {
        super(in);
        this.maxLineLength = maxLineLength;
        this.maxLength = maxLength;
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

    private void count(char c) throws TooLong {
        if (++total > maxLength) {
            throw new DocumentTooLong(line, total, maxLength);
        }
        if (c == '\n') {
            line++;
            column = 0;
        } else if (c == '\r') {
            column = 0;
        } else if (++column > maxLineLength) {
            throw new LineTooLong(line, maxLineLength);
        }
    }

    /** A limit exceeded, as the problem it makes in {@code file}. */
    abstract static sealed class TooLong extends IOException permits LineTooLong, DocumentTooLong {
        private static final long serialVersionUID = 1L;

        TooLong(String message) {
            super(message);
        }

        abstract Problem problem(String file);
    }

    /** The line that was too long. */
    static final class LineTooLong extends TooLong {
        private static final long serialVersionUID = 1L;

        final long line;
        final int maxLineLength;

        LineTooLong(long line, int maxLineLength) {
            super("line " + line + " is longer than " + maxLineLength + " characters");
            this.line = line;
            this.maxLineLength = maxLineLength;
        }

        @Override
        Problem problem(String file) {
            return new Problem(file, line, maxLineLength + 1L, "YAML line length exceeds the maximum allowed ("
                    + maxLineLength + "); break the line, for example with a block scalar (|) for long text", "");
        }
    }

    /** The document was too long; {@code line} is where the reading had got to. */
    static final class DocumentTooLong extends TooLong {
        private static final long serialVersionUID = 1L;

        final long line;
        final long length;
        final long maxLength;

        DocumentTooLong(long line, long length, long maxLength) {
            super("the document is longer than " + maxLength + " characters");
            this.line = line;
            this.length = length;
            this.maxLength = maxLength;
        }

        @Override
        Problem problem(String file) {
            return new Problem(file, line, 1, DocumentParser.limitMessage("Document length (" + length
                    + ") exceeds the maximum allowed (" + maxLength + ", limit maxDocumentLength)"), "");
        }
    }
}
