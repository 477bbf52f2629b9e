package org.culturekit.outcomes;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.culturekit.export.table.Table;
import org.culturekit.input.Excerpt;
import org.culturekit.input.InputException;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Segment;

/**
 * Reads the organisation tree of {@code report --hierarchy FILE} (docs/reports.md): a CSV in any encoding and
 * delimiter the export reader takes, or the first sheet of an .xlsx workbook, headed
 * {@code <segment-id>,parent[,leader]}, one row per unit; and checks it is one tree, whose leaves are the
 * segment's groups.
 *
 * <p>Bounded like {@link InvitedReader} ({@link #MAX_UNITS}, {@link #MAX_LEVELS}, cells of at most
 * {@link OutcomeReader#MAX_CELL} characters), and every problem is reported with its line and column, up to
 * {@link OutcomeReader#MAX_PROBLEMS} at once.
 */
public final class HierarchyReader {
    static final String PARENT = "parent";
    static final String LEADER = "leader";

    /** Far more units than any organisation's tree the reports are for has, few enough to check at once. */
    static final int MAX_UNITS = 100_000;

    /** Deeper than any real organisation (Viva Glint stops at 25), shallow enough for a readable path. */
    static final int MAX_LEVELS = 50;

    /** How many groups, units or lines a message names before "and N more". */
    private static final int LISTED = 20;

    private final String file;
    private final FileProblems problems;

    private HierarchyReader(String file) {
        this.file = file;
        this.problems = new FileProblems(file);
    }

    /** One row of the file, before the tree is built. */
    private record Row(long line, String id, String parent, String leader) {}

    /**
     * Reads {@code path} and checks it on its own: the header, each row, that the rows make one tree, and, when
     * the questionnaire lists the segment's values, that every leaf is one of its groups. The units are the
     * cells trimmed, compared exactly, as {@link InvitedReader} compares groups with the reports' labels.
     *
     * @param encoding the encoding when the file has no byte-order mark, or null for UTF-8
     * @throws InputException listing every problem found, each with its line and column
     */
    public static Hierarchy read(Path path, Questionnaire questionnaire, Charset encoding) {
        try (Table table = OutcomeReader.open(path, encoding, "--hierarchy takes a CSV file headed "
                + "<segment>,parent[,leader] with one row per unit")) {
            return new HierarchyReader(path.toString()).read(table, questionnaire);
        }
    }

