package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Segment;
import org.culturekit.scoring.Results.GroupIndex;

/**
 * Every unit's results, from its leaves' sums added up, under the decisions made for the whole run
 * (docs/privacy.md):
 *
 * <ul>
 *   <li>a unit's n, index, say-do and eNPS figures, and its child units', follow the disclosure rules run over
 *       the survey's segments and the tree's levels together ({@link TreeCells});
 *   <li>its items, say-do pairs and drivers, which only everyone and the units show, follow the same rules run
 *       over everyone and the tree's levels, per item, pair and driver.
 * </ul>
 */
final class UnitsBuilder {
    private final Plan plan;
    private final Tally everyone;
    private final Totals totals;
    /** The tree's segment's groups by label: the leaves' tallies, and those of groups the tree does not name. */
    private final Map<String, Tally> groups;
    private final UnitSums sums;
    private final TreeCells cells;
    private final boolean[][] hidden;
    private final int k;
    private final BiFunction<List<Tally>, IntFunction<boolean[]>, GroupIndex[][]> againstEveryone;
    private final Hierarchy tree;
    private final Map<String, Tally> tallyOf = new HashMap<>();
    private final Map<String, Totals> totalsOf = new HashMap<>();
    /** Per item (index by index), pair and driver, in that order: per cell of {@link #local}, whether hidden. */
    private boolean[][] restricted;
    /** How many items the indices have: the first of the pair measures of {@link #restricted}. */
    private final int items;

    UnitsBuilder(Plan plan, Tally everyone, Totals totals, Map<String, Tally> groups, UnitSums sums, TreeCells cells,
            boolean[][] hidden, int k, BiFunction<List<Tally>, IntFunction<boolean[]>, GroupIndex[][]> againstEveryone) {
        this.plan = plan;
        this.everyone = everyone;
        this.totals = totals;
        this.groups = groups;
        this.sums = sums;
        this.cells = cells;
        this.hidden = hidden;
        this.k = k;
        this.againstEveryone = againstEveryone;
        this.tree = cells.tree();
        items = plan.indices.stream().mapToInt(Plan.IndexPlan::size).sum();
    }

    Units build() {
        addUp();
        restricted = restrictedDecisions();
        Questionnaire unitQuestionnaire = unitQuestionnaire(plan.questionnaire, tree);
        Plan unitPlan = new Plan(unitQuestionnaire, plan.talliedPoints);
        Map<String, Results> results = new LinkedHashMap<>();
        for (Hierarchy.Unit unit : tree.units()) {
            if (!hidden[Measures.RESPONDENTS][cells.cell(unit.id())]) {
                Map<String, Tally> children = new LinkedHashMap<>();
                unit.children().forEach(child -> children.put(child, tallyOf.get(child)));
                results.put(unit.id(), new ResultsBuilder(unitPlan, tallyOf.get(unit.id()), totalsOf.get(unit.id()),
                        children, decided(unit)).build());
            }
        }
        Map<String, Results.GroupIndex[]> organisation = againstOrganisation(results);
        List<Units.Unit> units = new ArrayList<>();
        for (Hierarchy.Unit unit : tree.units()) {
            Results own = results.get(unit.id());
            List<Units.Comparison> comparisons = new ArrayList<>();
            if (own != null && !unit.isRoot()) {
                Results parent = results.get(unit.parent());
                if (parent != null) {
                    parent.segments().get(0).groups().stream().filter(g -> g.value().equals(unit.id())).findFirst()
                            .ifPresent(group -> comparisons.add(new Units.Comparison(Units.Against.PARENT,
                                    unit.parent(), group.indices())));
                }
                comparisons.add(new Units.Comparison(Units.Against.ORGANISATION, null,
                        List.of(organisation.get(unit.id()))));
            }
            units.add(new Units.Unit(unit, own, comparisons));
        }
        return new Units(tree, unitQuestionnaire, units, nowhere());
    }

    /**
     * Each unit's tally and totals: its leaves' added up, children before parents. A leaf's are its group's and
     * its own sums, not copies; a unit nobody under it answered from shares one empty pair, read only, so a tree
     * of thousands of empty leaves costs no memory per leaf.
     */
    private void addUp() {
        Tally noTally = new Tally(plan);
        Totals noTotals = new Totals(plan);
        List<Hierarchy.Unit> order = new ArrayList<>(tree.units());
        Collections.reverse(order);
        for (Hierarchy.Unit unit : order) {
            Tally tally = noTally;
            Totals sum = noTotals;
            if (unit.isLeaf()) {
                Totals leaf = sums.totals[cells.leaf(unit.id())];
                if (leaf != null) {
                    tally = groups.get(unit.id());
                    sum = leaf;
                }
            } else {
                for (String child : unit.children()) {
                    if (tallyOf.get(child) != noTally) {
                        if (tally == noTally) {
                            tally = new Tally(plan);
                            sum = new Totals(plan);
                        }
                        tally.merge(tallyOf.get(child));
                        sum.merge(totalsOf.get(child));
                    }
                }
            }
            tallyOf.put(unit.id(), tally);
            totalsOf.put(unit.id(), sum);
        }
    }

    /** The groups of the tree's segment that respondents gave and the tree does not name, sorted. */
    private List<String> nowhere() {
        TreeSet<String> names = new TreeSet<>();
        groups.forEach((label, tally) -> {
            if (cells.leaf(label) < 0 && tally.respondents > 0) {
                names.add(label.isEmpty() ? ResultsBuilder.NOT_GIVEN : label);
            }
        });
        return List.copyOf(names);
    }

