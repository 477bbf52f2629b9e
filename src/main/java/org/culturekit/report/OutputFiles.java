package org.culturekit.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a run's outputs all-or-nothing: each file is staged as a temporary file in the target directory,
 * forced to disk, and only when every one is staged are they moved into place, each atomically
 * (docs/reports.md). A failure leaves earlier outputs untouched and no temporary file behind.
 *
 * <p>A staged file is named {@code .culturekit-staged-PID-RANDOM.tmp} and locked by the process writing it until
 * it is moved into place or deleted. A process that is killed cannot delete its staged files, but its locks go
 * with it: the next staging in that folder removes every file of that name that it can lock, and only those.
 */
public final class OutputFiles {
    /** The names of staged files: the writing process's id, then a random number. */
    private static final Pattern STAGED = Pattern.compile("\\.culturekit-staged-(\\d{1,19})-\\d{1,20}\\.tmp");
    /** The names of the new and old folders of a replaced folder ({@link Staging#replaceFolder}). */
    private static final Pattern STAGED_FOLDER =
            Pattern.compile("\\.culturekit-staged-(\\d{1,18})-\\d{1,20}\\.dir(\\.old)?");

    private OutputFiles() {}

    /**
     * Publishes {@code contents} (file name → UTF-8 text) into {@code directory}, creating it if needed.
     *
     * @return the paths written, in the order given
     */
    public static List<Path> publish(Path directory, Map<String, String> contents) {
        try (Staging staging = Staging.in(directory)) {
            for (Map.Entry<String, String> entry : contents.entrySet()) {
                try (Writer out = staging.open(entry.getKey())) {
                    out.write(entry.getValue());
                } catch (IOException e) {
                    throw staging.failure(e);
                }
            }
            return staging.publish();
        }
    }

    /**
     * The outputs of one run, written as they are produced rather than held whole in memory: {@link #open} gives
     * a writer onto a new temporary file in the directory, {@link #publish} forces every one to disk and moves
     * them into place, and {@link #close} removes whatever was not published, with any folder {@link #in}
     * created for it.
     */
    public static final class Staging implements AutoCloseable {
        private final Path directory;
        /** What a user whose output cannot be written should do. */
        private final String advice;
        /** The folders this staging created, outermost first. */
        private final List<Path> created;
        /** Whether files are created as the umask says (reports) rather than owner-only (raw rows). */
        private final boolean shared;
        private final List<StagedFile> files = new ArrayList<>();
        /** Staged files of killed runs removed from the folder when this staging began. */
        private int staleRemoved;
        private boolean published;
        /** The sub-folder replaced as a whole when published, or null; see {@link #replaceFolder}. */
        private String replaced;
        /** The file names culturekit writes into {@link #replaced} and its folders. */
        private Set<String> replacedNames = Set.of();
        /**
         * The new folder of {@link #replaced}, filled as its files are written, until it takes the place of the
         * old one when published.
         */
        private Path fresh;

        private Staging(Path directory, String advice, List<Path> created, boolean shared) {
            this.directory = directory;
            this.advice = advice;
            this.created = created;
            this.shared = shared;
        }

        /** Stages the report outputs for {@code directory}, creating it (and any missing parent) now. */
        public static Staging in(Path directory) {
            return in(directory, "choose another directory with -o");
        }

        /**
         * Stages outputs for {@code directory}, creating it (and any missing parent) now, and removing the staged
         * files that runs killed while writing there left behind ({@link #staleRemoved()}); {@code advice} ends
         * the message of any failure to write there.
         */
        public static Staging in(Path directory, String advice) {
            return in(directory, advice, true);
        }

        /**
         * As {@link #in(Path, String)}, but for files only their owner may read (mode 0600 on POSIX), whatever
         * the umask: the rejects file holds raw rows, as sensitive as the export itself.
         */
        public static Staging privateIn(Path directory, String advice) {
            return in(directory, advice, false);
        }

        private static Staging in(Path directory, String advice, boolean shared) {
            List<Path> missing = new ArrayList<>();
            for (Path folder = directory.toAbsolutePath(); folder != null && !Files.exists(folder);
                    folder = folder.getParent()) {
                missing.add(0, folder);
            }
            Staging staging = new Staging(directory, advice, missing, shared);
            try {
                Files.createDirectories(directory);
                if (missing.isEmpty()) {
                    staging.staleRemoved = removeStale(directory);
                }
                return staging;
            } catch (IOException e) {
                RenderException failure = staging.failure(e);
                staging.close();
                throw failure;
            }
        }

        /** How many staged files of killed runs were removed from the folder when this staging began. */
        public int staleRemoved() {
            return staleRemoved;
        }

