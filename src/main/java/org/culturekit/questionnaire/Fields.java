package org.culturekit.questionnaire;

import static org.culturekit.questionnaire.Problems.quote;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.culturekit.questionnaire.Node.ScalarType;

/**
 * One mapping of a questionnaire document read against the keys it may have: unknown keys, missing keys and
 * values of the wrong type become problems, and every getter answers empty where a problem was found.
 *
 * <ul>
 *   <li>A key whose value is empty ({@code key:} in YAML, {@code null} in JSON) counts as absent.
 *   <li>Text may be written as a number ({@code version: 1.0} reads as "1.0"), but not as {@code true} or
 *       {@code false}, and is never blank.
 * </ul>
 */
final class Fields {
    private final Node node;
    private final Map<String, Node.Entry> entries;
    private final Problems problems;

    private Fields(Node node, Map<String, Node.Entry> entries, Problems problems) {
        this.node = node;
        this.entries = entries;
        this.problems = problems;
    }

    /**
     * The mapping {@code node}, reporting its unknown keys; if it is not a mapping that is reported instead,
     * and every key reads as absent without further problems.
     *
     * @param what names the mapping in messages, such as "an item"
     * @param keys the keys it may have, in the order messages list them
     */
    static Fields of(Node node, String what, List<String> keys, Problems problems) {
        if (!(node instanceof Node.MapNode map)) {
            problems.at(node, what + " must be a mapping with the keys " + String.join(", ", keys) + ", not "
                    + node.description());
            return new Fields(node, Map.of(), problems);
        }
        for (Node.Entry entry : map.entries().values()) {
            if (!keys.contains(entry.key())) {
                problems.atKey(entry, "unknown key " + quote(entry.key()) + suggestion(entry.key(), keys)
                        .orElse("; valid keys are " + String.join(", ", keys)));
            }
        }
        return new Fields(node, map.entries(), problems);
    }

    /** The mapping itself, or what stood in its place. */
    Node node() {
        return node;
    }

    /** Whether the node is a mapping at all. */
    boolean isMapping() {
        return node instanceof Node.MapNode;
    }

    /** Whether {@code key} has a value. */
    boolean has(String key) {
        return get(key).isPresent();
    }

