package org.culturekit.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.culturekit.export.Platform.Column;
import org.culturekit.input.Excerpt;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Segment;

/**
 * Which column of an export holds each item, segment and the respondent id.
 *
 * <p>An item's candidates are its {@code columns} entries, its id and its question text (docs/questionnaires.md), compared
 * with a column's names (codes, ImportIds, texts) trimmed, case-insensitive, with markup and non-breaking spaces
 * folded. Only when no name matches exactly is a matrix decoration tried — the statement in
 * {@code Question - Statement}, {@code Question [Statement]}, {@code Statement:Question} or Microsoft Forms'
 * {@code Question.Statement}, or the last paragraph of a name that spans lines (a question after an intro
 * paragraph) — and then only if exactly one column has it. A {@code columns:} entry such as {@code "#12"} that is
 * no column's name names the column by its 1-based position: the way to pick one of two columns that share a
 * title, which is refused only when something needs that title.
 *
 * @param items column per item position, −1 when the file has none
 * @param segments column per segment position, −1 when the file has none
 * @param comments column per comment position, −1 when the file has none
 * @param respondentId column of the respondent id, −1 when none
 * @param columns every column of the file
 * @param warnings what the user should know about the mapping
 */
record ColumnMap(int[] items, int[] segments, int[] comments, int respondentId, List<Column> columns,
        List<Problem> warnings) {

    static ColumnMap of(Questionnaire questionnaire, Platform platform, List<Column> columns, String file,
            boolean allowUnmapped) {
        if (platform == Platform.GENERIC) {
            checkGenericHeader(columns, file);
        }
        Map<String, List<Integer>> exact = new LinkedHashMap<>();
        Map<String, List<Integer>> decorated = new LinkedHashMap<>();
        for (Column column : columns) {
            for (String name : column.names()) {
                add(exact, Platform.key(name), column.index());
                for (String part : decorations(name)) {
                    add(decorated, Platform.key(part), column.index());
                }
            }
            for (String paragraph : column.lastParagraphs()) {
                add(decorated, Platform.key(paragraph), column.index());
                for (String part : decorations(paragraph)) {
                    add(decorated, Platform.key(part), column.index());
                }
            }
        }
        int width = columns.size();
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<Item> items = questionnaire.items();
        int[] itemColumns = new int[items.size()];
        List<String> unmapped = new ArrayList<>();
        Map<Integer, String> claimedBy = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            List<String> candidates = new ArrayList<>(item.columns());
            candidates.add(item.id());
            candidates.add(item.text());
            itemColumns[i] = find(exact, decorated, candidates, width);
            if (itemColumns[i] == AMBIGUOUS) {
                problems.add(ambiguity(file, "item '" + item.id() + "'", exact, candidates, columns,
                        "the item's columns: list"));
            } else if (itemColumns[i] < 0) {
                unmapped.add(item.id());
            } else {
                String other = claimedBy.putIfAbsent(itemColumns[i], item.id());
                if (other != null) {
                    problems.add(new Problem(file, 1, itemColumns[i] + 1, "column " + (itemColumns[i] + 1)
                            + " matches both item '" + other + "' and item '" + item.id()
                            + "'; give one of them a distinct columns: entry", ""));
                }
            }
        }
        if (!unmapped.isEmpty()) {
            int shown = Math.min(unmapped.size(), 12);
            warnings.add(new Problem(file, 1, 0, "no column for " + (unmapped.size() == 1 ? "item " : unmapped.size()
                    + " items: ") + String.join(", ", unmapped.subList(0, shown))
                    + (unmapped.size() > shown ? " and " + (unmapped.size() - shown) + " more" : "")
                    + "; treated as unanswered (culturekit inspect --suggest proposes columns: entries)", ""));
        }
        List<Segment> segments = questionnaire.segments();
        int[] segmentColumns = new int[segments.size()];
        for (int s = 0; s < segments.size(); s++) {
            segmentColumns[s] = find(exact, Map.of(), segments.get(s).columns(), width);
            if (segmentColumns[s] == AMBIGUOUS) {
                problems.add(ambiguity(file, "segment '" + segments.get(s).id() + "'", exact,
                        segments.get(s).columns(), columns, "the segment's columns: list"));
            } else if (segmentColumns[s] < 0) {
                warnings.add(new Problem(file, 1, 0, "no column for segment '" + segments.get(s).id() + "' (looked "
                        + "for " + String.join(", ", segments.get(s).columns()) + "); every respondent is in its "
                        + "'(not given)' group", ""));
            }
        }
        int[] commentColumns = new int[questionnaire.comments().size()];
        for (int c = 0; c < commentColumns.length; c++) {
            commentColumns[c] = itemColumns[questionnaire.itemPosition(questionnaire.comments().get(c))];
        }
        List<String> idNames = questionnaire.respondentId().map(List::of).orElse(platform.idColumns());
        int respondentId = find(exact, Map.of(), idNames, width);
        if (respondentId == AMBIGUOUS) {
            problems.add(ambiguity(file, "the respondent id", exact, idNames, columns, "respondentId"));
        }
        if (questionnaire.respondentId().isPresent() && respondentId < 0) {
            warnings.add(new Problem(file, 1, 0, "no respondent id column '" + questionnaire.respondentId().get()
                    + "'; duplicate responses cannot be detected", ""));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        boolean anyItem = false;
        for (int column : itemColumns) {
            anyItem |= column >= 0;
        }
        if (!anyItem && !items.isEmpty() && !allowUnmapped) {
            throw new InputException(new Problem(file, 1, 0, "no column matches any item of questionnaire '"
                    + questionnaire.id() + "'; is this the right questionnaire (-q)? culturekit inspect "
                    + "--suggest shows the columns and a mapping to start from", ""));
        }
        return new ColumnMap(itemColumns, segmentColumns, commentColumns, respondentId, List.copyOf(columns),
                List.copyOf(warnings));
    }

    private static final int AMBIGUOUS = -2;

    /** A {@code columns:} entry that names a column by its 1-based position, such as {@code "#12"}. */
    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("#([1-9][0-9]{0,8})");

    /**
     * The one column the first matching candidate names: exact names first, then a position ({@code "#12"}) that
     * is no column's name, then decorations.
     */
    private static int find(Map<String, List<Integer>> exact, Map<String, List<Integer>> decorated,
            List<String> candidates, int width) {
        for (Map<String, List<Integer>> index : List.of(exact, decorated)) {
            for (String candidate : candidates) {
                List<Integer> hits = index.get(Platform.key(candidate));
                if (hits == null) {
                    java.util.regex.Matcher position = POSITION.matcher(candidate.strip());
                    if (index == exact && position.matches()) {
                        int column = Integer.parseInt(position.group(1)) - 1;
                        if (column < width) {
                            return column;
                        }
                    }
                    continue;
                }
                List<Integer> distinct = hits.stream().distinct().toList();
                if (distinct.size() == 1) {
                    return distinct.get(0);
                }
                if (index == exact) {
                    return AMBIGUOUS;
                }
            }
        }
        return -1;
    }

    /**
     * Why {@code what} cannot be mapped: its name is shared by several columns (duplicate titles, which only
     * matter when something needs one of them), and how to name one by position.
     */
    private static Problem ambiguity(String file, String what, Map<String, List<Integer>> exact,
            List<String> candidates, List<Column> columns, String where) {
        for (String candidate : candidates) {
            List<Integer> hits = exact.get(Platform.key(candidate));
            if (hits != null && hits.stream().distinct().count() > 1) {
                List<Integer> distinct = hits.stream().distinct().toList();
                int first = distinct.get(0) + 1;
                int second = distinct.get(1) + 1;
                List<String> numbers = distinct.stream().map(c -> Integer.toString(c + 1)).toList();
                return new Problem(file, 1, second, "column " + second + " has the same name as column " + first
                        + " (" + Excerpt.of(columns.get(distinct.get(0)).label()) + ": columns "
                        + String.join(", ", numbers) + "), and " + what + " needs one of them; name the right one "
                        + "by its position in " + where + ", e.g. \"#" + second + "\" (culturekit inspect shows "
                        + "the columns by number)", "");
            }
        }
        return new Problem(file, 1, 0, what + " matches more than one column; name the right one in " + where
                + ", by its name or its position such as \"#12\" (culturekit inspect shows the columns)", "");
    }

    private static void add(Map<String, List<Integer>> index, String key, int column) {
        if (!key.isEmpty()) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(column);
        }
    }

    /**
     * The parts of a decorated matrix header; empty for a plain one. Qualtrics writes {@code Question - Statement}
     * (its legacy exporter {@code Question-Statement}), so every split at a hyphen is offered: a statement that
     * itself contains hyphens still matches in full at one of them.
     */
    static List<String> decorations(String name) {
        List<String> parts = new ArrayList<>();
        for (int dash = name.indexOf('-'); dash > 0; dash = name.indexOf('-', dash + 1)) {
            parts.add(name.substring(0, dash).strip());
            parts.add(name.substring(dash + 1).strip());
        }
        if (name.endsWith("]")) {
            int open = name.lastIndexOf('[');
            if (open > 0) {
                parts.add(name.substring(0, open));
                parts.add(name.substring(open + 1, name.length() - 1));
            }
        }
        int colon = name.indexOf(':');
        if (colon > 0 && colon < name.length() - 1) {
            parts.add(name.substring(0, colon));
            parts.add(name.substring(colon + 1));
        }
        // Microsoft Forms: Question.Statement, the dot straight before the statement (a sentence's own full stop
        // is followed by a space or ends the text)
        for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
            if (dot + 1 < name.length() && !Character.isWhitespace(name.charAt(dot + 1))) {
                parts.add(name.substring(0, dot).strip());
                parts.add(name.substring(dot + 1).strip());
            }
        }
        return parts;
    }

    /**
     * A generic export names every column (docs/exports.md). Two columns may share a name as long as nothing
     * needs either (an item, segment or the id naming it is refused by {@link #ambiguity}).
     */
    private static void checkGenericHeader(List<Column> columns, String file) {
        for (Column column : columns) {
            int number = column.index() + 1;
            if (column.names().isEmpty()) {
                throw new InputException(new Problem(file, 1, number, "column " + number + " has no name; every "
                        + "column needs a non-blank name in the header row. If the export has more than one header "
                        + "row (SurveyMonkey's question text over its sub-labels, Qualtrics' three rows), say which "
                        + "platform wrote it with --source (" + Platform.sourceNames() + ")", ""));
            }
        }
    }

    /** Columns no item, segment or id uses, by label. */
    List<String> unused() {
        TreeSet<Integer> used = new TreeSet<>();
        for (int[] columnsOf : List.of(items, segments, comments)) {
            for (int c : columnsOf) {
                used.add(c);
            }
        }
        used.add(respondentId);
        List<String> unused = new ArrayList<>();
        for (Column column : columns) {
            if (!used.contains(column.index()) && !column.label().isEmpty()) {
                unused.add(column.label());
            }
        }
        return unused;
    }
}
