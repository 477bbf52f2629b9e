package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.culturekit.Main;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Scale;
import org.culturekit.questionnaire.Questionnaires;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.xlsx} of the example, with a baseline, read back with Apache POI and checked against
 * {@code results.json} of the same run: every shown figure is the same number, every withheld one is "not shown"
 * and no number, fills follow the bands, and nothing is a formula.
 */
class ReportWorkbookTest {
    @TempDir static Path out;
    private static Workbook workbook;
    private static JsonNode json;
    private static Questionnaire questionnaire;

    @BeforeAll
    static void report() throws IOException {
        run("report", "examples/survey-2026-q2.csv", "--wave", "2026-Q2", "-f", "json", "-o",
                out.resolve("q2").toString());
        run("report", "examples/survey.csv", "--wave", "2026-Q4", "--baseline",
                out.resolve("q2/results.json").toString(), "-f", "json,xlsx", "-o", out.resolve("q4").toString());
        workbook = WorkbookReader.open(out.resolve("q4/report.xlsx"));
        json = new ObjectMapper().readTree(out.resolve("q4/results.json").toFile());
        questionnaire = Questionnaires.load("builtin:customer-centric-culture");
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    static void run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute(args);
        assertEquals(0, code, err.toString());
    }

    @Test
    void hasASheetPerPartOfTheReportAndOnePerSegment() {
        List<String> expected = new ArrayList<>(List.of("About", "Indices"));
        json.get("segments").forEach(segment -> expected.add("By " + segment.get("id").asText()));
        expected.addAll(List.of("Items", "Say-do", "eNPS", "Changes", "Comments"));
        assertEquals(expected, WorkbookReader.sheetNames(workbook));
    }

    @Test
    void theAboutSheetSaysWhatWasScoredAndWhatNotShownMeans() {
        Sheet about = workbook.getSheet("About");
        assertEquals(questionnaire.title(), about.getRow(0).getCell(0).getStringCellValue());
        assertEquals("2026-Q4", WorkbookReader.row(about, "Wave").getCell(1).getStringCellValue());
        assertEquals(json.at("/rows/scored").asDouble(),
                WorkbookReader.row(about, "Respondents").getCell(1).getNumericCellValue());
        assertEquals(questionnaire.reporting().minGroupSize(),
                WorkbookReader.row(about, "Minimum group size").getCell(1).getNumericCellValue());
        assertTrue(WorkbookReader.row(about, "“not shown”").getCell(1).getStringCellValue()
                .contains("fewer than " + questionnaire.reporting().minGroupSize() + " respondents"));
    }

    @Test
    void indicesHoldTheNumbersOfResultsJson() {
        Sheet sheet = workbook.getSheet("Indices");
        for (JsonNode index : json.get("indices")) {
            Row row = WorkbookReader.row(sheet, index.get("name").asText());
            assertNotNull(row, index.get("name").asText());
            String[] keys = {null, "score100", "band", "mean", "ciLow", "ciHigh", "favorable", "neutral", "unfavorable",
                "alpha", "n"};
            for (int c = 1; c < keys.length; c++) {
                if (keys[c].equals("band")) {
                    assertEquals(index.get("band").asText(), row.getCell(c).getStringCellValue());
                } else {
                    assertFigure(index.get(keys[c]), row.getCell(c), index.get("name") + " " + keys[c]);
                }
            }
            assertEquals(legendFill(sheetFor("About"), index.get("band").asText()), WorkbookReader.fill(row.getCell(1)),
                    "the score is filled with its band's colour");
        }
    }

