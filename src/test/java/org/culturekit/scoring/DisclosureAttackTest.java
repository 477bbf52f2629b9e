package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Reporting;
import org.culturekit.model.Response;
import org.culturekit.model.SayDoPair;
import org.culturekit.model.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attacks on the disclosure rules, as a reader who holds every output and knows the raw data would make them.
 * An independent checker here, not the engine, lists every published cell with its respondents from the raw
 * responses and fails on a cell under the minimum, on two cells of one measure that differ by 1 to k − 1
 * people, and on hidden groups of a segment that add up to 1 to k − 1.
 */
class DisclosureAttackTest {
    private static final int K = 5;

    /** team, location (overlapping teams), level (leaders: Lead, Manager). */
    static final Questionnaire QUESTIONNAIRE = new Questionnaire("attack", "Attack", "1", "en",
            List.of(Fixtures.AGREE, Fixtures.LIKELIHOOD),
            List.of(new Item("a1", "A one", "agree5", false, List.of()),
                    new Item("a2", "A two", "agree5", true, List.of()),
                    new Item("s1", "Say", "agree5", false, List.of()),
                    new Item("d1", "Do", "agree5", false, List.of()),
                    new Item("nps", "Recommend", "likelihood", false, List.of())),
            List.of(new Index("a", "Index A", List.of("a1", "a2"),
                    List.of(new Band(OptionalDouble.of(50), "Low"), new Band(OptionalDouble.empty(), "High")),
                    List.of())),
            List.of(new SayDoPair("p", "Pair", "s1", "d1")),
            Optional.of("nps"),
            List.of(new Segment("team", List.of("Team"), List.of(), Map.of()),
                    new Segment("location", List.of("Location"), List.of(), Map.of()),
                    new Segment("level", List.of("Level"), List.of("Lead", "Manager"), Map.of())),
            Optional.empty(), List.of(), new Reporting(K, 10));

    static Stream<Long> seeds() {
        return java.util.stream.LongStream.range(0, 300).boxed();
    }