    /** The value of {@code key}, if it has one. */
    Optional<Node> get(String key) {
        Node.Entry entry = entries.get(key);
        if (entry == null || entry.value() instanceof Node.ScalarNode scalar && scalar.type() == ScalarType.NULL) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** The value of {@code key}, reporting its absence. */
    Optional<Node> required(String key) {
        Optional<Node> value = get(key);
        if (value.isEmpty() && isMapping()) {
            problems.at(node, "missing required key '" + key + "'; add it");
        }
        return value;
    }

    /** Reports a problem with the value of {@code key}, or with the whole mapping if the key is absent. */
    void problem(String key, String message) {
        problems.at(get(key).orElse(node), message);
    }

    Optional<String> string(String key) {
        return get(key).flatMap(value -> text(value, name(key)));
    }

    Optional<String> requiredString(String key) {
        return required(key).flatMap(value -> text(value, name(key)));
    }

    /** The required text of {@code key}, which must match {@code pattern}, described by {@code rule}. */
    Optional<String> id(String key, Pattern pattern, String rule) {
        Optional<String> id = requiredString(key);
        if (id.isPresent() && !pattern.matcher(id.get()).matches()) {
            problem(key, name(key) + " " + quote(id.get()) + " may only contain " + rule);
            return Optional.empty();
        }
        return id;
    }

    Optional<Integer> integer(String key) {
        return get(key).flatMap(value -> integer(value, name(key)));
    }

    Optional<Integer> requiredInteger(String key) {
        return required(key).flatMap(value -> integer(value, name(key)));
    }

    Optional<Double> number(String key) {
        return get(key).flatMap(value -> number(value, name(key)));
    }

    Optional<Boolean> bool(String key) {
        return get(key).flatMap(value -> {
            if (value instanceof Node.ScalarNode scalar && scalar.type() == ScalarType.BOOLEAN) {
                return Optional.of(Boolean.parseBoolean(scalar.text().toLowerCase(Locale.ROOT)));
            }
            problems.at(value, name(key) + " must be true or false, not " + value.description());
            return Optional.empty();
        });
    }

    /** The elements of the list under {@code key}, if it is one. */
    Optional<List<Node>> list(String key) {
        return get(key).flatMap(value -> {
            if (value instanceof Node.ListNode list) {
                return Optional.of(list.elements());
            }
            problems.at(value, name(key) + " must be a list, not " + value.description());
            return Optional.empty();
        });
    }

    /** The elements of the required, non-empty list under {@code key}; empty after any problem. */
    List<Node> requiredList(String key) {
        Optional<List<Node>> elements = required(key).isPresent() ? list(key) : Optional.empty();
        if (elements.isPresent() && elements.get().isEmpty()) {
            problem(key, name(key) + " is empty; list at least one");
        }
        return elements.orElse(List.of());
    }

    /** The text of each element of the list under {@code key}, leaving out the elements that are not text. */
    List<String> strings(String key) {
        return texts(list(key).orElse(List.of()), key);
    }

    private List<String> texts(List<Node> elements, String key) {
        return elements.stream().flatMap(element -> text(element, "an entry of " + name(key)).stream()).toList();
    }

    /** The text of each element of the required, non-empty list under {@code key}. */
    List<String> requiredStrings(String key) {
        return texts(requiredList(key), key);
    }

    /** The entries of the mapping under {@code key}, in file order, if it is one. */
    Optional<Collection<Node.Entry>> mapping(String key) {
        return get(key).flatMap(value -> {
            if (value instanceof Node.MapNode map) {
                return Optional.of(map.entries().values());
            }
            problems.at(value, name(key) + " must be a mapping, not " + value.description());
            return Optional.empty();
        });
    }

    /** {@code value} as text; {@code what} names it in messages, such as "'title'". */
    Optional<String> text(Node value, String what) {
        if (value instanceof Node.ScalarNode scalar) {
            switch (scalar.type()) {
                case STRING, INTEGER, DECIMAL -> {
                    if (scalar.text().isBlank()) {
                        problems.at(value, what + " is blank; give it a value");
                        return Optional.empty();
                    }
                    return Optional.of(scalar.text());
                }
                case BOOLEAN -> {
                    problems.at(value, what + " must be text, not true or false; put it in quotes");
                    return Optional.empty();
                }
                default -> { }
            }
        }
        problems.at(value, what + " must be text, not " + value.description());
        return Optional.empty();
    }

    /** {@code value} as an {@code int}. */
    Optional<Integer> integer(Node value, String what) {
        if (value instanceof Node.ScalarNode scalar && scalar.type() == ScalarType.INTEGER) {
            BigInteger integer = scalar.integer();
            if (integer.bitLength() < Integer.SIZE) {
                return Optional.of(integer.intValueExact());
            }
            problems.at(value, what + " is too large for a whole number");
            return Optional.empty();
        }
        problems.at(value, what + " must be a whole number, not " + value.description());
        return Optional.empty();
    }

    /** {@code value} as a finite number. */
    Optional<Double> number(Node value, String what) {
        if (value instanceof Node.ScalarNode scalar) {
            double number = scalar.type() == ScalarType.INTEGER ? scalar.integer().doubleValue() : scalar.decimal();
            boolean numeric = scalar.type() == ScalarType.INTEGER || scalar.type() == ScalarType.DECIMAL;
            if (numeric && Double.isFinite(number)) {
                return Optional.of(number);
            }
            if (numeric) {
                problems.at(value, what + " must be a finite number");
                return Optional.empty();
            }
        }
        problems.at(value, what + " must be a number, not " + value.description());
        return Optional.empty();
    }

    private static String name(String key) {
        return "'" + key + "'";
    }

    /**
     * "; did you mean 'x'?" for the candidate closest to {@code word} in optimal-string-alignment distance
     * (typos, a letter missing or doubled, two letters swapped), if one is close enough to be a likely
     * intent; ties go to the earlier candidate, so the answer never depends on hash order.
     */
    static Optional<String> suggestion(String word, Collection<String> candidates) {
        int allowed = Math.min(2, Math.max(1, word.length() / 3));
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : candidates) {
            // The distance is at least the difference in length, so most candidates need no table.
            if (Math.abs(candidate.length() - word.length()) < bestDistance) {
                int distance = distance(word, candidate);
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return Optional.ofNullable(best).map(b -> "; did you mean " + quote(b) + "?");
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of adjacent characters. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
