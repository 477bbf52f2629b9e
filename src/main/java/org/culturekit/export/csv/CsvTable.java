package org.culturekit.export.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Locale;
import org.culturekit.export.table.Table;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;

/**
 * A delimited text export read strictly (RFC 4180 with the delimiter it uses): the encoding from its
 * byte-order mark, or UTF-8, or what the user names; the delimiter sniffed from the first record among
 * comma, semicolon and tab (an Excel {@code sep=} line is honoured); every field bounded in length.
 *
 * <p>Its records are parsed by the same grammar as the chunks read on several threads: the text, turned into
 * UTF-8 if it is not, is cut by a {@link CsvChunker} and each piece parsed by {@link ChunkRecords}, so the rows
 * and the faults of a file are the same whichever way it is read.
 */
public final class CsvTable implements Table {
    /** The longest field read, in characters, before the file is refused. */
    public static final long DEFAULT_FIELD_LIMIT = 1L << 20;

    private static final int SNIFF_LIMIT = 1 << 20;

    /** The chunk size of a table read in turn: a record longer than it makes a longer chunk. */
    private static final int CHUNK_SIZE = 1 << 16;

    private final String file;
    private final CsvChunker chunker;
    private final char delimiter;
    private final int columnLimit;
    private final String description;
    private final StrictReader decoder;
    /** Where the data rows can be read from again by the byte-level parser, or null when they cannot. */
    private final Layout layout;
    /** The chunker's spare buffers: a chunk's, once its records have been read. */
    private final ArrayDeque<byte[]> spare;
    private CsvChunker.Chunk chunk;
    private ChunkRecords records;
    private boolean ended;

    /**
     * How a UTF-8 file is laid out, for {@link CsvChunker}: the file, its delimiter, the length of its
     * byte-order mark, and whether an Excel {@code sep=} line comes first.
     */
    public record Layout(Path path, char delimiter, int byteOrderMark, boolean sepLine) {}

    private CsvTable(String file, CsvChunker chunker, ArrayDeque<byte[]> spare, char delimiter, int columnLimit,
            String description, StrictReader decoder, Layout layout) {
        this.file = file;
        this.spare = spare;
        this.chunker = chunker;
        this.delimiter = delimiter;
        this.columnLimit = columnLimit;
        this.description = description;
        this.decoder = decoder;
        this.layout = layout;
    }

    /**
     * Opens {@code path}.
     *
     * @param file the name to use in messages
     * @param encoding the encoding to use, or null to detect it (BOM, else strict UTF-8)
     * @param fieldLimit the longest field accepted, in characters
     * @param columnLimit the most columns accepted in a row
     */
    public static CsvTable open(Path path, String file, Charset encoding, long fieldLimit, int columnLimit) {
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            TextEncoding detected = TextEncoding.detect(in, encoding, file);
            StrictReader decoder = new StrictReader(in, detected.charset());
            BufferedReader buffered = new BufferedReader(decoder, 1 << 16);
            Reader reader = buffered;
            long firstLine = 1;
            String first = firstRecord(buffered);
            char delimiter;
            if (first.toLowerCase(Locale.ROOT).startsWith("sep=") && first.strip().length() == 5) {
                delimiter = first.strip().charAt(4);
                firstLine = 2; // the sep= line is consumed, not given back
                if (first.endsWith("\r")) {
                    // and the LF of its CR LF, which is no new line
                    PushbackReader back = new PushbackReader(buffered, 1);
                    int c = back.read();
                    if (c >= 0 && c != '\n') {
                        back.unread(c);
                    }
                    reader = back;
                }
            } else {
                // given back to be parsed: not with mark and reset, for which the buffer would have grown to
                // SNIFF_LIMIT chars, and as many read and decoded, for the whole time the export is open
                PushbackReader back = new PushbackReader(buffered, Math.max(1, first.length()));
                back.unread(first.toCharArray());
                reader = back;
                delimiter = sniff(first);
            }
            ArrayDeque<byte[]> spare = new ArrayDeque<>(1);
            CsvChunker chunker = new CsvChunker(new Utf8Channel(reader), file, 0, firstLine, delimiter, fieldLimit,
                    CHUNK_SIZE, spare);
            Layout layout = detected.charset().equals(StandardCharsets.UTF_8)
                    ? new Layout(path, delimiter, detected.byteOrderMark() ? 3 : 0, firstLine == 2)
                    : null;
            return new CsvTable(file, chunker, spare, delimiter, columnLimit,
                    detected.describe() + ", " + name(delimiter) + "-separated", decoder, layout);
        } catch (NoSuchFileException e) {
            close(in);
            throw new InputException(file, "no such file; check the path");
        } catch (StrictReader.MalformedException e) {
            close(in);
            throw notDecodable(file, e);
        } catch (IOException e) {
            close(in);
            throw new InputException(file, "cannot be read: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            close(in);
            throw e;
        }
    }

