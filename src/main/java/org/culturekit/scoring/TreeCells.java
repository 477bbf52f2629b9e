package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Hierarchy;

/**
 * The units of an organisation tree as cells of the disclosure rules ({@link Disclosure}): one partition of
 * everyone per level of the tree. Level d holds the units at depth d, each leaf shallower than d once more (so
 * that every level covers everyone; a copy is the same respondents, which the rules keep shown or hidden
 * together), and the respondents in no unit of the tree ("nowhere"), which no report shows as a unit. With the
 * rules across partitions, a parent less its published children is then 0 or at least k, at every depth.
 *
 * <p>Cells are numbered from {@code first}, level by level; within a level the units come in the tree's order,
 * the nowhere cell last.
 */
final class TreeCells {
    private final Hierarchy tree;
    private final int first;
    /** Per level, per leaf (in {@link #leaves} order): the cell the leaf's respondents are in. */
    private final int[][] cellOf;
    /** Per level: the cell of the respondents in no unit. */
    private final int[] nowhere;
    /** Per cell from {@code first}: its level. */
    private final List<Integer> level = new ArrayList<>();
    /** Each unit's own cell, at its own depth. */
    private final Map<String, Integer> unitCell = new HashMap<>();
    final List<String> leaves;
    private final Map<String, Integer> leafIndex = new HashMap<>();

    TreeCells(Hierarchy tree, int first) {
        this.tree = tree;
        this.first = first;
        leaves = tree.leaves().stream().map(Hierarchy.Unit::id).toList();
        for (int i = 0; i < leaves.size(); i++) {
            leafIndex.put(leaves.get(i), i);
        }
        Map<String, Integer> depth = new HashMap<>();
        int deepest = 0;
        for (Hierarchy.Unit unit : tree.units()) {
            int d = unit.isRoot() ? 0 : depth.get(unit.parent()) + 1;
            depth.put(unit.id(), d);
            deepest = Math.max(deepest, d);
        }
        // root first; walked with one index of the units, as a tree may have many thousands
        Map<String, Hierarchy.Unit> byId = tree.byId();
        List<List<String>> paths = new ArrayList<>();
        for (String leaf : leaves) {
            List<String> path = new ArrayList<>();
            for (Hierarchy.Unit unit = byId.get(leaf); unit != null; unit = byId.get(unit.parent())) {
                path.add(unit.id());
            }
            Collections.reverse(path);
            paths.add(path);
        }
        cellOf = new int[deepest + 1][leaves.size()];
        nowhere = new int[deepest + 1];
        int next = first;
        for (int d = 0; d <= deepest; d++) {
            Map<String, Integer> atLevel = new HashMap<>();
            for (Hierarchy.Unit unit : tree.units()) {
                if (depth.get(unit.id()) == d || (unit.isLeaf() && depth.get(unit.id()) < d)) {
                    atLevel.put(unit.id(), next++);
                    level.add(d);
                    if (depth.get(unit.id()) == d) {
                        unitCell.put(unit.id(), atLevel.get(unit.id()));
                    }
                }
            }
            nowhere[d] = next++;
            level.add(d);
            for (int i = 0; i < leaves.size(); i++) {
                List<String> path = paths.get(i);
                cellOf[d][i] = atLevel.get(path.get(Math.min(d, path.size() - 1)));
            }
        }
    }

    /** How many cells, from {@code first}. */
    int count() {
        return level.size();
    }

    /** The partition of cell {@code first + i}, counted from 0 at the first level. */
    int level(int i) {
        return level.get(i);
    }

    int levels() {
        return nowhere.length;
    }

    /** The leaf named {@code label}, or −1 for a group the tree does not name. */
    int leaf(String label) {
        return leafIndex.getOrDefault(label, -1);
    }

    /** The cells, one per level, of the respondents of leaf {@code leaf} (−1: in no unit). */
    int[] cells(int leaf) {
        int[] cells = new int[levels()];
        for (int d = 0; d < cells.length; d++) {
            cells[d] = leaf < 0 ? nowhere[d] : cellOf[d][leaf];
        }
        return cells;
    }

    /** The nowhere cells, one per level. */
    int[] nowhere() {
        return nowhere.clone();
    }

    /** The cell that decides whether unit {@code id} is shown. */
    int cell(String id) {
        return unitCell.get(id);
    }

    int first() {
        return first;
    }

    Hierarchy tree() {
        return tree;
    }
}
