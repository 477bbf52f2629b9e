package org.culturekit.export.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.culturekit.export.ReadOptions;
import org.culturekit.export.Rejection;
import org.culturekit.export.ResponseReader;
import org.culturekit.export.ids.RespondentIds;
import org.culturekit.export.table.Table;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Reporting;
import org.culturekit.model.Response;
import org.culturekit.model.Scale;
import org.culturekit.model.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chunked, multi-threaded reading gives exactly what reading every row in turn gives: the same responses
 * in the same order, the same exclusions, unreadable answers and rejected rows, and the same first error,
 * whatever the thread count and chunk size, with quoted line breaks, escaped quotes, every kind of line ending
 * and multi-byte text falling on chunk boundaries. Both parse with the same grammar ({@code ChunkRecords});
 * what differs, and is checked here, is where the chunks are cut, how the data rows are found past a
 * byte-order mark, a {@code sep=} line and the header, and how the chunks' rows and ids are merged.
 */
class ChunkedReadingTest {
    private static final Questionnaire Q = new Questionnaire("q", "Q", "1", "en",
            List.of(new Scale("agree5", 1, 5, List.of("Strongly disagree", "Disagree", "Neither agree nor disagree",
                    "Agree", "Strongly agree"), List.of(4, 5), List.of(3), List.of("N/A"), Map.of())),
            List.of(new Item("a", "Item A", "agree5", false, List.of()),
                    new Item("b", "Item B", "agree5", false, List.of()),
                    new Item("c", "Item C", "agree5", false, List.of()),
                    new Item("note", "Anything else?", "text", false, List.of())),
            List.of(), List.of(), Optional.empty(), List.of(new Segment("team", List.of(), List.of(), Map.of())),
            Optional.of("id"), List.of("note"), Reporting.DEFAULT);

    /** Thread counts and chunk sizes, down to one byte, so every position of a boundary is tried. */
    private static final int[][] SPLITS = {{1, 1 << 20}, {1, 1}, {2, 7}, {2, 64}, {3, 97}, {4, 1000}, {2, 4096}};

    @TempDir Path dir;

    /** What one way of reading saw. */
    private record Seen(List<Response> responses, Map<String, Long> excluded, List<Problem> problems,
            long problemCount, List<Rejection> rejections, long rows) {}

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * Thread counts, chunk sizes and the ids a run's set holds in memory before it moves them to a file, so
     * duplicates are found among ids on disk too.
     */
    private static final int[][] SPILLING = {{2, 64, 5}, {1, 1 << 20, 16}, {3, 97, 1}};

    /** Every row in turn, sharing {@code ids} across files as a run does. */
    private static List<Seen> sequential(List<Path> files) {
        return sequential(files, new RespondentIds());
    }

    private static List<Seen> sequential(List<Path> files, RespondentIds ids) {
        List<Seen> seen = new ArrayList<>();
        for (Path file : files) {
            try (ResponseReader reader = ResponseReader.open(file, Q, ReadOptions.DEFAULT, ids)) {
                List<Rejection> rejections = new ArrayList<>();
                reader.onRejection(rejections::add);
                List<Response> responses = new ArrayList<>();
                reader.forEach(responses::add);
                seen.add(new Seen(responses, reader.excluded(), reader.problems(), reader.problemCount(),
                        rejections, reader.rowsRead()));
            }
        }
        return seen;
    }

    /** In chunks, on threads; each file's tallies are taken when its last chunk is merged. */
    private static List<Seen> chunked(List<Path> files, int threads, int chunkSize) {
        return chunked(files, threads, chunkSize, new RespondentIds());
    }

    private static List<Seen> chunked(List<Path> files, int threads, int chunkSize, RespondentIds ids) {
        List<Seen> seen = new ArrayList<>();
        List<Response> merged = new ArrayList<>();
        try (ParallelReader<List<Response>> parallel = new ParallelReader<>(threads, chunkSize, ArrayList::new,
                (list, row) -> list.add(row.toResponse()), merged::addAll)) {
            for (Path file : files) {
                try (ResponseReader reader = ResponseReader.open(file, Q, ReadOptions.DEFAULT, ids)) {
                    assertTrue(reader.chunked().isPresent(), "a UTF-8 CSV file is read in chunks");
                    List<Rejection> rejections = new ArrayList<>();
                    reader.onRejection(rejections::add);
                    parallel.read(reader, () -> {
                        seen.add(new Seen(new ArrayList<>(merged), reader.excluded(), reader.problems(),
                                reader.problemCount(), rejections, reader.rowsRead()));
                        merged.clear();
                    });
                }
            }
            parallel.finish();
        }
        return seen;
    }

