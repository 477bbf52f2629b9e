package org.culturekit.outcomes;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.culturekit.export.table.Table;
import org.culturekit.input.Excerpt;
import org.culturekit.input.InputException;
import org.culturekit.model.Headcounts;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Segment;

/**
 * Reads the headcounts of {@code report --invited FILE} (docs/reports.md): a CSV in any encoding and delimiter the
 * export reader takes, or the first sheet of an .xlsx workbook, headed {@code <segment-id>,invited}, one row per
 * group; and checks them against the groups the survey has.
 *
 * <p>Bounded like {@link OutcomeReader}, and every problem is reported with its line and column, up to
 * {@link OutcomeReader#MAX_PROBLEMS} at once.
 */
public final class InvitedReader {
    static final String INVITED = "invited";

    private static final Pattern COUNT = Pattern.compile("\\d{1,15}");
    private static final Pattern NEGATIVE = Pattern.compile("-\\s*\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)?|\\d+[eE]\\+?\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([,.' \u00a0]\\d{3})+");

    private final String file;
    private final FileProblems problems;

    private InvitedReader(String file) {
        this.file = file;
        this.problems = new FileProblems(file);
    }

    /**
     * Reads {@code path} and checks it on its own: the header, and each row's group and count.
     *
     * @param encoding the encoding when the file has no byte-order mark, or null for UTF-8
     * @throws InputException listing every problem found, each with its line and column
     */
    public static Headcounts read(Path path, Questionnaire questionnaire, Charset encoding) {
        try (Table table = OutcomeReader.open(path, encoding, "--invited takes a number, or a CSV file headed "
                + "<segment>,invited with one row per group")) {
            return new InvitedReader(path.toString()).read(table, questionnaire);
        }
    }

