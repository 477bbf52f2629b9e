package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The units of an organisation tree: their figures against an independent computation from the raw rows of
 * each subtree (never through the scorer), and the disclosure rules across every report of a run, attacked with
 * {@link DisclosureAttackTest.Checker}.
 */
class UnitsTest {
    private static final double TOLERANCE = 1e-9;

    /** Org → North (T1: 3 people, T2: 6) and South (T3: 4, T4: 7); the fixture's minimum group size is 3. */
    private static final Hierarchy TREE = tree(
            unit("Org", null, "Ada Obi", "North", "South"),
            unit("North", "Org", "Ben Ito", "T1", "T2"),
            unit("T1", "North", null),
            unit("T2", "North", "Cy Dorn"),
            unit("South", "Org", null, "T3", "T4"),
            unit("T3", "South", null),
            unit("T4", "South", null));

    private static List<Response> survey() {
        SplittableRandom random = new SplittableRandom(26);
        List<Response> responses = new ArrayList<>();
        Map<String, Integer> sizes = Map.of("T1", 3, "T2", 6, "T3", 4, "T4", 7);
        for (String team : List.of("T1", "T2", "T3", "T4")) {
            for (int i = 0; i < sizes.get(team); i++) {
                int[] answers = new int[6];
                for (int a = 0; a < 5; a++) {
                    // a few missing answers in the larger teams, never a whole index
                    boolean larger = sizes.get(team) > 4;
                    answers[a] = larger && a > 0 && random.nextInt(7) == 0 ? Fixtures.NA : 1 + random.nextInt(5);
                }
                answers[5] = random.nextInt(11);
                responses.add(Fixtures.response(team, "Member", answers));
            }
        }
        return responses;
    }

    private static Units score(List<Response> responses, Hierarchy tree) {
        Accumulator accumulator = new Accumulator(Fixtures.QUESTIONNAIRE, tree);
        responses.forEach(accumulator::add);
        return accumulator.published().units();
    }

