package org.culturekit.export;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.culturekit.export.csv.CsvChunker;

/**
 * The rows of one UTF-8 text export read in record-aligned chunks on several threads and taken in file order,
 * with the same rows, tallies and faults, to the bit, as one pass: the protocol between the reader that schedules
 * the chunks ({@code export.parallel.ParallelReader}) and {@link ResponseReader}, which decodes their rows and
 * hands this out through {@link ResponseReader#chunked()}.
 *
 * <ol>
 *   <li>{@link #chunker} starts cutting the file, once; the response reader is then used up. Once the first chunk
 *       is cut, {@link #expectRows} sizes the run's id set for the whole file.
 *   <li>{@link #readAhead} decodes a chunk ahead of its turn, on any thread.
 *   <li>In file order, on one thread, each chunk in its turn: {@link #commit} takes what was read ahead, or, if
 *       one of its respondent ids was seen earlier in the run, returns false and takes nothing; the chunk is then
 *       read again, in its turn, with {@link #readInOrder}.
 * </ol>
 */
public interface ChunkedRows {
    /** The export as the user named it. */
    String file();

    /** Starts cutting the data rows into chunks of about {@code chunkSize} bytes, reusing {@code spare} buffers. */
    CsvChunker chunker(int chunkSize, ArrayDeque<byte[]> spare) throws IOException;

    /** Makes room in the run's id set for about {@code rows} more respondents, when the file has an id column. */
    void expectRows(long rows);

    /**
     * Decodes a chunk ahead of its turn, on any thread, passing each row on to {@code out}: exclusions, problems
     * and rejections are kept in what it returns, and repeated respondents are looked for only among the chunk's
     * own rows, until {@link #commit}.
     *
     * @throws org.culturekit.input.InputException for a malformed chunk
     */
    ReadAhead readAhead(CsvChunker.Chunk chunk, Consumer<ResponseReader.Row> out);

    /**
     * Takes a chunk read ahead, on the thread that reads in order, in its turn: false, and nothing taken, if one
     * of its respondent ids was seen earlier in the run.
     */
    boolean commit(ReadAhead ahead, CsvChunker.Chunk chunk);

    /** Decodes a chunk in its turn, on the thread that reads in order. */
    void readInOrder(CsvChunker.Chunk chunk, Consumer<ResponseReader.Row> out);

    /** What {@link #readAhead} made of a chunk, held until its turn; only {@link #commit} looks inside. */
    interface ReadAhead {}
}
