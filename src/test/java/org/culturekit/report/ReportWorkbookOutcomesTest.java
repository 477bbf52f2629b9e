package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.culturekit.questionnaire.Questionnaires;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Outcomes and Outcome points sheets of {@code report.xlsx} for the store example with {@code --outcomes} and a
 * baseline (so the lagged entries are there too), read back with Apache POI and checked against {@code outcomes}
 * of {@code results.json} from the same run, entry by entry and point by point.
 */
class ReportWorkbookOutcomesTest {
    @TempDir static Path out;
    private static Workbook workbook;
    private static JsonNode json;
    private static Map<String, String> measures;

    @BeforeAll
    static void report() throws IOException {
        ReportWorkbookTest.run("report", "examples/stores-2026-q2.csv", "--wave", "2026-Q2", "-f", "json", "-o",
                out.resolve("q2").toString());
        ReportWorkbookTest.run("report", "examples/stores.csv", "--wave", "2026-Q4", "--outcomes",
                "examples/customer-outcomes.csv", "--baseline", out.resolve("q2/results.json").toString(), "-f",
                "json,xlsx", "-o", out.resolve("q4").toString());
        workbook = WorkbookReader.open(out.resolve("q4/report.xlsx"));
        json = new ObjectMapper().readTree(out.resolve("q4/results.json").toFile());
        measures = OutcomesView.measureNames(Questionnaires.load("builtin:customer-centric-culture"));
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    @Test
    void theSheetsComeAfterTheChangesAndBeforeTheComments() {
        List<String> names = WorkbookReader.sheetNames(workbook);
        assertEquals(names.indexOf("Changes") + 1, names.indexOf("Outcomes"), names.toString());
        assertEquals(names.indexOf("Outcomes") + 1, names.indexOf("Outcome points"), names.toString());
    }

    @Test
    void everyEntryOfResultsJsonIsARowWithItsNumbers() {
        Sheet sheet = workbook.getSheet("Outcomes");
        String[] keys = {"n", "r", "ciLow", "ciHigh", "p", "spearman", "icc2", "rDisattenuated", "detectableR",
            "unitsToDetect"};
        Set<String> lags = new HashSet<>();
        int r = 1;
        for (JsonNode o : json.get("outcomes")) {
            Row row = sheet.getRow(r++);
            String what = o.get("metric").asText() + " " + o.get("measure").asText() + " " + o.get("lag").asText();
            assertEquals(o.get("segment").asText(), text(row, 0), what);
            assertEquals(o.get("metric").asText(), text(row, 1), what);
            assertEquals(measures.get(o.get("measure").asText()), text(row, 2), what);
            assertEquals(ReportWorkbook.LAGS.get(o.get("lag").asText()), text(row, 3), what);
            assertEquals(o.get("cultureWave").asText(""), text(row, 4), what);
            assertEquals(o.get("outcomeWave").asText(""), text(row, 5), what);
            for (int k = 0; k < keys.length; k++) {
                ReportWorkbookTest.assertFigure(o.get(keys[k]), row.getCell(6 + k), what + " " + keys[k]);
            }
            assertEquals(o.get("reason").asText(""), text(row, 16), what);
            lags.add(o.get("lag").asText());
        }
        assertEquals(ReportWorkbook.LAGS.keySet(), lags, "the example has every pairing of waves");
        Row after = sheet.getRow(r);
        assertTrue(after == null || after.getCell(0) == null, "no row past the entries before the notes");
    }

    @Test
    void everyPointOfResultsJsonIsARowWithItsNumbers() {
        Sheet sheet = workbook.getSheet("Outcome points");
        int r = 1;
        int points = 0;
        for (JsonNode o : json.get("outcomes")) {
            for (JsonNode point : o.get("points")) {
                Row row = sheet.getRow(r++);
                String what = o.get("metric").asText() + " " + o.get("measure").asText() + " " + o.get("lag").asText()
                        + " " + point.get("group").asText();
                assertEquals(o.get("segment").asText(), text(row, 0), what);
                assertEquals(o.get("metric").asText(), text(row, 1), what);
                assertEquals(measures.get(o.get("measure").asText()), text(row, 2), what);
                assertEquals(ReportWorkbook.LAGS.get(o.get("lag").asText()), text(row, 3), what);
                assertEquals(point.get("group").asText(), text(row, 4), what);
                ReportWorkbookTest.assertFigure(point.get("culture"), row.getCell(5), what + " culture");
                ReportWorkbookTest.assertFigure(point.get("outcome"), row.getCell(6), what + " outcome");
                ReportWorkbookTest.assertFigure(point.get("customers"), row.getCell(7), what + " customers");
                points++;
            }
        }
        assertNull(sheet.getRow(r), "no point beyond those of results.json");
        assertTrue(points > 1000, "points read: " + points);
    }

    @Test
    void aPointIsAGroupShownInItsCultureWaveAndAGroupHiddenInBothIsNeverNamed() throws IOException {
        // the outcome file's segment is team; other segments' hidden groups (a location "Bath") may be part of a
        // shown store's name
        Map<String, Set<String>> hiddenIn = Map.of("2026-Q4", hiddenTeams(json),
                "2026-Q2", hiddenTeams(new ObjectMapper().readTree(out.resolve("q2/results.json").toFile())));
        Sheet sheet = workbook.getSheet("Outcome points");
        int r = 1;
        for (JsonNode o : json.get("outcomes")) {
            Set<String> hidden = hiddenIn.get(o.get("cultureWave").asText());
            for (int p = 0; p < o.get("points").size(); p++) {
                String group = text(sheet.getRow(r++), 4);
                assertFalse(hidden.contains(group), group + " is hidden in " + o.get("cultureWave").asText());
            }
        }
        Set<String> always = new HashSet<>(hiddenIn.get("2026-Q4"));
        always.retainAll(hiddenIn.get("2026-Q2"));
        assertTrue(always.contains("Durham Market Place"), always.toString());
        for (String name : List.of("Outcomes", "Outcome points")) {
            for (Row row : workbook.getSheet(name)) {
                for (Cell cell : row) {
                    assertNotEquals(CellType.FORMULA, cell.getCellType(), name + "!" + cell.getAddress());
                    if (cell.getCellType() == CellType.STRING) {
                        String text = cell.getStringCellValue();
                        always.forEach(group -> assertFalse(text.contains(group),
                                name + "!" + cell.getAddress() + " names the hidden group " + group));
                    }
                }
            }
        }
    }

    /** The teams results.json hides. */
    private static Set<String> hiddenTeams(JsonNode results) {
        Set<String> hidden = new HashSet<>();
        for (JsonNode segment : results.get("segments")) {
            if (segment.get("id").asText().equals("team")) {
                segment.get("groups").forEach(g -> {
                    if (g.get("suppressed").asBoolean()) {
                        hidden.add(g.get("value").asText());
                    }
                });
            }
        }
        return hidden;
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }
}
