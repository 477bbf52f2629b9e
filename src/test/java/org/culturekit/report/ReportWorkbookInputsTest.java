package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.xlsx} from hostile user files: group names and comments that a spreadsheet would run as formulas,
 * markup, controls, segment ids no sheet may be named; and the same file whatever the time zone and locale.
 */
class ReportWorkbookInputsTest {
    /** Each would start a formula if typed into a cell. */
    private static final List<String> FORMULAS = List.of("=1+1", "+SUM(A1:A2)", "-2+3", "@SUM(A1)",
            "=HYPERLINK(\"http://example.com\",\"click\")", " =1+2");

    @TempDir Path dir;

    @Test
    void textThatLooksLikeAFormulaIsWrittenAsTextExactly() throws IOException {
        Path xlsx = report(dir, "team");
        try (Workbook workbook = WorkbookReader.open(xlsx)) {
            List<String> groups = new ArrayList<>();
            for (Row row : workbook.getSheet("By team")) {
                Cell first = row.getCell(0);
                if (row.getRowNum() > 0 && first != null && row.getCell(1) != null
                        && row.getCell(1).getCellType() == CellType.NUMERIC) {
                    groups.add(first.getStringCellValue());
                }
            }
            // group labels are read stripped of surrounding spaces, as in every report
            List<String> expected = new ArrayList<>(FORMULAS.stream().map(String::strip).toList());
            expected.add("<b>bold</b> & \\u0007bell");
            assertEquals(expected.stream().sorted().toList(), groups.stream().sorted().toList(),
                    "every group is shown, its name as written (controls shown as in the other reports)");
            List<String> comments = new ArrayList<>();
            for (Row row : workbook.getSheet("Comments")) {
                if (row.getRowNum() > 0) {
                    comments.add(row.getCell(2).getStringCellValue());
                }
            }
            assertTrue(comments.containsAll(expected.subList(0, FORMULAS.size())), comments.toString());
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertFalse(cell.getCellType() == CellType.FORMULA, sheet.getSheetName() + "!"
                                + cell.getAddress());
                    }
                }
            }
        }
    }

    @Test
    void segmentIdsBecomeValidUniqueSheetNames() throws IOException {
        String longId = "a-segment-id-far-longer-than-excel-allows";
        Path xlsx = report(dir, longId + "-1", longId + "-2", "Team", "team");
        try (Workbook workbook = WorkbookReader.open(xlsx)) {
            List<String> names = WorkbookReader.sheetNames(workbook);
            assertEquals(List.of("About", "Indices", "By a-segment-id-far-longer-than", "By a-segment-id-far-longer- (2)",
                    "By Team", "By team (2)", "Items", "Say-do", "eNPS", "Comments"), names);
        }
    }

    @Test
    void sheetNamesAreCutEscapedAndUnique() {
        ReportWorkbook.SheetNames names = new ReportWorkbook.SheetNames();
        assertEquals("By a_b_c_d_e_f_g_", names.unique("By a[b]c:d*e?f/g\\"));
        assertEquals("Sheet", names.unique("History"), "Excel keeps History for itself");
        assertEquals("x", names.unique("'x'"), "no apostrophe at either end");
        assertEquals("X (2)", names.unique("X"), "unique regardless of case");
        assertEquals("0123456789012345678901234567890", names.unique("0123456789012345678901234567890123456789"));
        assertEquals("012345678901234567890123456 (2)", names.unique("01234567890123456789012345678901234"));
        assertEquals("__", names.unique("[]"));
        assertEquals("Sheet (2)", names.unique("''"), "a name of apostrophes only");
    }

    @Test
    void isTheSameFileInAnyTimeZoneAndLocale() throws IOException {
        Path first = report(dir.resolve("first"), "team");
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.GERMANY);
            Path second = report(dir.resolve("second"), "team");
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void withNoCommentsTheWorkbookHasNoCommentsSheet() throws IOException {
        Path xlsx = report(dir, List.of("--no-comments"), "team");
        try (Workbook workbook = WorkbookReader.open(xlsx)) {
            assertFalse(WorkbookReader.sheetNames(workbook).contains("Comments"));
            assertEquals(null, WorkbookReader.row(workbook.getSheet("About"), "Comments"), "nor a word on them");
        }
    }

    @Test
    void refusesToReplaceAnExportCalledReportXlsx() throws IOException {
        Files.writeString(dir.resolve("report.xlsx"), "not read", StandardCharsets.UTF_8);
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.culturekit.Main.commandLine().setOut(new java.io.PrintWriter(new java.io.StringWriter()))
                .setErr(new java.io.PrintWriter(err))
                .execute("report", dir.resolve("report.xlsx").toString(), "-f", "xlsx", "-o", dir.toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("would overwrite an input file with its report.xlsx"), err.toString());
        assertEquals("not read", Files.readString(dir.resolve("report.xlsx"), StandardCharsets.UTF_8));
    }

    private static Path report(Path dir, String... segments) throws IOException {
        return report(dir, List.of(), segments);
    }

    /**
     * Writes a questionnaire with the given segments (all on the Team column), responses whose team names and
     * comments are hostile, and returns the report.xlsx of them.
     */
    private static Path report(Path dir, List<String> options, String... segments) throws IOException {
        Files.createDirectories(dir);
        String questionnaire = Files.readString(Path.of("src/test/resources/golden/escaping/questionnaire.yaml"),
                StandardCharsets.UTF_8);
        StringBuilder segmentList = new StringBuilder("segments:\n");
        for (String segment : segments) {
            segmentList.append("  - {id: ").append(segment).append(", column: Team}\n");
        }
        questionnaire = questionnaire.replaceAll("(?s)segments:\n.*?(?=respondentId:)", segmentList.toString());
        Files.writeString(dir.resolve("q.yaml"), questionnaire, StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("ResponseId,Team,s1,s2,s3,e1,e2,say1,do1,enps,comment\n");
        List<String> teams = new ArrayList<>(FORMULAS);
        teams.add("<b>bold</b> & \u0007bell");
        int id = 0;
        for (int t = 0; t < teams.size(); t++) {
            for (int r = 0; r < 4; r++) {
                String comment = FORMULAS.get((t + r) % FORMULAS.size());
                csv.append("R").append(id++).append(',').append(quoted(teams.get(t))).append(',')
                        .append(1 + (t + r) % 5).append(",Agree,Disagree,Agree,").append(1 + r)
                        .append(",Agree,Disagree,").append((t * 3 + r) % 11).append(',').append(quoted(comment))
                        .append('\n');
            }
        }
        Files.writeString(dir.resolve("responses.csv"), csv, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("report", "-q", dir.resolve("q.yaml").toString(),
                dir.resolve("responses.csv").toString(), "-f", "xlsx", "-o", dir.resolve("out").toString(), "--quiet"));
        args.addAll(options);
        ReportWorkbookTest.run(args.toArray(String[]::new));
        return dir.resolve("out/report.xlsx");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
