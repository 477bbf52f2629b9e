package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesWhatGetBytesGivesPieceByPieceAcrossPieceBoundaries() throws IOException {
        // one to four bytes a character, pairs of surrogates and lone ones, well past one 64 KiB piece
        String[] parts = {"a", "é", "–", "😀", "\uD800", "\uDC00x", "\r\n", "\""};
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        while (text.length() < 300_000) {
            text.append(parts[random.nextInt(parts.length)]);
        }
        for (String each : List.of("", "plain", text.toString(), text.substring(0, 65_535) + "😀")) {
            List<Path> written = OutputFiles.publish(dir, Map.of("report.md", each));
            assertEquals(List.of(dir.resolve("report.md")), written);
            assertArrayEquals(each.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(written.get(0)),
                    () -> each.length() + " characters");
        }
    }

    @Test
    void aStagedWriterGivesWhatGetBytesGivesHoweverTheTextIsHandedToIt() throws IOException {
        String[] parts = {"a", "é", "😀", "\uD800", "\uDC00", "x\n"};
        for (int seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            while (text.length() < 200_000) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String all = text.toString();
            try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
                Writer out = staging.open("report.md");
                // pieces of every size, split anywhere, a pair of surrogates included, by each write method
                for (int from = 0; from < all.length(); ) {
                    int to = Math.min(all.length(), from + random.nextInt(random.nextBoolean() ? 8 : 70_000));
                    switch (random.nextInt(3)) {
                        case 0 -> out.write(all, from, to - from);
                        case 1 -> out.write(all.substring(from, to).toCharArray());
                        default -> all.substring(from, to).chars().forEach(c -> write(out, c));
                    }
                    from = to;
                }
                assertEquals(List.of(dir.resolve("report.md")), staging.publish());
            }
            assertArrayEquals(all.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("report.md")),
                    "seed " + seed);
        }
    }

    @Test
    void aBinaryOutputIsPublishedByteForByteAndRefusesBytesOnceClosed() throws IOException {
        byte[] bytes = new byte[300_000]; // past one piece, every byte value
        new Random(5).nextBytes(bytes);
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
            OutputStream out = staging.openBytes("report.pdf");
            out.write(bytes, 0, 70_000);
            out.write(bytes[70_000]);
            out.write(bytes, 70_001, bytes.length - 70_001);
            out.close();
            out.close();
            assertThrows(IOException.class, () -> {
                out.write(1);
                out.flush();
            });
            assertEquals(List.of(dir.resolve("report.pdf")), staging.publish());
        }
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("report.pdf")));
    }

    @Test
    void aBinaryOutputLeftOpenIsPublishedWhole() throws IOException {
        // smaller than the buffer, and never closed or flushed by its writer: publishing writes it out
        byte[] bytes = "%PDF-1.7 small".getBytes(StandardCharsets.US_ASCII);
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
            staging.openBytes("report.pdf").write(bytes);
            staging.publish();
        }
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("report.pdf")));
    }

    @Test
    void anUnpublishedStagingLeavesTheTargetsAsTheyWereAndNoTemporaryFile() throws IOException {
        Files.writeString(dir.resolve("report.md"), "previous", StandardCharsets.UTF_8);
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
            staging.open("results.json").write("{}");
            Writer md = staging.open("report.md");
            md.write("x".repeat(300_000)); // past one piece: bytes are on disk, in the temporary file
            assertEquals(3, entries(dir).size(), "two staged files beside the target");
        }
        assertEquals(List.of(dir.resolve("report.md")), entries(dir));
        assertEquals("previous", Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8));
    }

    @Test
    void anUnpublishedStagingRemovesTheFoldersItCreatedAndOnlyThose() throws IOException {
        Path output = dir.resolve("a").resolve("b").resolve("out");
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(output)) {
            assertTrue(Files.isDirectory(output));
            staging.open("report.md").write("text");
        }
        assertEquals(List.of(), entries(dir));
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(output)) {
            staging.open("report.md").write("text");
            staging.publish();
        }
        assertEquals(List.of(output.resolve("report.md")), entries(output));
    }

    @Test
    void aWriterRefusesTextOnceItsStagingIsClosed() throws IOException {
        Writer late;
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
            late = staging.open("report.md");
            late.write("early");
        }
        // as a template still running past its time limit would find
        assertThrows(IOException.class, () -> late.write("late"));
        assertThrows(IOException.class, () -> late.write('x'));
        assertFalse(Files.exists(dir.resolve("report.md")));
        assertEquals(List.of(), entries(dir));
    }

    @Test
    void aStagingRemovesTheStagedFilesOfKilledRunsAndNothingElse() throws IOException {
        Path stale = Files.writeString(dir.resolve(".culturekit-staged-4194303-18446744073709551615.tmp"), "half");
        long own = ProcessHandle.current().pid();
        List<Path> kept = List.of(
                Files.writeString(dir.resolve(".culturekit-staged-" + own + "-7.tmp"), "this process's own"),
                Files.writeString(dir.resolve(".culturekit-1234.tmp"), "an older version's name"),
                Files.writeString(dir.resolve("culturekit-staged-12-34.tmp"), "not hidden"),
                Files.writeString(dir.resolve(".culturekit-staged-12-34.tmp.bak"), "another suffix"),
                Files.writeString(dir.resolve(".culturekit-staged-x-34.tmp"), "no process id"),
                Files.writeString(dir.resolve(".Culturekit-staged-12-34.tmp"), "another case"),
                Files.createDirectory(dir.resolve(".culturekit-staged-12-35.tmp")),
                Files.createSymbolicLink(dir.resolve(".culturekit-staged-12-36.tmp"),
                        Files.writeString(dir.resolve("users-file.txt"), "linked to")),
                dir.resolve("users-file.txt"));
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
            assertEquals(1, staging.staleRemoved());
            assertEquals(java.util.Optional.of("removed 1 temporary file that an interrupted culturekit run left in "
                    + dir), staging.staleNote());
        }
        assertFalse(Files.exists(stale));
        for (Path path : kept) {
            assertTrue(Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS), path.toString());
        }
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
            assertEquals(0, staging.staleRemoved());
            assertEquals(java.util.Optional.empty(), staging.staleNote());
        }
    }

    @Test
    void aStagedFileIsLockedUntilItIsPublishedSoNoCleanUpTakesIt() throws IOException {
        try (OutputFiles.Staging staging = OutputFiles.Staging.privateIn(dir, "choose another --rejects path")) {
            staging.open("report.md").write("text");
            Path staged = entries(dir).get(0);
            assertTrue(staged.getFileName().toString().matches("\\.culturekit-staged-"
                    + ProcessHandle.current().pid() + "-\\d+\\.tmp"), staged.toString());
            assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(staged));
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(staged,
                    java.nio.file.StandardOpenOption.WRITE)) {
                // held by this process (another process's tryLock would give null)
                assertThrows(java.nio.channels.OverlappingFileLockException.class, channel::tryLock);
            }
            staging.publish();
        }
        assertEquals(List.of(dir.resolve("report.md")), entries(dir));
    }

    private static final java.util.Set<String> UNIT_FILES = java.util.Set.of("index.html", "report.html", "report.md");

    @Test
    void aReplacedFolderIsPublishedWholeAndKeepsNothingOfTheRunBefore() throws IOException {
        Files.createDirectories(dir.resolve("units/gone"));
        Files.writeString(dir.resolve("units/gone/report.html"), "a unit no longer published");
        Files.writeString(dir.resolve("units/index.html"), "old index");
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
            staging.replaceFolder("units", UNIT_FILES);
            try (Writer top = staging.open("report.md"); Writer unit = staging.open("units/north/report.md");
                    Writer index = staging.open("units/index.html")) {
                top.write("organisation");
                unit.write("north");
                index.write("new index");
            }
            // the old folder stays as it was until the run is published
            assertTrue(Files.exists(dir.resolve("units/gone/report.html")));
            assertEquals(List.of(dir.resolve("report.md"), dir.resolve("units/north/report.md"),
                    dir.resolve("units/index.html")), staging.publish());
        }
        assertEquals(List.of(dir.resolve("report.md"), dir.resolve("units")), entries(dir));
        assertEquals(List.of(dir.resolve("units/index.html"), dir.resolve("units/north")), entries(dir.resolve("units")));
        assertEquals("north", Files.readString(dir.resolve("units/north/report.md")));
        assertEquals("new index", Files.readString(dir.resolve("units/index.html")));
    }

    @Test
    void aFolderHoldingAnythingCulturekitDidNotWriteIsNamedAndNotReplaced() throws IOException {
        Files.createDirectories(dir.resolve("units/north/deeper"));
        Path keep = Files.writeString(dir.resolve("units/north/notes.txt"), "the user's");
        for (Path foreign : List.of(dir.resolve("units/north/deeper"), keep)) {
            assertEquals(java.util.Optional.of(foreign), OutputFiles.Staging.foreign(dir.resolve("units"), UNIT_FILES));
            try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
                RenderException refused = assertThrows(RenderException.class,
                        () -> staging.replaceFolder("units", UNIT_FILES));
                assertTrue(refused.getMessage().startsWith(foreign + " is not a file culturekit wrote"),
                        refused.getMessage());
            }
            assertTrue(Files.exists(foreign));
            Files.delete(foreign);
        }
        Files.createSymbolicLink(dir.resolve("units/north/report.html"), Files.writeString(dir.resolve("x"), "x"));
        assertEquals(java.util.Optional.of(dir.resolve("units/north/report.html")),
                OutputFiles.Staging.foreign(dir.resolve("units"), UNIT_FILES));
        assertEquals(java.util.Optional.empty(), OutputFiles.Staging.foreign(dir.resolve("none"), UNIT_FILES));
    }

    @Test
    void anUnpublishedReplacementLeavesTheOldFolderAndNothingNew() throws IOException {
        Files.createDirectories(dir.resolve("units/north"));
        Files.writeString(dir.resolve("units/north/report.md"), "previous");
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
            staging.replaceFolder("units", UNIT_FILES);
            try (Writer out = staging.open("units/south/report.md")) {
                out.write("south");
            }
        }
        assertEquals(List.of(dir.resolve("units")), entries(dir));
        assertEquals(List.of(dir.resolve("units/north")), entries(dir.resolve("units")));
        assertEquals("previous", Files.readString(dir.resolve("units/north/report.md")));
    }

    @Test
    void aStagingRemovesTheFoldersOfKilledRunsAndNotThoseOfRunningOnes() throws IOException {
        Path dead = Files.createDirectories(dir.resolve(".culturekit-staged-4194303-1.dir/north"));
        Files.writeString(dead.resolve("report.md"), "half");
        Path old = Files.createDirectories(dir.resolve(".culturekit-staged-4194303-2.dir.old"));
        Path live = Files.createDirectories(dir.resolve(".culturekit-staged-" + ProcessHandle.current().pid()
                + "-3.dir"));
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(dir)) {
            assertEquals(2, staging.staleRemoved());
        }
        assertFalse(Files.exists(dead.getParent()));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(live));
    }

    private static void write(Writer out, int c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
