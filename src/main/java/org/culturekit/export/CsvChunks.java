package org.culturekit.export;

import java.io.IOException;
import org.culturekit.export.csv.CsvChunker;

/** {@link CsvChunker}'s chunks behind {@link ChunkedRows}' interfaces, so the scheduler needs nothing of the CSV. */
final class CsvChunks implements ChunkedRows.Chunks<CsvChunks.Piece> {
    /** @param chunk one chunk the chunker cut */
    record Piece(CsvChunker.Chunk chunk) implements ChunkedRows.Chunk {
        @Override
        public boolean failed() {
            return chunk.failure != null;
        }

        @Override
        public byte[] buffer() {
            return chunk.bytes;
        }
    }

    private final CsvChunker chunker;

    CsvChunks(CsvChunker chunker) {
        this.chunker = chunker;
    }

    @Override
    public Piece next() throws IOException {
        CsvChunker.Chunk chunk = chunker.next();
        return chunk == null ? null : new Piece(chunk);
    }

    @Override
    public long estimatedRecords(Piece first) throws IOException {
        return chunker.estimatedRecords(first.chunk());
    }

    @Override
    public void close() {
        chunker.close();
    }
}