    /** The first record's text, up to and with a line break outside quotes (at most {@value #SNIFF_LIMIT} chars). */
    private static String firstRecord(BufferedReader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        int c;
        while (text.length() < SNIFF_LIMIT - 1 && (c = reader.read()) >= 0) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                text.append((char) c); // the break is consumed too: a caller may need to know which it was
                break;
            }
            text.append((char) c);
        }
        return text.toString();
    }

    /** The candidate that occurs most often outside quotes in the first record; comma on a tie. */
    static char sniff(String firstRecord) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < firstRecord.length(); i++) {
            char c = firstRecord.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String name(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case ',' -> "comma";
            default -> "'" + delimiter + "'";
        };
    }

    @Override
    public Row next() {
        try {
            while (records == null || !records.next()) {
                if (ended) {
                    return null;
                }
                if (chunk != null && chunk.length > 0 && chunk.bytes.length == CHUNK_SIZE && spare.isEmpty()) {
                    spare.push(chunk.bytes); // its records are all read
                }
                chunk = chunker.next();
                records = null;
                if (chunk == null) {
                    ended = true;
                    return null;
                }
                if (chunk.failure != null) {
                    throw chunk.failure;
                }
                records = new ChunkRecords(file, chunk.bytes, chunk.length, chunk.offset, chunk.firstLine, delimiter,
                        0, columnLimit);
            }
            return new Row(records.line(), records.all());
        } catch (StrictReader.MalformedException e) {
            throw notDecodable(file, e);
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static InputException notDecodable(String file, StrictReader.MalformedException e) {
        return undecodable(file, e.line, e.byteOffset);
    }

    /** A byte that is not valid in the file's encoding: its line and its offset after any byte-order mark. */
    static InputException undecodable(String file, long line, long byteOffset) {
        return new InputException(new Problem(file, line, 0, "byte " + byteOffset + " cannot be decoded in the "
                + "file's encoding; save the file as 'CSV UTF-8', or name its encoding with --encoding "
                + "(for example windows-1252)", ""));
    }

    /** A field over the limit, named by the line it starts on and its column. */
    static InputException tooLong(String file, long line, int column, long limit) {
        return new InputException(new Problem(file, line, column, "the field starting here (column " + column
                + ") is longer than " + limit + " characters; this is usually a quote that is never closed", ""));
    }

    /** A row with more columns than the limit, named by the line it starts on (the row number of a sheet). */
    static InputException tooManyColumns(String file, long line, int limit) {
        return new InputException(new Problem(file, line, 0, "the row on this line has more than " + limit
                + " columns (--max-columns " + limit + "); if the export really has that many, raise the limit "
                + "with --max-columns", ""));
    }

    /** The layout of a UTF-8 file, which the byte-level parser can read; null for other encodings. */
    public Layout layout() {
        return layout;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public long bytesRead() {
        return decoder.bytesDecoded();
    }

    @Override
    public void close() {
        chunker.close();
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
        }
    }
}