    @Test
    void heatmapsHoldTheGroupsOfResultsJsonAndHideTheSameCells() {
        int hidden = 0;
        int spots = 0;
        for (JsonNode segment : json.get("segments")) {
            Sheet sheet = workbook.getSheet("By " + segment.get("id").asText());
            assertNotNull(sheet, segment.get("id").asText());
            for (JsonNode group : segment.get("groups")) {
                String label = group.get("value").asText();
                Row row = WorkbookReader.row(sheet, label);
                assertNotNull(row, label);
                if (group.get("suppressed").asBoolean()) {
                    for (int c = 1; c < row.getLastCellNum(); c++) {
                        assertNotShown(row.getCell(c), label);
                        hidden++;
                    }
                    continue;
                }
                assertEquals(group.get("n").asDouble(), row.getCell(1).getNumericCellValue(), label);
                for (int x = 0; x < questionnaire.indices().size(); x++) {
                    JsonNode cell = group.get("indices").get(x);
                    Cell shown = row.getCell(2 + x);
                    if (cell.path("suppressed").asBoolean()) {
                        assertNotShown(shown, label + " " + x);
                        hidden++;
                        continue;
                    }
                    Index index = questionnaire.indices().get(x);
                    double score = score100(index, cell.get("mean").asDouble());
                    assertEquals(score, shown.getNumericCellValue(), label + " " + index.id());
                    assertEquals(legendFill(sheet, band(index, score)), WorkbookReader.fill(shown),
                            label + " " + index.id() + " is filled as its band in the key");
                    String format = shown.getCellStyle().getDataFormatString();
                    String flag = cell.path("flag").asText("");
                    assertEquals(flag.equals("bright-spot"), format.contains("▲"), label + " " + index.id());
                    assertEquals(flag.equals("hot-spot"), format.contains("▼"), label + " " + index.id());
                    spots += flag.isEmpty() ? 0 : 1;
                }
                int column = 2 + questionnaire.indices().size();
                assertGroupFigure(group.get("sayDo"), "meanGap", row.getCell(column), label + " say-do");
                assertGroupFigure(group.get("enps"), "score", row.getCell(column + 1), label + " eNPS");
            }
        }
        assertTrue(hidden > 0, "the example hides groups");
        assertTrue(spots > 0, "the example has spots");
    }

    @Test
    void itemsShowTheirWordingTheirKeyingAndTheNumbersOfResultsJson() {
        Sheet sheet = workbook.getSheet("Items");
        int r = 1;
        for (JsonNode index : json.get("indices")) {
            for (JsonNode item : index.get("items")) {
                Row row = sheet.getRow(r++);
                String id = item.get("id").asText();
                assertEquals(id, row.getCell(1).getStringCellValue());
                assertEquals(questionnaire.item(id).text(), row.getCell(2).getStringCellValue());
                assertEquals(questionnaire.item(id).reverse(), row.getCell(3) != null
                        && row.getCell(3).getStringCellValue().startsWith("yes"), id);
                String[] keys = {"n", "mean", "favorable", "neutral", "unfavorable", "itemTotal"};
                for (int k = 0; k < keys.length; k++) {
                    if (item.path("suppressed").asBoolean()) {
                        assertNotShown(row.getCell(4 + k), id);
                    } else {
                        assertFigure(item.get(keys[k]), row.getCell(4 + k), id + " " + keys[k]);
                    }
                }
            }
        }
    }

    @Test
    void sayDoAndEnpsHoldTheNumbersOfResultsJson() {
        Sheet sayDo = workbook.getSheet("Say-do");
        List<JsonNode> gaps = new ArrayList<>(List.of(json.at("/sayDo/overall")));
        json.at("/sayDo/pairs").forEach(gaps::add);
        String[] keys = {"n", "sayMean", "doMean", "meanGap", "ciLow", "ciHigh", "p", "dz", "shareGapAtLeast1"};
        for (int g = 0; g < gaps.size(); g++) {
            Row row = sayDo.getRow(1 + g);
            for (int k = 0; k < keys.length; k++) {
                if (gaps.get(g).has(keys[k])) {
                    assertFigure(gaps.get(g).get(keys[k]), row.getCell(1 + k), g + " " + keys[k]);
                }
            }
        }
        Row enps = workbook.getSheet("eNPS").getRow(1);
        JsonNode e = json.get("enps");
        assertEquals(e.get("n").asDouble(), enps.getCell(1).getNumericCellValue());
        assertEquals(e.get("score").asDouble(), enps.getCell(2).getNumericCellValue());
        assertEquals(100.0 * e.get("promoters").asLong() / e.get("n").asLong(), enps.getCell(3).getNumericCellValue());
        assertEquals(100.0 * e.get("detractors").asLong() / e.get("n").asLong(), enps.getCell(5).getNumericCellValue());
    }

    @Test
    void changesHoldTheChangesOfResultsJsonOnTheirScales() {
        Sheet sheet = workbook.getSheet("Changes");
        int r = 1;
        for (JsonNode change : json.at("/changes/indices")) {
            Row row = sheet.getRow(r++);
            Index index = index(change.get("id").asText());
            assertEquals(index.name(), row.getCell(0).getStringCellValue());
            if (!change.get("comparable").asBoolean()) {
                assertNotShown(row.getCell(5), index.name());
                continue;
            }
            Scale scale = questionnaire.scaleOf(index.items().get(0));
            double points = 100.0 / (scale.max() - scale.min());
            assertEquals((change.get("after").asDouble() - scale.min()) * points, row.getCell(4).getNumericCellValue(),
                    1e-9);
            assertEquals(change.get("delta").asDouble() * points, row.getCell(5).getNumericCellValue(), 1e-9);
            assertEquals(change.get("p").asDouble(), row.getCell(6).getNumericCellValue());
        }
        int groups = json.at("/changes/groups").size();
        assertTrue(groups > 0, "the example has group changes");
        int groupRows = 0;
        for (Row row : sheet) {
            Cell group = row.getCell(2);
            groupRows += group != null && row.getRowNum() > 0 && !group.getStringCellValue().isEmpty() ? 1 : 0;
        }
        assertEquals(groups, groupRows, "every group change of results.json");
    }

