package org.culturekit.export.parallel;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.culturekit.export.ChunkedRows;
import org.culturekit.export.ResponseReader;
import org.culturekit.input.InputException;
import org.culturekit.model.Response;

/**
 * Reads the exports of a run on several threads and merges what they yield in file order, so the result is
 * the same, to the bit, as reading every row in turn on one thread.
 *
 * <ul>
 *   <li>A UTF-8 text export is cut into record-aligned chunks ({@link ChunkedRows}); each chunk is parsed and
 *       folded into its own sink on a worker. The chunks of the next export are cut while the workers finish
 *       the last one's, so many small exports are read in parallel too.
 *   <li>Sinks are merged on the calling thread in file order, and each export's rejections, exclusions and
 *       {@code done} callback come in that order too: same inputs, same outputs, whatever the timing.
 *   <li>A chunk whose respondent ids overlap those of earlier rows is read again in its turn, so the first
 *       occurrence in file order is the one scored, exactly as in one pass.
 *   <li>Other exports (workbooks, other encodings, {@code inspect}) are read in order: one thread parses,
 *       another folds.
 * </ul>
 *
 * @param <A> the sink, for example a scoring accumulator; the caller's merge must not depend on the order of
 *     the rows (exact sums do not)
 */
public final class ParallelReader<A> implements AutoCloseable {
    /** The chunk size when none is given: large enough that per-chunk work is small beside parsing. */
    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;

    private final int threads;
    private final int chunkSize;
    private final Supplier<A> fresh;
    private final BiConsumer<A, ResponseReader.Row> add;
    private final Consumer<A> merge;
    private final ArrayDeque<Pending<?>> inflight = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    /**
     * The workspaces of the workers not reading a chunk just now: a worker takes one for a chunk and gives it
     * back, so there are never more than {@code threads} and no two threads share one.
     */
    private final ConcurrentLinkedQueue<ChunkedRows.Workspace> workspaces = new ConcurrentLinkedQueue<>();
    private ExecutorService pool;

    /** What a worker made of a chunk. */
    private final class Outcome {
        final A sink;
        final ChunkedRows.ReadAhead rows;

        Outcome(A sink, ChunkedRows.ReadAhead rows) {
            this.sink = sink;
            this.rows = rows;
        }
    }

    /** A chunk handed to a worker, in file order; {@code done} is set on its export's last one. */
    private final class Pending<C extends ChunkedRows.Chunk> {
        final ChunkedRows<C> rows;
        final C chunk;
        final Future<Outcome> outcome;
        final Runnable done;

        Pending(ChunkedRows<C> rows, C chunk, Future<Outcome> outcome, Runnable done) {
            this.rows = rows;
            this.chunk = chunk;
            this.outcome = outcome;
            this.done = done;
        }
    }

    /**
     * @param threads the workers that parse chunks, at least 1
     * @param chunkSize the bytes per chunk, at least 1 (a record longer than a chunk makes a longer one)
     * @param fresh makes an empty sink
     * @param add folds a row into a sink; the row is reused once it returns (copy what must be kept)
     * @param merge takes a full sink, on the calling thread, in file order
     */
    public ParallelReader(int threads, int chunkSize, Supplier<A> fresh, BiConsumer<A, ResponseReader.Row> add,
            Consumer<A> merge) {
        if (threads < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("threads and chunk size must be positive");
        }
        this.threads = threads;
        this.chunkSize = chunkSize;
        this.fresh = fresh;
        this.add = add;
        this.merge = merge;
    }

    /**
     * Reads the rows of {@code reader}, whose header has been mapped, and runs {@code done} on this thread once
     * they have all been merged, which may be during a later call. The reader may be closed on return.
     *
     * @throws InputException for a malformed export: the first fault in file order
     */
    public void read(ResponseReader reader, Runnable done) {
        Optional<ChunkedRows<?>> chunked = reader.chunked();
        if (chunked.isEmpty()) {
            finish();
            A sink = fresh.get();
            fold(reader, sink);
            merge.accept(sink);
            done.run();
            return;
        }
        read(chunked.get(), done);
    }