    /** A random survey whose segments overlap almost but not quite, with small groups and sparse answers. */
    static List<Response> survey(SplittableRandom random) {
        int n = K + random.nextInt(60);
        int teams = 2 + random.nextInt(5);
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int team = Math.min(teams - 1, (int) Math.floor(Math.sqrt(random.nextInt(teams * teams))));
            // a location is mostly a team, sometimes its neighbour's: overlaps that differ by a person or two
            int location = random.nextInt(8) == 0 ? (team + 1) % teams : team;
            String level = random.nextInt(6) == 0 ? "Lead" : random.nextInt(12) == 0 ? "Manager"
                    : random.nextInt(25) == 0 ? "" : "Member";
            int[] answers = new int[5];
            for (int i = 0; i < 4; i++) {
                answers[i] = random.nextInt(i == 1 ? 3 : 8) == 0 ? Response.MISSING : 1 + random.nextInt(5);
            }
            answers[4] = random.nextInt(5) == 0 ? Response.MISSING : random.nextInt(11);
            responses.add(new Response("attack.csv", r + 2, answers,
                    List.of("T" + team, "L" + location, level), List.of()));
        }
        return responses;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noPublishedCellNorDifferenceOfCellsCoversFewerThanTheMinimum(long seed) {
        List<Response> responses = survey(new SplittableRandom(seed));
        // half the seeds through accumulators split and merged, with a cell cap, as the parallel reader does; the
        // cap of 2 is a unit-test setting Scoring.run does not offer, so the accumulators are driven here
        Results results;
        if (seed % 2 == 0) {
            results = Scorer.score(QUESTIONNAIRE, responses);
        } else {
            Accumulator whole = new Accumulator(QUESTIONNAIRE, 2);
            Accumulator part = whole.part();
            for (int r = 0; r < responses.size(); r++) {
                (r % 3 == 0 ? part : whole).add(responses.get(r));
            }
            whole.merge(part);
            results = whole.results();
        }
        try {
            new Checker(responses, results).check();
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aLateResponseChangesNoShownFigureByFewerThanTheMinimum(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Response> first = survey(random);
        List<Response> second = new ArrayList<>(first);
        second.add(survey(random).get(0));
        Results then = Scorer.score(QUESTIONNAIRE, first).withWave("2026-Q4");
        Results now = Scorer.score(QUESTIONNAIRE, second).withWave("2026-Q4");
        Changes changes = Changes.between(then, now, K);
        // one response more: a change over a set that grew by it would isolate it; one over the same set is safe
        for (Changes.GroupChange group : changes.groups()) {
            assertEquals(cellN(then, group), cellN(now, group), "seed " + seed + ": " + group);
        }
        if (changes.indices().get(0).comparable()) {
            assertEquals(Fixtures.shown(then.indices().get(0).figures()).n(),
                    Fixtures.shown(now.indices().get(0).figures()).n(), "seed " + seed);
        }
        if (changes.pairs().get(changes.pairs().size() - 1).comparable()) {
            assertEquals(Fixtures.shown(then.sayDo().overall()).n(), Fixtures.shown(now.sayDo().overall()).n(),
                    "seed " + seed);
        }
        if (changes.enps().comparable()) {
            assertEquals(Fixtures.shown(then.enps()).n(), Fixtures.shown(now.enps()).n(), "seed " + seed);
        }
    }

    private static long cellN(Results results, Changes.GroupChange change) {
        return results.segments().stream().filter(s -> s.id().equals(change.segment()))
                .flatMap(s -> s.groups().stream()).filter(g -> g.value().equals(change.group()))
                .flatMap(g -> g.indices().stream()).filter(c -> c.id().equals(change.change().id()))
                .map(c -> Fixtures.shown(c.figures()).n()).findFirst().orElseThrow();
    }

    // ---- the four attacks of issue 21, by name ----

    private static Response person(String team, String location, String level, int a1) {
        return new Response("attack.csv", 2, new int[] {a1, 3, 4, 2, 8}, List.of(team, location, level), List.of());
    }

    @Test
    void berlinIsAlphaPlusOneSoTheyAreNotBothShown() {
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            responses.add(person("Alpha", "Berlin", "Member", 2 + r % 3));
        }
        responses.add(person("Beta", "Berlin", "Member", 5)); // the person the attacker wants
        for (int r = 0; r < 10; r++) {
            responses.add(person("Beta", "Paris", "Member", 1 + r % 5));
        }
        Results results = Scorer.score(QUESTIONNAIRE, responses);
        boolean alpha = shown(results, "team", "Alpha");
        boolean berlin = shown(results, "location", "Berlin");
        assertFalse(alpha && berlin, "9 × Berlin − 8 × Alpha is one person's answers");
        assertTrue(berlin, "the larger of the two stays");
        new Checker(responses, results).check();
    }

    @Test
    void leadersVersusEveryoneElseCannotBeSubtractedFromTheShownLeaderGroup() {
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            responses.add(person("T" + r % 4, "L" + r % 4, "Lead", 1 + r % 5));
        }
        responses.add(person("T0", "L0", "Manager", 5));
        responses.add(person("T1", "L1", "Manager", 1));
        for (int r = 0; r < 30; r++) {
            responses.add(person("T" + r % 4, "L" + r % 4, "Member", 1 + r % 5));
        }
        Results results = Scorer.score(QUESTIONNAIRE, responses);
        boolean leaderGroup = shown(results, "level", "Lead");
        boolean perception = !results.perceptionGap().get(0).figures().suppressed();
        assertFalse(leaderGroup && perception, "leaders (22) − Lead (20) is the two managers");
        new Checker(responses, results).check();
    }

