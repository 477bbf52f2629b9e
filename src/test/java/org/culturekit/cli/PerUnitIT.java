package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --hierarchy FILE --per-unit} on the packaged jar and through the launcher, as processes (issue 26):
 * the folder layout, each unit's results.json, the links of the index and of the reports, a re-run after the tree
 * changed, and the usage errors.
 */
class PerUnitIT {
    private static final Path STORES = Path.of("examples/stores.csv").toAbsolutePath();
    private static final Path TREE = Path.of("examples/org-tree.csv").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)\"");

    @TempDir Path dir;

    private ProcessRun java(String... args) throws IOException, InterruptedException {
        return ProcessRun.jar(dir, List.of(), Map.of(), args);
    }

    private ProcessRun launcher(String... args) throws IOException, InterruptedException {
        return ProcessRun.launcher(dir, args);
    }

    @Test
    void everyPublishedUnitGetsAFolderOfReportsAndTheIndexAndReportsLinkOnlyToFilesThatExist() throws Exception {
        ProcessRun run = java("report", STORES.toString(), "--hierarchy", TREE.toString(), "--per-unit", "-o", "out");
        assertEquals(0, run.code(), run.err());
        Path units = dir.resolve("out/units");
        Map<String, JsonNode> published = unitsIn(units);
        assertTrue(run.out().endsWith("; wrote out/report.html, out/report.md, out/results.json and "
                + published.size() + " unit reports in out/units\n"), run.out());
        assertTrue(published.size() > 10 && published.size() < 63, "the stores' tree has 63 units, some too small");
        for (Map.Entry<String, JsonNode> unit : published.entrySet()) {
            Path folder = units.resolve(unit.getKey());
            assertEquals(Set.of("report.html", "report.md", "results.json"), names(folder));
            JsonNode object = unit.getValue().get("unit");
            assertEquals(List.of("id", "parent", "leader", "children", "comparisons"), fields(object));
            assertEquals(object.get("parent").isNull() ? 0 : 2, object.get("comparisons").size());
            assertEquals(1, unit.getValue().get("segments").size());
            assertEquals("unit", unit.getValue().get("segments").get(0).get("id").asText());
            assertLinksResolve(folder.resolve("report.html"));
        }
        // the children a unit says have no report are in no folder; those that have one are
        Set<String> ids = new TreeSet<>();
        published.values().forEach(unit -> ids.add(unit.get("unit").get("id").asText()));
        int unpublished = 0;
        for (JsonNode unit : published.values()) {
            for (JsonNode child : unit.get("unit").get("children")) {
                assertEquals(child.get("report").asBoolean(), ids.contains(child.get("id").asText()), child.toString());
                unpublished += child.get("report").asBoolean() ? 0 : 1;
            }
        }
        assertTrue(unpublished > 0, "the example has stores too small for a report");
        String index = Files.readString(units.resolve("index.html"), StandardCharsets.UTF_8);
        assertEquals(published.size(), assertLinksResolve(units.resolve("index.html")) - 1, "one link per report, and "
                + "one to the organisation's report");
        assertTrue(index.contains("<a href=\"all-stores/report.html\">All stores</a> — Marcus Walsh"), index);
        assertEquals(63 - published.size(), count(index, "(no report)"), index);
        String north = Files.readString(units.resolve("north/report.md"), StandardCharsets.UTF_8);
        assertTrue(north.startsWith("# North: "), north);
        assertTrue(north.contains("Part of: [All stores](../all-stores/report.md) · [All units](../index.html)"), north);
        assertTrue(north.contains("## By unit"), "the child units are the heatmap");
        assertTrue(north.contains("## For the leader: "), north);
        // the organisation's report is the one a run without --per-unit writes
        Path alone = Files.createDirectory(dir.resolve("alone"));
        assertEquals(0, ProcessRun.jar(alone, List.of(), Map.of(), "report", STORES.toString(), "-o", "out").code());
        for (String name : List.of("report.html", "report.md", "results.json")) {
            assertEquals(Files.readString(alone.resolve("out").resolve(name)),
                    Files.readString(dir.resolve("out").resolve(name)), name);
        }
    }

    @Test
    void aRerunAfterTheTreeChangedLeavesNoFolderOfAUnitThatIsGone() throws Exception {
        assertEquals(0, launcher("report", STORES.toString(), "--hierarchy", TREE.toString(), "--per-unit", "-o", "out",
                "-f", "json").code());
        Path units = dir.resolve("out/units");
        assertTrue(Files.isDirectory(units.resolve("north")));
        String renamed = Files.readString(TREE, StandardCharsets.UTF_8).replaceAll("(?m)^North,", "The North,")
                .replaceAll(",North,", ",The North,");
        Files.writeString(dir.resolve("tree.csv"), renamed, StandardCharsets.UTF_8);
        ProcessRun run = launcher("report", STORES.toString(), "--hierarchy", "tree.csv", "--per-unit", "-o", "out",
                "-f", "json");
        assertEquals(0, run.code(), run.err());
        assertFalse(Files.exists(units.resolve("north")), "the old unit's folder is gone");
        assertEquals("The North", unitsIn(units).get("the-north").get("unit").get("id").asText());
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("results.json", "units"), files.map(f -> f.getFileName().toString()).sorted()
                    .toList(), "no staged file or folder is left");
        }
    }

    @Test
    void perUnitAndHierarchyGoTogetherAndAFolderOfSomeoneElsesFilesIsNotReplaced() throws Exception {
        ProcessRun alone = launcher("report", STORES.toString(), "--per-unit", "-o", "out");
        assertEquals(2, alone.code());
        assertTrue(alone.err().startsWith("--per-unit needs the organisation tree: add --hierarchy FILE"), alone.err());
        ProcessRun tree = launcher("report", STORES.toString(), "--hierarchy", TREE.toString(), "-o", "out");
        assertEquals(2, tree.code());
        assertTrue(tree.err().startsWith("--hierarchy FILE is read for the reports per unit: add --per-unit"),
                tree.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written");
        Path notes = Files.createDirectories(dir.resolve("out/units/north")).resolve("notes.txt");
        Files.writeString(notes, "mine", StandardCharsets.UTF_8);
        ProcessRun refused = java("report", STORES.toString(), "--hierarchy", TREE.toString(), "--per-unit", "-o",
                "out");
        assertEquals(1, refused.code());
        assertEquals("error: out/units/north/notes.txt is not a file culturekit wrote; out/units is replaced as a "
                + "whole by each run, so move it out of there, or choose another directory with -o\n", refused.err());
        assertEquals("mine", Files.readString(notes, StandardCharsets.UTF_8));
        assertEquals(Set.of("units"), names(dir.resolve("out")));
    }

    @Test
    void aUnitsPdfHasItsHeaderComparisonAndLeaderPageInTheContentsAndBookmarks() throws Exception {
        ProcessRun run = java("report", STORES.toString(), "--hierarchy", TREE.toString(), "--per-unit", "-o", "out",
                "-f", "pdf");
        assertEquals(0, run.code(), run.err());
        Path north = dir.resolve("out/units/north/report.pdf");
        String text = PdfIT.text(north);
        assertTrue(text.startsWith("North: "), text);
        assertTrue(text.contains("Part of: All stores\n"), "named, not linked, on paper: " + text);
        assertTrue(text.matches("(?s).*\nCompared with the rest[ .]*[0-9]+\n.*For the leader[ .]*[0-9]+\n.*"),
                "in the contents");
        assertTrue(text.contains("\nStrongest: "), text);
        try (PDDocument document = Loader.loadPDF(north.toFile())) {
            List<String> bookmarks = new ArrayList<>();
            document.getDocumentCatalog().getDocumentOutline().children().forEach(b -> bookmarks.add(b.getTitle()));
            assertEquals(bookmarks.indexOf("Summary") + 1, bookmarks.indexOf("Compared with the rest"),
                    bookmarks.toString());
            assertEquals("For the leader", bookmarks.get(bookmarks.size() - 1));
        }
        // the index links each unit's PDF, the one format asked for
        assertTrue(Files.readString(dir.resolve("out/units/index.html")).contains("<a href=\"north/report.pdf\">"));
    }

    @Test
    void aUnitsWorkbookNamesItsUnitLeaderAndParentAndCountsItsRespondents() throws Exception {
        ProcessRun run = java("report", STORES.toString(), "--hierarchy", TREE.toString(), "--per-unit", "-o", "out",
                "-f", "json,xlsx");
        assertEquals(0, run.code(), run.err());
        Path north = dir.resolve("out/units/north");
        long respondents = JSON.readTree(north.resolve("results.json").toFile()).get("rows").get("scored").asLong();
        Map<String, String> about = new TreeMap<>();
        try (Workbook book =
                WorkbookFactory.create(north.resolve("report.xlsx").toFile())) {
            for (Row row : book.getSheet("About")) {
                if (row.getCell(0) != null && row.getCell(1) != null) {
                    Cell value = row.getCell(1);
                    about.put(row.getCell(0).getStringCellValue(), value.getCellType()
                            == CellType.NUMERIC
                            ? Long.toString((long) value.getNumericCellValue()) : value.getStringCellValue());
                }
            }
        }
        assertEquals("North", about.get("Unit"), about.toString());
        assertEquals("Eve Okafor", about.get("Leader"));
        assertEquals("All stores", about.get("Part of"));
        assertEquals(Long.toString(respondents), about.get("Respondents"));
        // the organisation's workbook names no unit
        try (Workbook book = WorkbookFactory.create(
                dir.resolve("out/report.xlsx").toFile())) {
            for (Row row : book.getSheet("About")) {
                assertFalse(row.getCell(0) != null && "Unit".equals(row.getCell(0).getStringCellValue()));
            }
        }
    }

    /** Each unit folder's results.json, by folder name. */
    private static Map<String, JsonNode> unitsIn(Path units) throws IOException {
        Map<String, JsonNode> found = new TreeMap<>();
        try (Stream<Path> folders = Files.list(units)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                found.put(folder.getFileName().toString(), JSON.readTree(folder.resolve("results.json").toFile()));
            }
        }
        return found;
    }

    /** Checks that every relative link of {@code page} names a file that exists, and returns how many there are. */
    private static int assertLinksResolve(Path page) throws IOException {
        Matcher link = HREF.matcher(Files.readString(page, StandardCharsets.UTF_8));
        int links = 0;
        while (link.find()) {
            assertTrue(Files.isRegularFile(page.resolveSibling(link.group(1))), page + " links to " + link.group(1));
            links++;
        }
        return links;
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return Set.copyOf(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