    private Hierarchy read(Table table, Questionnaire questionnaire) {
        Table.Row header = table.next();
        if (header == null) {
            throw new InputException(file, "is empty; the first row is <segment>,parent[,leader] (for example "
                    + "team,parent,leader), each further row one unit, its parent unit (blank for the top one) and "
                    + "optionally its leader");
        }
        Segment segment = header(header, questionnaire);
        int width = header.cells().size();
        Map<String, Row> rows = new LinkedHashMap<>();
        Set<String> refused = new HashSet<>();
        Table.Row row;
        while ((row = table.next()) != null && !problems.full()) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() == MAX_UNITS) {
                problem(row.line(), 0, "has more than " + MAX_UNITS + " units; the file holds one row per unit of "
                        + "one organisation: check that this is the right file");
                break;
            }
            Row read = row(row, segment.id(), width, table.omitsTrailingEmptyCells());
            if (read == null) {
                refused.add(cell(row.cells(), 0));
                continue;
            }
            Row first = rows.putIfAbsent(read.id(), read);
            if (first != null) {
                twice(first, read);
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problem(header.line(), 0, "has a header but no rows; add one row per unit");
        }
        Row root = null;
        if (!problems.full()) {
            parents(rows, refused);
            root = root(rows, header.line(), refused.isEmpty());
            cycles(rows);
        }
        // the leaves are checked once the rows make one tree: before, a misspelt parent would make its unit a leaf
        throwProblems();
        Hierarchy tree = tree(rows, root, segment.id());
        depth(tree);
        leaves(tree, segment, questionnaire);
        throwProblems();
        return tree;
    }

    /** The segment the header names; anything else in the header is a problem. */
    private Segment header(Table.Row header, Questionnaire questionnaire) {
        List<String> cells = header.cells().stream().map(String::strip).toList();
        long line = header.line();
        Segment segment = questionnaire.segments().stream().filter(s -> s.id().equalsIgnoreCase(cells.get(0)))
                .findFirst().orElse(null);
        if (segment == null) {
            problem(line, 1, "the first column's header " + Excerpt.of(cells.get(0)) + " is not a segment of "
                    + "questionnaire '" + questionnaire.id() + "'; head it with the segment whose groups the leaves "
                    + "are: one of " + String.join(", ", questionnaire.segments().stream().map(Segment::id).toList()));
        }
        if (cells.size() < 2 || !cells.get(1).equalsIgnoreCase(PARENT)) {
            problem(line, 2, "the second column must be headed " + PARENT + (cells.size() < 2 ? ""
                    : ", not " + Excerpt.of(cells.get(1))) + "; the header is <segment>,parent[,leader]");
        }
        if (cells.size() > 2 && !cells.get(2).equalsIgnoreCase(LEADER)) {
            problem(line, 3, "the third column, when there is one, must be headed " + LEADER + ", not "
                    + Excerpt.of(cells.get(2)) + "; the header is <segment>,parent[,leader]");
        }
        if (cells.size() > 3) {
            problem(line, 4, "has " + cells.size() + " columns; the file has two or three, "
                    + "<segment>,parent[,leader]");
        }
        throwProblems();
        return segment;
    }

    /** The row's unit, or null when it has a problem (then it is noted). */
    private Row row(Table.Row row, String segment, int width, boolean mayBeShort) {
        List<String> cells = row.cells();
        if (cells.size() > width || (cells.size() < width && !mayBeShort)) {
            problem(row.line(), Math.min(cells.size(), width) + 1, "has " + cells.size()
                    + (cells.size() == 1 ? " cell" : " cells") + " but the header has " + width + "; every row is one unit, its parent" + (width == 3 ? " and its leader" : ""));
            return null;
        }
        boolean fits = true;
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c).length() > OutcomeReader.MAX_CELL) {
                problem(row.line(), c + 1, "has more than " + OutcomeReader.MAX_CELL + " characters; a unit's "
                        + "name and its leader's are short");
                fits = false;
            }
        }
        String id = cell(cells, 0);
        if (id.isEmpty()) {
            problem(row.line(), 1, "no unit in the first column; every row is one unit: a " + segment
                    + " group, or a unit above such groups");
        }
        String parent = cell(cells, 1);
        String leader = cell(cells, 2);
        return id.isEmpty() || !fits ? null
                : new Row(row.line(), id, parent.isEmpty() ? null : parent, leader.isEmpty() ? null : leader);
    }

    /** Cell {@code c} trimmed, as the reports show group labels; "" when the row stops before it. */
    private static String cell(List<String> cells, int c) {
        return c < cells.size() ? cells.get(c).strip() : "";
    }

    private void twice(Row first, Row again) {
        if (Objects.equals(first.parent(), again.parent())) {
            problem(again.line(), 1, "unit " + Excerpt.of(again.id()) + " is listed twice, on lines " + first.line()
                    + " and " + again.line() + "; give each unit one row");
        } else {
            problem(again.line(), 2, "unit " + Excerpt.of(again.id()) + " has two parents: " + named(first.parent())
                    + " on line " + first.line() + " and " + named(again.parent()) + " on line " + again.line()
                    + "; a unit has one parent, so keep one of the rows");
        }
    }

    private static String named(String parent) {
        return parent == null ? "none (the top unit)" : Excerpt.of(parent);
    }

    /**
     * Notes every parent that is not a unit of the file; a unit whose row was refused is not noted again as its
     * children's parent.
     */
    private void parents(Map<String, Row> rows, Set<String> refused) {
        for (Row row : rows.values()) {
            if (row.parent() != null && !rows.containsKey(row.parent()) && !refused.contains(row.parent())) {
                problem(row.line(), 2, "parent " + Excerpt.of(row.parent()) + " is not a unit of this file; give it "
                        + "a row of its own (with its parent, blank for the top unit), or correct the spelling");
            }
        }
    }

    /**
     * The one row with a blank parent, or null when there is none or more than one (then it is noted, unless
     * the top unit's row may be one of those refused).
     */
    private Row root(Map<String, Row> rows, long headerLine, boolean allRead) {
        List<Row> roots = rows.values().stream().filter(row -> row.parent() == null).toList();
        if (roots.isEmpty() && !rows.isEmpty() && allRead) {
            problem(headerLine, 2, "no unit has a blank parent, so the tree has no top unit; leave the parent of "
                    + "the top unit (the whole organisation) blank");
        } else if (roots.size() > 1) {
            problem(roots.get(1).line(), 2, "has " + roots.size() + " units with a blank parent, on lines "
                    + lines(roots) + "; the tree has one top unit: give the others their parent");
        }
        return roots.size() == 1 ? roots.get(0) : null;
    }

    /**
     * Notes every cycle of parents: units that are each other's parents reach no top unit. Following each unit's
     * parents once, a unit met again on the same walk closes a cycle; units below a cycle are not noted, as
     * mending the cycle mends them.
     */
    private void cycles(Map<String, Row> rows) {
        Set<String> done = new HashSet<>();
        for (Row start : rows.values()) {
            Map<String, Row> walk = new LinkedHashMap<>();
            Row row = start;
            while (row != null && !done.contains(row.id()) && walk.putIfAbsent(row.id(), row) == null) {
                row = row.parent() == null ? null : rows.get(row.parent());
            }
            if (row != null && walk.containsKey(row.id())) {
                List<Row> cycle = new ArrayList<>();
                boolean in = false;
                for (Row step : walk.values()) {
                    in |= step.id().equals(row.id());
                    if (in) {
                        cycle.add(step);
                    }
                }
                cycle.sort(Comparator.comparingLong(Row::line));
                cycle(cycle);
            }
            done.addAll(walk.keySet());
        }
    }

    private void cycle(List<Row> cycle) {
        Row first = cycle.get(0);
        if (cycle.size() == 1) {
            problem(first.line(), 2, "unit " + Excerpt.of(first.id()) + " is its own parent; give it the unit above "
                    + "it, or leave the parent blank if it is the top unit");
            return;
        }
        List<String> named = cycle.stream().map(row -> Excerpt.of(row.id()) + " (line " + row.line() + ")").toList();
        problem(first.line(), 2, "units " + FileProblems.listed(named, LISTED) + " are each other's parents in a "
                + "cycle, so none of them reaches the top unit; give one of them a parent outside the cycle");
    }

    /** The units from the root down, depth-first, children in file order: a printed tree reads naturally. */
    private Hierarchy tree(Map<String, Row> rows, Row root, String segment) {
        Map<String, List<String>> children = new HashMap<>();
        rows.values().forEach(row -> children.put(row.id(), new ArrayList<>()));
        rows.values().stream().filter(row -> row.parent() != null)
                .forEach(row -> children.get(row.parent()).add(row.id()));
        List<Hierarchy.Unit> units = new ArrayList<>(rows.size());
        Deque<String> stack = new ArrayDeque<>(List.of(root.id()));
        while (!stack.isEmpty()) {
            Row row = rows.get(stack.pop());
            List<String> below = children.get(row.id());
            units.add(new Hierarchy.Unit(row.id(), row.parent(), row.leader(), below, row.line()));
            for (int i = below.size() - 1; i >= 0; i--) {
                stack.push(below.get(i));
            }
        }
        return new Hierarchy(file, segment, units);
    }

    /** Notes the first unit more than {@link #MAX_LEVELS} levels down, the top unit being level 1. */
    private void depth(Hierarchy tree) {
        Map<String, Integer> levels = new HashMap<>();
        for (Hierarchy.Unit unit : tree.units()) {
            int level = unit.isRoot() ? 1 : levels.get(unit.parent()) + 1;
            levels.put(unit.id(), level);
            if (level > MAX_LEVELS) {
                problem(unit.line(), 2, "unit " + Excerpt.of(unit.id()) + " is " + level + " levels down; a tree has "
                        + "at most " + MAX_LEVELS + " levels, the top unit being the first");
                return;
            }
        }
    }

    /**
     * Notes each leaf that is none of the segment's group labels, when the questionnaire lists them: a leaf is a
     * group the reports show, so any other name would have no respondents.
     */
    private void leaves(Hierarchy tree, Segment segment, Questionnaire questionnaire) {
        if (segment.values().isEmpty()) {
            return;
        }
        List<String> valid = segment.values().values().stream().map(String::strip).distinct().toList();
        Set<String> labels = new HashSet<>(valid);
        for (Hierarchy.Unit leaf : tree.leaves()) {
            if (labels.contains(leaf.id())) {
                continue;
            }
            String code = segment.values().get(leaf.id());
            String hint = code != null ? Excerpt.of(leaf.id()) + " is the code of " + Excerpt.of(code.strip())
                    + "; name the group as the reports do, by its label"
                    : "a leaf is one of its groups: " + FileProblems.listed(valid.stream().map(Excerpt::of).toList(), 5)
                    + "; correct the spelling, or give the unit child units";
            problem(leaf.line(), 1, "unknown leaf " + Excerpt.of(leaf.id()) + ": it has no child units, and it is "
                    + "not a " + segment.id() + " group of questionnaire '" + questionnaire.id() + "'; " + hint);
        }
    }

    /**
     * Checks the tree against the groups the survey has and returns the warnings: a survey group the tree does
     * not name rolls up to no unit (it counts in the organisation's report only); a survey group that names a
     * unit with child units is an error, as respondents belong to leaves and the unit's figures are its
     * subtree's. A leaf nobody answered from is fine: its unit has no respondents.
     *
     * @param groupSizes every group of the tree's segment that respondents gave, hidden or not, with how many
     *     were scored: for checking only, so no message gives a count
     * @throws InputException listing the survey groups that name units with child units, at their lines
     */
    public static List<String> check(Hierarchy tree, Map<String, Long> groupSizes) {
        HierarchyReader checker = new HierarchyReader(tree.file());
        Map<String, Hierarchy.Unit> units = tree.byId();
        List<String> nowhere = new ArrayList<>();
        for (String group : new TreeSet<>(groupSizes.keySet())) {
            Hierarchy.Unit unit = units.get(group);
            if (group.isEmpty()) {
                continue; // not given: in no group, so in no unit either
            }
            if (unit == null) {
                nowhere.add(Excerpt.of(group));
            } else if (!unit.isLeaf()) {
                checker.problem(unit.line(), 1, tree.segment() + " " + Excerpt.of(group) + " is a group of the survey "
                        + "but has child units here; respondents belong to leaves, so give them one: rename the unit "
                        + "(for example to " + Excerpt.of(group + " (all)") + ") and add the leaf " + Excerpt.of(group)
                        + " under it, or add a leaf such as " + Excerpt.of(group + " (direct)") + " under it and "
                        + "recode their " + tree.segment() + " to it in the export");
            }
        }
        checker.throwProblems();
        if (nowhere.isEmpty()) {
            return List.of();
        }
        return List.of(tree.file() + ": " + nowhere.size() + " " + tree.segment() + " group(s) of the survey are "
                + "not in the tree: " + FileProblems.listed(nowhere, LISTED) + "; they roll up to no unit and are in "
                + "the organisation's report only (check the spelling against the survey's)");
    }

    private static String lines(List<Row> rows) {
        return FileProblems.listed(rows.stream().map(row -> Long.toString(row.line())).toList(), LISTED);
    }

    private void problem(long line, int column, String message) {
        problems.add(line, column, message);
    }

    private void throwProblems() {
        problems.throwAny();
    }
}
