package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Headcounts;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.model.Segment;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Scorer;
import org.culturekit.scoring.Units;
import org.junit.jupiter.api.Test;

/**
 * The unit reports of {@code --per-unit} from units built by hand, as the scorer hands them over: the JSON's
 * {@code unit} object, the templates' unit parts, the index page and the child units' participation.
 */
class UnitReportsTest {
    private static final String HOSTILE = Samples.HOSTILE;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sample questionnaire with its segments replaced by the units' one, as {@link Units#questionnaire()}. */
    private static final Questionnaire UNIT_QUESTIONNAIRE = unitQuestionnaire();

    /**
     * All (led by a hostile name) → North → Leeds (4 people), York (2, hidden); All → South → Bath (4); All → Tiny
     * (nobody answered, no report). North is lower than the rest of All on the first index; its comparison with the rest of the
     * organisation is withheld.
     */
    private static final Units UNITS = units();
    private static final UnitReports REPORTS = new UnitReports(UNITS, Samples.results(), "", null);

    @Test
    void aUnitsResultsJsonIsTheMainDocumentWithTheUnitObjectAfterIt() throws IOException {
        Units.Unit north = unit("North");
        StringWriter out = new StringWriter();
        ResultsJson.write(north.results(), north, REPORTS::hasReport, out);
        ObjectNode document = (ObjectNode) JSON.readTree(out.toString());
        JsonNode unit = document.remove("unit");
        assertEquals(JSON.readTree(ResultsJson.write(north.results())), document, "the main schema, unchanged");
        assertEquals(List.of("id", "parent", "leader", "children", "comparisons"), fields(unit));
        assertEquals("North", unit.get("id").asText());
        assertEquals("All " + HOSTILE, unit.get("parent").asText());
        assertTrue(unit.get("leader").isNull());
        assertEquals(JSON.readTree("[{\"id\":\"Leeds\",\"report\":true},{\"id\":\"York\",\"report\":false}]"),
                unit.get("children"));
        JsonNode parent = unit.get("comparisons").get(0);
        assertEquals("parent", parent.get("against").asText());
        assertEquals("All " + HOSTILE, parent.get("with").asText());
        assertEquals(List.of("id", "n", "mean", "sd", "favorable", "rwg", "deltaVsRest", "q", "flag"),
                fields(parent.get("indices").get(0)));
        assertEquals("hot-spot", parent.get("indices").get(0).get("flag").asText());
        JsonNode organisation = unit.get("comparisons").get(1);
        assertEquals("organisation", organisation.get("against").asText());
        assertTrue(organisation.get("with").isNull());
        assertEquals(JSON.readTree("{\"id\":\"a\",\"suppressed\":true}"), organisation.get("indices").get(0));
    }

    @Test
    void theRootsUnitObjectHasNoParentAndNoComparison() throws IOException {
        Units.Unit root = unit("All " + HOSTILE);
        StringWriter out = new StringWriter();
        ResultsJson.write(root.results(), root, REPORTS::hasReport, out);
        JsonNode unit = JSON.readTree(out.toString()).get("unit");
        assertTrue(unit.get("parent").isNull());
        assertEquals(HOSTILE, unit.get("leader").asText());
        assertEquals(0, unit.get("comparisons").size());
        assertEquals("[true, true, false]", unit.get("children").findValues("report").toString());
    }

