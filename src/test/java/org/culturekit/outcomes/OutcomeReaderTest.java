package org.culturekit.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.OutcomeTable;
import org.culturekit.model.Questionnaire;
import org.culturekit.questionnaire.Questionnaires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeReaderTest {
    private static final Questionnaire QUESTIONNAIRE = Questionnaires.load("builtin:customer-centric-culture");

    @TempDir Path dir;

    @Test
    void readsSegmentMetricsCountsAndPeriods() throws IOException {
        OutcomeTable table = read("Team,period,customer_nps,n_customer_nps,csat\n"
                + "North,2026-Q1,12.5,40,\n"
                + "\"South, East\",2026-Q1,-3,,1e3\n"
                + "North,2026-Q2,+.5,0,4.25\n");
        assertEquals("team", table.segment());
        assertEquals(List.of("customer_nps", "csat"), table.metrics());
        assertTrue(table.hasPeriod());
        assertEquals(3, table.rows().size());
        OutcomeTable.Row south = table.rows().get(1);
        assertEquals("South, East", south.group());
        assertEquals("2026-Q1", south.period());
        assertEquals(Arrays.asList(-3.0, 1000.0), south.values());
        assertEquals(Arrays.asList(null, null), south.customers());
        assertEquals(Arrays.asList(12.5, null), table.rows().get(0).values());
        assertEquals(Arrays.asList(40L, null), table.rows().get(0).customers());
        assertEquals(4, table.rows().get(2).line());
    }

    @Test
    void readsOtherDelimitersAndEncodings() throws IOException {
        Path file = dir.resolve("kpi.csv");
        Files.write(file, "team;csat\nCafé;4,5\nZoë;3\n".replace("4,5", "\"4.5\"")
                .getBytes(Charset.forName("windows-1252")));
        OutcomeTable table = OutcomeReader.read(file, QUESTIONNAIRE, Charset.forName("windows-1252"));
        assertEquals(List.of("Café", "Zoë"), table.rows().stream().map(OutcomeTable.Row::group).toList());
        assertEquals(4.5, table.rows().get(0).values().get(0));
    }

    @Test
    void refusesWhatIsNotANumberWithItsLineAndColumn() throws IOException {
        List<Problem> problems = problems("team,csat,churn,n_csat\n"
                + "A,\"12,5\",NaN,3\n"
                + "B,Infinity,4%,-2\n"
                + "C,high,1e999,2.5\n");
        assertEquals(List.of("2:2", "2:3", "3:2", "3:3", "3:4", "4:2", "4:3", "4:4"),
                problems.stream().map(p -> p.line() + ":" + p.column()).toList());
        assertTrue(problems.get(0).message().contains("write the decimal with a point (12.5)"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("'NaN' is not a number"), problems.get(1).message());
        assertTrue(problems.get(3).message().contains("without the % sign"), problems.get(3).message());
        assertTrue(problems.get(4).message().contains("whole number"), problems.get(4).message());
        assertTrue(problems.get(6).message().contains("too large"), problems.get(6).message());
    }

    @Test
    void refusesAnUnknownSegmentNamingTheKnownOnes() throws IOException {
        Problem problem = problems("store,csat\nA,1\n").get(0);
        assertEquals("kpi.csv:1:1", problem.toString().substring(problem.toString().indexOf("kpi.csv"),
                problem.toString().indexOf(": ")));
        assertTrue(problem.message().contains("one of team, department, level"), problem.message());
    }

    @Test
    void refusesADuplicateGroupPerPeriodOnly() throws IOException {
        assertEquals(2, read("team,period,csat\nA,Q1,1\nA,Q2,2\n").rows().size());
        Problem problem = problems("team,csat\nA,1\nB,2\n A ,3\n").get(0);
        assertEquals(4, problem.line());
        assertEquals(1, problem.column());
        assertTrue(problem.message().contains("on line 2"), problem.message());
    }

    @Test
    void refusesAMetricWithoutValuesAndACountWithoutMetric() throws IOException {
        Problem empty = problems("team,csat,churn\nA,1,\nB,2,\n").get(0);
        assertEquals("1:3", empty.line() + ":" + empty.column());
        assertTrue(empty.message().contains("'churn' has no value"), empty.message());
        Problem orphan = problems("team,csat,n_nps\nA,1,3\n").get(0);
        assertEquals("1:3", orphan.line() + ":" + orphan.column());
        assertTrue(orphan.message().contains("no such column"), orphan.message());
    }

    @Test
    void refusesRaggedRowsEmptyFilesAndTooManyColumns() throws IOException {
        assertTrue(problems("team,csat\nA,1,2\n").get(0).message().contains("has 3 cells but the header has 2"));
        assertTrue(problems("").get(0).message().contains("is empty"));
        assertTrue(problems("team,csat\n").get(0).message().contains("no rows"));
        StringBuilder wide = new StringBuilder("team");
        for (int i = 0; i <= OutcomeReader.MAX_COLUMNS; i++) {
            wide.append(",m").append(i);
        }
        Problem problem = problems(wide + "\n").get(0);
        assertTrue(problem.message().contains("more than " + OutcomeReader.MAX_COLUMNS + " columns"), problem.message());
    }

    @Test
    void refusesALongCell() throws IOException {
        Problem problem = problems("team,csat\n" + "x".repeat(OutcomeReader.MAX_CELL + 1) + ",1\n").get(0);
        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("longer than " + OutcomeReader.MAX_CELL), problem.message());
    }

    private OutcomeTable read(String text) throws IOException {
        Path file = dir.resolve("kpi.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return OutcomeReader.read(file, QUESTIONNAIRE, null);
    }

    private List<Problem> problems(String text) throws IOException {
        return assertThrows(InputException.class, () -> read(text)).problems();
    }
}
