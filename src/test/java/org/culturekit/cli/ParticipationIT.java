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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --invited FILE} on the packaged jar and through the launcher, as processes (issue 26 item 5): every
 * format, the same figures and the same groups hidden.
 */
class ParticipationIT {
    private static final Path JAR = Path.of("target/culturekit.jar").toAbsolutePath();
    private static final Path EXAMPLE = Path.of("examples/survey.csv").toAbsolutePath();
    /** The example's teams with a headcount each; Sales, 48 of 90, is below 60%. */
    private static final String INVITED = "team,invited\nBilling,40\nCustomer Support,90\nData & Analytics,30\n"
            + "Field Service,60\nLegal,4\nMarketing,50\nOnboarding,45\nProduct,60\nSales,90\n";

    @TempDir Path dir;

    private ProcessRun java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, Map.of());
    }

    private ProcessRun launcher(String... args) throws IOException, InterruptedException {
        return ProcessRun.launcher(dir, args);
    }

    @Test
    void eachShownTeamGetsItsInvitedAndRateAndTheReportsFlagTheLowOnes() throws Exception {
        Files.writeString(dir.resolve("invited.csv"), INVITED, StandardCharsets.UTF_8);
        ProcessRun run = java("report", EXAMPLE.toString(), "--invited", "invited.csv", "-o", "out");
        assertEquals(0, run.code(), run.err());
        Map<String, Long> invited = new HashMap<>();
        for (String line : INVITED.split("\n")) {
            String[] cells = line.split(",");
            if (!cells[0].equals("team")) {
                invited.put(cells[0], Long.parseLong(cells[1]));
            }
        }
        int shown = 0;
        for (JsonNode group : team(dir.resolve("out"))) {
            if (group.get("suppressed").asBoolean()) {
                assertEquals(2, group.size(), "a hidden group is its value and suppressed only: " + group);
                continue;
            }
            shown++;
            long count = invited.get(group.get("value").asText());
            assertEquals(count, group.get("invited").asLong());
            assertEquals(100.0 * group.get("n").asLong() / count, group.get("responseRate").asDouble(), 1e-12);
        }
        assertTrue(shown >= 3, "the example shows most teams");
        String md = Files.readString(dir.resolve("out/report.md"), StandardCharsets.UTF_8);
        // 330 scored of 469 invited in all
        assertTrue(md.contains("330 respondents (70% of 469 invited)"), md);
        assertTrue(md.contains("## Participation by team"), md);
        assertTrue(md.contains("| Sales | 48 | 90 | ⚑ 53% |"), md);
        assertTrue(md.contains("| Field Service | 57 | 60 | 95% |"), md);
        assertTrue(md.contains("| Legal | n/a | n/a | n/a |"), md);
        String html = Files.readString(dir.resolve("out/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<section id=\"participation\">"), html);
        assertTrue(html.contains("<strong>⚑ 53%</strong> below 60%"), html);
        // Legal's 4 invited appears nowhere: the hidden team's row says "not shown" only
        assertTrue(html.contains("<tr class=\"withheld\"><th scope=\"row\">Legal</th><td class=\"suppressed\" "
                + "colspan=\"3\">not shown</td></tr>"), html);
    }

    @Test
    void everyFormatCarriesTheSameFiguresAndHidesTheSameGroups() throws Exception {
        Files.writeString(dir.resolve("invited.csv"), INVITED, StandardCharsets.UTF_8);
        ProcessRun run = java("report", EXAMPLE.toString(), "--invited", "invited.csv", "-f", "html,md,json,csv,pdf,"
                + "xlsx", "-o", "out", "--summary");
        assertEquals(0, run.code(), run.err());
        Path out = dir.resolve("out");
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        List<String> csv = Files.readAllLines(out.resolve("scores.csv"), StandardCharsets.UTF_8);
        String pdf = PdfIT.text(out.resolve("report.pdf"));
        // the section's rows, after its heading (the contents name it too, with a page number)
        List<String> pdfRows = pdf.substring(pdf.lastIndexOf("\nParticipation by team\n")).lines().toList();
        List<String> xlsx = sheet(out.resolve("report.xlsx"), "Participation");

        int shown = 0;
        int hidden = 0;
        for (JsonNode group : team(out)) {
            String name = group.get("value").asText();
            if (group.get("suppressed").asBoolean()) {
                hidden++;
                assertTrue(html.contains("<tr class=\"withheld\"><th scope=\"row\">" + name.replace("&", "&amp;")
                        + "</th><td class=\"suppressed\" colspan=\"3\">not shown</td></tr>"), name);
                assertTrue(md.contains("| " + name.replace("&", "\\&") + " | n/a | n/a | n/a |")
                        || md.contains("| " + name + " | n/a | n/a | n/a |"), name);
                assertTrue(pdfRows.contains(name + " not shown"), name + " in " + pdfRows);
                assertTrue(csv.contains("team," + name + ",all,suppressed,1"), name);
                assertTrue(csv.stream().noneMatch(line -> line.startsWith("team," + name + ",all,invited")), name);
                assertTrue(xlsx.contains("team | " + name + " | not shown | not shown | not shown | not shown"),
                        name + " in " + xlsx);
                continue;
            }
            shown++;
            long n = group.get("n").asLong();
            long invited = group.get("invited").asLong();
            double rate = group.get("responseRate").asDouble();
            String percent = (long) Math.floor(rate) + "%";
            boolean low = rate < 60;
            assertTrue(html.contains("<tr><th scope=\"row\">" + name + "</th><td class=\"num\">" + n + "</td><td "
                    + "class=\"num\">" + invited + "</td><td class=\"num\">" + (low ? "<strong>⚑ " + percent
                    + "</strong> below 60%" : percent) + "</td></tr>"), name);
            assertTrue(md.contains("| " + name + " | " + n + " | " + invited + " | " + (low ? "⚑ " : "") + percent
                    + " |"), name);
            assertTrue(pdfRows.contains(name + " " + n + " " + invited + " " + (low ? "⚑ " + percent + " below 60%"
                    : percent)), name + " in " + pdfRows);
            assertTrue(csv.contains("team," + name + ",all,invited," + invited), name);
            assertEquals(rate, Double.parseDouble(csv.stream().filter(line -> line.startsWith("team," + name
                    + ",all,responseRate,")).findFirst().orElseThrow().replaceAll(".*,", "")), name);
            assertTrue(xlsx.contains("team | " + name + " | " + n + " | " + invited + " | " + percent + " | "
                    + (low ? "⚑ yes" : "no")), name + " in " + xlsx);
        }
        assertTrue(shown >= 3 && hidden >= 2, shown + " shown, " + hidden + " hidden");

        // the overall rate: 330 scored of 469 invited, in every format
        assertTrue(html.contains("330 respondents (70% of 469 invited)"));
        assertTrue(md.contains("330 respondents (70% of 469 invited)"));
        assertTrue(pdf.contains("330 (70% of 469 invited)"));
        assertTrue(csv.contains("all,all,all,invited,469"));
        assertTrue(csv.contains("all,all,all,responseRate," + 100.0 * 330 / 469), csv.toString());
        List<String> about = sheet(out.resolve("report.xlsx"), "About");
        assertTrue(about.contains("Invited | 469") && about.contains("Response rate | 70%"), about.toString());
        assertEquals(100.0 * 330 / 469, new ObjectMapper().readTree(run.out()).get("responseRate").asDouble());

        // and in the PDF, an entry in the contents and a bookmark
        assertTrue(pdf.matches("(?s).*\nParticipation by team[ .]*[0-9]+\n.*"), "in the contents");
        try (PDDocument document = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            List<String> bookmarks = new ArrayList<>();
            document.getDocumentCatalog().getDocumentOutline().children().forEach(b -> bookmarks.add(b.getTitle()));
            assertEquals(bookmarks.indexOf("Groups") + 1, bookmarks.indexOf("Participation by team"),
                    bookmarks.toString());
        }
    }

    @Test
    void theLauncherWritesTheSameReportsAsTheJar() throws Exception {
        Files.writeString(dir.resolve("invited.csv"), INVITED, StandardCharsets.UTF_8);
        assertEquals(0, java("report", EXAMPLE.toString(), "--invited", "invited.csv", "-o", "java").code());
        ProcessRun viaLauncher = launcher("report", EXAMPLE.toString(), "--invited", "invited.csv", "-o", "launcher");
        assertEquals(0, viaLauncher.code(), viaLauncher.err());
        for (String name : List.of("report.html", "report.md", "results.json")) {
            assertEquals(Files.readString(dir.resolve("java").resolve(name)),
                    Files.readString(dir.resolve("launcher").resolve(name)), name);
        }
    }

    @Test
    void digitsAreANumberAndAFileNamedSoIsGivenWithItsFolder() throws Exception {
        Files.writeString(dir.resolve("500"), INVITED, StandardCharsets.UTF_8);
        assertEquals(0, java("report", EXAMPLE.toString(), "--invited", "500", "-f", "json,md", "-o", "number")
                .code());
        assertTrue(Files.readString(dir.resolve("number/report.md")).contains("(66% of 500 invited)"));
        assertFalse(Files.readString(dir.resolve("number/results.json")).contains("\"invited\""));
        assertEquals(0, java("report", EXAMPLE.toString(), "--invited", "./500", "-f", "json", "-o", "file").code());
        assertTrue(Files.readString(dir.resolve("file/results.json")).contains("\"invited\" : 90"));
        ProcessRun tooFew = java("report", EXAMPLE.toString(), "--invited", "100", "-o", "few");
        assertEquals(2, tooFew.code(), tooFew.err());
        ProcessRun missing = java("report", EXAMPLE.toString(), "--invited", "nosuch.csv", "-o", "missing");
        assertEquals(1, missing.code(), missing.err());
        assertTrue(missing.err().contains("nosuch.csv"), missing.err());
    }

    @Test
    void anInconsistentFileIsRefusedWithItsLineAndColumnAndNoStackTrace() throws Exception {
        Files.writeString(dir.resolve("invited.csv"), INVITED.replace("Sales,90", "Sales,47"), StandardCharsets.UTF_8);
        ProcessRun run = java("report", EXAMPLE.toString(), "--invited", "invited.csv", "-o", "out");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("invited.csv:10:2: team 'Sales' has more respondents scored than its 47 "
                + "invited"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(dir.resolve("out/report.html")));
        Files.writeString(dir.resolve("invited.csv"), INVITED.replace("Legal,4\n", ""), StandardCharsets.UTF_8);
        ProcessRun missing = java("report", EXAMPLE.toString(), "--invited", "invited.csv", "-o", "out");
        assertEquals(1, missing.code(), missing.err());
        assertTrue(missing.err().contains("has no row for 1 surveyed team group(s): 'Legal'"), missing.err());
    }

    @Test
    void theOverallRateIsWithheldWhenItWouldGiveAwayOneHiddenTeamsInvited() throws Exception {
        // the example hides four teams; two more rows of teams nobody answered from make six unshown: published
        Files.writeString(dir.resolve("six.csv"), INVITED + "Ghost,3\nPhantom,2\n", StandardCharsets.UTF_8);
        ProcessRun six = java("report", EXAMPLE.toString(), "--invited", "six.csv", "-f", "md", "-o", "six");
        assertEquals(0, six.code(), six.err());
        assertTrue(six.err().contains("2 team group(s) no respondent is in"), six.err());
        assertTrue(Files.readString(dir.resolve("six/report.md")).contains("(70% of 474 invited)"));
        // with a questionnaire that merges the four hidden teams into one shown label, only Ghost is unshown
        String q = Files.readString(Path.of("questionnaires/customer-centric-culture.yaml"), StandardCharsets.UTF_8)
                .replace("  - id: team\n    column: Team\n", "  - id: team\n    column: Team\n    values: {Billing: "
                        + "Small teams, Data & Analytics: Small teams, Legal: Small teams, Marketing: Small teams}\n");
        Files.writeString(dir.resolve("q.yaml"), q, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("one.csv"), "team,invited\nSmall teams,124\nCustomer Support,90\n"
                + "Field Service,60\nOnboarding,45\nProduct,60\nSales,90\nGhost,3\n", StandardCharsets.UTF_8);
        ProcessRun one = java("report", "-q", "q.yaml", EXAMPLE.toString(), "--invited", "one.csv", "-f",
                "html,md,json,csv,pdf,xlsx", "-o", "one", "--summary");
        assertEquals(0, one.code(), one.err());
        String md = Files.readString(dir.resolve("one/report.md"));
        assertFalse(md.contains("invited)"), md);
        assertTrue(md.contains("The overall response rate is not shown"), md);
        String html = Files.readString(dir.resolve("one/report.html"));
        String pdf = PdfIT.text(dir.resolve("one/report.pdf"));
        List<String> about = sheet(dir.resolve("one/report.xlsx"), "About");
        List<String> sheet = sheet(dir.resolve("one/report.xlsx"), "Participation");
        String csv = Files.readString(dir.resolve("one/scores.csv"));
        for (String text : List.of(md, html, pdf, String.join("\n", about), String.join("\n", sheet), csv,
                one.out())) {
            // 472 as a count, not as the digits of a mean such as 3.4722
            assertFalse(Pattern.compile("(?<![0-9.])472(?![0-9])").matcher(text).find(), "the total is nowhere");
            assertFalse(text.contains("invited)"), "nor the overall rate");
        }
        assertTrue(html.contains("The overall response rate is not shown"));
        assertTrue(pdf.replace("\n", " ").contains("The overall response rate is not shown"));
        assertTrue(sheet.stream().anyMatch(row -> row.startsWith("Overall | The overall response rate is not shown")),
                sheet.toString());
        assertTrue(about.stream().noneMatch(row -> row.startsWith("Invited") || row.startsWith("Response rate")));
        assertFalse(csv.contains("all,all,all,invited"));
        assertFalse(one.out().contains("responseRate"), one.out());
    }

    /** A sheet of the workbook, each row its cells as a spreadsheet shows them, separated by " | ". */
    private static List<String> sheet(Path workbook, String name) throws IOException {
        DataFormatter shown = new DataFormatter(Locale.ROOT);
        List<String> rows = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(workbook.toFile())) {
            for (Row row : book.getSheet(name)) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(shown.formatCellValue(cell)));
                rows.add(String.join(" | ", cells));
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        return rows;
    }

    private static JsonNode team(Path out) throws IOException {
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        for (JsonNode segment : results.get("segments")) {
            if (segment.get("id").asText().equals("team")) {
                return segment.get("groups");
            }
        }
        throw new AssertionError("no team segment");
    }
}