    private static void assertSameEverySplit(List<Path> files) {
        List<Seen> expected = sequential(files);
        for (int[] split : SPLITS) {
            assertSame(expected, chunked(files, split[0], split[1]),
                    "threads " + split[0] + ", chunks of " + split[1] + " bytes");
        }
        for (int[] split : SPILLING) {
            String what = "threads " + split[0] + ", chunks of " + split[1] + " bytes, " + split[2] + " ids in memory";
            try (RespondentIds ids = new RespondentIds(split[2], null)) {
                assertSame(expected, chunked(files, split[0], split[1], ids), what);
                assertTrue(ids.warning().isEmpty(), what + ": " + ids.warning());
            }
            try (RespondentIds ids = new RespondentIds(split[2], null)) {
                assertSame(expected, sequential(files, ids), "in turn, " + split[2] + " ids in memory");
            }
        }
    }

    /** Equal, and if not, the first difference named briefly. */
    private static void assertSame(List<Seen> expected, List<Seen> actual, String split) {
        assertEquals(expected.size(), actual.size(), split + ": files");
        for (int f = 0; f < expected.size(); f++) {
            Seen e = expected.get(f);
            Seen a = actual.get(f);
            String where = split + ", file " + f;
            firstDifference(e.responses(), a.responses(), where + ", responses");
            assertEquals(e.excluded(), a.excluded(), where);
            firstDifference(e.problems(), a.problems(), where + ", problems");
            assertEquals(e.problemCount(), a.problemCount(), where);
            firstDifference(e.rejections(), a.rejections(), where + ", rejections");
            assertEquals(e.rows(), a.rows(), where);
        }
    }

