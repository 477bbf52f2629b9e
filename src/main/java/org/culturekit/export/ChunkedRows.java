package org.culturekit.export;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.culturekit.export.ids.RespondentIds;

/**
 * The rows of one UTF-8 text export read in record-aligned chunks on several threads and taken in file order,
 * with the same rows, tallies and faults, to the bit, as one pass: the protocol between the reader that schedules
 * the chunks ({@code export.parallel.ParallelReader}) and {@link ResponseReader}, which decodes their rows and
 * hands this out through {@link ResponseReader#chunked()}. The scheduler sees only the types named here, never
 * how a chunk is cut or parsed.
 *
 * <ol>
 *   <li>{@link #chunks} starts cutting the file, once; the response reader is then used up. Once the first chunk
 *       is cut, {@link #expectRows} sizes the run's id set for the whole file.
 *   <li>{@link #readAhead} decodes a chunk ahead of its turn, on any thread, with that thread's {@link Workspace}.
 *   <li>In file order, on one thread, each chunk in its turn: {@link #commit} takes what was read ahead, or, if
 *       one of its respondent ids was seen earlier in the run, returns false and takes nothing; the chunk is then
 *       read again, in its turn, with {@link #readInOrder}.
 * </ol>
 *
 * @param <C> the chunks this export is cut into
 */
public interface ChunkedRows<C extends ChunkedRows.Chunk> {
    /** The export as the user named it. */
    String file();

    /** Starts cutting the data rows into chunks of about {@code chunkSize} bytes, reusing {@code spare} buffers. */
    Chunks<C> chunks(int chunkSize, ArrayDeque<byte[]> spare) throws IOException;

    /** Makes room in the run's id set for about {@code rows} more respondents, when the file has an id column. */
    void expectRows(long rows);

    /**
     * Decodes a chunk ahead of its turn, on any thread, passing each row on to {@code out}: exclusions, problems
     * and rejections are kept in what it returns, and repeated respondents are looked for only among the chunk's
     * own rows, until {@link #commit}.
     *
     * @param workspace the calling worker's own, free again once this returns
     * @throws org.culturekit.input.InputException for a malformed chunk
     */
    ReadAhead readAhead(C chunk, Workspace workspace, Consumer<ResponseReader.Row> out);

    /**
     * Takes a chunk read ahead, on the thread that reads in order, in its turn: false, and nothing taken, if one
     * of its respondent ids was seen earlier in the run.
     */
    boolean commit(ReadAhead ahead, C chunk);

    /** Decodes a chunk in its turn, on the thread that reads in order. */
    void readInOrder(C chunk, Consumer<ResponseReader.Row> out);

    /** A piece of the file made of whole records, or the fault that ends the file. */
    interface Chunk {
        /** Whether this stands for a fault found while cutting: the file's last chunk, which has no rows. */
        boolean failed();

        /** The buffer the chunk was cut into, to cut a later one into once this is read; null for a fault. */
        byte[] buffer();
    }

    /** Cuts a file into chunks, in file order. */
    interface Chunks<C> extends Closeable {
        /** The next chunk, or null at the end of the file. */
        C next() throws IOException;

        /** About how many records the whole file holds, judged from its first chunk. */
        long estimatedRecords(C first) throws IOException;
    }

    /** What {@link #readAhead} made of a chunk, held until its turn; only {@link #commit} looks inside. */
    interface ReadAhead {}

    /**
     * What a worker reuses from one chunk to the next, whichever export they come from: the table of the ids of
     * the chunk it reads ahead, emptied for the next, so a run holds one table a worker rather than one a chunk.
     * A worker owns its workspace; it is never used by two threads at once.
     */
    final class Workspace {
        final RespondentIds chunkIds = new RespondentIds();
    }
}
