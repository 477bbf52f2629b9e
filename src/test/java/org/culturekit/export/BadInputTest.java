package org.culturekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.culturekit.export.csv.CsvTable;
import org.culturekit.export.table.Table;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Reporting;
import org.culturekit.model.Response;
import org.culturekit.model.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad export: each gets a located message, and no row is lost without a count. */
class BadInputTest {
    private static final Questionnaire Q = new Questionnaire("q", "Q", "1", "en",
            List.of(new Scale("agree5", 1, 5, List.of("Strongly disagree", "Disagree", "Neither agree nor disagree",
                    "Agree", "Strongly agree"), List.of(4, 5), List.of(3), List.of(), Map.of())),
            List.of(new Item("a", "Item A", "agree5", false, List.of()),
                    new Item("b", "Item B", "agree5", false, List.of())),
            List.of(), List.of(), Optional.empty(), List.of(), Optional.of("id"), List.of(), Reporting.DEFAULT);

    @TempDir Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Reads everything and checks the reconciliation: every data row is scored or excluded. */
    private static ResponseReader readAll(Path file, List<Response> into) {
        ResponseReader reader = ResponseReader.open(file, Q);
        reader.forEach(into::add);
        long excluded = reader.excluded().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(reader.rowsRead(), into.size() + excluded, "read = scored + excluded");
        return reader;
    }

    private static InputException fails(Path file) {
        return assertThrows(InputException.class, () -> {
            try (ResponseReader reader = ResponseReader.open(file, Q)) {
                reader.forEach(response -> { });
            }
        });
    }