    private Headcounts read(Table table, Questionnaire questionnaire) {
        Table.Row header = table.next();
        if (header == null) {
            throw new InputException(file, "is empty; the first row is <segment>,invited (for example "
                    + "team,invited), each further row one group and how many of it were invited");
        }
        String segment = header(header, questionnaire);
        List<Headcounts.Row> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        Table.Row row;
        while ((row = table.next()) != null && !problems.full()) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() == OutcomeReader.MAX_ROWS) {
                problem(row.line(), 0, "has more than " + OutcomeReader.MAX_ROWS + " groups; the file holds one "
                        + "row per group: check that this is the right file");
                break;
            }
            Headcounts.Row read = row(row, segment, table.omitsTrailingEmptyCells());
            if (read == null) {
                continue;
            }
            Long first = seen.putIfAbsent(read.group(), read.line());
            if (first != null) {
                problem(row.line(), 1, segment + " " + Excerpt.of(read.group()) + " has a row already, on line "
                        + first + "; give each group one row");
            }
            rows.add(read);
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problem(header.line(), 0, "has a header but no rows; add one row per group");
        }
        throwProblems();
        return new Headcounts(file, segment, rows);
    }

    /** The segment the header names; anything else in the header is a problem. */
    private String header(Table.Row header, Questionnaire questionnaire) {
        List<String> cells = header.cells().stream().map(String::strip).toList();
        long line = header.line();
        String segment = questionnaire.segments().stream().map(Segment::id)
                .filter(id -> id.equalsIgnoreCase(cells.get(0))).findFirst().orElse(null);
        if (segment == null) {
            problem(line, 1, "the first column's header " + Excerpt.of(cells.get(0)) + " is not a segment of "
                    + "questionnaire '" + questionnaire.id() + "'; head it with the segment whose groups the rows "
                    + "are: one of " + String.join(", ", questionnaire.segments().stream().map(Segment::id).toList()));
        }
        if (cells.size() < 2 || !cells.get(1).equalsIgnoreCase(INVITED)) {
            problem(line, 2, "the second column must be headed " + INVITED + (cells.size() < 2 ? ""
                    : ", not " + Excerpt.of(cells.get(1))) + "; the header is <segment>,invited");
        }
        if (cells.size() > 2) {
            problem(line, 3, "has " + cells.size() + " columns; the file has two, <segment>,invited");
        }
        throwProblems();
        return segment;
    }

    private Headcounts.Row row(Table.Row row, String segment, boolean mayBeShort) {
        List<String> cells = row.cells();
        if (cells.size() > 2 || (cells.size() < 2 && !mayBeShort)) {
            problem(row.line(), 0, "has " + cells.size() + " cells but the header has 2; every row is one "
                    + segment + " and how many of it were invited");
            return null;
        }
        String group = cells.get(0).strip();
        if (group.isEmpty()) {
            problem(row.line(), 1, "no " + segment + " in the first column; every row is one group");
        }
        Long invited = count(cells.size() < 2 ? "" : cells.get(1).strip(), row.line(), 2);
        return group.isEmpty() || invited == null ? null : new Headcounts.Row(row.line(), group, invited);
    }

    /** The cell's count, null when it is not one (then a problem is noted). */
    private Long count(String cell, long line, int column) {
        if (COUNT.matcher(cell).matches()) {
            return Long.parseLong(cell);
        }
        String fix;
        if (cell.isEmpty()) {
            fix = "no count; write how many of the group were invited (0 or more)";
        } else if (NEGATIVE.matcher(cell).matches()) {
            fix = Excerpt.of(cell) + " is negative; write how many were invited, 0 or more";
        } else if (GROUPED.matcher(cell).matches()) {
            fix = Excerpt.of(cell) + " is not a whole number as written; leave out the thousands separators ("
                    + cell.replaceAll("[^0-9]", "") + ")";
        } else if (DECIMAL.matcher(cell).matches()) {
            fix = Excerpt.of(cell) + " is not a whole number; invited counts people, so write one such as 12";
        } else {
            fix = Excerpt.of(cell) + " is not a number of people; write a whole number, 0 or more";
        }
        problem(line, column, fix);
        return null;
    }

    /**
     * Checks the headcounts against the survey's groups and returns the warnings: a group with more
     * respondents than invited, and a surveyed group with no row, are errors (the first means a count or the
     * exports are wrong; the second would leave its respondents out of the overall rate's denominator and
     * overstate it); a row of a group no respondent is in is a warning (nobody of it answered, or a spelling
     * differs).
     *
     * @param respondents every group of the segment that respondents gave, hidden or not, with how many were
     *     scored; the respondents who left the segment blank are in no group and not in the map
     * @throws InputException listing the errors, each with its line and column
     */
    public static List<String> check(Headcounts counts, Map<String, Long> respondents) {
        InvitedReader checker = new InvitedReader(counts.file());
        TreeSet<String> missing = new TreeSet<>(respondents.keySet());
        List<String> notSurveyed = new ArrayList<>();
        for (Headcounts.Row row : counts.rows()) {
            missing.remove(row.group());
            Long scored = respondents.get(row.group());
            if (scored == null) {
                notSurveyed.add(Excerpt.of(row.group()));
            } else if (scored > row.invited()) {
                // the message gives no respondent count: the group may be one the reports hide
                checker.problem(row.line(), 2, counts.segment() + " " + Excerpt.of(row.group()) + " has more "
                        + "respondents scored than its " + row.invited() + " invited; correct the count, or check "
                        + "the exports for rows that are not responses");
            }
        }
        if (!missing.isEmpty()) {
            checker.problem(0, 0, "has no row for " + missing.size() + " surveyed " + counts.segment() + " group(s): "
                    + FileProblems.listed(missing.stream().map(Excerpt::of).toList(), 10) + "; add a row for each "
                    + "(its respondents count in the overall response rate, so its invited must too)");
        }
        checker.throwProblems();
        List<String> warnings = new ArrayList<>();
        if (!notSurveyed.isEmpty()) {
            warnings.add(counts.file() + ": " + notSurveyed.size() + " " + counts.segment() + " group(s) no "
                    + "respondent is in, counted as invited with none responding: "
                    + FileProblems.listed(notSurveyed, 10) + " (check the spelling against the survey's)");
        }
        return warnings;
    }

    private void problem(long line, int column, String message) {
        problems.add(line, column, message);
    }

    private void throwProblems() {
        problems.throwAny();
    }
}