    /** The decisions unit {@code unit}'s results are built under. */
    private ResultsBuilder.Decided decided(Hierarchy.Unit unit) {
        int cell = cells.cell(unit.id());
        int local = local(cell);
        int pairs = plan.pairs.size();
        return new ResultsBuilder.Decided() {
            @Override
            public boolean hidden(int m, String child) {
                return hidden[m][child == null ? cell : cells.cell(child)];
            }

            @Override
            public boolean itemHidden(int x, int j) {
                return restricted[itemMeasure(x, j)][local];
            }

            @Override
            public boolean pairHidden(int p) {
                return restricted[items + p][local];
            }

            @Override
            public boolean driverHidden(int x) {
                return restricted[items + pairs + x][local];
            }
        };
    }

    // ---- items, pairs and drivers: everyone and the tree's levels ----

    /** A tree cell's place among everyone (0) and the tree's cells. */
    private int local(int cell) {
        return cell - cells.first() + 1;
    }

    private int itemMeasure(int x, int j) {
        int before = 0;
        for (int i = 0; i < x; i++) {
            before += plan.indices.get(i).size();
        }
        return before + j;
    }

    /**
     * The rules run per item, pair and driver over everyone and the tree's levels: no segment shows these, so
     * the units are the only cells that can be set against each other.
     */
    private boolean[][] restrictedDecisions() {
        int pairs = plan.pairs.size();
        int measures = items + pairs + plan.indices.size();
        int count = 1 + cells.count();
        int[] partition = new int[count];
        for (int i = 1; i < count; i++) {
            partition[i] = 1 + cells.level(i - 1);
        }
        List<int[]> members = new ArrayList<>();
        for (int leaf = -1; leaf < cells.leaves.size(); leaf++) {
            int[] tree = cells.cells(leaf);
            int[] member = new int[1 + tree.length];
            for (int d = 0; d < tree.length; d++) {
                member[1 + d] = local(tree[d]);
            }
            members.add(member);
        }
        boolean[] before = new boolean[count];
        for (int i = 1; i < count; i++) {
            // a unit hidden as a whole shows none of these either
            before[i] = hidden[Measures.RESPONDENTS][cells.first() + i - 1];
        }
        boolean[][] result = new boolean[measures][];
        for (int m = 0; m < measures; m++) {
            long[] sizes = new long[cells.leaves.size()];
            long all = sizeOfEveryone(m, pairs);
            long inLeaves = 0;
            for (int leaf = 0; leaf < sizes.length; leaf++) {
                sizes[leaf] = sizeOfLeaf(m, pairs, leaf);
                inLeaves += sizes[leaf];
            }
            Disclosure.Overlaps overlaps = new Disclosure.Overlaps(count);
            overlaps.add(members.get(0), all - inLeaves);
            for (int leaf = 0; leaf < sizes.length; leaf++) {
                overlaps.add(members.get(leaf + 1), sizes[leaf]);
            }
            result[m] = Disclosure.hide(overlaps, partition, before, k);
        }
        return result;
    }

    private long sizeOfEveryone(int m, int pairs) {
        if (m < items) {
            int[] at = item(m);
            return totals.item(at[0], at[1]).n();
        }
        return m < items + pairs ? everyone.pairGap[m - items].n() : totals.driver[m - items - pairs].n();
    }

    private long sizeOfLeaf(int m, int pairs, int leaf) {
        String id = cells.leaves.get(leaf);
        if (m < items + pairs && m >= items) {
            Tally group = groups.get(id);
            return group == null ? 0 : group.pairGap[m - items].n();
        }
        Totals leafTotals = sums.totals[leaf];
        if (leafTotals == null) {
            return 0;
        }
        if (m < items) {
            int[] at = item(m);
            return leafTotals.item(at[0], at[1]).n();
        }
        return leafTotals.driver[m - items - pairs].n();
    }

    /** The index and item position of item measure {@code m}. */
    private int[] item(int m) {
        int x = 0;
        while (m >= plan.indices.get(x).size()) {
            m -= plan.indices.get(x).size();
            x++;
        }
        return new int[] {x, m};
    }

    // ---- against the organisation ----

    /** Each published unit but the root against everyone else, per index. */
    private Map<String, GroupIndex[]> againstOrganisation(Map<String, Results> published) {
        String root = tree.root().id();
        List<String> ids = published.keySet().stream().filter(id -> !id.equals(root)).toList();
        List<Tally> tallies = ids.stream().map(tallyOf::get).toList();
        GroupIndex[][] compared = againstEveryone.apply(tallies, m -> {
            boolean[] shown = new boolean[ids.size()];
            for (int i = 0; i < shown.length; i++) {
                shown[i] = !hidden[m][cells.cell(ids.get(i))];
            }
            return shown;
        });
        Map<String, GroupIndex[]> byUnit = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byUnit.put(ids.get(i), compared[i]);
        }
        return byUnit;
    }

    /**
     * The survey's questionnaire with its segments replaced by one, {@link Units#SEGMENT}, whose groups are child
     * units, shown in the tree's order.
     */
    static Questionnaire unitQuestionnaire(Questionnaire q, Hierarchy tree) {
        Map<String, String> values = new LinkedHashMap<>();
        tree.units().forEach(unit -> values.put(unit.id(), unit.id()));
        Segment units = new Segment(Units.SEGMENT, List.of(), List.of(), values);
        return new Questionnaire(q.id(), q.title(), q.version(), q.language(), q.scales(), q.items(), q.indices(),
                q.sayDo(), q.enps(), List.of(units), q.respondentId(), q.comments(), q.reporting());
    }
}
