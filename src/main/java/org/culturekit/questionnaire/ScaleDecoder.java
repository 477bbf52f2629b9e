package org.culturekit.questionnaire;

import static org.culturekit.questionnaire.Problems.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.culturekit.model.Scale;

/**
 * Reads one entry under {@code scales:} into a {@link Scale}, filling in the default favourable and neutral
 * values and checking that every answer a respondent might give maps to one value only.
 */
final class ScaleDecoder {
    static final List<String> KEYS = QuestionnaireSchema.keys("scale");

    /** Scale values stay far from Response's sentinels and from int overflow in {@code min + max − value}. */
    static final int MAX_MAGNITUDE = 1_000_000;

    private final Problems problems;

    ScaleDecoder(Problems problems) {
        this.problems = problems;
    }

    /**
     * The scale declared by {@code entry}, or empty if its range is unusable; every problem is reported,
     * including those that still leave a usable range, so a scale returned here may still be invalid.
     */
    Optional<Scale> decode(Node.Entry entry) {
        String id = entry.key();
        if (Scale.TEXT.equals(id)) {
            problems.atKey(entry, "'text' is the built-in scale of free-text items; give this scale another name");
        } else if (!QuestionnaireDecoder.ID.matcher(id).matches()) {
            problems.atKey(entry, "scale id " + quote(id) + " may only contain " + QuestionnaireDecoder.ID_RULE);
        }
        Fields scale = Fields.of(entry.value(), "scale " + quote(id), KEYS, problems);
        Optional<Integer> min = scale.requiredInteger("min");
        Optional<Integer> max = scale.requiredInteger("max");
        List<String> labels = scale.strings("labels");
        Optional<List<Node>> favorableNodes = scale.list("favorable");
        List<String> notApplicable = scale.strings("notApplicable");
        // Values are read before the range is known, so that their type problems are reported either way. They
        // are kept in lists, not maps keyed by node: nothing is looked up, and the first hashCode of a record
        // costs a method-handle bootstrap at start-up.
        List<Map.Entry<Node, Integer>> favorableValues = new ArrayList<>();
        for (Node node : favorableNodes.orElse(List.of())) {
            scale.integer(node, "an entry of 'favorable'")
                    .ifPresent(value -> favorableValues.add(Map.entry(node, value)));
        }
        List<Map.Entry<Node.Entry, Integer>> aliasValues = new ArrayList<>();
        for (Node.Entry alias : scale.mapping("aliases").orElse(List.of())) {
            scale.integer(alias.value(), "alias " + quote(alias.key()))
                    .ifPresent(value -> aliasValues.add(Map.entry(alias, value)));
        }
        if (min.isEmpty() || max.isEmpty() || !hasUsableRange(scale, min.get(), max.get())) {
            return Optional.empty();
        }
        int lo = min.get();
        int hi = max.get();
        String range = " (" + lo + " to " + hi + ")";
        if (!labels.isEmpty() && labels.size() != hi - lo + 1) {
            scale.problem("labels", "'labels' has " + labels.size() + " labels but the scale has " + (hi - lo + 1)
                    + " values" + range + "; give one label per value, lowest first");
        }
        if (favorableNodes.filter(List::isEmpty).isPresent()) {
            scale.problem("favorable", "'favorable' is empty; list the values counted as favourable");
        }
        TreeSet<Integer> favorable = new TreeSet<>();
        for (Map.Entry<Node, Integer> favorableValue : favorableValues) {
            Node node = favorableValue.getKey();
            int value = favorableValue.getValue();
            if (value < lo || value > hi) {
                problems.at(node, "favorable value " + value + " is outside the scale" + range);
            } else if (!favorable.add(value)) {
                problems.at(node, "favorable value " + value + " is listed twice");
            }
        }
        if (favorableNodes.isEmpty()) {
            favorable.addAll(hi - lo == 1 ? List.of(hi) : List.of(hi - 1, hi));
        }
        Map<String, Integer> aliases = new LinkedHashMap<>();
        for (Map.Entry<Node.Entry, Integer> aliasValue : aliasValues) {
            Node.Entry alias = aliasValue.getKey();
            int value = aliasValue.getValue();
            if (value < lo || value > hi) {
                problems.at(alias.value(), "alias " + quote(alias.key()) + " maps to " + value + ", outside the scale"
                        + range);
            } else {
                aliases.put(alias.key(), value);
            }
        }
        checkAnswersAreUnambiguous(scale, lo, labels, notApplicable, aliasValues, aliases);
        List<Integer> favorableList = List.copyOf(favorable);
        return Optional.of(new Scale(id, lo, hi, labels, favorableList, neutral(lo, hi, favorableList), notApplicable,
                aliases));
    }

    private static boolean hasUsableRange(Fields scale, int min, int max) {
        if (Math.abs((long) min) > MAX_MAGNITUDE || Math.abs((long) max) > MAX_MAGNITUDE) {
            scale.problem(Math.abs((long) min) > MAX_MAGNITUDE ? "min" : "max",
                    "scale values must lie between -" + MAX_MAGNITUDE + " and " + MAX_MAGNITUDE);
            return false;
        }
        if (min >= max) {
            scale.problem("max", "'max' (" + max + ") must be greater than 'min' (" + min + ")");
            return false;
        }
        return true;
    }

    /** The middle value of an odd-length scale unless it is favourable; even-length scales have none. */
    static List<Integer> neutral(int lo, int hi, List<Integer> favorable) {
        int points = hi - lo + 1;
        int middle = lo + points / 2;
        return points % 2 == 1 && !favorable.contains(middle) ? List.of(middle) : List.of();
    }

    /**
     * Answers are matched to labels, not-applicable answers and aliases trimmed and ignoring case, so no
     * spelling may mean two different things.
     */
    private void checkAnswersAreUnambiguous(Fields scale, int lo, List<String> labels, List<String> notApplicable,
            List<Map.Entry<Node.Entry, Integer>> aliasValues, Map<String, Integer> aliases) {
        Map<String, String> meanings = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String clash = clash(meanings, labels.get(i), "value " + (lo + i));
            if (clash != null) {
                scale.problem("labels", clash);
            }
        }
        for (String answer : notApplicable) {
            String clash = clash(meanings, answer, "not applicable");
            if (clash != null) {
                scale.problem("notApplicable", clash);
            }
        }
        for (Map.Entry<Node.Entry, Integer> aliasValue : aliasValues) {
            Node.Entry alias = aliasValue.getKey();
            Integer value = aliases.get(alias.key());
            String clash = value == null ? null : clash(meanings, alias.key(), "value " + value);
            if (clash != null) {
                problems.atKey(alias, clash);
            }
        }
    }

    /** Records that {@code answer} means {@code meaning}; a message if it already meant something else. */
    private static String clash(Map<String, String> meanings, String answer, String meaning) {
        String earlier = meanings.putIfAbsent(answer.trim().toLowerCase(Locale.ROOT), meaning);
        if (earlier == null || earlier.equals(meaning)) {
            return null;
        }
        return "the answer " + quote(answer) + " would mean both " + earlier + " and " + meaning
                + "; answers are matched ignoring case, so give each spelling one meaning";
    }
}
