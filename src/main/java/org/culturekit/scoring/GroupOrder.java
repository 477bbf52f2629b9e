package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Segment;

/**
 * The order a segment's groups are shown in: the order its {@code values} map lists their labels, when it has
 * one, else natural order, in which the numbers in labels count as numbers ({@code < 1 year}, {@code 1–3 years},
 * {@code 3–10 years}, {@code 10+ years}); labels the map does not list follow it in natural order, and the blank
 * label (not given) comes last. A total order: equal labels only are equal.
 */
final class GroupOrder {
    private GroupOrder() {}

    /**
     * Labels by the numbers in them, compared as sequences (a shorter sequence that starts a longer one first;
     * labels without numbers before those with), then by their text as {@link String#compareTo} does.
     */
    static final Comparator<String> NATURAL = (a, b) -> {
        List<String> x = numbers(a);
        List<String> y = numbers(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = compareNumbers(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return x.size() != y.size() ? Integer.compare(x.size(), y.size()) : a.compareTo(b);
    };

    /** The comparator of {@code segment}'s group labels. */
    static Comparator<String> of(Segment segment) {
        Map<String, Integer> listed = new HashMap<>();
        segment.values().values().forEach(label -> listed.putIfAbsent(label.strip(), listed.size()));
        return Comparator.comparing((String label) -> label.isEmpty())
                .thenComparing(label -> listed.getOrDefault(label, Integer.MAX_VALUE))
                .thenComparing(NATURAL);
    }

    /** The runs of ASCII digits in {@code label}, without leading zeros. */
    private static List<String> numbers(String label) {
        List<String> numbers = new ArrayList<>();
        int i = 0;
        while (i < label.length()) {
            if (isDigit(label.charAt(i))) {
                int start = i;
                while (i < label.length() && isDigit(label.charAt(i))) {
                    i++;
                }
                int first = start;
                while (first < i - 1 && label.charAt(first) == '0') {
                    first++;
                }
                numbers.add(label.substring(first, i));
            } else {
                i++;
            }
        }
        return numbers;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Two runs of digits without leading zeros, by value: the longer is larger, else the first digit that differs. */
    private static int compareNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