    @Test
    void aUnitReportNamesItsUnitLinksItsTreeComparesAndEndsWithTheLeaderPage() {
        ReportModel model = new UnitReports(UNITS, organisation(), "", null).report(unit("North")).model();
        String html = new ReportRenderer(null).render(model, ReportFormat.HTML);
        assertTrue(html.contains("<h1>North: Team " + Samples.HOSTILE_HTML + " | survey</h1>"), html);
        assertTrue(html.contains("Part of: <a href=\"../all-script-alert-1-script/report.html\">All "
                + Samples.HOSTILE_HTML + "</a> · <a href=\"../index.html\">All units</a>"), html);
        assertTrue(html.contains("Units in it: <a href=\"../leeds/report.html\">Leeds</a>, York (no report)"), html);
        assertTrue(html.contains("<li>Lower than the rest of All " + Samples.HOSTILE_HTML + " on Safety "
                + Samples.HOSTILE_HTML + " (−30).</li>"), html);
        assertTrue(html.contains("<li>The comparison with the rest of the organisation is not shown: too few "
                + "people on one side.</li>"), html);
        assertTrue(html.indexOf("id=\"comparison\"") < html.indexOf("id=\"indices\""));
        assertTrue(html.lastIndexOf("<section") == html.indexOf("<section id=\"leader\""), "the leader page is last");
        assertTrue(html.contains("<li><strong>Strongest:</strong> Safety " + Samples.HOSTILE_HTML), html);
        assertFalse(html.contains("id=\"actions\""), "the actions are on the leader page");
        assertFalse(html.contains("<script>"));
        String md = new ReportRenderer(null).render(model, ReportFormat.MD);
        assertTrue(md.startsWith("# North: Team "), md);
        assertTrue(md.contains("Units in it: [Leeds](../leeds/report.md), York (no report)"), md);
        assertTrue(md.contains("## Compared with the rest"), md);
        assertTrue(md.strip().contains("## For the leader"), md);
        assertFalse(md.contains("\n## Recommended actions"), "the actions are on the leader page");
        assertTrue(md.contains("\n### Recommended actions"), md);
    }

    @Test
    void theIndexLinksEveryUnitWithAReportAndSaysOnlyNoReportOfTheOthers() {
        UnitIndexView index = new UnitReports(UNITS, organisation(), "Q4", null).index("report.html");
        StringWriter out = new StringWriter();
        new ReportRenderer(null).render(index, out);
        String html = out.toString();
        assertTrue(html.contains("<li><a href=\"all-script-alert-1-script/report.html\">All "
                + Samples.HOSTILE_HTML + "</a> — " + Samples.HOSTILE_HTML + "\n<ul>"), html);
        assertTrue(html.contains("<li><a href=\"north/report.html\">North</a>\n<ul>"), html);
        assertTrue(html.contains("<li><span class=\"none\">York</span> — Yan <em>(no report)</em>"), html);
        assertTrue(html.contains("<li><span class=\"none\">Tiny</span> <em>(no report)</em>"), html);
        assertTrue(html.contains("5 unit reports · <a href=\"../report.html\">"), html);
        assertFalse(html.contains("<script>"));
    }

    @Test
    void childUnitsGetTheirLeavesInvitedAndAUnitsTotalIsHiddenAsTheOrganisationsIs() {
        Headcounts leaves = new Headcounts("invited.csv", "team", List.of(new Headcounts.Row(2, "Leeds", 10),
                new Headcounts.Row(3, "York", 10), new Headcounts.Row(4, "Bath", 5), new Headcounts.Row(5, "Tiny", 4)));
        UnitReports reports = new UnitReports(UNITS, organisation(), "", leaves);
        Results root = reports.report(unit("All " + HOSTILE)).results();
        assertEquals(20L, group(root, "North").invited());
        assertEquals(5L, group(root, "South").invited());
        assertEquals(80.0, group(root, "South").responseRate());
        assertTrue(root.segments().get(0).groups().stream().noneMatch(g -> g.value().equals("Tiny")));
        // Tiny, invited and not shown: the total less the shown children's invited would be its invited
        assertEquals("", reports.report(unit("All " + HOSTILE)).model().responseRate());
        assertEquals("80% of 5 invited", reports.report(unit("South")).model().responseRate());
        assertEquals("40% of 10 invited", reports.report(unit("Leeds")).model().responseRate(), "a leaf's own count");
        assertEquals("Leeds", reports.report(unit("North")).model().participation().groups().get(0).value());
        ReportModel other = new UnitReports(UNITS, organisation(), "",
                new Headcounts("invited.csv", "level", List.of(new Headcounts.Row(2, "Lead", 3)))).report(unit("North"))
                .model();
        assertNull(other.participation(), "headcounts of another segment say nothing of the units");
    }