    @Test
    void aTruncatedFileNamesTheShortRow() throws IOException {
        InputException e = fails(write("id,a,b\n1,4,4\n2,3"));
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("this row has 2 fields but the header has 3"), e.getMessage());
    }

    @Test
    void aTruncatedFileInsideAQuoteNamesWhereTheFieldStarts() throws IOException {
        InputException e = fails(write("id,a,b\n1,4,4\n2,3,\"Agr"));
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void aDelimiterThatIsNotSupportedLeavesNoItemMapped() throws IOException {
        InputException e = fails(write("id|a|b\n1|4|4\n"));
        assertTrue(e.getMessage().contains("no column matches any item"), e.getMessage());
    }

    @Test
    void semicolonAndTabFilesAreReadWithoutBeingTold() throws IOException {
        for (String delimiter : List.of(";", "\t")) {
            List<Response> responses = new ArrayList<>();
            try (ResponseReader reader = readAll(write(String.join(delimiter, "id", "a", "b") + "\n"
                    + String.join(delimiter, "1", "Agree", "\"4,5\"") + "\n"), responses)) {
                assertEquals(4, responses.get(0).rawAnswer(0));
                assertEquals(1, reader.problemCount(), "'4,5' is one unreadable cell, not two fields");
            }
        }
    }

    @Test
    void duplicateRespondentIdsAreCountedNotScored() throws IOException {
        List<Response> responses = new ArrayList<>();
        try (ResponseReader reader = readAll(write("id,a,b\n1,4,4\n1,2,2\n2,5,5\n"), responses)) {
            assertEquals(2, responses.size());
            assertEquals(Map.of("duplicate respondent id", 1L), reader.excluded());
        }
    }

    @Test
    void outOfRangeValuesAndUnknownLabelsAreLocatedAndReadAsMissing() throws IOException {
        List<Response> responses = new ArrayList<>();
        try (ResponseReader reader = readAll(write("id,a,b\n1,7,Agree\n2,Agreed,0\n3,-1,4\n"), responses)) {
            assertEquals(2, responses.size());
            List<String> where = reader.problems().stream().map(p -> p.line() + ":" + p.column()).toList();
            assertEquals(List.of("2:2", "3:2", "3:3", "4:2"), where);
            assertTrue(reader.problems().get(0).message().contains("'7' is not an answer"));
            assertEquals(Map.of("unparseable: no answer could be read", 1L), reader.excluded());
        }
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        InputException e = fails(write(""));
        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
    }

    @Test
    void aHeaderOnlyFileHasNoRowsAndNothingIsLost() throws IOException {
        List<Response> responses = new ArrayList<>();
        try (ResponseReader reader = readAll(write("id,a,b\n"), responses)) {
            assertEquals(0, reader.rowsRead());
        }
    }

    @Test
    void raggedRowsAreRefusedWithTheirLine() throws IOException {
        InputException e = fails(write("id,a,b\n1,4,4\n2,4,4,4\n"));
        assertEquals(3, e.problems().get(0).line());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefused() throws IOException {
        Path file = dir.resolve("export.csv");
        Files.write(file, "id,a,b\n1,4,4\n".getBytes(StandardCharsets.UTF_16BE));
        InputException e = fails(file);
        assertTrue(e.getMessage().contains("--encoding UTF-16LE (or UTF-16BE)"), e.getMessage());
    }

    @Test
    void windows1252IsReadOnlyWhenNamed() throws IOException {
        Path file = dir.resolve("export.csv");
        // "Agree – ok" comment-free row with a Windows-1252 en dash (0x96) in the id
        Files.write(file, "id,a,b\nx\u2013y,Agree,4\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        InputException e = fails(file);
        assertEquals(2, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("--encoding"), e.getMessage());
        ReadOptions options = new ReadOptions(null, java.nio.charset.Charset.forName("windows-1252"), false,
                CsvTable.DEFAULT_FIELD_LIMIT, Table.DEFAULT_COLUMN_LIMIT, false);
        try (ResponseReader reader = ResponseReader.open(file, Q, options)) {
            List<Response> responses = new ArrayList<>();
            reader.forEach(responses::add);
            assertEquals(1, responses.size());
        }
    }

    @Test
    void aFieldOverTheLimitIsRefusedAtItsStartWithoutEchoingIt() throws IOException {
        Path file = dir.resolve("export.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("id,a,b\n1,4,4\n2,4,\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "SECRETSECRET".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
        }
        InputException e = fails(file);
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("column 3) is longer than 1048576 characters"), e.getMessage());
        assertTrue(!e.getMessage().contains("SECRET"));
    }

    @Test
    void aHeaderOfTooManyColumnsIsRefusedAtLineOneAsItIsTokenised() throws IOException {
        Path file = dir.resolve("wide.csv");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("id,a,b".getBytes(StandardCharsets.UTF_8));
            for (int c = 0; c < 2_000_000; c++) {
                out.write((",c" + c).getBytes(StandardCharsets.UTF_8));
            }
            out.write("\n1,4,4\n".getBytes(StandardCharsets.UTF_8));
        }
        InputException e = fails(file);
        assertEquals(List.of(new Problem(file.toString(), 1, 0, "the row on this line has more than 20000 columns "
                + "(--max-columns 20000); if the export really has that many, raise the limit with --max-columns",
                "")), e.problems());
    }

    @Test
    void aRowOfMoreColumnsThanTheLimitIsRefusedInEveryEncodingWhereItStarts() throws IOException {
        String content = "id,a,b\n1,4,4\n\"x\ny\"" + ",".repeat(10) + "\n3,4,4\n";
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                java.nio.charset.Charset.forName("windows-1252"))) {
            Path file = dir.resolve("wide-" + charset.name() + ".csv");
            Files.write(file, content.getBytes(charset));
            ReadOptions options = new ReadOptions(null, charset, false, CsvTable.DEFAULT_FIELD_LIMIT, 10, false);
            InputException e = assertThrows(InputException.class, () -> {
                try (ResponseReader reader = ResponseReader.open(file, Q, options)) {
                    reader.forEach(response -> { });
                }
            });
            assertEquals(3, e.problems().get(0).line(), charset.name());
            assertTrue(e.getMessage().contains("more than 10 columns (--max-columns 10)"), e.getMessage());
            // ten columns exactly are read
            Files.write(file, content.replace(",,,,,,,,,,\n", ",,,,,,,,,\n").getBytes(charset));
            InputException ragged = assertThrows(InputException.class, () -> {
                try (ResponseReader reader = ResponseReader.open(file, Q, options)) {
                    reader.forEach(response -> { });
                }
            });
            assertTrue(ragged.getMessage().contains("this row has 10 fields but the header has 3"),
                    ragged.getMessage());
        }
    }

    @Test
    void excelsSepLineIsHonouredAndCountedInLineNumbers() throws IOException {
        List<Response> responses = new ArrayList<>();
        try (ResponseReader reader = readAll(write("sep=;\nid;a;b\n1;4;4\n2;5;5\n"), responses)) {
            assertEquals(List.of(3L, 4L), responses.stream().map(Response::line).toList());
        }
        InputException e = fails(write("sep=;\nid;a;b\n1;4;4\n2;5;\"x\n"));
        assertEquals(4, e.problems().get(0).line());
        responses.clear();
        try (ResponseReader reader = readAll(write("sep=;\r\nid;a;b\r\n\r\n1;4;4\r\n2;5;5\r\n"), responses)) {
            assertEquals(List.of(4L, 5L), responses.stream().map(Response::line).toList(),
                    "a CR LF is one line break, and a record's line is its own, not the empty line's before it");
        }
    }

    @Test
    void oldMacLineEndingsAreReadWithTheirLineNumbers() throws IOException {
        List<Response> responses = new ArrayList<>();
        try (ResponseReader reader = readAll(write("id,a,b\r1,4,4\r2,5,\"x\ry\"\r3,2,2\r"), responses)) {
            assertEquals(List.of(2L, 3L, 5L), responses.stream().map(Response::line).toList());
            assertEquals(1, reader.problemCount(), "the quoted line break stays inside its field");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "stimme überhaupt nicht zu | stimme nicht zu | weder noch | stimme zu | stimme voll und ganz zu",
        "pas du tout d'accord | pas d’accord | ni d'accord ni pas d'accord | d'accord | tout à fait d'accord",
        "totalmente en desacuerdo | en desacuerdo | ni de acuerdo ni en desacuerdo | de acuerdo | totalmente de acuerdo",
        "helemaal mee oneens | mee oneens | neutraal | mee eens | helemaal mee eens",
        "instämmer inte alls | instämmer inte | varken eller | instämmer | instämmer helt",
        "Strongly Disagree | DISAGREE | neutral | agree | strongly   agree"})
    void agreementLabelsInEveryBuiltInLanguageReadAsTheSameValues(String one, String two, String three, String four,
            String five) throws IOException {
        String csv = "id,a\n" + String.join("\n", List.of("1," + quote(one), "2," + quote(two), "3," + quote(three),
                "4," + quote(four), "5," + quote(five))) + "\n";
        List<Response> responses = new ArrayList<>();
        try (ResponseReader reader = readAll(write(csv), responses)) {
            assertEquals(0, reader.problemCount(), reader.problems().toString());
            assertEquals(List.of(1, 2, 3, 4, 5), responses.stream().map(r -> r.rawAnswer(0)).toList());
        }
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
