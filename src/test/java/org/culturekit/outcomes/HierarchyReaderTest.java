package org.culturekit.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.culturekit.cli.run.Scoring;
import org.culturekit.export.xlsx.XlsxFixtures;
import org.culturekit.input.InputException;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Segment;
import org.culturekit.questionnaire.Questionnaires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HierarchyReaderTest {
    private static final Questionnaire QUESTIONNAIRE = Questionnaires.load("builtin:customer-centric-culture");

    /** The same questionnaire with a team segment that lists its groups, coded T1… */
    private static final Questionnaire LISTED = withTeams("T1", "Support", "T2", " Sales ", "T3", "Billing");

    @TempDir Path dir;

    @Test
    void readsAThreeLevelTreeDepthFirstFromTheRootWithChildrenInFileOrder() throws IOException {
        Hierarchy tree = read("""
                team,parent,leader
                North,All,Ann Lee
                Leeds,North,
                All,,  Priya Shah\s
                South,All,Omar Haddad
                York,North,Jo Park
                Bath,South,Sam Ng
                """);
        assertEquals("team", tree.segment());
        assertEquals(List.of("All", "North", "Leeds", "York", "South", "Bath"),
                tree.units().stream().map(Hierarchy.Unit::id).toList());
        assertEquals(new Hierarchy.Unit("All", null, "Priya Shah", List.of("North", "South"), 4), tree.root());
        assertEquals(new Hierarchy.Unit("Leeds", "North", null, List.of(), 3), tree.unit("Leeds"));
        assertEquals(List.of("North", "All"), tree.path("York").subList(1, 3));
        assertEquals(2, tree.depth("Bath"));
        assertEquals(List.of("Leeds", "York", "Bath"), tree.leavesUnder("All"));
        assertEquals(List.of("Leeds", "York"), tree.leavesUnder("North"));
        assertEquals(dir.resolve("tree.csv").toString(), tree.file());
    }

    @Test
    void readsATreeWithoutALeaderColumnWhateverTheHeaderCaseSpacesOrByteOrderMark() throws IOException {
        Hierarchy tree = read("\ufeff Team , PARENT \n\" All \",\nSales,All\n\n\"Sales, direct\",Sales\n");
        assertEquals(List.of("All", "Sales", "Sales, direct"), tree.units().stream().map(Hierarchy.Unit::id).toList());
        assertTrue(tree.units().stream().allMatch(unit -> unit.leader() == null));
        assertEquals(5, tree.unit("Sales, direct").line());
    }

    @Test
    void readsOtherDelimitersAndEncodings() throws IOException {
        Path file = dir.resolve("tree.csv");
        Files.write(file, "team;parent;leader\nCafé;;Zoë\n".getBytes(Charset.forName("windows-1252")));
        Hierarchy tree = HierarchyReader.read(file, QUESTIONNAIRE, Charset.forName("windows-1252"));
        assertEquals(new Hierarchy.Unit("Café", null, "Zoë", List.of(), 2), tree.root());
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWhoseRowsStopBeforeTheirEmptyCells() {
        Path file = XlsxFixtures.written(dir.resolve("tree.xlsx"), "Org", sheet -> {
            List<List<String>> rows = List.of(List.of("team", "parent", "leader"), List.of("All", "", "Priya Shah"),
                    List.of("North", "All"), List.of("Leeds", "North", "Jo Park"));
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        sheet.value(r, c, rows.get(r).get(c));
                    }
                }
            }
        });
        Hierarchy tree = HierarchyReader.read(file, QUESTIONNAIRE, null);
        assertEquals(List.of(new Hierarchy.Unit("All", null, "Priya Shah", List.of("North"), 2),
                new Hierarchy.Unit("North", "All", null, List.of("Leeds"), 3),
                new Hierarchy.Unit("Leeds", "North", "Jo Park", List.of(), 4)), tree.units());
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutRows() throws IOException {
        assertTrue(problem("").contains("tree.csv: is empty; the first row is <segment>,parent[,leader]"));
        assertTrue(problem("team,parent\n\n").contains("tree.csv:1: has a header but no rows"));
    }

    @Test
    void refusesAWrongHeaderNamingTheSegmentsAndTheColumns() throws IOException {
        String message = problem("squad,boss,lead,x\nAll,,\n");
        assertTrue(message.contains("tree.csv:1:1: the first column's header 'squad' is not a segment of "
                + "questionnaire 'customer-centric-culture'; head it with the segment whose groups the leaves are: "
                + "one of team, department, level, tenure, location"), message);
        assertTrue(message.contains("tree.csv:1:2: the second column must be headed parent, not 'boss'"), message);
        assertTrue(message.contains("tree.csv:1:3: the third column, when there is one, must be headed leader, "
                + "not 'lead'"), message);
        assertTrue(message.contains("tree.csv:1:4: has 4 columns; the file has two or three"), message);
        assertTrue(problem("team\nAll\n").contains("tree.csv:1:2: the second column must be headed parent; "));
    }

    @Test
    void refusesExtraCellsABlankUnitAndACellTooLongWithTheirColumns() throws IOException {
        String message = problem("team,parent\nAll,\nNorth,All,Ann Lee\n ,All\nSouth\n");
        assertTrue(message.contains("tree.csv:3:3: has 3 cells but the header has 2"), message);
        assertTrue(message.contains("tree.csv:4:1: no unit in the first column"), message);
        assertTrue(message.contains("tree.csv:5:2: has 1 cell but the header has 2"), message);
        assertTrue(problem("team,parent\nAll,\n\"" + "x".repeat(1001) + "\",All\n")
                .contains("tree.csv:3:1: the field starting here (column 1) is longer than 1000 characters"),
                "the CSV reader's own bound");
    }

    @Test
    void refusesACellTooLongInAWorkbook() {
        Path file = XlsxFixtures.written(dir.resolve("tree.xlsx"), "Org", sheet -> {
            sheet.value(0, 0, "team");
            sheet.value(0, 1, "parent");
            sheet.value(1, 0, "All");
            sheet.value(2, 0, "North");
            sheet.value(2, 1, "All");
            sheet.value(3, 0, "Leeds");
            sheet.value(3, 1, "y".repeat(1001));
        });
        String message = assertThrows(InputException.class, () -> HierarchyReader.read(file, QUESTIONNAIRE, null))
                .getMessage();
        assertEquals(file + ":4:2: has more than 1000 characters; a unit's name and its leader's are short",
                message);
    }

    @Test
    void refusesAUnitListedTwiceAndAUnitWithTwoParentsNamingBothLines() throws IOException {
        String message = problem("team,parent\nAll,\nNorth,All\nSouth,All\nLeeds,North\nNorth,All\nLeeds,South\n");
        assertTrue(message.contains("tree.csv:6:1: unit 'North' is listed twice, on lines 3 and 6; give each unit "
                + "one row"), message);
        assertTrue(message.contains("tree.csv:7:2: unit 'Leeds' has two parents: 'North' on line 5 and 'South' on "
                + "line 7; a unit has one parent"), message);
        assertTrue(problem("team,parent\nAll,\nNorth,All\nAll,North\n")
                .contains("tree.csv:4:2: unit 'All' has two parents: none (the top unit) on line 2 and 'North'"));
    }

    @Test
    void refusesAParentThatIsNotAUnitOfTheFile() throws IOException {
        String message = problem("team,parent\nAll,\nNorth,Al\n");
        assertEquals(dir.resolve("tree.csv") + ":3:2: parent 'Al' is not a unit of this file; give it a row of its "
                + "own (with its parent, blank for the top unit), or correct the spelling", message);
    }

    @Test
    void aRefusedRowIsNotReportedAgainAsItsChildrensParent() throws IOException {
        String message = problem("team,parent\nAll,\nNorth,All,x\nLeeds,North\n");
        assertTrue(message.contains("tree.csv:3:3: has 3 cells"), message);
        assertFalse(message.contains("'North' is not a unit"), message);
    }

    @Test
    void refusesATreeWithNoRootAndOneWithTwoRootsNamingTheirLines() throws IOException {
        String none = problem("team,parent\nNorth,South\nSouth,North\n");
        assertTrue(none.contains("tree.csv:1:2: no unit has a blank parent, so the tree has no top unit"), none);
        String two = problem("team,parent\nAll,\nNorth,All\nOther,\nLeeds,North\nThird,\n");
        assertTrue(two.contains("tree.csv:4:2: has 3 units with a blank parent, on lines 2, 4, 6; the tree has one "
                + "top unit"), two);
    }

    @Test
    void refusesACycleNamingItsUnitsAndLinesButNotTheUnitsBelowIt() throws IOException {
        String message = problem("team,parent\nAll,\nA,C\nLeeds,A\nB,A\nC,B\nSelf,Self\nD,All\n");
        assertEquals(List.of(
                dir.resolve("tree.csv") + ":3:2: units 'A' (line 3), 'B' (line 5), 'C' (line 6) are each other's "
                        + "parents in a cycle, so none of them reaches the top unit; give one of them a parent "
                        + "outside the cycle",
                dir.resolve("tree.csv") + ":7:2: unit 'Self' is its own parent; give it the unit above it, or leave "
                        + "the parent blank if it is the top unit"), message.lines().toList());
    }

    @Test
    void namesAtMostTwentyUnitsOfACycleAndLinesOfRoots() throws IOException {
        StringBuilder cycle = new StringBuilder("team,parent\nAll,\nu1,u30\n");
        StringBuilder roots = new StringBuilder("team,parent\n");
        for (int i = 2; i <= 30; i++) {
            cycle.append('u').append(i).append(",u").append(i - 1).append('\n');
            roots.append('r').append(i).append(",\n");
        }
        String message = problem(cycle.toString());
        assertTrue(message.contains("'u20' (line 22) and 10 more are each other's parents"), message);
        message = problem(roots.toString());
        assertTrue(message.contains("has 29 units with a blank parent, on lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, "
                + "13, 14, 15, 16, 17, 18, 19, 20, 21 and 9 more; the tree"), message);
    }

    @Test
    void refusesATreeDeeperThanFiftyLevels() throws IOException {
        StringBuilder text = new StringBuilder("team,parent\nL1,\n");
        for (int level = 2; level <= 51; level++) {
            text.append('L').append(level).append(",L").append(level - 1).append('\n');
        }
        assertEquals(dir.resolve("tree.csv") + ":52:2: unit 'L51' is 51 levels down; a tree has at most 50 levels, "
                + "the top unit being the first", problem(text.toString()));
        String fifty = text.substring(0, text.lastIndexOf("L51"));
        assertEquals(49, read(fifty).depth("L50"));
    }

    @Test
    void refusesMoreThanAHundredThousandUnits() throws IOException {
        StringBuilder text = new StringBuilder("team,parent\nAll,\n");
        for (int i = 1; i <= 100_000; i++) {
            text.append('u').append(i).append(",All\n");
        }
        assertTrue(problem(text.toString()).contains("tree.csv:100002: has more than 100000 units"));
        String fits = text.substring(0, text.lastIndexOf("u100000"));
        Hierarchy tree = read(fits);
        assertEquals(100_000, tree.units().size());
        assertEquals(99_999, tree.leavesUnder("All").size());
    }

    @Test
    void refusesALeafThatIsNoneOfTheGroupsTheQuestionnaireLists() throws IOException {
        Hierarchy tree = read("team,parent\nAll,\nSales,All\nSupport,All\n", LISTED);
        assertEquals(List.of("Sales", "Support"), tree.leavesUnder("All"));
        String message = problem("team,parent\nAll,\nSupprt,All\nT3,All\nOps,All\nSupport,Ops\n", LISTED);
        assertEquals(List.of(
                dir.resolve("tree.csv") + ":3:1: unknown leaf 'Supprt': it has no child units, and it is not a team "
                        + "group of questionnaire 'customer-centric-culture'; a leaf is one of its groups: "
                        + "'Support', 'Sales', 'Billing'; correct the spelling, or give the unit child units",
                dir.resolve("tree.csv") + ":4:1: unknown leaf 'T3': it has no child units, and it is not a team "
                        + "group of questionnaire 'customer-centric-culture'; 'T3' is the code of 'Billing'; name "
                        + "the group as the reports do, by its label"), message.lines().toList());
    }

    @Test
    void takesAnyLeafWhenTheQuestionnaireListsNoGroups() throws IOException {
        assertEquals(List.of("Anything"), read("team,parent\nAll,\nAnything,All\n").leavesUnder("All"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "unknown parent and two roots | All,;North,Al;Other, | :3:2: parent 'Al'; :4:2: has 2 units",
        "blank id and listed twice    | All,;,All;All,       | :3:1: no unit; :4:1: unit 'All' is listed twice",
    })
    void reportsEveryProblemAtOnce(String name, String rows, String expected) throws IOException {
        String message = problem("team,parent\n" + rows.replace(';', '\n') + "\n");
        for (String part : expected.split("; ")) {
            assertTrue(message.contains("tree.csv" + part), message);
        }
    }

    @Test
    void warnsOfSurveyGroupsTheTreeDoesNotNameWithoutCounts() throws IOException {
        Hierarchy tree = read("team,parent\nAll,\nNorth,All\nLeeds,North\nYork,North\nBath,All\n");
        assertEquals(List.of(), HierarchyReader.check(tree, Map.of("Leeds", 12L, "Bath", 3L)),
                "York, which nobody answered from, is fine");
        List<String> warnings = HierarchyReader.check(tree, Map.of("Leeds", 12L, "Hull", 3L, "Derby", 7L, "", 4L));
        assertEquals(List.of(tree.file() + ": 2 team group(s) of the survey are not in the tree: 'Derby', 'Hull'; "
                + "they roll up to no unit and are in the organisation's report only (check the spelling against "
                + "the survey's)"), warnings);
        Map<String, Long> many = new LinkedHashMap<>();
        for (int i = 10; i < 35; i++) {
            many.put("G" + i, 1L);
        }
        String listed = HierarchyReader.check(tree, many).get(0);
        assertTrue(listed.contains("'G28', 'G29' and 5 more; they roll up"), listed);
        assertFalse(listed.contains("G30"), listed);
    }

    @Test
    void refusesASurveyGroupThatNamesAUnitWithChildUnitsAtItsLine() throws IOException {
        Hierarchy tree = read("team,parent\nAll,\nSales,All\nSales North,Sales\n");
        InputException e = assertThrows(InputException.class,
                () -> HierarchyReader.check(tree, Map.of("Sales", 17L, "Sales North", 23L)));
        assertEquals(tree.file() + ":3:1: team 'Sales' is a group of the survey but has child units here; "
                + "respondents belong to leaves, so give them one: rename the unit (for example to 'Sales (all)') and "
                + "add the leaf 'Sales' under it, or add a leaf such as 'Sales (direct)' under it and recode their "
                + "team to it in the export", e.getMessage());
        assertFalse(e.getMessage().substring(tree.file().length()).contains("17"),
                "no count of a group that may be hidden");
    }

    @Test
    void slugsAreSafeShortAndUniqueFolderNames() throws IOException {
        String longName = "Customer Operations and Field Service Excellence Programme Northern Europe";
        Hierarchy tree = read("team,parent\nAll,\nCafé Zürich,All\ncafe zurich,All\nCafe-Zurich-2,All\n"
                + "\"!!!\",All\nCON,All\nAux,All\n\"" + longName + "\",All\n\"" + longName + " B\",All\n");
        Map<String, String> slugs = tree.slugs();
        assertEquals("all", slugs.get("All"));
        assertEquals("cafe-zurich", slugs.get("Café Zürich"));
        assertEquals("cafe-zurich-2", slugs.get("cafe zurich"));
        assertEquals("cafe-zurich-2-2", slugs.get("Cafe-Zurich-2"));
        assertEquals("unit", slugs.get("!!!"));
        assertEquals("con-unit", slugs.get("CON"));
        assertEquals("aux-unit", slugs.get("Aux"));
        assertEquals("customer-operations-and-field-service-excellence-programme-n", slugs.get(longName));
        assertEquals("customer-operations-and-field-service-excellence-programme-2", slugs.get(longName + " B"));
        assertTrue(slugs.values().stream().allMatch(slug -> slug.length() <= 60 && slug.matches("[a-z0-9-]+")));
        assertEquals(slugs.size(), new HashSet<>(slugs.values()).size());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "examples/org-tree.csv,        examples/stores.csv, 63, 40",
        "examples/org-tree-survey.csv, examples/survey.csv, 15, 9",
    })
    void theExampleTreesHaveEveryTeamOfTheirSurveyAsALeaf(String treeFile, String export, int units, int teams) {
        Hierarchy tree = HierarchyReader.read(Path.of(treeFile), QUESTIONNAIRE, null);
        Map<String, Long> groupSizes = Scoring.run(QUESTIONNAIRE, List.of(Path.of(export)), Scoring.Options.DEFAULT)
                .groupSizes().get(0);
        assertEquals(units, tree.units().size());
        assertEquals(new TreeSet<>(groupSizes.keySet()),
                new TreeSet<>(tree.leaves().stream().map(Hierarchy.Unit::id).toList()));
        assertEquals(teams, groupSizes.size());
        assertEquals(List.of(), HierarchyReader.check(tree, groupSizes));
        assertTrue(tree.units().stream().allMatch(unit -> unit.leader() != null));
    }

    private static Questionnaire withTeams(String... codesAndLabels) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            values.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        Questionnaire q = QUESTIONNAIRE;
        List<Segment> segments = new ArrayList<>(q.segments());
        Segment team = segments.get(0);
        segments.set(0, new Segment(team.id(), team.columns(), team.leader(), values));
        return new Questionnaire(q.id(), q.title(), q.version(), q.language(), q.scales(), q.items(), q.indices(),
                q.sayDo(), q.enps(), segments, q.respondentId(), q.comments(), q.reporting());
    }

    private Hierarchy read(String text) throws IOException {
        return read(text, QUESTIONNAIRE);
    }

    private Hierarchy read(String text, Questionnaire questionnaire) throws IOException {
        Path file = dir.resolve("tree.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return HierarchyReader.read(file, questionnaire, null);
    }

    private String problem(String text) throws IOException {
        return problem(text, QUESTIONNAIRE);
    }

    private String problem(String text, Questionnaire questionnaire) {
        return assertThrows(InputException.class, () -> read(text, questionnaire)).getMessage();
    }
}
