package org.culturekit.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.culturekit.cli.run.Scoring;
import org.culturekit.input.Excerpt;
import org.culturekit.input.InputException;
import org.culturekit.model.OutcomeTable;
import org.culturekit.model.Questionnaire;
import org.culturekit.outcomes.OutcomeReader;
import org.culturekit.scoring.Results;

/** Reads the {@code --outcomes} files and warns about what in them does not meet the survey. */
final class OutcomeFiles {
    /** How many group labels a warning lists before "and N more". */
    static final int LISTED = 10;

    private OutcomeFiles() {}

    /**
     * Every file read and checked; a metric of one segment in two files is refused, since which to use would be
     * a guess.
     */
    static List<OutcomeTable> read(List<Path> files, Questionnaire questionnaire, Charset encoding) {
        List<OutcomeTable> tables = new ArrayList<>();
        Map<String, String> metricFiles = new HashMap<>();
        for (Path path : files) {
            OutcomeTable table = OutcomeReader.read(path, questionnaire, encoding);
            for (String metric : table.metrics()) {
                String first = metricFiles.putIfAbsent(table.segment() + "\u0000" + metric, table.file());
                if (first != null) {
                    throw new InputException(table.file(), "metric " + Excerpt.of(metric) + " of segment "
                            + table.segment() + " is in " + first + " too; give each metric in one file");
                }
            }
            tables.add(table);
        }
        return tables;
    }

    /**
     * Checks the {@code period} columns against the wave labels (docs/reports.md): a file with one needs
     * {@code --wave}, and a row for this wave; rows of neither this wave nor {@code previousWave} are left out
     * with a warning.
     */
    static void checkPeriods(List<OutcomeTable> tables, String wave, String previousWave, PrintWriter err) {
        for (OutcomeTable table : tables) {
            if (!table.hasPeriod()) {
                continue;
            }
            Set<String> periods = new TreeSet<>();
            table.rows().forEach(row -> periods.add(row.period()));
            if (wave.isEmpty()) {
                throw new InputException(table.file(), "has a period column, so the run needs --wave LABEL to say "
                        + "which period is this survey's (the periods are " + listed(periods) + ")");
            }
            if (!periods.contains(wave)) {
                throw new InputException(table.file(), "has no row for this wave, " + Excerpt.of(wave) + " (the "
                        + "periods are " + listed(periods) + "); write the --wave label in the period column");
            }
            periods.remove(wave);
            if (previousWave != null) {
                periods.remove(previousWave);
            }
            if (!periods.isEmpty()) {
                Scoring.warn(err, table.file() + ": rows of period " + listed(periods) + " are left out: they are "
                        + (previousWave == null ? "not this wave's (" + wave + "); --baseline or --history with "
                        + "that wave's results.json adds the cross-lagged view"
                        : "neither this wave's (" + wave + ") nor the previous one's (" + previousWave + ")"));
            }
        }
    }

    /** Warns of the groups in a file that the survey does not have, and the survey's groups the file lacks. */
    static void warnUnmatched(List<OutcomeTable> tables, Results results, String wave, PrintWriter err) {
        for (OutcomeTable table : tables) {
            Set<String> surveyed = new LinkedHashSet<>();
            results.segments().stream().filter(s -> s.id().equals(table.segment())).findFirst()
                    .ifPresent(segment -> segment.groups().forEach(group -> surveyed.add(group.value())));
            Set<String> given = new TreeSet<>();
            table.rows().stream().filter(row -> !table.hasPeriod() || row.period().equals(wave))
                    .forEach(row -> given.add(row.group()));
            List<String> notSurveyed = given.stream().filter(group -> !surveyed.contains(group)).toList();
            List<String> notGiven = surveyed.stream().filter(group -> !given.contains(group)).sorted().toList();
            if (!notSurveyed.isEmpty()) {
                Scoring.warn(err, table.file() + ": " + notSurveyed.size() + " " + table.segment() + " group(s) "
                        + "no respondent is in, left out: " + listed(notSurveyed) + " (check the spelling against "
                        + "the survey's)");
            }
            if (!notGiven.isEmpty()) {
                Scoring.warn(err, table.file() + ": " + notGiven.size() + " surveyed " + table.segment()
                        + " group(s) have no row: " + listed(notGiven));
            }
        }
    }

    /** The first {@value #LISTED} values, quoted, and how many more. */
    static String listed(Iterable<String> values) {
        List<String> all = new ArrayList<>();
        values.forEach(value -> all.add(Excerpt.of(value)));
        String shown = String.join(", ", all.subList(0, Math.min(LISTED, all.size())));
        return all.size() > LISTED ? shown + " and " + (all.size() - LISTED) + " more" : shown;
    }
}
