package org.culturekit.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Hierarchy;

/**
 * Per leaf of an organisation tree, the sums only a whole population needs ({@link Totals}: items, their
 * covariances, drivers, say-and-do), filled in the same pass as everything else: a respondent adds to the leaf
 * of its group, and a unit's sums are its leaves' added up. The leaves' other sums are their groups' tallies of
 * the tree's segment, which the accumulator keeps anyway.
 */
final class UnitSums {
    private final Plan plan;
    final Hierarchy tree;
    /** The position of the tree's segment. */
    final int segment;
    final List<String> leaves;
    private final Map<String, Integer> leafOf;
    /** Each value as read and its leaf (−1 for none): a hash lookup per row, as the accumulator's groups. */
    private final Map<String, Integer> byValue = new HashMap<>();
    /** Per leaf, null until a respondent of it is added. */
    final Totals[] totals;

    UnitSums(Plan plan, Hierarchy tree) {
        this.plan = plan;
        this.tree = tree;
        segment = plan.questionnaire.segments().stream().map(s -> s.id()).toList().indexOf(tree.segment());
        if (segment < 0) {
            throw new IllegalArgumentException("the tree's segment " + tree.segment() + " is not the survey's");
        }
        leaves = tree.leaves().stream().map(Hierarchy.Unit::id).toList();
        leafOf = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            leafOf.put(leaves.get(i), i);
        }
        totals = new Totals[leaves.size()];
    }

    private UnitSums(UnitSums like) {
        plan = like.plan;
        tree = like.tree;
        segment = like.segment;
        leaves = like.leaves;
        leafOf = like.leafOf;
        totals = new Totals[leaves.size()];
    }

    /** Empty sums of the same tree, for a share of the rows. */
    UnitSums part() {
        return new UnitSums(this);
    }

    void add(Observation observation, String[] segmentValues) {
        String value = segmentValues[segment];
        Integer leaf = byValue.get(value);
        if (leaf == null) {
            leaf = leafOf.getOrDefault(value.strip(), -1);
            byValue.put(value, leaf);
        }
        if (leaf >= 0) {
            if (totals[leaf] == null) {
                totals[leaf] = new Totals(plan);
            }
            totals[leaf].add(observation);
        }
    }

    void merge(UnitSums other) {
        for (int i = 0; i < totals.length; i++) {
            if (other.totals[i] != null) {
                if (totals[i] == null) {
                    totals[i] = new Totals(plan);
                }
                totals[i].merge(other.totals[i]);
            }
        }
    }
}
