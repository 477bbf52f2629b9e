package org.culturekit.export.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a reader as UTF-8 bytes, so that an export in any encoding is cut and parsed by the one CSV
 * grammar, {@link CsvChunker} and {@link ChunkRecords}. The reader decodes strictly ({@link StrictReader}), so
 * its text holds no lone surrogate and every char encodes.
 */
final class Utf8Channel implements ReadableByteChannel {
    private final Reader in;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private boolean endOfInput;
    private boolean flushed;
    private boolean open = true;

    Utf8Channel(Reader in) {
        this.in = in;
        chars.flip();
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        int before = target.position();
        while (target.hasRemaining() && !flushed) {
            if (!chars.hasRemaining() && !endOfInput) {
                fill();
            }
            CoderResult result = encoder.encode(chars, target, endOfInput);
            if (result.isError()) {
                result.throwException(); // not for text a strict decoder made
            }
            if (endOfInput && !chars.hasRemaining() && encoder.flush(target).isUnderflow()) {
                flushed = true;
            }
            if (result.isOverflow()) {
                break;
            }
            if (result.isUnderflow() && chars.hasRemaining() && !endOfInput) {
                fill(); // half a surrogate pair: read the other half
            }
        }
        int read = target.position() - before;
        return read == 0 && flushed ? -1 : read;
    }

    /** Reads more text after what is left, which is at most a high surrogate. */
    private void fill() throws IOException {
        chars.compact();
        int read = in.read(chars.array(), chars.position(), chars.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            chars.position(chars.position() + read);
        }
        chars.flip();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        in.close();
    }
}
