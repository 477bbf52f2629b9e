package org.culturekit.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A file of customer outcomes per group of one segment ({@code report --outcomes}), as read and checked: each
 * row one group (in one period), each metric a number or missing.
 *
 * @param file the file as the user named it
 * @param segment the questionnaire segment whose groups the rows are
 * @param metrics the metric names, in column order
 * @param hasPeriod whether the file has a {@code period} column
 * @param rows the rows, in file order
 */
public record OutcomeTable(String file, String segment, List<String> metrics, boolean hasPeriod, List<Row> rows) {
    public OutcomeTable {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(segment, "segment");
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }

    /**
     * One group's outcomes.
     *
     * @param line the line it starts on
     * @param group the group label, trimmed
     * @param period the period label, trimmed; empty without a {@code period} column
     * @param values one per metric, null when missing
     * @param customers one per metric: the number of customers behind the value, null when not given
     */
    public record Row(long line, String group, String period, List<Double> values, List<Long> customers) {
        public Row {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(period, "period");
            // a missing value is null, which List.copyOf refuses
            values = Collections.unmodifiableList(new ArrayList<>(values));
            customers = Collections.unmodifiableList(new ArrayList<>(customers));
        }
    }
}
