package org.culturekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

class ResponseReaderTest {
    private static final Scale AGREE = new Scale("agree5", 1, 5,
            List.of("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"),
            List.of(4, 5), List.of(3), List.of("N/A", "Don't know"), Map.of("AO05", 5));

    private static final Questionnaire Q = new Questionnaire("q", "Q", "1", "en", List.of(AGREE),
            List.of(new Item("voice", "I can raise problems here.", "agree5", false, List.of("Q5_1")),
                    new Item("help", "Asking for help is easy.", "agree5", false, List.of()),
                    new Item("comment", "Anything else?", Scale.TEXT, false, List.of())),
            List.of(), List.of(), Optional.empty(),
            List.of(new Segment("team", List.of("Team"), List.of(), Map.of("T1", "Support"))),
            Optional.of("ResponseId"), List.of("comment"), Reporting.DEFAULT);

    @TempDir Path dir;

    private Path file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(byte[] content) throws IOException {
        Path file = dir.resolve("export.csv");
        Files.write(file, content);
        return file;
    }

    private static List<Response> readAll(ResponseReader reader) {
        List<Response> responses = new ArrayList<>();
        reader.forEach(responses::add);
        return responses;
    }

    @Test
    void mapsColumnsByAliasIdAndQuestionTextAndReadsNumbersLabelsAndAliases() throws IOException {
        Path csv = file("ResponseId,Team,Q5_1,  asking FOR help is easy. ,Anything else?\n"
                + "R1,T1,4,strongly   agree,\"Fine, thanks\"\n"
                + "R2,Ops,AO05,N/A,\n");
        try (ResponseReader reader = ResponseReader.open(csv, Q)) {
            List<Response> responses = readAll(reader);
            assertEquals(2, responses.size());
            assertEquals(List.of(4, 5), List.of(responses.get(0).rawAnswer(0), responses.get(0).rawAnswer(1)));
            assertEquals("Support", responses.get(0).segments().get(0), "answer codes map to group labels");
            assertEquals("Fine, thanks", responses.get(0).comments().get(0));
            assertEquals(5, responses.get(1).rawAnswer(0));
            assertEquals(Response.NOT_APPLICABLE, responses.get(1).rawAnswer(1));
            assertEquals(3, responses.get(1).line());
            assertTrue(reader.problems().isEmpty());
        }
    }

