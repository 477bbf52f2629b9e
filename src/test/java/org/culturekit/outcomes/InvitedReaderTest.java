package org.culturekit.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.culturekit.input.InputException;
import org.culturekit.model.Headcounts;
import org.culturekit.model.Questionnaire;
import org.culturekit.questionnaire.Questionnaires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvitedReaderTest {
    private static final Questionnaire QUESTIONNAIRE = Questionnaires.load("builtin:customer-centric-culture");

    @TempDir Path dir;

    @Test
    void readsGroupsAndCountsWhateverTheHeaderCase() throws IOException {
        Headcounts counts = read("Team,Invited\nNorth,12\n\n\"South, East\", 7 \nEmpty,0\n");
        assertEquals("team", counts.segment());
        assertEquals(List.of(new Headcounts.Row(2, "North", 12), new Headcounts.Row(4, "South, East", 7),
                new Headcounts.Row(5, "Empty", 0)), counts.rows());
        assertEquals(19, counts.total());
    }

    @Test
    void readsOtherDelimitersAndEncodings() throws IOException {
        Path file = dir.resolve("invited.csv");
        Files.write(file, "team;invited\nCafé;9\n".getBytes(Charset.forName("windows-1252")));
        Headcounts counts = InvitedReader.read(file, QUESTIONNAIRE, Charset.forName("windows-1252"));
        assertEquals("Café", counts.rows().get(0).group());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "-3     | 2:2: '-3' is negative",
        "12.5   | 2:2: '12.5' is not a whole number",
        "1e3    | 2:2: '1e3' is not a whole number",
        "'1,200'| 2:2: '1,200' is not a whole number as written; leave out the thousands separators (1200)",
        "many   | 2:2: 'many' is not a number of people",
        "''     | 2:2: no count",
    })
    void refusesACountThatIsNotAWholeNumberOfPeopleWithItsLineAndColumn(String cell, String expected)
            throws IOException {
        String message = problem("team,invited\nNorth,\"" + cell + "\"\n");
        assertTrue(message.contains("invited.csv:" + expected), message);
    }

    @Test
    void refusesAnUnknownSegmentAndAWrongSecondColumn() throws IOException {
        String message = problem("squad,headcount\nNorth,3\n");
        assertTrue(message.contains("invited.csv:1:1: the first column's header 'squad' is not a segment"), message);
        assertTrue(message.contains("invited.csv:1:2: the second column must be headed invited, not 'headcount'"),
                message);
    }

    @Test
    void refusesExtraColumnsADuplicateGroupAndAMissingGroupName() throws IOException {
        assertTrue(problem("team,invited,note\nNorth,3,x\n").contains("invited.csv:1:3: has 3 columns"));
        String message = problem("team,invited\nNorth,3\n ,4\nNorth,5\n");
        assertTrue(message.contains("invited.csv:3:1: no team in the first column"), message);
        assertTrue(message.contains("invited.csv:4:1: team 'North' has a row already, on line 2"), message);
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutRows() throws IOException {
        assertTrue(problem("").contains("is empty"));
        assertTrue(problem("team,invited\n").contains("invited.csv:1: has a header but no rows"));
    }

    @Test
    void refusesMoreRespondentsThanInvitedWithoutSayingHowMany() throws IOException {
        Headcounts counts = read("team,invited\nNorth,12\nSouth,3\n");
        InputException e = assertThrows(InputException.class,
                () -> InvitedReader.check(counts, Map.of("North", 12L, "South", 9L)));
        String message = e.getMessage().substring(e.getMessage().indexOf("invited.csv"));
        assertTrue(message.contains("invited.csv:3:2: team 'South' has more respondents scored than its 3 invited"),
                message);
        // South may be a hidden group: its respondents are never printed
        assertTrue(!message.contains("9"), message);
    }

    @Test
    void refusesASurveyedGroupTheFileLacksAndWarnsOfAGroupNobodyAnsweredFrom() throws IOException {
        Headcounts counts = read("team,invited\nNorth,12\nWest,8\n");
        String message = assertThrows(InputException.class,
                () -> InvitedReader.check(counts, Map.of("North", 5L, "South", 4L))).getMessage();
        assertTrue(message.contains("invited.csv: has no row for 1 surveyed team group(s): 'South'"), message);
        List<String> warnings = InvitedReader.check(counts, Map.of("North", 5L));
        assertEquals(List.of("invited.csv: 1 team group(s) no respondent is in, counted as invited with none "
                + "responding: 'West' (check the spelling against the survey's)"),
                warnings.stream().map(w -> w.substring(w.indexOf("invited.csv"))).toList());
    }

    private Headcounts read(String text) throws IOException {
        Path file = dir.resolve("invited.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return InvitedReader.read(file, QUESTIONNAIRE, null);
    }

    private String problem(String text) throws IOException {
        return assertThrows(InputException.class, () -> read(text)).getMessage();
    }
}