    @Test
    void commentsAreThoseOfResultsJsonAndOnlyThose() {
        List<String> expected = new ArrayList<>();
        for (JsonNode question : json.get("comments")) {
            for (JsonNode group : question.get("groups")) {
                for (JsonNode comment : group.get("comments")) {
                    expected.add(group.get("group").asText() + " / " + comment.get("text").asText() + " / "
                            + comment.get("count").asLong());
                }
            }
        }
        List<String> actual = new ArrayList<>();
        for (Row row : workbook.getSheet("Comments")) {
            if (row.getRowNum() > 0 && row.getCell(3) != null) {
                actual.add(row.getCell(1).getStringCellValue() + " / " + row.getCell(2).getStringCellValue() + " / "
                        + (long) row.getCell(3).getNumericCellValue());
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, actual);
    }

    @Test
    void noCellIsAFormula() {
        int cells = 0;
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertNotEquals(CellType.FORMULA, cell.getCellType(), sheet.getSheetName() + "!" + cell.getAddress());
                    cells++;
                }
            }
        }
        assertTrue(cells > 1000, "cells read: " + cells);
    }

    @Test
    void headersStayInViewAndColumnsAreWideEnough() {
        for (String name : List.of("Indices", "Items", "By team")) {
            Sheet sheet = workbook.getSheet(name);
            assertNotNull(sheet.getPaneInformation(), name + " has frozen panes");
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), name + ": the header row");
        }
        Sheet items = workbook.getSheet("Items");
        assertTrue(items.getColumnWidth(2) >= 40 * 256, "the wording column is wide");
    }

    // ---- helpers ----

    private static Sheet sheetFor(String name) {
        return workbook.getSheet(name);
    }

    /** A figure of results.json: the same double in a numeric cell, or "–" where it is null. */
    static void assertFigure(JsonNode expected, Cell cell, String what) {
        assertNotNull(cell, what);
        if (expected == null || expected.isNull()) {
            assertEquals(CellType.STRING, cell.getCellType(), what);
            assertEquals(ReportWorkbook.UNDEFINED, cell.getStringCellValue(), what);
        } else {
            assertEquals(CellType.NUMERIC, cell.getCellType(), what);
            assertEquals(expected.asDouble(), cell.getNumericCellValue(), what);
        }
    }

    private static void assertGroupFigure(JsonNode expected, String key, Cell cell, String what) {
        if (expected.path("suppressed").asBoolean()) {
            assertNotShown(cell, what);
        } else {
            assertFigure(expected.get(key), cell, what);
        }
    }

    private static void assertNotShown(Cell cell, String what) {
        assertNotNull(cell, what);
        assertEquals(CellType.STRING, cell.getCellType(), what + " holds no number");
        assertEquals(ReportWorkbook.NOT_SHOWN, cell.getStringCellValue(), what);
    }

    private static double score100(Index index, double mean) {
        Scale scale = questionnaire.scaleOf(index.items().get(0));
        return (mean - scale.min()) / (scale.max() - scale.min()) * 100;
    }

    /** The label of the band {@code score} falls in, as the questionnaire defines them. */
    private static String band(Index index, double score) {
        for (Band band : index.bands()) {
            if (band.below().isEmpty() || score < band.below().getAsDouble()) {
                return band.label();
            }
        }
        throw new AssertionError("no band for " + score);
    }

    /** The fill of the key's entry for the band {@code label}; the key's fills are all different. */
    private static String legendFill(Sheet sheet, String label) {
        String fill = null;
        Set<String> fills = new HashSet<>();
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING
                    && first.getStringCellValue().matches(".+ \\((below|from) \\d+\\)")) {
                assertTrue(fills.add(WorkbookReader.fill(first)), "one colour per band");
                if (first.getStringCellValue().startsWith(label + " (")) {
                    assertNull(fill, "one key entry for " + label);
                    fill = WorkbookReader.fill(first);
                }
            }
        }
        assertNotNull(fill, "the key of " + sheet.getSheetName() + " has " + label);
        return fill;
    }

    private static Index index(String id) {
        return questionnaire.indices().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}
