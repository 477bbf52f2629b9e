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
    /** Bytes encoded and not yet read: a reader may ask for fewer than a character takes. */
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 15);
    private boolean endOfInput;
    private boolean flushed;
    private boolean open = true;

    Utf8Channel(Reader in) {
        this.in = in;
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        int before = target.position();
        while (target.hasRemaining() && (bytes.hasRemaining() || encode())) {
            int n = Math.min(bytes.remaining(), target.remaining());
            target.put(bytes.array(), bytes.position(), n);
            bytes.position(bytes.position() + n);
        }
        int read = target.position() - before;
        return read == 0 && !bytes.hasRemaining() && flushed ? -1 : read;
    }

    /** Encodes more text into the emptied {@code bytes}; false when there is no more. */
    private boolean encode() throws IOException {
        bytes.clear();
        while (bytes.position() == 0 && !flushed) {
            if (!endOfInput && chars.remaining() < 2) {
                fill(); // none left, or half a surrogate pair: read on
            }
            CoderResult result = encoder.encode(chars, bytes, endOfInput);
            if (result.isError()) {
                result.throwException(); // not for text a strict decoder made
            }
            if (endOfInput && !chars.hasRemaining()) {
                encoder.flush(bytes);
                flushed = true;
            }
        }
        bytes.flip();
        return bytes.hasRemaining();
    }

    /** Reads more text after what is left, which is at most one char. */
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
