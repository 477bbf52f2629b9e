package org.culturekit.export.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertIterableEquals;
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
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    /**
     * Thread counts and chunk sizes, down to one byte, so every position of a boundary is tried; and, where not
     * 0, the ids a run's set holds in memory before it moves them to a file, so duplicates are found on disk too.
     */
    private static final int[][] SPLITS = {{1, 1 << 20, 0}, {1, 1, 0}, {2, 7, 0}, {2, 64, 0}, {3, 97, 0},
        {4, 1000, 0}, {2, 4096, 0}, {2, 64, 5}, {1, 1 << 20, 16}, {3, 97, 1}};

    @TempDir Path dir;

    /** What one way of reading saw. */
    private record Seen(List<Response> responses, Map<String, Long> excluded, List<Problem> problems,
            long problemCount, List<Rejection> rejections, long rows) {}

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static RespondentIds ids(int[] split) {
        return split[2] == 0 ? new RespondentIds() : new RespondentIds(split[2], null);
    }

    private static String described(int[] split) {
        return "threads " + split[0] + ", chunks of " + split[1] + " bytes" + (split[2] == 0 ? ""
                : ", " + split[2] + " ids in memory");
    }

    /** Every row in turn, sharing {@code ids} across files as a run does. */
    private static List<Seen> sequential(List<Path> files, ReadOptions options, RespondentIds ids) {
        List<Seen> seen = new ArrayList<>();
        for (Path file : files) {
            try (ResponseReader reader = ResponseReader.open(file, Q, options, ids)) {
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
    private static List<Seen> chunked(List<Path> files, int[] split, ReadOptions options, RespondentIds ids) {
        List<Seen> seen = new ArrayList<>();
        List<Response> merged = new ArrayList<>();
        try (ParallelReader<List<Response>> parallel = new ParallelReader<>(split[0], split[1], ArrayList::new,
                (list, row) -> list.add(row.toResponse()), merged::addAll)) {
            for (Path file : files) {
                try (ResponseReader reader = ResponseReader.open(file, Q, options, ids)) {
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
        List<Seen> expected = sequential(files, ReadOptions.DEFAULT, new RespondentIds());
        for (int[] split : SPLITS) {
            try (RespondentIds ids = ids(split)) {
                assertSame(expected, chunked(files, split, ReadOptions.DEFAULT, ids), described(split));
                assertTrue(ids.warning().isEmpty(), described(split) + ": " + ids.warning());
            }
            try (RespondentIds ids = ids(split)) {
                assertSame(expected, sequential(files, ReadOptions.DEFAULT, ids), "in turn, " + described(split));
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
            assertIterableEquals(e.responses(), a.responses(), where + ", responses");
            assertIterableEquals(e.problems(), a.problems(), where + ", problems");
            assertIterableEquals(e.rejections(), a.rejections(), where + ", rejections");
            assertEquals(List.of(e.excluded(), e.problemCount(), e.rows()),
                    List.of(a.excluded(), a.problemCount(), a.rows()), where + ": exclusions, problems, rows");
        }
    }

    private static String messageOf(Runnable read) {
        try {
            read.run();
        } catch (InputException e) {
            return e.getMessage();
        }
        return fail("no error");
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

    @ParameterizedTest
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void chunksGiveWhatOnePassGives(String lineEnding) throws IOException {
        String eol = Map.of("LF", "\n", "CRLF", "\r\n", "CR", "\r").get(lineEnding);
        Path file = write("export.csv", export(eol.hashCode(), 300, eol));
        List<Seen> seen = sequential(List.of(file), ReadOptions.DEFAULT, new RespondentIds());
        assertTrue(seen.get(0).responses().size() > 150, "most rows are scored");
        assertTrue(seen.get(0).excluded().containsKey("duplicate respondent id"), "the data has duplicates");
        assertTrue(seen.get(0).problemCount() > 0, "the data has unreadable answers");
        assertSameEverySplit(List.of(file));
    }

    @Test
    void manyExportsAreReadAsOneRunWithDuplicatesBetweenThem() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            files.add(write("country-" + f + ".csv", export(f, 40 + 13 * f, f % 2 == 0 ? "\n" : "\r\n")));
        }
        files.add(write("header-only.csv", "id,team,a,b,c,note\n"));
        List<Seen> seen = sequential(files, ReadOptions.DEFAULT, new RespondentIds());
        assertTrue(seen.get(3).excluded().getOrDefault("duplicate respondent id", 0L) > 5,
                "ids of earlier exports come again");
        assertSameEverySplit(files);
    }

    static Stream<Arguments> layouts() {
        String body = export(7, 120, "\r\n");
        return Stream.of(
                Arguments.of("byte-order mark", "\uFEFF" + body),
                Arguments.of("Excel's sep= line", "sep=,\r\n" + body),
                Arguments.of("semicolons", "id;team;a;b;c;note\n1;T;4;5;\"3\";\"x;y\"\n2;T;1;;2;\n"),
                Arguments.of("tabs", "id\tteam\ta\tb\tc\tnote\n1\tT\t4\t5\t3\t\"x\ty\"\n2\tT\t1\t\t2\t\n"),
                Arguments.of("no final line break", "id,team,a,b,c,note\n1,T,4,5,3,\"end\""),
                Arguments.of("blanks after a closing quote", "id,team,a,b,c,note\n1,T,\"4\"  ,5,3,x\n"),
                Arguments.of("a quote inside unquoted text", "id,team,a,b,c,note\n1,T,4,5,3,say \"hi\n2,T,1,1,1,ok\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void theLayoutOfTheFileIsHonoured(String layout, String content) throws IOException {
        assertSameEverySplit(List.of(write("export.csv", content)));
    }

    /** The header and {@code rows} records, each made by {@code row} from its number. */
    private static String csv(int rows, IntFunction<String> row) {
        return "id,team,a,b,c,note\n" + IntStream.range(0, rows).mapToObj(row).collect(Collectors.joining());
    }

    static Stream<Arguments> faults() {
        String good = export(11, 80, "\n");
        byte[] invalid = (good + "x,T,1,2,3,caf\u00e9\n").getBytes(StandardCharsets.UTF_8);
        invalid[invalid.length - 2] = (byte) 0xFF; // the second byte of é
        // far enough down that opening the file, which reads ahead, does not meet them
        String plain = csv(10_000, r -> r + ",T,1,2,3,ok\n");
        String wide = csv(300, r -> "r" + r + ",T1,4,4,4,\n");
        String narrow = csv(2000, r -> "r" + r + (r == 1498 ? ",T1,4,4,4,,\n" : ",T1,4,4,4,\n"));
        return Stream.of(
                fault("a quote never closed", good + "x,T,1,2,3,\"never closed\n1,2\n", ReadOptions.DEFAULT,
                        "is never closed"),
                fault("text after a closing quote", good + "x,T,1,2,3,\"closed\"late\n" + "y,T,1,2,3,\"no",
                        ReadOptions.DEFAULT, "text follows a closing quote"),
                fault("a short row", good + "x,T,1,2\n" + "y,T,1,2,3,\"no", ReadOptions.DEFAULT,
                        "4 fields but the header has 6"),
                Arguments.of("bytes that are not UTF-8", invalid, ReadOptions.DEFAULT, "cannot be decoded"),
                fault("an overlong field, stopped at its start with bounded chunks",
                        plain + "x,T,1,2,3,\"" + "x".repeat(5000) + "\n",
                        new ReadOptions(null, null, false, 100, Table.DEFAULT_COLUMN_LIMIT, false),
                        ":10002:6: the field starting here (column 6) is longer than 100"),
                // ten times as many empty fields as the limit: short enough for the field limit
                fault("more columns than the limit", wide + ",".repeat(200_000) + "\n", ReadOptions.DEFAULT,
                        ":302: the row on this line has more than 20000 columns (--max-columns 20000)"),
                // a limit below the fields a chunk's record starts with room for
                fault("more columns than a low limit, past what the header's reader reads ahead", narrow,
                        new ReadOptions(null, null, false, 1000, 6, false),
                        ":1500: the row on this line has more than 6 columns (--max-columns 6); if the export "
                                + "really has that many, raise the limit with --max-columns"));
    }

    private static Arguments fault(String name, String content, ReadOptions options, String message) {
        return Arguments.of(name, content.getBytes(StandardCharsets.UTF_8), options, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theFirstFaultInTheFileIsReportedWhateverTheSplit(String fault, byte[] content, ReadOptions options,
            String message) throws IOException {
        Path file = dir.resolve("fault.csv");
        Files.write(file, content);
        String expected = messageOf(() -> sequential(List.of(file), options, new RespondentIds()));
        assertTrue(expected.contains(message), expected);
        for (int[] split : SPLITS) {
            try (RespondentIds ids = ids(split)) {
                assertEquals(expected, messageOf(() -> chunked(List.of(file), split, options, ids)), described(split));
            }
        }
    }

    @Test
    void inspectingAndOtherEncodingsAreReadInOrder() throws IOException {
        Path file = write("export.csv", export(3, 20, "\n"));
        try (ResponseReader reader = ResponseReader.open(file, Q, new ReadOptions(null, null, false, 1000,
                Table.DEFAULT_COLUMN_LIMIT, true))) {
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