    @Test
    void theLeaderPageSaysNotShownForWhatTheRulesWithhold() {
        Units.Unit leeds = unit("Leeds");
        Results r = leeds.results();
        Results withheld = new Results(r.schemaVersion(), r.wave(), r.date(), r.questionnaire(), r.rows(),
                r.indices().stream().map(i -> new Results.IndexResult(i.id(), i.name(), Results.Cell.withheld(),
                        i.fingerprint(), i.items())).toList(),
                new Results.SayDo(Results.Cell.withheld(), r.sayDo().pairs().stream()
                        .map(p -> new Results.Gap(p.id(), p.name(), Results.Cell.withheld())).toList()),
                r.enps(), r.perceptionGap(), r.segments(), r.drivers(), r.comments());
        List<Units.Unit> all = new ArrayList<>(UNITS.units());
        all.set(all.indexOf(leeds), new Units.Unit(leeds.unit(), withheld, List.of()));
        Units units = new Units(UNITS.hierarchy(), UNITS.questionnaire(), all, List.of());
        ReportModel model = new UnitReports(units, organisation(), "", null).report(all.get(2)).model();
        assertEquals(new UnitView.LeaderPage("not shown", "not shown", "not shown", List.of()), model.unit().page());
        String md = new ReportRenderer(null).render(model, ReportFormat.MD);
        assertTrue(md.contains("- **Strongest:** not shown\n- **Weakest:** not shown\n- **Widest say-do gap:** not "
                + "shown\n"), md);
    }

    // ---- the fixture ----

    private static Questionnaire unitQuestionnaire() {
        Questionnaire q = Samples.questionnaire(HOSTILE);
        return new Questionnaire(q.id(), q.title(), q.version(), q.language(), q.scales(), q.items(), q.indices(),
                q.sayDo(), q.enps(), List.of(new Segment(Units.SEGMENT, List.of("Unit"), List.of(), Map.of())),
                q.respondentId(), q.comments(), q.reporting());
    }

    /** Results over one respondent per label, each label the child unit the respondent is in ("" for none). */
    private static Results scored(String... children) {
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < children.length; r++) {
            int v = 1 + r % 5;
            responses.add(new Response("s.csv", r + 2, new int[] {v, 6 - v, Math.min(5, v + 1), v, r % 11,
                Response.MISSING}, List.of(children[r]), List.of("")));
        }
        return Scorer.score(UNIT_QUESTIONNAIRE, responses).withoutComments();
    }

    private static Units units() {
        String all = "All " + HOSTILE;
        Hierarchy tree = new Hierarchy("tree.csv", "team", List.of(
                new Hierarchy.Unit(all, null, HOSTILE, List.of("North", "South", "Tiny"), 2),
                new Hierarchy.Unit("North", all, null, List.of("Leeds", "York"), 3),
                new Hierarchy.Unit("Leeds", "North", "Lee", List.of(), 4),
                new Hierarchy.Unit("York", "North", "Yan", List.of(), 5),
                new Hierarchy.Unit("South", all, "Sam", List.of("Bath"), 6),
                new Hierarchy.Unit("Bath", "South", "Bo", List.of(), 7),
                new Hierarchy.Unit("Tiny", all, null, List.of(), 8)));
        Results.GroupIndex lower = new Results.GroupIndex("a", Results.Cell.shown(new Results.GroupIndexFigures(6,
                2.0, 1.0, 20.0, 0.5, -1.2, 0.01, Results.Flag.HOT_SPOT)));
        Results.GroupIndex hidden = new Results.GroupIndex("a", Results.Cell.withheld());
        return new Units(tree, UNIT_QUESTIONNAIRE, List.of(
                new Units.Unit(tree.units().get(0), scored("North", "North", "North", "North", "North", "North",
                        "South", "South", "South", "South"), List.of()),
                new Units.Unit(tree.units().get(1), scored("Leeds", "Leeds", "Leeds", "Leeds", "York", "York"),
                        List.of(new Units.Comparison(Units.Against.PARENT, all, List.of(lower)),
                                new Units.Comparison(Units.Against.ORGANISATION, null, List.of(hidden)))),
                new Units.Unit(tree.units().get(2), scored("", "", "", ""), List.of()),
                new Units.Unit(tree.units().get(3), null, List.of()),
                new Units.Unit(tree.units().get(4), scored("Bath", "Bath", "Bath", "Bath"), List.of()),
                new Units.Unit(tree.units().get(5), scored("", "", "", ""), List.of()),
                new Units.Unit(tree.units().get(6), null, List.of())), List.of());
    }

    private static Results organisation() {
        return Samples.results();
    }

    private static Units.Unit unit(String id) {
        return UNITS.units().stream().filter(u -> u.unit().id().equals(id)).findFirst().orElseThrow();
    }

    private static Results.Group group(Results results, String value) {
        return results.segments().get(0).groups().stream().filter(g -> g.value().equals(value)).findFirst()
                .orElseThrow();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
