package org.culturekit.model;

import java.util.List;
import java.util.Objects;

/**
 * How many people were invited per group of one segment ({@code report --invited FILE}), as read and checked.
 *
 * @param file the file as the user named it
 * @param segment the questionnaire segment whose groups the rows are
 * @param rows one per group, in file order
 */
public record Headcounts(String file, String segment, List<Row> rows) {
    public Headcounts {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(segment, "segment");
        rows = List.copyOf(rows);
    }

    /** The sum of invited over the file: the overall response rate's denominator. */
    public long total() {
        return rows.stream().mapToLong(Row::invited).sum();
    }

    /**
     * One group's headcount.
     *
     * @param line the line it is on
     * @param group the group label, trimmed, as the reports show it
     * @param invited how many of the group were invited, 0 or more
     */
    public record Row(long line, String group, long invited) {
        public Row {
            Objects.requireNonNull(group, "group");
            if (invited < 0) {
                throw new IllegalArgumentException("invited below 0");
            }
        }
    }
}