    private static <T> void firstDifference(List<T> expected, List<T> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (expected.get(i) instanceof Response r && actual.get(i) instanceof Response s) {
                assertEquals(r + " " + r.segments() + " " + r.comments(), s + " " + s.segments() + " " + s.comments(),
                        what + " #" + i);
            }
            assertEquals(expected.get(i), actual.get(i), what + " #" + i);
        }
        assertEquals(expected.size(), actual.size(), what + ": how many");
    }

    private static String messageOf(Runnable read) {
        try {
            read.run();
        } catch (InputException e) {
            return e.getMessage();
        }
        return fail("no error");
    }

    /** The same message, whichever way the file is read. */
    private static void assertSameFault(Path file, String expectedPart) {
        String expected = messageOf(() -> sequential(List.of(file)));
        assertTrue(expected.contains(expectedPart), expected);
        for (int[] split : SPLITS) {
            assertEquals(expected, messageOf(() -> chunked(List.of(file), split[0], split[1])),
                    "threads " + split[0] + ", chunks of " + split[1] + " bytes");
        }
    }

    private static final String[] NOTES = {"", "", "", "fine", "short, with a comma", "\"quoted\" words",
        "two\nlines", "windows\r\nline", "old mac\rline", "ends with a quote \"", "\"\"", "ünïcödé – ✓ 😀",
        "a,b,c,\"d\"", "  padded  ", "call +44 20 7946 0958", "mail me@example.org",
        // longer than the start a row holds of a comment (48 characters) until a sink asks for all of it
        " \t Longer than the start a row holds until it is asked for all of it.  ",
        "Longer still, and with ünïcödé after its first forty-eight characters – ✓ 😀",
        "ünïcödé first, then more than forty-eight characters of plain text follow",
        "\u2003An em space first, then more than forty-eight characters of text",
        "A \"quoted\" word, then more than forty-eight characters of plain text",
        "Two\nlines, then more than forty-eight characters of plain text here\n",
        "                                                                      ",
        "Blanks after the first word" + " ".repeat(60) + "\u2003", "\"\"" + "\"\"x".repeat(30)};
    private static final String[] ANSWERS = {"1", "2", "3", "4", "5", "", "", "N/A", "Agree", " strongly agree ",
        "6", "x", "\"3\"", "-99", "0"};

    /** A seeded export with every feature a chunk boundary could split; {@code eol} ends its records. */
    private static String export(long seed, int rows, String eol) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("id,team,a,b,c,note" + eol);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(20) == 0) {
                csv.append(eol); // an empty line, skipped
            }
            // some ids repeat, near and far
            String id = random.nextInt(10) == 0 ? "r" + random.nextInt(Math.max(1, r)) : "r" + r;
            csv.append(random.nextInt(15) == 0 ? "" : id).append(',');
            csv.append(random.nextInt(8) == 0 ? "\"Sales, EMEA\"" : "T" + random.nextInt(4)).append(',');
            for (int i = 0; i < 3; i++) {
                csv.append(quoted(ANSWERS[random.nextInt(ANSWERS.length)])).append(',');
            }
            csv.append(quoted(NOTES[random.nextInt(NOTES.length)]));
            csv.append(eol);
        }
        return csv.toString();
    }

    private static String quoted(String cell) {
        boolean needs = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    @Test
    void chunksGiveWhatOnePassGivesWithEveryLineEnding() throws IOException {
        for (String eol : List.of("\n", "\r\n", "\r")) {
            Path file = write("export.csv", export(eol.hashCode(), 300, eol));
            List<Seen> seen = sequential(List.of(file));
            assertTrue(seen.get(0).responses().size() > 150, "most rows are scored");
            assertTrue(seen.get(0).excluded().containsKey("duplicate respondent id"), "the data has duplicates");
            assertTrue(seen.get(0).problemCount() > 0, "the data has unreadable answers");
            assertSameEverySplit(List.of(file));
        }
    }

    @Test
    void manyExportsAreReadAsOneRunWithDuplicatesBetweenThem() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            files.add(write("country-" + f + ".csv", export(f, 40 + 13 * f, f % 2 == 0 ? "\n" : "\r\n")));
        }
        files.add(write("header-only.csv", "id,team,a,b,c,note\n"));
        List<Seen> seen = sequential(files);
        assertTrue(seen.get(3).excluded().getOrDefault("duplicate respondent id", 0L) > 5,
                "ids of earlier exports come again");
        assertSameEverySplit(files);
    }

    @Test
    void aByteOrderMarkAnExcelSepLineAndOtherDelimitersAreHonoured() throws IOException {
        String body = export(7, 120, "\r\n");
        assertSameEverySplit(List.of(write("bom.csv", "\uFEFF" + body)));
        assertSameEverySplit(List.of(write("sep.csv", "sep=,\r\n" + body)));
        assertSameEverySplit(List.of(write("semicolon.csv", "id;team;a;b;c;note\n1;T;4;5;\"3\";\"x;y\"\n2;T;1;;2;\n")));
        assertSameEverySplit(List.of(write("tab.csv", "id\tteam\ta\tb\tc\tnote\n1\tT\t4\t5\t3\t\"x\ty\"\n2\tT\t1\t\t2\t\n")));
        assertSameEverySplit(List.of(write("no-final-eol.csv", "id,team,a,b,c,note\n1,T,4,5,3,\"end\"")));
        assertSameEverySplit(List.of(write("blank-after-quote.csv", "id,team,a,b,c,note\n1,T,\"4\"  ,5,3,x\n")));
        assertSameEverySplit(List.of(write("literal-quote.csv", "id,team,a,b,c,note\n1,T,4,5,3,say \"hi\n2,T,1,1,1,ok\n")));
    }

    @Test
    void theFirstFaultInTheFileIsReportedWhateverTheSplit() throws IOException {
        String good = export(11, 80, "\n");
        assertSameFault(write("unclosed.csv", good + "x,T,1,2,3,\"never closed\n1,2\n"), "is never closed");
        assertSameFault(write("after-quote.csv", good + "x,T,1,2,3,\"closed\"late\n" + "y,T,1,2,3,\"no"),
                "text follows a closing quote");
        assertSameFault(write("short.csv", good + "x,T,1,2\n" + "y,T,1,2,3,\"no"), "4 fields but the header has 6");
        byte[] bytes = (good + "x,T,1,2,3,caf\u00e9\n").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 2] = (byte) 0xFF; // the second byte of é
        Path invalid = dir.resolve("invalid.csv");
        Files.write(invalid, bytes);
        assertSameFault(invalid, "cannot be decoded");
    }

    @Test
    void anOverlongFieldIsStoppedAtItsStartWithBoundedChunks() throws IOException {
        ReadOptions small = new ReadOptions(null, null, false, 100, Table.DEFAULT_COLUMN_LIMIT, false);
        // far enough down that opening the file, which reads ahead, does not meet it
        StringBuilder csv = new StringBuilder("id,team,a,b,c,note\n");
        for (int r = 0; r < 10_000; r++) {
            csv.append(r).append(",T,1,2,3,ok\n");
        }
        Path file = write("long.csv", csv + "x,T,1,2,3,\"" + "x".repeat(5000) + "\n");
        String expected;
        try (ResponseReader reader = ResponseReader.open(file, Q, small)) {
            expected = messageOf(() -> reader.forEach(response -> { }));
        }
        assertTrue(expected.contains(":10002:6: the field starting here (column 6) is longer than 100"), expected);
        for (int[] split : SPLITS) {
            try (ResponseReader reader = ResponseReader.open(file, Q, small);
                    ParallelReader<List<Response>> parallel = new ParallelReader<>(split[0], split[1],
                            ArrayList::new, (list, row) -> list.add(row.toResponse()), list -> { })) {
                assertEquals(expected, messageOf(() -> {
                    parallel.read(reader, () -> { });
                    parallel.finish();
                }));
            }
        }
    }

    @Test
    void aRowOfMoreColumnsThanTheLimitIsRefusedAtItsLineWhateverTheSplit() throws IOException {
        StringBuilder csv = new StringBuilder("id,team,a,b,c,note\n");
        for (int r = 0; r < 300; r++) {
            csv.append('r').append(r).append(",T1,4,4,4,\n");
        }
        // on line 302, ten times as many empty fields as the limit: short enough for the field limit
        Path file = write("wide.csv", csv + ",".repeat(200_000) + "\n");
        assertSameFault(file, file + ":302: the row on this line has more than 20000 columns (--max-columns 20000)");
        // a limit below the fields a chunk's record starts with room for, past what the header's reader reads ahead
        ReadOptions narrow = new ReadOptions(null, null, false, 1000, 6, false);
        StringBuilder longer = new StringBuilder("id,team,a,b,c,note\n");
        for (int r = 0; r < 2000; r++) {
            longer.append('r').append(r).append(r == 1498 ? ",T1,4,4,4,,\n" : ",T1,4,4,4,\n");
        }
        Path small = write("narrow.csv", longer.toString());
        for (int[] split : SPLITS) {
            assertEquals(small + ":1500: the row on this line has more than 6 columns (--max-columns 6); if the export "
                    + "really has that many, raise the limit with --max-columns", messageOf(() -> {
                        try (ParallelReader<List<Response>> parallel = new ParallelReader<>(split[0], split[1],
                                ArrayList::new, (list, row) -> list.add(row.toResponse()), list -> { });
                                ResponseReader reader = ResponseReader.open(small, Q, narrow)) {
                            assertTrue(reader.chunked().isPresent());
                            parallel.read(reader, () -> { });
                            parallel.finish();
                        }
                    }), "threads " + split[0] + ", chunks of " + split[1] + " bytes");
        }
    }

    @Test
    void inspectingAndOtherEncodingsAreReadInOrder() throws IOException {
        Path file = write("export.csv", export(3, 20, "\n"));
        try (ResponseReader reader = ResponseReader.open(file, Q, new ReadOptions(null, null, false, 1000, Table.DEFAULT_COLUMN_LIMIT, true))) {
            assertTrue(reader.chunked().isEmpty(), "inspect counts answers in file order");
        }
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, export(3, 20, "\n").getBytes(StandardCharsets.ISO_8859_1));
        ReadOptions named = new ReadOptions(null, StandardCharsets.ISO_8859_1, false, 1000,
                Table.DEFAULT_COLUMN_LIMIT, false);
        try (ResponseReader reader = ResponseReader.open(latin, Q, named)) {
            assertTrue(reader.chunked().isEmpty());
            List<Response> merged = new ArrayList<>();
            try (ParallelReader<List<Response>> parallel = new ParallelReader<>(2, 16, ArrayList::new,
                    (list, row) -> list.add(row.toResponse()), merged::addAll)) {
                parallel.read(reader, () -> { });
                parallel.finish();
            }
            assertTrue(merged.size() > 10, "rows were read, in order, and merged");
            assertEquals(reader.rowsRead(), merged.size() + reader.excluded().values().stream()
                    .mapToLong(Long::longValue).sum());
        }
    }
}
