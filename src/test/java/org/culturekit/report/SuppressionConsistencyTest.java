package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.culturekit.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All outputs of one run hide exactly the same cells (docs/privacy.md): the set of suppressed
 * {@code segment/group/column} cells is read back from each file and compared. Columns are the group as a
 * whole ({@code *}), each index by position, {@code sayDo} and {@code enps}.
 */
class SuppressionConsistencyTest {
    @TempDir static Path out;

    @BeforeAll
    static void report() {
        int code = Main.commandLine().setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(new StringWriter()))
                .execute("report", "examples/survey.csv", "-f", "html,md,json,csv,xlsx", "-o", out.toString());
        assertEquals(0, code);
    }

    @Test
    void everyFormatHidesTheSameCells() throws IOException {
        Set<String> json = fromJson();
        assertFalse(json.isEmpty(), "the example has suppressed groups");
        assertEquals(json, fromCsv(), "scores.csv");
        assertEquals(json, fromXlsx(out.resolve("report.xlsx")), "report.xlsx");
        assertEquals(json, fromTables(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8),
                Pattern.compile("(?m)^## By (\\S+)$"), Pattern.compile("(?m)^\\| (.+?) \\| (n/a|\\d+) \\|(.*)\\|$"),
                "\\|", "n/a"), "report.md");
        assertEquals(json, fromTables(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8),
                Pattern.compile("<h3>By (\\S+)</h3>"), Pattern.compile("(?s)<tr(?: class=\"withheld\")?><th scope=\"row\">([^<]+)"
                        + "(?:<span class=\"withheld-note\">[^<]*</span>)?</th><td class=\"([^\"]*)\"[^>]*>[^<]*</td>"
                        + "(.*?)</tr>"), "</td>", "suppressed"), "report.html");
    }

    private static Set<String> fromJson() throws IOException {
        JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        Set<String> cells = new TreeSet<>();
        for (JsonNode segment : root.get("segments")) {
            String id = segment.get("id").asText();
            for (JsonNode group : segment.get("groups")) {
                String prefix = id + "/" + group.get("value").asText() + "/";
                if (group.get("suppressed").asBoolean()) {
                    cells.add(prefix + "*");
                    continue;
                }
                for (int x = 0; x < group.get("indices").size(); x++) {
                    if (group.get("indices").get(x).path("suppressed").asBoolean()) {
                        cells.add(prefix + x);
                    }
                }
                if (group.path("sayDo").path("suppressed").asBoolean()) {
                    cells.add(prefix + "sayDo");
                }
                if (group.path("enps").path("suppressed").asBoolean()) {
                    cells.add(prefix + "enps");
                }
            }
        }
        return cells;
    }

    private static Set<String> fromCsv() throws IOException {
        JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        List<String> indexIds = new java.util.ArrayList<>();
        root.get("indices").forEach(index -> indexIds.add(index.get("id").asText()));
        Set<String> cells = new TreeSet<>();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out.resolve("scores.csv"), StandardCharsets.UTF_8)).getRecords();
        for (CSVRecord record : records) {
            if (record.get("metric").equals("suppressed")) {
                String measure = record.get("measure");
                String column = measure.equals("all") ? "*" : indexIds.contains(measure)
                        ? String.valueOf(indexIds.indexOf(measure)) : measure;
                cells.add(record.get("segment") + "/" + record.get("group") + "/" + column);
            }
        }
        return cells;
    }

    /** Reads each "By segment" sheet: a group whose n is "not shown" is hidden whole, else cell by cell. */
    private static Set<String> fromXlsx(Path file) throws IOException {
        Set<String> cells = new TreeSet<>();
        try (Workbook workbook = WorkbookReader.open(file)) {
            for (Sheet sheet : workbook) {
                if (!sheet.getSheetName().startsWith("By ")) {
                    continue;
                }
                String segment = sheet.getSheetName().substring(3);
                Row header = sheet.getRow(0);
                for (Row row : sheet) {
                    Cell n = row.getCell(1);
                    if (row.getRowNum() == 0 || n == null) {
                        continue;
                    }
                    String prefix = segment + "/" + row.getCell(0).getStringCellValue() + "/";
                    if (isNotShown(n)) {
                        cells.add(prefix + "*");
                        continue;
                    }
                    for (int c = 2; c < header.getLastCellNum(); c++) {
                        if (isNotShown(row.getCell(c))) {
                            String heading = header.getCell(c).getStringCellValue();
                            cells.add(prefix + (heading.equals("Say-do gap") ? "sayDo" : heading.equals("eNPS")
                                    ? "enps" : String.valueOf(c - 2)));
                        }
                    }
                }
            }
        }
        return cells;
    }

    private static boolean isNotShown(Cell cell) {
        return cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("not shown");
    }

    /** Reads each "By segment" table: a whole row marked hidden, or single cells, by position. */
    private static Set<String> fromTables(String text, Pattern heading, Pattern row, String cellSeparator,
            String hiddenMarker) {
        Set<String> cells = new TreeSet<>();
        Matcher headings = heading.matcher(text);
        List<int[]> spans = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        while (headings.find()) {
            spans.add(new int[] {headings.end(), text.length()});
            ids.add(headings.group(1));
            if (spans.size() > 1) {
                spans.get(spans.size() - 2)[1] = headings.start();
            }
        }
        for (int s = 0; s < spans.size(); s++) {
            String section = text.substring(spans.get(s)[0], spans.get(s)[1]);
            int end = section.indexOf("ICC(1)");
            Matcher rows = row.matcher(end < 0 ? section : section.substring(0, end));
            while (rows.find()) {
                // undo the HTML and Markdown escaping of the label
                String group = rows.group(1).replace("&amp;", "&").replaceAll("\\\\(.)", "$1").strip();
                if (rows.group(2).contains(hiddenMarker)) {
                    cells.add(ids.get(s) + "/" + group + "/*");
                    continue;
                }
                String[] parts = java.util.Arrays.stream(rows.group(3).split(cellSeparator))
                        .filter(part -> cellSeparator.equals("\\|") || part.contains("<td")).toArray(String[]::new);
                int columns = parts.length;
                for (int c = 0; c < columns; c++) {
                    if (parts[c].contains(hiddenMarker) || parts[c].contains("not shown")) {
                        String column = c == columns - 2 ? "sayDo" : c == columns - 1 ? "enps" : String.valueOf(c);
                        cells.add(ids.get(s) + "/" + group + "/" + column);
                    }
                }
            }
        }
        return cells;
    }

    /**
     * The organisation-wide figures too: an item, the say-do gaps and eNPS answered by fewer than the minimum are
     * withheld in every format, and none of them shows a count.
     */
    @Test
    void everyFormatWithholdsTheSameOrganisationWideFigures(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("q.yaml"), """
                id: withheld
                title: Withheld
                version: "1"
                scales:
                  agree5: {min: 1, max: 5, labels: [SD, D, N, A, SA]}
                  likelihood: {min: 0, max: 10}
                items:
                  - {id: a1, text: One., scale: agree5}
                  - {id: a2, text: Two., scale: agree5}
                  - {id: s1, text: Say., scale: agree5}
                  - {id: d1, text: Do., scale: agree5}
                  - {id: enps, text: "Recommend?", scale: likelihood}
                indices:
                  - {id: a, name: Index A, items: [a1, a2]}
                sayDo: [{id: p, name: Pair, say: s1, do: d1}]
                enps: enps
                segments:
                  - {id: team, column: Team}
                reporting: {minGroupSize: 5, minCommentGroupSize: 10}
                """, StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("Team,a1,a2,s1,d1,enps\n");
        for (int r = 0; r < 12; r++) {
            // a2, the pair and eNPS answered by two or three of twelve
            csv.append("T").append(r % 2).append(',').append(1 + r % 5).append(',').append(r < 2 ? "4" : "")
                    .append(",3,").append(r < 3 ? "2" : "").append(',').append(r < 2 ? "9" : "").append('\n');
        }
        Files.writeString(dir.resolve("e.csv"), csv.toString(), StandardCharsets.UTF_8);
        StringWriter stdout = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(stdout)).setErr(new PrintWriter(new StringWriter()))
                .execute("report", "-q", dir.resolve("q.yaml").toString(), dir.resolve("e.csv").toString(), "-f",
                        "html,md,json,csv,xlsx", "-o", dir.resolve("out").toString(), "--summary");
        assertEquals(0, code);
        Path out = dir.resolve("out");
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(Set.of("a2", "sayDo", "sayDo/p", "enps"), withheld(json));
        String scores = Files.readString(out.resolve("scores.csv"), StandardCharsets.UTF_8);
        for (String measure : List.of("a/a2", "sayDo", "sayDo/p", "enps")) {
            assertTrue(scores.contains("all,all," + measure + ",suppressed,1\n"), measure);
            assertFalse(scores.contains("all,all," + measure + ",n,"), measure);
        }
        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| Index A | Two. | not shown |"), md);
        assertTrue(md.contains("| Pair | not shown |"), md);
        assertTrue(md.contains("| **All values** | not shown |"), md);
        assertTrue(md.contains("## eNPS\n\nNot shown: fewer than 5 people answered."), md);
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<td>Two.</td><td class=\"suppressed\" colspan=\"4\">not shown"), "item");
        assertTrue(html.contains("<th scope=\"row\">Pair</th><td class=\"suppressed\""), "pair");
        assertTrue(html.contains("<th scope=\"row\">All values</th><td class=\"suppressed\""), "overall gap");
        assertTrue(html.contains("<p class=\"suppressed\">not shown: fewer than 5 people answered</p>"), "eNPS");
        try (Workbook workbook = WorkbookReader.open(out.resolve("report.xlsx"))) {
            Sheet items = workbook.getSheet("Items");
            assertEquals("a2", items.getRow(2).getCell(1).getStringCellValue());
            assertTrue(isNotShown(items.getRow(2).getCell(4)), "item a2");
            assertFalse(isNotShown(items.getRow(1).getCell(4)), "item a1");
            assertTrue(isNotShown(WorkbookReader.row(workbook.getSheet("Say-do"), "All values").getCell(1)), "gap");
            assertTrue(isNotShown(WorkbookReader.row(workbook.getSheet("Say-do"), "Pair").getCell(1)), "pair");
            assertTrue(isNotShown(WorkbookReader.row(workbook.getSheet("eNPS"), "Everyone").getCell(1)), "eNPS");
        }
        JsonNode summary = new ObjectMapper().readTree(stdout.toString());
        assertTrue(summary.get("sayDoGap").isNull());
        assertTrue(summary.get("enps").isNull());
    }

    private static Set<String> withheld(JsonNode root) {
        Set<String> withheld = new TreeSet<>();
        for (JsonNode index : root.get("indices")) {
            for (JsonNode item : index.get("items")) {
                if (item.path("suppressed").asBoolean()) {
                    withheld.add(item.get("id").asText());
                    assertFalse(item.has("n"));
                }
            }
        }
        if (root.at("/sayDo/overall/suppressed").asBoolean()) {
            withheld.add("sayDo");
            assertFalse(root.at("/sayDo/overall").has("n"));
        }
        for (JsonNode pair : root.at("/sayDo/pairs")) {
            if (pair.path("suppressed").asBoolean()) {
                withheld.add("sayDo/" + pair.get("id").asText());
            }
        }
        if (root.at("/enps/suppressed").asBoolean()) {
            withheld.add("enps");
            assertFalse(root.get("enps").has("n"));
        }
        return withheld;
    }
}