    @Test
    void eachUnitsFiguresAreThoseOfTheRawRowsOfItsSubtree() {
        List<Response> responses = survey();
        Units units = score(responses, TREE);
        Map<String, Set<String>> leaves = Map.of("Org", Set.of("T1", "T2", "T3", "T4"), "North", Set.of("T1", "T2"),
                "South", Set.of("T3", "T4"), "T1", Set.of("T1"), "T2", Set.of("T2"), "T3", Set.of("T3"),
                "T4", Set.of("T4"));
        assertEquals(7, units.units().size());
        for (Units.Unit unit : units.units()) {
            List<Response> rows = responses.stream()
                    .filter(r -> leaves.get(unit.unit().id()).contains(r.segments().get(0))).toList();
            Results results = unit.results();
            assertNotNull(results, unit.unit().id() + " is published");
            String at = unit.unit().id() + ": ";
            assertEquals(rows.size(), results.rows().scored(), at + "n");
            Results.IndexFigures index = Fixtures.shown(results.indices().get(0).figures());
            List<Double> scores = rows.stream().map(UnitsTest::indexScore).filter(s -> s != null).toList();
            assertEquals(scores.size(), index.n(), at + "index n");
            assertEquals(mean(scores), index.mean(), TOLERANCE, at + "index mean");
            assertEquals(sd(scores), index.sd(), TOLERANCE, at + "index sd");
            List<Integer> pooled = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                int item = j;
                List<Double> keyed = rows.stream().filter(r -> Response.isValue(r.rawAnswer(item)))
                        .map(r -> (double) keyed(r, item)).toList();
                keyed.forEach(v -> pooled.add(v.intValue()));
                Results.ItemFigures figures = Fixtures.shown(results.indices().get(0).items().get(j).figures());
                assertEquals(keyed.size(), figures.n(), at + "item " + j + " n");
                assertEquals(mean(keyed), figures.mean(), TOLERANCE, at + "item " + j + " mean");
            }
            double favourable = 100.0 * pooled.stream().filter(v -> v >= 4).count() / pooled.size();
            assertEquals(favourable, index.favorable(), TOLERANCE, at + "favourable");
            List<Double> gaps = rows.stream().filter(r -> Response.isValue(r.rawAnswer(3))
                    && Response.isValue(r.rawAnswer(4))).map(r -> (double) (r.rawAnswer(3) - r.rawAnswer(4))).toList();
            assertEquals(mean(gaps), Fixtures.shown(results.sayDo().overall()).meanGap(), TOLERANCE, at + "gap");
            assertEquals(mean(gaps), Fixtures.shown(results.sayDo().pairs().get(0).figures()).meanGap(), TOLERANCE,
                    at + "pair gap");
            long promoters = rows.stream().filter(r -> r.rawAnswer(5) >= 9).count();
            long detractors = rows.stream().filter(r -> r.rawAnswer(5) <= 6).count();
            assertEquals(100.0 * (promoters - detractors) / rows.size(), Fixtures.shown(results.enps()).score(),
                    TOLERANCE, at + "eNPS");
            double[] x = rows.stream().filter(r -> indexScore(r) != null).mapToDouble(UnitsTest::indexScore).toArray();
            double[] y = rows.stream().filter(r -> indexScore(r) != null).mapToDouble(r -> r.rawAnswer(5)).toArray();
            assertEquals(pearson(x, y), Fixtures.shown(results.drivers().get(0).figures()).r(), TOLERANCE,
                    at + "driver r");
            assertTrue(results.comments().isEmpty(), at + "no comments in a unit's results");
            // the child units are the unit's groups
            List<String> children = results.segments().get(0).groups().stream().map(Results.Group::value).toList();
            assertEquals(unit.unit().children(), children, at + "children");
        }
    }

    @Test
    void aUnitIsComparedWithTheRestOfItsParentAndOfTheOrganisation() {
        List<Response> responses = survey();
        Units units = score(responses, TREE);
        Units.Unit t1 = units.units().stream().filter(u -> u.unit().id().equals("T1")).findFirst().orElseThrow();
        assertEquals(List.of(Units.Against.PARENT, Units.Against.ORGANISATION),
                t1.comparisons().stream().map(Units.Comparison::against).toList());
        List<Double> own = scores(responses, r -> r.segments().get(0).equals("T1"));
        List<Double> siblings = scores(responses, r -> r.segments().get(0).equals("T2"));
        List<Double> rest = scores(responses, r -> !r.segments().get(0).equals("T1"));
        Results.GroupIndexFigures parent = Fixtures.shown(t1.comparisons().get(0).indices().get(0).figures());
        assertEquals("North", t1.comparisons().get(0).with());
        assertEquals(mean(own) - mean(siblings), parent.deltaVsRest(), TOLERANCE);
        Results.GroupIndexFigures organisation = Fixtures.shown(t1.comparisons().get(1).indices().get(0).figures());
        assertEquals(mean(own) - mean(rest), organisation.deltaVsRest(), TOLERANCE);
        Units.Unit root = units.units().get(0);
        assertTrue(root.comparisons().isEmpty(), "the root is the organisation");
    }

    @Test
    void aLeafUnitShowsWhatItsGroupShowsInTheOrganisationsReport() {
        List<Response> responses = survey();
        Accumulator accumulator = new Accumulator(Fixtures.QUESTIONNAIRE, TREE);
        responses.forEach(accumulator::add);
        Accumulator.Published published = accumulator.published();
        for (Results.Group group : published.results().segments().get(0).groups()) {
            Units.Unit leaf = published.units().units().stream().filter(u -> u.unit().id().equals(group.value()))
                    .findFirst().orElseThrow();
            assertEquals(group.n(), leaf.results().rows().scored());
            assertEquals(Fixtures.shown(group.indices().get(0).figures()).mean(),
                    Fixtures.shown(leaf.results().indices().get(0).figures()).mean(), 0.0);
        }
    }

    /**
     * Org has A (A1: 8, A2: 2) and B (B1: 3, B2: 3, B3: 20). The team rules alone show A1 and B3 (A2, B1 and B2
     * hidden together make 8). But A less A1 would be A2: so A1 is withheld too, in every report of the run — the
     * organisation's team heatmap as well.
     */
    @Test
    void aParentLessItsPublishedChildrenIsNeverASmallTeam() {
        Hierarchy tree = tree(
                unit("Org", null, null, "A", "B"),
                unit("A", "Org", null, "A1", "A2"),
                unit("A1", "A", null),
                unit("A2", "A", null),
                unit("B", "Org", null, "B1", "B2", "B3"),
                unit("B1", "B", null),
                unit("B2", "B", null),
                unit("B3", "B", null));
        List<Response> responses = new ArrayList<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("A1", 8);
        sizes.put("A2", 2);
        sizes.put("B1", 3);
        sizes.put("B2", 3);
        sizes.put("B3", 20);
        SplittableRandom random = new SplittableRandom(9);
        sizes.forEach((team, n) -> {
            for (int i = 0; i < n; i++) {
                responses.add(Fixtures.response(team, "Member", 1 + random.nextInt(5), 1 + random.nextInt(5),
                        1 + random.nextInt(5), 3, 3, random.nextInt(11)));
            }
        });
        Predicate<Results> showsA1 = results -> results.segments().get(0).groups().stream()
                .anyMatch(g -> g.value().equals("A1") && !g.suppressed());
        assertTrue(showsA1.test(Scorer.score(Fixtures.QUESTIONNAIRE, responses)), "without a tree A1 is shown");
        Accumulator accumulator = new Accumulator(Fixtures.QUESTIONNAIRE, tree);
        responses.forEach(accumulator::add);
        Accumulator.Published published = accumulator.published();
        Map<String, Units.Unit> byId = new LinkedHashMap<>();
        published.units().units().forEach(u -> byId.put(u.unit().id(), u));
        assertNull(byId.get("A2").results(), "A2 has 2 people");
        assertNull(byId.get("A1").results(), "A less A1 would be A2");
        assertNotNull(byId.get("A").results());
        assertNotNull(byId.get("B3").results());
        assertTrue(byId.get("A").results().segments().get(0).groups().stream().allMatch(Results.Group::suppressed),
                "A's heatmap shows neither child");
        assertFalse(showsA1.test(published.results()), "the organisation's team heatmap hides A1 as well");
    }

    @Test
    void groupsTheTreeDoesNotNameAreInNoUnitAndListed() {
        List<Response> responses = new ArrayList<>(survey());
        for (int i = 0; i < 4; i++) {
            responses.add(Fixtures.response("Temps", "Member", 3, 3, 3, 3, 3, 8));
        }
        Units units = score(responses, TREE);
        assertEquals(List.of("Temps"), units.nowhere());
        assertEquals(20, units.units().get(0).results().rows().scored(), "the root is the tree's leaves only");
    }

    // ---- the rules across every report of a run, attacked ----

    static Stream<Long> seeds() {
        return java.util.stream.LongStream.range(0, 300).boxed();
    }

    /**
     * Random trees over {@link DisclosureAttackTest#survey}'s teams (which overlap a location segment and a
     * leader level): uneven depths, a team the tree leaves out now and then, a leaf nobody answered from.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noReportOfARunNorAnyTwoOfThemExposeASmallTeam(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Response> responses = DisclosureAttackTest.survey(random);
        Hierarchy tree = randomTree(random);
        Accumulator accumulator;
        if (seed % 2 == 0) {
            accumulator = new Accumulator(DisclosureAttackTest.QUESTIONNAIRE, tree);
            responses.forEach(accumulator::add);
        } else {
            // split and merged with a cell cap, as the parallel reader does
            accumulator = new Accumulator(DisclosureAttackTest.QUESTIONNAIRE, tree, 2);
            Accumulator part = accumulator.part();
            for (int r = 0; r < responses.size(); r++) {
                (r % 3 == 0 ? part : accumulator).add(responses.get(r));
            }
            accumulator.merge(part);
        }
        Accumulator.Published published = accumulator.published();
        try {
            new DisclosureAttackTest.Checker(responses, published.results()).withUnits(published.units()).check();
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + " (" + tree.units().stream()
                    .map(u -> u.id() + "<" + u.parent()).toList() + "): " + e.getMessage(), e);
        }
    }

    @Test
    void theAttackFindsTheParentLessChildrenLeakWhenTheTreeIsLeftOutOfTheRules() {
        // the same survey scored without the tree, its units then built from the organisation's decisions alone,
        // is what the rules across reports are for: the checker must see the leak
        Hierarchy tree = tree(
                unit("Org", null, null, "A", "B"),
                unit("A", "Org", null, "T0", "T1"),
                unit("T0", "A", null),
                unit("T1", "A", null),
                unit("B", "Org", null, "T2"),
                unit("T2", "B", null));
        List<Response> responses = new ArrayList<>();
        Map<String, Integer> sizes = Map.of("T0", 9, "T1", 2, "T2", 9);
        sizes.forEach((team, n) -> {
            for (int i = 0; i < n; i++) {
                responses.add(new Response("a.csv", i + 2, new int[] {3, 3, 3, 3, 8},
                        List.of(team, "L" + team, "Member"), List.of()));
            }
        });
        Accumulator accumulator = new Accumulator(DisclosureAttackTest.QUESTIONNAIRE, tree);
        responses.forEach(accumulator::add);
        Accumulator.Published published = accumulator.published();
        new DisclosureAttackTest.Checker(responses, published.results()).withUnits(published.units()).check();
        Units.Unit a = published.units().units().get(1);
        Units leaky = new Units(tree, published.units().questionnaire(), published.units().units().stream()
                .map(u -> u.unit().id().equals("T0") ? new Units.Unit(u.unit(), a.results(), List.of()) : u)
                .toList(), List.of());
        AssertionError caught = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> new DisclosureAttackTest.Checker(responses, published.results()).withUnits(leaky).check());
        assertFalse(caught.getMessage().isEmpty());
    }

    /** Teams T0–T6 (the survey gives T0 up to T5), under 1 to 3 levels of units. */
    private static Hierarchy randomTree(SplittableRandom random) {
        List<Hierarchy.Unit> units = new ArrayList<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        children.put("Org", new ArrayList<>());
        int middles = 1 + random.nextInt(3);
        for (int m = 0; m < middles; m++) {
            String parent = m > 0 && random.nextInt(3) == 0 ? "M" + random.nextInt(m) : "Org";
            children.put("M" + m, new ArrayList<>());
            children.get(parent).add("M" + m);
            parents.put("M" + m, parent);
        }
        for (int t = 0; t <= 6; t++) {
            if (t < 6 && random.nextInt(10) == 0) {
                continue; // a team the tree leaves out
            }
            int at = random.nextInt(middles + 1);
            String parent = at == middles ? "Org" : "M" + at;
            children.get(parent).add("T" + t);
            parents.put("T" + t, parent);
            children.put("T" + t, new ArrayList<>());
        }
        // depth-first pre-order, the shape the reader gives
        addDepthFirst("Org", null, children, units);
        return new Hierarchy("tree.csv", "team", units);
    }

    private static void addDepthFirst(String id, String parent, Map<String, List<String>> children,
            List<Hierarchy.Unit> units) {
        units.add(new Hierarchy.Unit(id, parent, null, children.get(id), units.size() + 2));
        for (String child : children.get(id)) {
            addDepthFirst(child, id, children, units);
        }
    }

    // ---- the independent computation ----

    private static Integer keyed(Response r, int item) {
        int raw = r.rawAnswer(item);
        return item == 2 ? 6 - raw : raw;
    }

    private static Double indexScore(Response r) {
        double sum = 0;
        int answered = 0;
        for (int j = 0; j < 3; j++) {
            if (Response.isValue(r.rawAnswer(j))) {
                sum += keyed(r, j);
                answered++;
            }
        }
        return answered == 0 ? null : sum / answered;
    }

    private static List<Double> scores(List<Response> responses, Predicate<Response> in) {
        return responses.stream().filter(in).map(UnitsTest::indexScore).filter(s -> s != null).toList();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    private static double sd(List<Double> values) {
        double m = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }

    private static double pearson(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static Hierarchy.Unit unit(String id, String parent, String leader, String... children) {
        return new Hierarchy.Unit(id, parent, leader, List.of(children), 0);
    }

    private static Hierarchy tree(Hierarchy.Unit... units) {
        return new Hierarchy("tree.csv", "team", List.of(units));
    }
}
