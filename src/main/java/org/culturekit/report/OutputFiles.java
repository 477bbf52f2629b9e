package org.culturekit.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's outputs all-or-nothing: each file is staged as a temporary file in the target directory,
 * forced to disk, and only when every one is staged are they moved into place, each atomically
 * (SECURITY.md R-IO-1, R-IO-2). A failure leaves earlier outputs untouched and no temporary file behind.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /**
     * Publishes {@code contents} (file name → UTF-8 text) into {@code directory}, creating it if needed.
     *
     * @return the paths written, in the order given
     */
    public static List<Path> publish(Path directory, Map<String, String> contents) {
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> entry : contents.entrySet()) {
                // created with the temp-file default mode (0600 on POSIX): reports hold survey results
                Path temp = Files.createTempFile(directory, ".culturekit-", ".tmp");
                staged.put(directory.resolve(entry.getKey()), temp);
                write(temp, entry.getValue());
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> entry : staged.entrySet()) {
                move(entry.getValue(), entry.getKey());
                written.add(entry.getKey());
            }
            return written;
        } catch (IOException e) {
            throw new RenderException("cannot write to " + directory + ": " + reason(e)
                    + "; choose another directory with -o");
        } finally {
            for (Path temp : staged.values()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the failure being reported matters more
                }
            }
        }
    }

    /** The characters encoded at a time: a report of millions of characters is not copied whole into bytes. */
    private static final int PIECE = 1 << 16;

    /** Writes {@code text} as {@code text.getBytes(UTF_8)} would (a lone surrogate as ?), and forces it. */
    static void write(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int from = 0; from < text.length(); ) {
                int to = Math.min(text.length(), from + PIECE);
                if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                    to--; // a pair is encoded together, in the next piece
                }
                ByteBuffer bytes = ByteBuffer.wrap(text.substring(from, to).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                from = to;
            }
            channel.force(true);
        }
    }

    /** Moves a finished temporary file over its target, atomically where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "FileAlreadyExistsException" -> "a file is in the way";
            case "NoSuchFileException" -> "a folder on the path does not exist";
            case "NotDirectoryException", "FileSystemException" -> "not a writable folder";
            default -> name;
        };
    }
}