    private <C extends ChunkedRows.Chunk> void read(ChunkedRows<C> rows, Runnable done) {
        try (ChunkedRows.Chunks<C> chunks = rows.chunks(chunkSize, spare)) {
            C chunk = chunks.next();
            if (chunk == null) {
                enqueue(rows, null, done);
            } else if (!chunk.failed()) {
                // size the id table for the whole file at once, rather than doubling it as ids come and leaving
                // each old table behind as garbage
                rows.expectRows(chunks.estimatedRecords(chunk));
            }
            while (chunk != null) {
                C next = chunk.failed() ? null : chunks.next();
                enqueue(rows, chunk, next == null ? done : null);
                chunk = next;
            }
        } catch (IOException e) {
            throw new InputException(rows.file(), "cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** Merges everything still pending; call it before using what the sinks were merged into. */
    public void finish() {
        while (!inflight.isEmpty()) {
            mergeOldest();
        }
    }

    private <C extends ChunkedRows.Chunk> void enqueue(ChunkedRows<C> rows, C chunk, Runnable done) {
        while (inflight.size() >= 2 * threads) {
            mergeOldest();
        }
        Future<Outcome> outcome = null;
        if (chunk != null) {
            outcome = pool().submit(() -> {
                A sink = fresh.get();
                ChunkedRows.Workspace workspace = workspaces.poll();
                if (workspace == null) {
                    workspace = new ChunkedRows.Workspace();
                }
                try {
                    return new Outcome(sink, rows.readAhead(chunk, workspace, row -> add.accept(sink, row)));
                } finally {
                    workspaces.add(workspace);
                }
            });
        }
        inflight.add(new Pending<>(rows, chunk, outcome, done));
    }

    private void mergeOldest() {
        mergeInTurn(inflight.poll());
    }

    private <C extends ChunkedRows.Chunk> void mergeInTurn(Pending<C> pending) {
        if (pending.outcome != null) {
            Outcome outcome = outcomeOf(pending.outcome);
            if (pending.rows.commit(outcome.rows, pending.chunk)) {
                merge.accept(outcome.sink);
            } else {
                // an id seen in an earlier chunk: read this one again in its turn, against every id before it
                A sink = fresh.get();
                pending.rows.readInOrder(pending.chunk, row -> add.accept(sink, row));
                merge.accept(sink);
            }
            byte[] buffer = pending.chunk.buffer();
            if (buffer != null && buffer.length == chunkSize && spare.size() < 2) {
                spare.push(buffer);
            }
        }
        if (pending.done != null) {
            pending.done.run();
        }
    }

    private Outcome outcomeOf(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }

    private ExecutorService pool() {
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "culturekit-read-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    /** Responses per hand-over between the parsing and the folding thread. */
    private static final int BATCH = 2048;

    /**
     * Reads an export in order on one thread and folds on this one, so parsing and folding use two cores; a
     * reading failure is rethrown here.
     */
    private void fold(ResponseReader reader, A sink) {
        BlockingQueue<List<Response>> queue = new ArrayBlockingQueue<>(8);
        List<Response> end = new ArrayList<>(0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                List<Response> batch = new ArrayList<>(BATCH);
                for (Response response : reader) {
                    batch.add(response);
                    if (batch.size() == BATCH) {
                        queue.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                queue.put(batch);
            } catch (RuntimeException | Error e) {
                // an Error too: the folding thread must always be told the reading has stopped
                failure.set(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                queue.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "culturekit-read");
        producer.setDaemon(true);
        producer.start();
        try {
            for (List<Response> batch = queue.take(); batch != end; batch = queue.take()) {
                for (Response response : batch) {
                    add.accept(sink, ResponseReader.Row.of(response));
                }
            }
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } finally {
            producer.interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown != null) {
            throw rethrown(thrown);
        }
    }

    /** Stops the workers; what is still pending is dropped. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        for (Pending<?> pending : inflight) {
            if (pending.outcome != null) {
                pending.outcome.cancel(true);
            }
        }
        inflight.clear();
    }
}
