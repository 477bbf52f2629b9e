package org.culturekit.outcomes;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.culturekit.export.csv.CsvTable;
import org.culturekit.export.table.Table;
import org.culturekit.export.xlsx.XlsxTable;
import org.culturekit.input.Excerpt;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.OutcomeTable;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Segment;

/**
 * Reads a file of customer outcomes per group ({@code report --outcomes}, docs/reports.md): a CSV in any encoding
 * and delimiter the export reader takes, or the first sheet of an .xlsx workbook. The first column is headed by a
 * segment id and holds its groups; {@code period} names the wave a row belongs to; {@code n_<metric>} gives the
 * customers behind a metric; every other column is a numeric metric.
 *
 * <p>The file is the user's but may come from anywhere, so it is bounded ({@link #MAX_COLUMNS},
 * {@link #MAX_ROWS}, {@link #MAX_CELL}) and every problem is reported with its line and column, up to
 * {@link #MAX_PROBLEMS} at once.
 */
public final class OutcomeReader {
    /** Far more metrics than a KPI sheet has; few enough that a hostile header cannot flood the reports. */
    static final int MAX_COLUMNS = 200;
    /** Far more groups than any organisation has units. */
    static final int MAX_ROWS = 50_000;
    /** The longest cell, in characters: a group label or a number is far shorter. */
    static final int MAX_CELL = 1_000;
    static final int MAX_PROBLEMS = 20;

    static final String PERIOD = "period";
    static final String COUNT_PREFIX = "n_";

    /** A plain decimal number, optionally signed, with an optional exponent: what spreadsheets write. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,15}");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private OutcomeReader(String file) {
        this.file = file;
    }

    /**
     * Reads and checks {@code path} against the questionnaire's segments.
     *
     * @param encoding the encoding when the file has no byte-order mark, or null for UTF-8
     * @throws InputException listing every problem found, each with its line and column
     */
    public static OutcomeTable read(Path path, Questionnaire questionnaire, Charset encoding) {
        try (Table table = open(path, encoding, "--outcomes takes a CSV file of outcomes per group")) {
            return new OutcomeReader(path.toString()).read(table, questionnaire);
        }
    }

