package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Participation sheet and the overall response rate of {@code report.xlsx} ({@code --invited}), read back with
 * Apache POI and checked against {@code results.json} of the same run: the same counts, the rate as the HTML
 * prints it, the same groups flagged, and a hidden group with no number at all.
 */
class ReportWorkbookParticipationTest {
    private static final int THRESHOLD = 60;
    @TempDir static Path out;
    private static Workbook workbook;
    private static JsonNode json;

    @BeforeAll
    static void report() throws IOException {
        ReportWorkbookTest.run("report", "examples/survey.csv", "--invited", "examples/invited.csv", "-f",
                "json,xlsx", "-o", out.resolve("file").toString());
        workbook = WorkbookReader.open(out.resolve("file/report.xlsx"));
        json = new ObjectMapper().readTree(out.resolve("file/results.json").toFile());
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    @Test
    void theSheetFollowsTheHeatmapsAsTheSectionDoesInTheHtml() {
        List<String> names = WorkbookReader.sheetNames(workbook);
        assertEquals(names.indexOf("Items") - 1, names.indexOf("Participation"), names.toString());
        assertTrue(names.indexOf("By team") < names.indexOf("Participation"), names.toString());
    }

    @Test
    void everyGroupOfTheSegmentIsARowWithTheFiguresOfResultsJsonAndHiddenOnesHaveNoNumber() {
        Sheet sheet = workbook.getSheet("Participation");
        Row header = sheet.getRow(0);
        assertEquals(List.of("Segment", "Group", "Respondents", "Invited", "Response rate", "Below 60%"),
                List.of(text(header, 0), text(header, 1), text(header, 2), text(header, 3), text(header, 4),
                        text(header, 5)));
        int r = 1;
        int shown = 0;
        int hidden = 0;
        int flagged = 0;
        for (JsonNode group : team().get("groups")) {
            Row row = sheet.getRow(r++);
            String label = group.get("value").asText();
            assertEquals("team", text(row, 0), label);
            assertEquals(label, text(row, 1));
            if (group.get("suppressed").asBoolean()) {
                for (int c = 2; c <= 5; c++) {
                    assertEquals(CellType.STRING, row.getCell(c).getCellType(), label + " holds no number");
                    assertEquals(ReportWorkbook.NOT_SHOWN, text(row, c), label);
                }
                hidden++;
                continue;
            }
            shown++;
            ReportWorkbookTest.assertFigure(group.get("n"), row.getCell(2), label + " n");
            ReportWorkbookTest.assertFigure(group.get("invited"), row.getCell(3), label + " invited");
            double rate = group.get("responseRate").asDouble();
            Cell cell = row.getCell(4);
            // the HTML's figure: rounded down, so that a flagged rate never reads as the threshold
            assertEquals(Math.floor(rate) / 100, cell.getNumericCellValue(), label);
            assertEquals(ReportWorkbook.RATE, cell.getCellStyle().getDataFormatString(), label);
            assertEquals(rate < THRESHOLD ? "⚑ yes" : "no", text(row, 5), label);
            flagged += rate < THRESHOLD ? 1 : 0;
        }
        assertNull(sheet.getRow(r), "one row a group, then a blank row before the notes");
        assertTrue(shown >= 3 && hidden >= 2 && flagged >= 1, shown + " shown, " + hidden + " hidden, " + flagged);
        assertTrue(WorkbookReader.row(sheet, "“not shown”").getCell(1).getStringCellValue()
                .contains("invited count is not shown either"));
        assertNull(WorkbookReader.row(sheet, "Overall"), "the example's total may be published");
    }

    @Test
    void theAboutSheetHasTheOverallInvitedAndRateAsTheHtmlHeaderDoes() {
        Sheet about = workbook.getSheet("About");
        // 330 scored of 469 invited in all: "70% of 469 invited" in the HTML
        assertEquals(469, WorkbookReader.row(about, "Invited").getCell(1).getNumericCellValue());
        Cell rate = WorkbookReader.row(about, "Response rate").getCell(1);
        assertEquals(json.at("/rows/scored").asDouble() / 469, rate.getNumericCellValue());
        assertEquals("70%", WorkbookReader.text(workbook).lines().filter(l -> l.startsWith("Response rate | "))
                .findFirst().orElseThrow().substring("Response rate | ".length()));
    }

    @Test
    void aNumberGivesTheOverallRateAndNoSheetAndAWithheldTotalIsSaidSo() throws IOException {
        ReportWorkbookTest.run("report", "examples/survey.csv", "--invited", "500", "-f", "xlsx", "-o",
                out.resolve("number").toString());
        try (Workbook number = WorkbookReader.open(out.resolve("number/report.xlsx"))) {
            assertNull(number.getSheet("Participation"));
            Sheet about = number.getSheet("About");
            assertEquals(500, WorkbookReader.row(about, "Invited").getCell(1).getNumericCellValue());
            assertEquals(330.0 / 500, WorkbookReader.row(about, "Response rate").getCell(1).getNumericCellValue());
        }
        ReportWorkbookTest.run("report", "examples/survey.csv", "-f", "xlsx", "-o", out.resolve("none").toString());
        try (Workbook none = WorkbookReader.open(out.resolve("none/report.xlsx"))) {
            assertNull(none.getSheet("Participation"));
            assertNull(WorkbookReader.row(none.getSheet("About"), "Invited"));
            assertNull(WorkbookReader.row(none.getSheet("About"), "Response rate"));
        }
    }

    private static JsonNode team() {
        for (JsonNode segment : json.get("segments")) {
            if (segment.get("id").asText().equals("team")) {
                return segment;
            }
        }
        throw new AssertionError("no team segment");
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        assertNotNull(cell, "column " + column);
        return cell.getStringCellValue();
    }
}
