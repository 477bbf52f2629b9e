package org.culturekit.export.csv;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.culturekit.input.InputException;

/**
 * Cuts the data rows of a UTF-8 CSV file into record-aligned chunks that can be parsed independently, in
 * parallel. It follows RFC 4180 quoting exactly as the parser does (a quote opens quoted text only at the
 * start of a field), so a line break inside a quoted comment never becomes a cut, and counts lines so each
 * chunk knows where it starts.
 *
 * <p>Memory stays bounded: a chunk grows past its size only for a record longer than it, and every field
 * is held to the field limit here, before it is buffered (docs/exports.md), so an unterminated quote
 * costs about one field limit of memory and is reported where the field starts.
 */
public final class CsvChunker implements Closeable {
    /** A piece of the file made of whole records, or the failure that ends the file. */
    public static final class Chunk {
        public final byte[] bytes;
        public final int length;
        /** The absolute offset of {@code bytes[0]} in the file. */
        public final long offset;
        /** The physical line {@code bytes[0]} is on. */
        public final long firstLine;
        /** Set on the chunk that stands for a fault found while cutting; it has no bytes. */
        public final InputException failure;

        Chunk(byte[] bytes, int length, long offset, long firstLine, InputException failure) {
            this.bytes = bytes;
            this.length = length;
            this.offset = offset;
            this.firstLine = firstLine;
            this.failure = failure;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long RETURNS = 0x0D0D0D0D0D0D0D0DL;

    private final ReadableByteChannel channel;
    /** The bytes of the whole source, or -1 when it cannot tell (a stream). */
    private final long size;
    private final String file;
    private final byte delimiter;
    private final long fieldLimit;
    private final int chunkSize;
    /** Buffers of {@code chunkSize} bytes whose chunks have been parsed, to fill again. */
    private final ArrayDeque<byte[]> spare;

    private byte[] buffer;
    /** Bytes in the buffer, of which {@code scanned} have been through the state machine. */
    private int filled;
    private int scanned;
    /** The last record boundary in the buffer (0 = none yet) and the line that starts there. */
    private int boundary;
    private long boundaryLine;
    /** The absolute file offset of {@code buffer[0]}, and its line. */
    private long bufferOffset;
    private long bufferLine;
    private long line;
    private boolean endOfFile;

    /** Whether the scan is inside quoted text. */
    private boolean quoted;
    /** Where in the buffer the record being scanned starts. */
    private int recordStart;
    private InputException pendingFailure;
    private boolean finished;

    /**
     * Opens {@code path} at {@code dataOffset}, the first byte after the header rows, which is on line
     * {@code dataLine}.
     */
    public CsvChunker(Path path, String file, long dataOffset, long dataLine, char delimiter, long fieldLimit,
            int chunkSize, ArrayDeque<byte[]> spare) throws IOException {
        this(open(path, dataOffset), file, dataOffset, dataLine, delimiter, fieldLimit, chunkSize, spare);
    }

    /**
     * Cuts the records read from {@code channel}, UTF-8 text whose first byte is at {@code dataOffset} and on
     * line {@code dataLine}: a file, or another encoding turned into UTF-8 as it is read.
     */
    public CsvChunker(ReadableByteChannel channel, String file, long dataOffset, long dataLine, char delimiter,
            long fieldLimit, int chunkSize, ArrayDeque<byte[]> spare) throws IOException {
        this.spare = spare;
        this.channel = channel;
        this.size = channel instanceof FileChannel in ? in.size() : -1;
        this.file = file;
        this.delimiter = (byte) delimiter;
        this.fieldLimit = fieldLimit;
        this.chunkSize = chunkSize;
        // no bigger than the data, so a small file costs little whatever the chunk size
        long data = size < 0 ? chunkSize : Math.max(1, size - dataOffset);
        this.buffer = data < chunkSize ? new byte[(int) data + 1] : spare.isEmpty() ? new byte[chunkSize] : spare.pop();
        this.bufferOffset = dataOffset;
        this.line = dataLine;
        this.bufferLine = dataLine;
        this.boundaryLine = dataLine;
    }

    private static FileChannel open(Path path, long dataOffset) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return channel.position(dataOffset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Where the data rows of a file start, past its byte-order mark, its {@code sep=} line and
     * {@code headerRecords} records (each of at most {@code columnLimit} fields): {offset, line}.
     */
    public static long[] dataStart(CsvTable.Layout layout, String file, int headerRecords, int columnLimit)
            throws IOException {
        try (FileChannel in = FileChannel.open(layout.path(), StandardOpenOption.READ)) {
            long size = in.size();
            for (long want = 1 << 16; ; want *= 2) {
                int length = (int) Math.min(size, Math.min(want, Integer.MAX_VALUE - 16));
                boolean whole = length == size;
                byte[] prefix = new byte[length];
                ByteBuffer target = ByteBuffer.wrap(prefix);
                while (target.hasRemaining() && in.read(target, target.position()) >= 0) {
                    // positional reads until the prefix is full
                }
                int start = layout.byteOrderMark();
                long line = 1;
                if (layout.sepLine()) {
                    while (start < length && prefix[start] != '\n' && prefix[start] != '\r') {
                        start++;
                    }
                    start += start + 1 < length && prefix[start] == '\r' && prefix[start + 1] == '\n' ? 2 : 1;
                    line = 2;
                }
                try {
                    ChunkRecords records = new ChunkRecords(file, prefix, length, 0, line, layout.delimiter(),
                            layout.byteOrderMark(), columnLimit).from(Math.min(start, length));
                    for (int r = 0; r < headerRecords && records.next(); r++) {
                        // skipping the header
                    }
                    // a record that ends at the end of the prefix may go on after it
                    if (whole || records.position() < length) {
                        return new long[] {records.position(), records.nextLine()};
                    }
                } catch (InputException e) {
                    if (whole) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * About how many records the file's data holds, judging by the line breaks of {@code first}, its first
     * chunk: an estimate that errs high when quoted text has line breaks, or 0 when it cannot tell.
     */
    public long estimatedRecords(Chunk first) throws IOException {
        if (first.bytes == null || first.length == 0 || size < 0) {
            return 0;
        }
        long lines = 0;
        for (int i = 0; i < first.length; i++) {
            if (first.bytes[i] == '\n') {
                lines++;
            }
        }
        return (long) ((double) (size - first.offset) * lines / first.length);
    }

    /** The next chunk, or null after the last; a fault found while cutting comes as a chunk with a failure. */
    public Chunk next() throws IOException {
        while (!finished) {
            if (pendingFailure == null) {
                scan();
            }
            if (pendingFailure != null) {
                // the whole records before the fault still go first: they may hold an earlier fault
                if (boundary > 0) {
                    return cut(boundary, boundaryLine);
                }
                finished = true;
                return new Chunk(null, 0, bufferOffset, bufferLine, pendingFailure);
            }
            if (endOfFile) {
                finished = true;
                return filled > 0 ? cut(filled, line) : null;
            }
            if (filled == buffer.length) {
                if (boundary > 0) {
                    return cut(boundary, boundaryLine);
                }
                // one record longer than a chunk: the field limit bounds how far this can grow
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled));
            if (read < 0) {
                endOfFile = true;
            } else {
                filled += read;
            }
        }
        return null;
    }

    /** Makes {@code buffer[0, end)} a chunk and moves the bytes after it, which start on {@code nextLine}. */
    private Chunk cut(int end, long nextLine) {
        Chunk chunk = new Chunk(buffer, end, bufferOffset, bufferLine, null);
        int rest = filled - end;
        byte[] next = spare.isEmpty() || rest > chunkSize ? new byte[Math.max(chunkSize, rest)] : spare.pop();
        System.arraycopy(buffer, end, next, 0, rest);
        buffer = next;
        bufferOffset += end;
        bufferLine = nextLine;
        filled = rest;
        scanned -= end;
        recordStart -= end;
        boundary = 0;
        return chunk;
    }

    /**
     * Scans the bytes read but not yet scanned, noting the last record boundary. Only three bytes matter here,
     * the quote, LF and CR, found eight at a time; a quote opens quoted text only at the start of a field, as
     * in the parser. A record longer than the field limit has its fields measured one by one.
     */
    private void scan() {
        final byte[] b = buffer;
        final int end = filled;
        final byte d = delimiter;
        int i = scanned;
        long ln = line;
        boolean inQuotes = quoted;
        outer:
        while (true) {
            while (i + 8 <= end) {
                long x = (long) LONGS.get(b, i);
                long found = matches(x, QUOTES) | matches(x, LINE_FEEDS) | matches(x, RETURNS);
                if (found != 0) {
                    i += Long.numberOfTrailingZeros(found) >>> 3;
                    break;
                }
                i += 8;
            }
            while (i < end && b[i] != '"' && b[i] != '\n' && b[i] != '\r') {
                i++;
            }
            if (i >= end) {
                break;
            }
            byte c = b[i];
            if (c == '"') {
                if (inQuotes) {
                    if (i + 1 == end) {
                        break outer; // a closing or an escaped quote: the next byte will tell
                    }
                    if (b[i + 1] == '"') {
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                } else if (i == 0 || b[i - 1] == d || b[i - 1] == '\n' || b[i - 1] == '\r') {
                    inQuotes = true;
                }
                i++;
                continue;
            }
            if (c == '\r') {
                if (i + 1 == end) {
                    break; // the LF of a CR LF may follow
                }
                if (b[i + 1] == '\n') {
                    i++;
                }
            }
            ln++;
            i++;
            if (!inQuotes) {
                if (i - recordStart > fieldLimit && tooLong(recordStart, i)) {
                    return;
                }
                boundary = i;
                boundaryLine = ln;
                recordStart = i;
            }
        }
        quoted = inQuotes;
        line = ln;
        scanned = i;
        // the record still open when the bytes run out
        if (end - recordStart > fieldLimit) {
            tooLong(recordStart, end);
        }
    }

    /** The high bit of each byte of {@code x} equal to the byte repeated in {@code pattern} (exact for the lowest). */
    private static long matches(long x, long pattern) {
        long y = x ^ pattern;
        return (y - 0x0101010101010101L) & ~y & 0x8080808080808080L;
    }

    /**
     * Whether a field of the record in {@code buffer[from, to)}, which starts on {@code boundaryLine}, is over
     * the limit, counted in chars as Java counts them; if so the failure names its line and column.
     */
    private boolean tooLong(int from, int to) {
        byte[] b = buffer;
        long ln = boundaryLine;
        long fieldLine = ln;
        int column = 1;
        long chars = 0;
        boolean inQuotes = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!inQuotes && c == delimiter) {
                column++;
                chars = 0;
                fieldLine = ln;
                continue;
            }
            if (c == '"') {
                if (!inQuotes && chars == 0) {
                    inQuotes = true;
                } else if (inQuotes && i + 1 < to && b[i + 1] == '"') {
                    chars++;
                    i++;
                } else if (inQuotes) {
                    inQuotes = false;
                }
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' || i == from || b[i - 1] != '\r') {
                    ln++;
                }
                if (!inQuotes) {
                    return false; // the record ends within the range: only a caller's bug gets here
                }
            }
            if ((c & 0xC0) != 0x80) {
                // one char per UTF-8 sequence, two beyond the Basic Multilingual Plane
                chars += (c & 0xF8) == 0xF0 ? 2 : 1;
                if (chars > fieldLimit) {
                    pendingFailure = CsvTable.tooLong(file, fieldLine, column, fieldLimit);
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }
}