        /** What the user is told of the staged files of killed runs removed, if there were any. */
        public Optional<String> staleNote() {
            if (staleRemoved == 0) {
                return Optional.empty();
            }
            return Optional.of("removed " + staleRemoved + (staleRemoved == 1 ? " temporary file" : " temporary files")
                    + " that an interrupted culturekit run left in " + directory);
        }

        /**
         * A writer for the output {@code name}: its text is encoded as {@code String.getBytes(UTF_8)} would (a
         * lone surrogate as {@code ?}). Closing it forces nothing yet; it may be closed more than once.
         */
        public Writer open(String name) {
            return stage(name);
        }

        /**
         * A byte stream for the binary output {@code name} (a PDF, a workbook), staged and published like the
         * text outputs. Closing it forces nothing yet; it may be closed more than once.
         */
        public OutputStream openBytes(String name) {
            return stage(name).bytes();
        }

        private StagedFile stage(String name) {
            if (published) {
                throw new IllegalStateException("already published");
            }
            try {
                Path target = directory.resolve(name);
                if (fresh != null && target.startsWith(directory.resolve(replaced))) {
                    // straight into the new folder, where no clean-up looks: it is closed once written, so that
                    // a run of thousands of unit reports holds no more files open than a run of one
                    Path file = fresh.resolve(directory.resolve(replaced).relativize(target));
                    Files.createDirectories(file.getParent());
                    FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE), shared ? new FileAttribute<?>[0] : privateMode(file));
                    StagedFile staged = new StagedFile(file, target, channel, this, true);
                    files.add(staged);
                    return staged;
                }
                while (true) {
                    Path temp = directory.resolve(".culturekit-staged-" + ProcessHandle.current().pid() + "-"
                            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                    FileChannel channel = createLocked(temp, shared);
                    if (channel != null) {
                        StagedFile file = new StagedFile(temp, target, channel, this, false);
                        files.add(file);
                        return file;
                    }
                }
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /**
         * Creates {@code temp} and locks it for as long as it is open, or returns null if another run's clean-up
         * took the name away before the lock was had. A {@code shared} file gets the permissions the umask gives
         * a new file, so a report can be shared as the user shares any file; any other is owner-only.
         */
        private static FileChannel createLocked(Path temp, boolean shared) throws IOException {
            FileChannel channel;
            try {
                channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        shared ? new FileAttribute<?>[0] : privateMode(temp));
            } catch (FileAlreadyExistsException taken) {
                return null;
            }
            try {
                FileLock lock = channel.tryLock();
                // between the creation and the lock, a clean-up elsewhere may have locked and removed the file
                if (lock != null && Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                    return channel;
                }
                channel.close();
                return null;
            } catch (IOException | RuntimeException e) {
                channel.close();
                Files.deleteIfExists(temp);
                throw e;
            }
        }

        /**
         * Makes the sub-folder {@code name} one output of this staging: the files opened as {@code name/…} are
         * published into a new folder that then takes the old one's place, so that nothing an earlier run wrote
         * there stays behind. The old folder may hold only what culturekit writes there, {@code names} directly in
         * it or in its folders; anything else is refused, named, rather than deleted.
         *
         * @throws RenderException when the folder holds something else
         */
        public void replaceFolder(String name, Set<String> names) {
            replaced = name;
            replacedNames = Set.copyOf(names);
            refuseForeign();
            try {
                fresh = directory.resolve(".culturekit-staged-" + ProcessHandle.current().pid() + "-"
                        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".dir");
                Files.createDirectory(fresh);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private void refuseForeign() {
            refuseForeign(directory.resolve(replaced), replacedNames, advice);
        }

        /**
         * Refuses to replace {@code folder} when it holds anything culturekit did not write ({@link #foreign});
         * {@code advice} ends the message, which names the first such entry.
         *
         * @throws RenderException naming it
         */
        public static void refuseForeign(Path folder, Set<String> names, String advice) {
            foreign(folder, names).ifPresent(entry -> {
                throw new RenderException(entry + " is not a file culturekit wrote; " + folder + " is replaced "
                        + "as a whole by each run, so move it out of there, or " + advice);
            });
        }

        /**
         * The first entry of {@code folder}, by name, that culturekit did not write into it: anything but a
         * file of {@code names} directly in it or in one of its folders, a link, or the folder itself when it is
         * not a folder; empty when there is none, or no folder.
         */
        public static Optional<Path> foreign(Path folder, Set<String> names) {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(folder);
            }
            try {
                for (Path entry : sorted(folder)) {
                    if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                        for (Path file : sorted(entry)) {
                            if (!ours(file, names)) {
                                return Optional.of(file);
                            }
                        }
                    } else if (!ours(entry, names)) {
                        return Optional.of(entry);
                    }
                }
            } catch (IOException | DirectoryIteratorException e) {
                return Optional.of(folder);
            }
            return Optional.empty();
        }

