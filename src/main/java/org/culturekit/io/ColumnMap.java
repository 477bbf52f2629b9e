package org.culturekit.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Segment;

/**
 * Which column of an export holds each item, segment and the respondent id (DESIGN.md §3: by {@code columns},
 * then by id, then by question text, trimmed and case-insensitive).
 *
 * @param items column index per item position, −1 when the file has none
 * @param segments column index per segment position, −1 when the file has none
 * @param comments column index per comment position, −1 when the file has none
 * @param respondentId column index of the respondent id, −1 when none
 * @param warnings what the user should know about the mapping (unmapped items, …)
 */
record ColumnMap(int[] items, int[] segments, int[] comments, int respondentId, List<Problem> warnings) {

    static ColumnMap of(Questionnaire questionnaire, List<String> headers, String file) {
        Map<String, Integer> byName = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            Integer previous = byName.putIfAbsent(key(headers.get(c)), c);
            if (previous != null) {
                problems.add(new Problem(file, 1, c + 1, "column " + (c + 1) + " has the same header as column "
                        + (previous + 1) + " (" + Excerpt.of(headers.get(c)) + "); give every column its own name", ""));
            }
        }
        List<Problem> warnings = new ArrayList<>();
        List<Item> items = questionnaire.items();
        int[] itemColumns = new int[items.size()];
        Map<Integer, String> claimedBy = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            List<String> candidates = new ArrayList<>(item.columns());
            candidates.add(item.id());
            candidates.add(item.text());
            itemColumns[i] = find(byName, candidates);
            if (itemColumns[i] < 0) {
                warnings.add(new Problem(file, 1, 0, "no column for item '" + item.id()
                        + "'; it is treated as unanswered (name the column in the item's columns: list)", ""));
            } else {
                String other = claimedBy.putIfAbsent(itemColumns[i], item.id());
                if (other != null) {
                    problems.add(new Problem(file, 1, itemColumns[i] + 1, "column " + (itemColumns[i] + 1)
                            + " matches both item '" + other + "' and item '" + item.id()
                            + "'; give one of them a distinct columns: entry", ""));
                }
            }
        }
        List<Segment> segments = questionnaire.segments();
        int[] segmentColumns = new int[segments.size()];
        for (int s = 0; s < segments.size(); s++) {
            segmentColumns[s] = find(byName, segments.get(s).columns());
            if (segmentColumns[s] < 0) {
                warnings.add(new Problem(file, 1, 0, "no column for segment '" + segments.get(s).id() + "' (looked for "
                        + String.join(", ", segments.get(s).columns()) + "); every respondent is in group "
                        + "'(not given)'", ""));
            }
        }
        int[] commentColumns = new int[questionnaire.comments().size()];
        for (int c = 0; c < commentColumns.length; c++) {
            commentColumns[c] = itemColumns[questionnaire.itemPosition(questionnaire.comments().get(c))];
        }
        int respondentId = questionnaire.respondentId().map(name -> find(byName, List.of(name))).orElse(-1);
        if (questionnaire.respondentId().isPresent() && respondentId < 0) {
            warnings.add(new Problem(file, 1, 0, "no respondent id column '" + questionnaire.respondentId().get()
                    + "'; duplicate responses cannot be detected", ""));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new ColumnMap(itemColumns, segmentColumns, commentColumns, respondentId, warnings);
    }

    private static int find(Map<String, Integer> byName, List<String> candidates) {
        for (String candidate : candidates) {
            Integer column = byName.get(key(candidate));
            if (column != null) {
                return column;
            }
        }
        return -1;
    }

    static String key(String header) {
        return header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    Optional<Problem> noItemsMapped(String file) {
        for (int column : items) {
            if (column >= 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new Problem(file, 1, 0,
                "no column matches any item of the questionnaire; is this the right questionnaire (-q)?", ""));
    }
}
