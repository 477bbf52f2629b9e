package org.culturekit.questionnaire;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of a parsed YAML or JSON document that remembers where it stood, so every problem found later can
 * point at its line, column and path.
 *
 * <ul>
 *   <li>{@code line} and {@code column} are 1-based and locate the start of the value.
 *   <li>{@code path} is a JSON pointer (RFC 6901) such as {@code /items/3/scale}; the root's is empty.
 * </ul>
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    long line();

    long column();

    String path();

    /** What this value is, for messages such as "must be a list, not a mapping". */
    String description();

    /**
     * A mapping, its entries in file order.
     *
     * @param line line of its start
     * @param column column of its start
     * @param path its JSON pointer
     * @param entries entries by key, in file order
     */
    record MapNode(long line, long column, String path, Map<String, Entry> entries) implements Node {
        public MapNode {
            Objects.requireNonNull(path, "path");
            // An unmodifiable copy that keeps file order: Map.copyOf would lose it.
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String description() {
            return "a mapping";
        }
    }

    /**
     * One key of a mapping and its value.
     *
     * @param key the key
     * @param line line of the key
     * @param column column of the key
     * @param value its value, whose path ends with the key
     */
    record Entry(String key, long line, long column, Node value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A sequence.
     *
     * @param line line of its start
     * @param column column of its start
     * @param path its JSON pointer
     * @param elements its elements in order
     */
    record ListNode(long line, long column, String path, List<Node> elements) implements Node {
        public ListNode {
            Objects.requireNonNull(path, "path");
            elements = List.copyOf(elements);
        }

        @Override
        public String description() {
            return "a list";
        }
    }

    /** The kinds of scalar the parsers report. */
    enum ScalarType {
        STRING("text"),
        INTEGER("a whole number"),
        DECIMAL("a decimal number"),
        BOOLEAN("true or false"),
        NULL("an empty value");

        final String description;

        ScalarType(String description) {
            this.description = description;
        }
    }

    /**
     * A single value.
     *
     * @param line line of the value
     * @param column column of the value
     * @param path its JSON pointer
     * @param type what the parser made of it
     * @param text the value as written (for numbers, their source text, so {@code 1.0} stays {@code 1.0})
     * @param integer the value of an {@link ScalarType#INTEGER}, else null
     * @param decimal the value of a {@link ScalarType#DECIMAL} (possibly infinite), else NaN
     */
    record ScalarNode(
            long line, long column, String path, ScalarType type, String text, BigInteger integer, double decimal)
            implements Node {
        public ScalarNode {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String description() {
            return type.description;
        }
    }
}