        private static boolean ours(Path file, Set<String> names) {
            return names.contains(file.getFileName().toString()) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        }

        private static List<Path> sorted(Path folder) throws IOException {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
                stream.forEach(entries::add);
            }
            entries.sort(null);
            return entries;
        }

        /**
         * Finishes every output and moves each into place, in the order opened; a folder to replace
         * ({@link #replaceFolder}) is filled anew beside the old one and then put in its place.
         *
         * @return the paths written
         */
        public List<Path> publish() {
            try {
                for (StagedFile file : files) {
                    file.finish();
                }
                Path folder = replaced == null ? null : directory.resolve(replaced);
                if (folder != null) {
                    // checked again: something may have been put there while the run was scoring
                    refuseForeign();
                }
                List<Path> written = new ArrayList<>();
                for (StagedFile file : files) {
                    if (!file.direct) {
                        // moved while still open, so locked: a clean-up elsewhere never takes a finished file
                        move(file.temp, file.target);
                    }
                    written.add(file.target);
                }
                if (folder != null) {
                    Path old = folder.resolveSibling(fresh.getFileName() + ".old");
                    boolean existed = Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
                    if (existed) {
                        Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
                    }
                    Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
                    fresh = null;
                    if (existed) {
                        deleteTree(old);
                    }
                }
                published = true;
                for (StagedFile file : files) {
                    file.abandon();
                }
                return written;
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** Why an output could not be written to this directory, for the user. */
        public RenderException failure(IOException e) {
            if (e instanceof WriteFailure failure) {
                return failure.reported;
            }
            return new RenderException("cannot write to " + directory + ": " + reason(e) + "; " + advice);
        }

        /** Removes every temporary file not yet published, and then each folder created that is still empty. */
        @Override
        public void close() {
            for (StagedFile file : files) {
                file.abandon();
                try {
                    Files.deleteIfExists(file.temp);
                } catch (IOException ignored) {
                    // best effort: the failure being reported matters more
                }
            }
            if (fresh != null) {
                try {
                    deleteTree(fresh);
                } catch (IOException ignored) {
                    // best effort, as above
                }
            }
            if (!published) {
                for (int i = created.size() - 1; i >= 0; i--) {
                    try {
                        Files.deleteIfExists(created.get(i));
                    } catch (IOException notEmpty) {
                        break; // something else was put there meanwhile: leave it, and its parents
                    }
                }
            }
        }
    }

    /** The characters buffered before they are encoded: a report of millions of characters is not held whole. */
    private static final int PIECE = 1 << 16;

    /**
     * A temporary output being written, in UTF-8 through a buffer of {@link #PIECE} characters. Once abandoned,
     * every write fails, so a template still running after its time limit cannot keep filling the disk.
     */
    private static final class StagedFile extends Writer {
        final Path temp;
        /** Where it is moved when published. */
        final Path target;
        private final FileChannel channel;
        private final Staging staging;
        /** A lone surrogate is written as '?', as {@link String#getBytes} does. */
        private final Writer out;
        private boolean closed;
        private boolean abandoned;
        /** The buffer of a binary output, or null for a text one. */
        private volatile OutputStream bytes;
        /**
         * Whether it is written straight into the new folder of a replaced folder ({@link Staging#replaceFolder}),
         * where it is forced and closed as soon as its writer closes it, rather than kept open until published.
         */
        final boolean direct;

        StagedFile(Path temp, Path target, FileChannel channel, Staging staging, boolean direct) {
            this.temp = temp;
            this.target = target;
            this.channel = channel;
            this.staging = staging;
            this.direct = direct;
            out = new BufferedWriter(new OutputStreamWriter(new FileBytes(), StandardCharsets.UTF_8), PIECE);
        }

        @Override
        public synchronized void write(char[] text, int offset, int count) throws IOException {
            writable();
            out.write(text, offset, count);
        }

        @Override
        public synchronized void write(String text, int offset, int count) throws IOException {
            writable();
            out.write(text, offset, count);
        }

        @Override
        public synchronized void write(int c) throws IOException {
            writable();
            out.write(c);
        }

        /** Nothing to do: the text is written as the buffer fills, and forced when published. */
        @Override
        public void flush() {}

        /** The file as bytes, for a binary output: buffered, and refused once the file is closed or abandoned. */
        OutputStream bytes() {
            bytes = new BufferedOutputStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    synchronized (StagedFile.this) {
                        writable();
                        new FileBytes().write(bytes, offset, length);
                    }
                }

                @Override
                public void close() throws IOException {
                    StagedFile.this.close();
                }
            }, PIECE);
            return bytes;
        }

        /**
         * Writes what is left; the file stays open until it is forced, in {@link #finish}, unless it is
         * {@link #direct}: then it is forced and closed now.
         */
        @Override
        public synchronized void close() throws IOException {
            if (!closed) {
                writable();
                out.close();
                closed = true;
                if (direct) {
                    force();
                    channel.close();
                }
            }
        }

        /** The file's bytes; closing it leaves the file open, and locked, for {@link #finish} and {@link #abandon}. */
        private final class FileBytes extends OutputStream {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                try {
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                } catch (IOException e) {
                    throw new WriteFailure(staging.failure(e));
                }
            }
        }

        /**
         * Writes what is left (a binary output's buffer too, whether or not its writer closed it) and forces the
         * file to disk; it stays open, and locked, until abandoned.
         */
        void finish() throws IOException {
            if (bytes != null && !closed()) {
                // outside this file's lock: the buffer takes its own lock first, then this one, as any write does
                bytes.flush();
            }
            finishText();
        }

        /** Whether the writer closed it: then anything still in a binary output's buffer came after, refused. */
        private synchronized boolean closed() {
            return closed;
        }

        private synchronized void finishText() throws IOException {
            if (direct && closed) {
                return; // forced and closed already
            }
            close();
            if (!direct) {
                force();
            }
        }

        private void force() throws IOException {
            try {
                channel.force(true);
            } catch (IOException e) {
                throw new WriteFailure(staging.failure(e));
            }
        }

        /** Refuses any more text and closes the file, which releases its lock. */
        synchronized void abandon() {
            abandoned = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted next, or already published
            }
        }

        private void writable() throws IOException {
            if (abandoned || closed) {
                throw new IOException("the output " + temp.getFileName() + " is closed");
            }
        }
    }

    /**
     * The file system refused an output's bytes (a full disk, say): an {@link IOException}, as a {@link Writer}
     * must throw, that carries the message for the user.
     */
    static final class WriteFailure extends IOException {
        private static final long serialVersionUID = 1L;
        final transient RenderException reported;

        WriteFailure(RenderException reported) {
            super(reported.getMessage());
            this.reported = reported;
        }
    }

    /**
     * Removes the files in {@code directory} that are staged files of culturekit runs that are no longer running,
     * and returns how many it removed. A file counts only if its name is a staged file's, it is a regular file
     * (not a link), it is not this process's, and its lock can be had: the lock of a run still writing is held.
     */
    static int removeStale(Path directory) {
        String own = Long.toString(ProcessHandle.current().pid());
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ".culturekit-staged-*.tmp")) {
            for (Path entry : entries) {
                Matcher name = STAGED.matcher(entry.getFileName().toString());
                // this process's own are live, and opening one here would release its lock (POSIX)
                if (name.matches() && !name.group(1).equals(own) && removeIfUnlocked(entry)) {
                    removed++;
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // a folder that can be written but not listed: nothing can be cleaned, and writing may still work
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ".culturekit-staged-*.dir*")) {
            for (Path entry : entries) {
                Matcher name = STAGED_FOLDER.matcher(entry.getFileName().toString());
                // a folder cannot be locked: it is a dead run's when no process of its id is running
                if (name.matches() && !name.group(1).equals(own) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                    deleteTree(entry);
                    removed++;
                }
            }
        } catch (IOException | DirectoryIteratorException | NumberFormatException e) {
            // as above: what cannot be cleaned is left
        }
        return removed;
    }

    private static boolean removeIfUnlocked(Path file) {
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                    FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    return false; // a run still writing it
                }
                Files.delete(file);
                return true;
            }
        } catch (NoSuchFileException | OverlappingFileLockException gone) {
            return false; // published or removed meanwhile, or held by this process after all
        } catch (IOException e) {
            return false; // not ours to remove (another user's, say): left as it is
        }
    }

    /** Owner read and write only, where the file system has POSIX permissions. */
    private static FileAttribute<?>[] privateMode(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** Deletes {@code folder} and everything in it; links are removed, never followed. */
    private static void deleteTree(Path folder) throws IOException {
        List<Path> entries;
        try (var walk = Files.walk(folder)) {
            entries = new ArrayList<>(walk.toList());
        }
        // the deepest first, so that each folder is empty when its turn comes
        entries.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path entry : entries) {
            Files.deleteIfExists(entry);
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
