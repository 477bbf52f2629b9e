package org.culturekit.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.culturekit.export.ResponseReader;
import org.culturekit.model.VisibleText;

/**
 * A one-line progress display on stderr while a large export is read — rows, percent, MB/s and time left —
 * shown only when stderr is a terminal, so logs, pipes and CI output stay clean.
 */
final class Progress implements AutoCloseable {
    /** Files smaller than this finish before a display would be worth reading. */
    static final long MIN_BYTES = 16L << 20;

    private static final long INTERVAL_MILLIS = 250;

    private final Thread thread;
    private final PrintWriter err;
    private volatile boolean done;

    private Progress(PrintWriter err, Thread thread) {
        this.err = err;
        this.thread = thread;
    }

    /** A display for {@code reader}, or null when stderr is no terminal, the file is small, or it cannot tell. */
    static Progress start(Path file, ResponseReader reader, PrintWriter err) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return null;
        }
        if (size < MIN_BYTES || reader.bytesRead() < 0 || !stderrIsTerminal()) {
            return null;
        }
        long start = System.nanoTime();
        Progress[] self = new Progress[1];
        String name = VisibleText.TERMINAL.of(file.getFileName().toString());
        Thread thread = new Thread(() -> {
            while (!self[0].done) {
                try {
                    Thread.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                err.print("\r" + line(name, reader.bytesRead(), size, reader.rowsRead(),
                        (System.nanoTime() - start) / 1e9));
                err.flush();
            }
        }, "culturekit-progress");
        thread.setDaemon(true);
        self[0] = new Progress(err, thread);
        thread.start();
        return self[0];
    }

    /** The display line: name, percent, rows, speed and an estimate of the time left. */
    static String line(String name, long bytes, long size, long rows, double seconds) {
        double fraction = size == 0 ? 1 : Math.min(1, (double) bytes / size);
        double megabytesPerSecond = seconds <= 0 ? 0 : bytes / 1048576.0 / seconds;
        long left = fraction <= 0 || seconds <= 0 ? -1 : Math.round(seconds / fraction - seconds);
        return String.format(Locale.ROOT, "reading %s: %3.0f%% · %,d rows · %.1f MB/s · %s", name, fraction * 100,
                rows, megabytesPerSecond, left < 0 ? "estimating…" : "about " + duration(left) + " left");
    }

    private static String duration(long seconds) {
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc/self/fd/2 names a tty); false when unsure. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // wipe the line so the next message starts clean
        err.print("\r" + " ".repeat(100) + "\r");
        err.flush();
    }
}