    /**
     * The rows of a file a user gives this package's readers: the first sheet of an .xlsx workbook, or a CSV file
     * in any encoding and delimiter the export reader takes, its cells at most {@link #MAX_CELL} characters.
     *
     * @param encoding the encoding when the file has no byte-order mark, or null for UTF-8
     * @param usage what the option takes, for the message when {@code path} is a folder
     */
    static Table open(Path path, Charset encoding, String usage) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new InputException(file, "is a directory; " + usage);
        }
        return file.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? XlsxTable.open(path, file, Table.DEFAULT_COLUMN_LIMIT)
                : CsvTable.open(path, file, encoding, MAX_CELL, Table.DEFAULT_COLUMN_LIMIT);
    }

    private OutcomeTable read(Table table, Questionnaire questionnaire) {
        Table.Row header = table.next();
        if (header == null) {
            throw new InputException(file, "is empty; the first row names the segment (for example team) and the "
                    + "metrics, each further row gives one group's values");
        }
        Layout layout = layout(header, questionnaire);
        List<OutcomeTable.Row> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        Table.Row row;
        while ((row = table.next()) != null && problems.size() < MAX_PROBLEMS) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                problem(row.line(), 0, "has more than " + MAX_ROWS + " groups; an outcomes file holds one row per "
                        + "group (per period): check that this is the right file");
                break;
            }
            OutcomeTable.Row read = row(row, header.cells().size(), layout, table.omitsTrailingEmptyCells());
            if (read == null) {
                continue;
            }
            Long first = seen.putIfAbsent(read.period() + "\u0000" + read.group(), read.line());
            if (first != null) {
                problem(row.line(), 1, layout.segment + " " + Excerpt.of(read.group())
                        + (layout.period < 0 ? "" : " in period " + Excerpt.of(read.period()))
                        + " has a row already, on line " + first + "; give each group one row"
                        + (layout.period < 0 ? "" : " per period"));
            }
            rows.add(read);
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problem(header.line(), 0, "has a header but no rows; add one row per group");
        }
        if (problems.isEmpty()) {
            for (int m = 0; m < layout.metrics.size(); m++) {
                int metric = m;
                if (rows.stream().allMatch(r -> r.values().get(metric) == null)) {
                    problem(header.line(), layout.metricColumns.get(m) + 1, "metric "
                            + Excerpt.of(layout.metrics.get(m)) + " has no value in any row; fill it in or remove "
                            + "the column");
                }
            }
        }
        if (!problems.isEmpty()) {
            // in reading order, whichever check found them
            problems.sort(Comparator.comparingLong(Problem::line).thenComparingLong(Problem::column));
            throw new InputException(problems);
        }
        return new OutcomeTable(file, layout.segment, layout.metrics, layout.period >= 0, rows);
    }

    /**
     * Where everything is.
     *
     * @param segment the segment id
     * @param period the index of the period column, or −1
     * @param metrics the metric names
     * @param metricColumns the index of each metric's column
     * @param countColumns the index of each metric's {@code n_} column, or −1
     */
    private record Layout(String segment, int period, List<String> metrics, List<Integer> metricColumns,
            List<Integer> countColumns) {}

    private Layout layout(Table.Row header, Questionnaire questionnaire) {
        List<String> cells = header.cells().stream().map(String::strip).toList();
        long line = header.line();
        if (cells.size() > MAX_COLUMNS) {
            throw new InputException(new Problem(file, line, MAX_COLUMNS + 1, "has more than " + MAX_COLUMNS
                    + " columns; an outcomes file has the segment, an optional period and one column per metric "
                    + "(and its n_ column)", ""));
        }
        String segment = segment(cells.get(0), questionnaire);
        if (segment == null) {
            throw new InputException(new Problem(file, line, 1, "the first column's header "
                    + Excerpt.of(cells.get(0)) + " is not a segment of questionnaire '" + questionnaire.id()
                    + "'; head it with the segment whose groups the rows are: one of " + String.join(", ",
                    questionnaire.segments().stream().map(Segment::id).toList()), ""));
        }
        int period = -1;
        Map<String, Integer> metrics = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 1; c < cells.size(); c++) {
            String name = cells.get(c);
            if (name.isEmpty()) {
                problem(line, c + 1, "this column has no header; name the metric, or remove the column");
            } else if (name.equalsIgnoreCase(PERIOD)) {
                if (period >= 0) {
                    problem(line, c + 1, "a second period column; keep one");
                }
                period = c;
            } else if (name.toLowerCase(Locale.ROOT).startsWith(COUNT_PREFIX)
                    && name.length() > COUNT_PREFIX.length()) {
                if (counts.putIfAbsent(name.substring(COUNT_PREFIX.length()), c) != null) {
                    problem(line, c + 1, "a second column " + Excerpt.of(name) + "; keep one");
                }
            } else if (metrics.putIfAbsent(name, c) != null) {
                problem(line, c + 1, "a second column " + Excerpt.of(name) + "; give each metric one column");
            }
        }
        counts.forEach((metric, column) -> {
            if (!metrics.containsKey(metric)) {
                problem(line, column + 1, Excerpt.of(COUNT_PREFIX + metric) + " counts the customers behind a "
                        + "metric " + Excerpt.of(metric) + ", but there is no such column; name it after a metric "
                        + "column (" + String.join(", ", metrics.keySet()) + ")");
            }
        });
        if (metrics.isEmpty()) {
            problem(line, 0, "has no metric column; add at least one column of numbers, for example customer_nps");
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Layout(segment, period, List.copyOf(metrics.keySet()), List.copyOf(metrics.values()),
                metrics.keySet().stream().map(m -> counts.getOrDefault(m, -1)).toList());
    }

    /** The questionnaire's id for {@code header}, ignoring case, or null. */
    private static String segment(String header, Questionnaire questionnaire) {
        return questionnaire.segments().stream().map(Segment::id).filter(id -> id.equalsIgnoreCase(header))
                .findFirst().orElse(null);
    }

    private OutcomeTable.Row row(Table.Row row, int width, Layout layout, boolean mayBeShort) {
        List<String> cells = new ArrayList<>(row.cells());
        if (cells.size() > width || (cells.size() < width && !mayBeShort)) {
            problem(row.line(), 0, "has " + cells.size() + " cells but the header has " + width + "; every row "
                    + "needs one cell per column (leave a missing value blank)");
            return null;
        }
        while (cells.size() < width) {
            cells.add("");
        }
        String group = cells.get(0).strip();
        if (group.isEmpty()) {
            problem(row.line(), 1, "no " + layout.segment + " in the first column; every row is one group");
        }
        String period = layout.period < 0 ? "" : cells.get(layout.period).strip();
        if (layout.period >= 0 && period.isEmpty()) {
            problem(row.line(), layout.period + 1, "no period; write the wave label this row belongs to (as given "
                    + "to --wave)");
        }
        List<Double> values = new ArrayList<>();
        List<Long> customers = new ArrayList<>();
        for (int m = 0; m < layout.metrics.size(); m++) {
            int column = layout.metricColumns.get(m);
            values.add(number(cells.get(column).strip(), row.line(), column + 1));
            int count = layout.countColumns.get(m);
            customers.add(count < 0 ? null : count(cells.get(count).strip(), row.line(), count + 1));
        }
        return new OutcomeTable.Row(row.line(), group, period, values, customers);
    }

    /** The cell's number, null when blank or wrong (then a problem is noted). */
    private Double number(String cell, long line, int column) {
        if (cell.isEmpty()) {
            return null;
        }
        if (NUMBER.matcher(cell).matches()) {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) {
                return value;
            }
            problem(line, column, Excerpt.of(cell) + " is too large a number");
            return null;
        }
        String fix;
        if (NUMBER.matcher(cell.replace(',', '.')).matches()) {
            fix = "write the decimal with a point (" + cell.replace(',', '.') + "), without thousands separators";
        } else if (cell.endsWith("%") && NUMBER.matcher(cell.substring(0, cell.length() - 1).strip()).matches()) {
            fix = "write the number without the % sign, and say in the column name that it is a percentage";
        } else {
            fix = "write a number such as 12.5, -3 or 1e3, or leave the cell blank when the value is missing";
        }
        problem(line, column, Excerpt.of(cell) + " is not a number; " + fix);
        return null;
    }

    private Long count(String cell, long line, int column) {
        if (cell.isEmpty()) {
            return null;
        }
        if (COUNT.matcher(cell).matches()) {
            return Long.parseLong(cell);
        }
        problem(line, column, Excerpt.of(cell) + " is not a number of customers; write a whole number, 0 or more, "
                + "or leave the cell blank");
        return null;
    }

    private void problem(long line, int column, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(file, line, column, message, ""));
        }
    }
}
