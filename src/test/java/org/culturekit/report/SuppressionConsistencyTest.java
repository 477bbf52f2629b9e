package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.culturekit.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All outputs of one run hide exactly the same cells (SECURITY.md R-ANON-7): the set of suppressed
 * {@code segment/group/column} cells is read back from each file and compared. Columns are the group as a
 * whole ({@code *}), each index by position, {@code sayDo} and {@code enps}.
 */
class SuppressionConsistencyTest {
    @TempDir static Path out;

    @BeforeAll
    static void report() {
        int code = Main.commandLine().setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(new StringWriter()))
                .execute("report", "examples/survey.csv", "-f", "html,md,json,csv", "-o", out.toString());
        assertEquals(0, code);
    }

    @Test
    void everyFormatHidesTheSameCells() throws IOException {
        Set<String> json = fromJson();
        assertFalse(json.isEmpty(), "the example has suppressed groups");
        assertEquals(json, fromCsv(), "scores.csv");
        assertEquals(json, fromTables(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8),
                Pattern.compile("(?m)^## By (\\S+)$"), Pattern.compile("(?m)^\\| (.+?) \\| (n/a|\\d+) \\|(.*)\\|$"),
                "\\|", "n/a"), "report.md");
        assertEquals(json, fromTables(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8),
                Pattern.compile("<h3>By (\\S+)</h3>"), Pattern.compile("(?s)<tr><td>([^<]+)</td><td class=\"([^\"]*)\">"
                        + "[^<]*</td>(.*?)</tr>"), "</td>", "suppressed"), "report.html");
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
}