    @Test
    void stripsAUtf8ByteOrderMarkFromTheFirstHeader() throws IOException {
        byte[] body = "ResponseId,voice\nR1,3\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        try (ResponseReader reader = ResponseReader.open(file(withBom), Q)) {
            assertEquals(1, readAll(reader).size());
            assertEquals(1, reader.warnings().stream().filter(w -> w.message().contains("respondent id")).count()
                    + 1, "the id column is found despite the BOM");
        }
    }

    @Test
    void readsAHeaderLongerThanTheReadersBufferInEitherEncoding() throws IOException {
        // 400 columns of about 200 chars: 80,000 chars of header, past the 65,536 the reader buffers
        StringBuilder header = new StringBuilder("ResponseId,voice");
        StringBuilder row = new StringBuilder("R1,4");
        for (int i = 0; i < 400; i++) {
            header.append(",extra ").append(i).append(' ').append("x".repeat(190));
            row.append(',').append(i);
        }
        String text = header.append(",help\r\n").toString() + row.append(",5\r\n") + "R2,2" + ",".repeat(400)
                + ",1\r\n";
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        for (byte[] content : List.of(text.getBytes(StandardCharsets.UTF_8), utf16)) {
            try (ResponseReader reader = ResponseReader.open(file(content), Q)) {
                List<Response> responses = readAll(reader);
                assertEquals(2, responses.size());
                assertEquals(List.of(4, 5), List.of(responses.get(0).rawAnswer(0), responses.get(0).rawAnswer(1)));
                assertEquals(List.of(2, 1), List.of(responses.get(1).rawAnswer(0), responses.get(1).rawAnswer(1)));
                assertEquals(3, responses.get(1).line());
            }
        }
    }

    @Test
    void reportsAnUnknownLabelWithLineColumnAndValueAndReadsItAsMissing() throws IOException {
        Path csv = file("ResponseId,voice,help\nR1,4,3\nR2,Agre,6\nR3,Agre,2\n");
        try (ResponseReader reader = ResponseReader.open(csv, Q)) {
            List<Rejection> rejected = new ArrayList<>();
            reader.onRejection(rejected::add);
            List<Response> responses = readAll(reader);
            assertEquals(2, responses.size());
            assertEquals(Response.MISSING, responses.get(1).rawAnswer(0));
            assertEquals(2, responses.get(1).rawAnswer(1));
            assertEquals(Map.of("unparseable: no answer could be read", 1L), reader.excluded(),
                    "a row whose every answer is unreadable is not scored, and is counted");
            assertEquals(List.of(3L, 4L), rejected.stream().map(Rejection::line).toList());
            assertEquals(List.of("R3", "Agre", "2"), rejected.get(1).cells());
            assertEquals(3, reader.problemCount());
            Problem first = reader.problems().get(0);
            assertEquals(3, first.line());
            assertEquals(2, first.column());
            assertTrue(first.message().contains("'Agre'"), first.message());
            assertTrue(reader.problems().get(1).message().contains("'6'"));
        }
    }

    @Test
    void countsEmptyRowsAndDuplicateRespondentsAsExcluded() throws IOException {
        Path csv = file("ResponseId,voice,help\nR1,4,3\nR2,,\nR1,5,5\nR3,2,\n");
        try (ResponseReader reader = ResponseReader.open(csv, Q)) {
            assertEquals(2, readAll(reader).size());
            assertEquals(Map.of("empty: no answers", 1L, "duplicate respondent id", 1L), reader.excluded());
        }
    }

    @Test
    void failsOnAnUnterminatedQuoteNamingTheLineWhereTheFieldStarts() throws IOException {
        Path csv = file("ResponseId,voice,help\nR1,4,3\nR2,4,3\nR3,1,1\nR4,\"4,3\nR5,1,1\n");
        InputException e = assertThrows(InputException.class, () -> {
            try (ResponseReader reader = ResponseReader.open(csv, Q)) {
                readAll(reader);
            }
        });
        assertEquals(5, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void failsOnARowWithTooManyFields() throws IOException {
        Path csv = file("ResponseId,voice,help\nR1,4,3\nR2,4,3,extra\n");
        try (ResponseReader reader = ResponseReader.open(csv, Q)) {
            InputException e = assertThrows(InputException.class, () -> readAll(reader));
            assertEquals(3, e.problems().get(0).line());
            assertTrue(e.getMessage().contains("4 fields but the header has 3"), e.getMessage());
        }
    }

    @Test
    void failsOnInvalidUtf8NamingTheLineAndByteWithoutReplacementCharacters() throws IOException {
        byte[] bytes = "ResponseId,voice,help\nR1,4,3\nR2,4,3\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 2] = (byte) 0xE9; // Latin-1 'é': not UTF-8
        InputException e = assertThrows(InputException.class, () -> {
            try (ResponseReader reader = ResponseReader.open(file(bytes), Q)) {
                readAll(reader);
            }
        });
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("byte " + (bytes.length - 2) + " cannot be decoded"), e.getMessage());
        assertFalse(e.getMessage().contains("\uFFFD"));
    }

    @Test
    void readsUtf16WithAByteOrderMarkAsExcelsUnicodeTextWritesIt() throws IOException {
        byte[] body = "ResponseId\tvoice\r\nR1\t3\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        try (ResponseReader reader = ResponseReader.open(file(withBom), Q)) {
            assertEquals(3, readAll(reader).get(0).rawAnswer(0));
            assertEquals("UTF-16LE with byte-order mark, tab-separated", reader.describe());
        }
    }

    @Test
    void refusesUtf16WithoutAByteOrderMarkRatherThanMisreadingIt() throws IOException {
        byte[] body = "ResponseId,voice\nR1,3\n".getBytes(StandardCharsets.UTF_16LE);
        InputException e = assertThrows(InputException.class, () -> ResponseReader.open(file(body), Q));
        assertTrue(e.getMessage().contains("looks like UTF-16 without a byte-order mark"), e.getMessage());
    }

    @Test
    void rejectsDuplicateAndBlankHeaders() throws IOException {
        InputException duplicate = assertThrows(InputException.class,
                () -> ResponseReader.open(file("ResponseId,voice,voice\nR1,1,2\n"), Q));
        assertTrue(duplicate.getMessage().contains("column 3 has the same name as column 2"), duplicate.getMessage());
        InputException blank = assertThrows(InputException.class,
                () -> ResponseReader.open(file("ResponseId,,voice\nR1,1,2\n"), Q));
        assertTrue(blank.getMessage().contains("column 2 has no name"), blank.getMessage());
    }

    @Test
    void rejectsAFileWhoseColumnsMatchNoItem() throws IOException {
        InputException e = assertThrows(InputException.class,
                () -> ResponseReader.open(file("a,b\n1,2\n"), Q));
        assertTrue(e.getMessage().contains("no column matches any item"), e.getMessage());
    }

    @Test
    void reportsAMissingFileByName() {
        InputException e = assertThrows(InputException.class,
                () -> ResponseReader.open(dir.resolve("nope.csv"), Q));
        assertTrue(e.getMessage().contains("nope.csv: no such file"), e.getMessage());
    }

    @Test
    void warnsAboutItemsWithoutAColumn() throws IOException {
        try (ResponseReader reader = ResponseReader.open(file("ResponseId,voice\nR1,3\n"), Q)) {
            assertTrue(reader.warnings().stream().anyMatch(w -> w.message().startsWith("no column for 2 items: help, comment;")));
        }
    }
}