    @Test
    void anItemOrEnpsAnsweredByTwoShowsNothingNotEvenItsCount() {
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            int[] answers = {1 + r % 5, r < 2 ? 4 : Response.MISSING, 3, 3, r < 2 ? 10 : Response.MISSING};
            responses.add(new Response("attack.csv", r + 2, answers, List.of("T", "L", "Member"), List.of()));
        }
        Results results = Scorer.score(QUESTIONNAIRE, responses);
        Results.ItemResult a2 = results.indices().get(0).items().get(1);
        assertEquals(new Results.ItemResult("a2", Results.Cell.withheld()), a2);
        assertEquals(Results.Cell.withheld(), results.enps());
        assertEquals(null, Fixtures.shown(results.indices().get(0).figures()).favorable(),
                "pooled over a1 and a2, less a1, would be a2");
        new Checker(responses, results).check();
    }

    @Test
    void agreementUsesOnlyShownGroupsAndSaysWhich() {
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < 50; r++) {
            responses.add(person("T" + r % 5, "L", "Member", 1 + (r * 7) % 5));
        }
        responses.add(person("Small", "L", "Member", 5));
        responses.add(person("Small", "L", "Member", 4));
        Results results = Scorer.score(QUESTIONNAIRE, responses);
        Results.Agreement agreement = results.segments().get(0).agreement().get(0);
        assertFalse(shown(results, "team", "Small"));
        // the complement and insider rules hide two more teams with Small, so three of the five large remain
        long shownTeams = results.segments().get(0).groups().stream().filter(g -> !g.suppressed()).count();
        assertEquals(3, shownTeams);
        assertEquals(shownTeams, agreement.groups());
        assertEquals(shownTeams * 10, agreement.n());
        // ICC(1) over exactly the shown teams, from their raw scores (one-way ANOVA written out here)
        List<String> shownValues = results.segments().get(0).groups().stream().filter(g -> !g.suppressed())
                .map(Results.Group::value).toList();
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (Response response : responses) {
            String team = response.segments().get(0);
            if (shownValues.contains(team)) {
                double keyed2 = 6 - response.rawAnswer(1);
                scores.computeIfAbsent(team, t -> new ArrayList<>()).add((response.rawAnswer(0) + keyed2) / 2);
            }
        }
        double[] icc = icc(scores);
        assertEquals(icc[0], agreement.icc1(), 1e-9);
        assertEquals(icc[1], agreement.icc2(), 1e-9);
    }

    /** ICC(1) and ICC(2) of a one-way ANOVA, as {@code multilevel::ICC1/ICC2}. */
    private static double[] icc(Map<String, List<Double>> groups) {
        double total = 0;
        int n = 0;
        for (List<Double> g : groups.values()) {
            for (double v : g) {
                total += v;
                n++;
            }
        }
        double grand = total / n;
        double between = 0;
        double within = 0;
        for (List<Double> g : groups.values()) {
            double mean = g.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            between += g.size() * (mean - grand) * (mean - grand);
            for (double v : g) {
                within += (v - mean) * (v - mean);
            }
        }
        int j = groups.size();
        double msb = between / (j - 1);
        double msw = within / (n - j);
        double nbar = (double) n / j;
        return new double[] {(msb - msw) / (msb + (nbar - 1) * msw), (msb - msw) / msb};
    }

    private static boolean shown(Results results, String segment, String value) {
        return results.segments().stream().filter(s -> s.id().equals(segment)).flatMap(s -> s.groups().stream())
                .filter(g -> g.value().equals(value)).anyMatch(g -> !g.suppressed());
    }

    /** The independent checker: published cells as sets of respondents, from the raw responses. */
    static final class Checker {
        private final List<Response> responses;
        private final Results results;
        /** measure → published cells (name → respondents). */
        private final Map<String, Map<String, Set<Integer>>> published = new LinkedHashMap<>();
        /** The units of an organisation tree published in the same run, or null; their tree's segment is the first. */
        private Units units;

        Checker(List<Response> responses, Results results) {
            this.responses = responses;
            this.results = results;
        }

        /** Checks the units' reports too, as publications of the same run. */
        Checker withUnits(Units value) {
            units = value;
            return this;
        }

        private Set<Integer> who(Predicate<Response> test) {
            Set<Integer> set = new HashSet<>();
            IntStream.range(0, responses.size()).filter(i -> test.test(responses.get(i))).forEach(set::add);
            return set;
        }

        private static boolean answered(Response r, int item) {
            return Response.isValue(r.rawAnswer(item));
        }

        private static boolean leader(Response r) {
            String level = r.segments().get(2).strip();
            return level.equalsIgnoreCase("Lead") || level.equalsIgnoreCase("Manager");
        }

        /** Each measure's respondents: those who answered what its figures are computed from. */
        private final Map<String, Predicate<Response>> measures = new LinkedHashMap<>();

        private void publish(String measure, String cell, Set<Integer> members) {
            published.computeIfAbsent(measure, m -> new LinkedHashMap<>()).put(cell, members);
        }

        void check() {
            Predicate<Response> index = r -> answered(r, 0) || answered(r, 1);
            Predicate<Response> gap = r -> answered(r, 2) && answered(r, 3);
            Predicate<Response> enps = r -> answered(r, 4);
            measures.put("respondents", r -> true);
            measures.put("index", index);
            measures.put("gap", gap);
            measures.put("pair", gap);
            measures.put("enps", enps);
            measures.put("driver", index.and(enps));
            for (int j = 0; j < results.indices().get(0).items().size(); j++) {
                int item = j;
                measures.put("item " + j, r -> answered(r, item));
            }
            publish("respondents", "everyone", who(r -> true));
            publishWhole("everyone", results, r -> true, index, gap, enps);
            if (!results.perceptionGap().get(0).figures().suppressed()) {
                publish("index", "leaders", who(index.and(Checker::leader)));
                publish("index", "others", who(index.and(r -> !leader(r))));
            }
            for (int s = 0; s < results.segments().size(); s++) {
                int segment = s;
                for (Results.Group group : results.segments().get(s).groups()) {
                    String label = group.value().equals(ResultsBuilder.NOT_GIVEN) ? "" : group.value();
                    Predicate<Response> in = r -> r.segments().get(segment).strip().equals(label);
                    String name = results.segments().get(s).id() + "=" + group.value();
                    if (group.suppressed()) {
                        continue;
                    }
                    publish("respondents", name, who(in));
                    if (!group.indices().get(0).figures().suppressed()) {
                        publish("index", name, who(in.and(index)));
                    }
                    if (!group.sayDo().suppressed()) {
                        publish("gap", name, who(in.and(gap)));
                    }
                    if (!group.enps().suppressed()) {
                        publish("enps", name, who(in.and(enps)));
                    }
                }
            }
            if (units != null) {
                publishUnits(index, gap, enps);
            }
            published.forEach((measure, cells) -> {
                if (units != null) {
                    checkChildren(measure, cells);
                }
                List<String> names = new ArrayList<>(cells.keySet());
                for (int i = 0; i < names.size(); i++) {
                    Set<Integer> x = cells.get(names.get(i));
                    if (x.size() < K) {
                        fail(measure + " of " + names.get(i) + " is shown over " + x.size() + " respondents");
                    }
                    for (int j = i + 1; j < names.size(); j++) {
                        Set<Integer> y = cells.get(names.get(j));
                        int onlyX = difference(x, y);
                        int onlyY = difference(y, x);
                        if (small(onlyX) || small(onlyY)) {
                            fail(measure + ": " + names.get(i) + " and " + names.get(j) + " differ by " + onlyX
                                    + " and " + onlyY + " respondents");
                        }
                    }
                }
                // the shown groups of a segment leave 0 or at least k of everyone unshown
                Set<Integer> everyone = cells.get("everyone");
                for (Results.SegmentResult segment : results.segments()) {
                    if (everyone == null) {
                        continue;
                    }
                    Set<Integer> rest = new HashSet<>(everyone);
                    cells.forEach((name, members) -> {
                        if (name.startsWith(segment.id() + "=")) {
                            rest.removeAll(members);
                        }
                    });
                    // a hidden group whose very respondents are published under another name is shown
                    int position = results.segments().indexOf(segment);
                    Predicate<Response> answeredIt = measures.get(measure);
                    responses.stream().map(r -> r.segments().get(position).strip()).distinct().forEach(label -> {
                        Set<Integer> group = who(answeredIt.and(r -> r.segments().get(position).strip().equals(label)));
                        if (cells.containsValue(group)) {
                            rest.removeAll(group);
                        }
                    });
                    if (small(rest.size())) {
                        fail(measure + ": the hidden groups of " + segment.id() + " add up to " + rest.size());
                    }
                }
            });
        }

        /** The figures everyone and every unit show over a whole population: items, say-do, eNPS, drivers. */
        private void publishWhole(String name, Results of, Predicate<Response> in, Predicate<Response> index,
                Predicate<Response> gap, Predicate<Response> enps) {
            Results.IndexResult a = of.indices().get(0);
            if (!a.figures().suppressed()) {
                publish("index", name, who(in.and(index)));
            }
            for (int j = 0; j < a.items().size(); j++) {
                int item = j;
                if (!a.items().get(j).figures().suppressed()) {
                    publish("item " + j, name, who(in.and(r -> answered(r, item))));
                }
            }
            if (!of.sayDo().overall().suppressed()) {
                publish("gap", name, who(in.and(gap)));
            }
            if (!of.sayDo().pairs().get(0).figures().suppressed()) {
                publish("pair", name, who(in.and(gap)));
            }
            if (!of.enps().suppressed()) {
                publish("enps", name, who(in.and(enps)));
            }
            if (!of.drivers().get(0).figures().suppressed()) {
                publish("driver", name, who(in.and(index).and(enps)));
            }
        }

        /** Every published unit's figures, and its child units as its groups. */
        private void publishUnits(Predicate<Response> index, Predicate<Response> gap, Predicate<Response> enps) {
            for (Units.Unit unit : units.units()) {
                if (!unit.published()) {
                    continue;
                }
                Set<String> leaves = Set.copyOf(units.hierarchy().leavesUnder(unit.unit().id()));
                Predicate<Response> in = r -> leaves.contains(r.segments().get(0).strip());
                String name = "unit " + unit.unit().id();
                publish("respondents", name, who(in));
                publishWhole(name, unit.results(), in, index, gap, enps);
                for (Results.Group child : unit.results().segments().get(0).groups()) {
                    assertEquals(!child.suppressed(), units.units().stream()
                            .anyMatch(u -> u.unit().id().equals(child.value()) && u.published()),
                            "child " + child.value() + " of " + name + " is shown as it is published");
                }
            }
        }

        /** A published unit less its published child units leaves 0 or at least k. */
        private void checkChildren(String measure, Map<String, Set<Integer>> cells) {
            for (Units.Unit unit : units.units()) {
                Set<Integer> parent = cells.get("unit " + unit.unit().id());
                if (parent == null || unit.unit().children().isEmpty()) {
                    continue;
                }
                Set<Integer> rest = new HashSet<>(parent);
                unit.unit().children().forEach(child -> {
                    Set<Integer> shown = cells.get("unit " + child);
                    if (shown != null) {
                        rest.removeAll(shown);
                    }
                });
                if (small(rest.size())) {
                    fail(measure + ": unit " + unit.unit().id() + " less its published children is " + rest.size());
                }
            }
        }

        private static int difference(Set<Integer> a, Set<Integer> b) {
            int count = 0;
            for (int member : a) {
                if (!b.contains(member)) {
                    count++;
                }
            }
            return count;
        }

        private static boolean small(int size) {
            return size >= 1 && size < K;
        }
    }
}
