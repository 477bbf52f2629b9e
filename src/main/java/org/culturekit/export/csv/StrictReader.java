package org.culturekit.export.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes text strictly and, unlike {@code InputStreamReader}, says where a bad byte is: the line it is on
 * and its byte offset, so the user can find it (docs/exports.md). Nothing is ever replaced by U+FFFD.
 */
final class StrictReader extends Reader {
    /** A byte sequence that is not valid in the charset, located. */
    static final class MalformedException extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long byteOffset;

        MalformedException(long line, long byteOffset) {
            this.line = line;
            this.byteOffset = byteOffset;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    /** Written by the reading thread, read by a progress display. */
    private volatile long bytesDecoded;
    private long line = 1;
    private boolean endOfInput;
    private boolean flushed;

    StrictReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    private void fill() throws IOException {
        if (!endOfInput) {
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
        chars.clear();
        int before = bytes.position();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (endOfInput && !result.isError() && !bytes.hasRemaining()) {
            decoder.flush(chars);
            flushed = true;
        }
        chars.flip();
        countLines();
        bytesDecoded += bytes.position() - before;
        if (result.isError()) {
            throw new MalformedException(line, bytesDecoded);
        }
    }

    private void countLines() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\n') {
                line++;
            }
        }
    }

    /** Bytes decoded so far (after any byte-order mark). */
    long bytesDecoded() {
        return bytesDecoded;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
