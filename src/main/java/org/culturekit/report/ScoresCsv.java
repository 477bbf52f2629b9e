package org.culturekit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.culturekit.model.VisibleText;
import org.culturekit.scoring.Results;

/**
 * Writes {@link Results} as {@code scores.csv} in long format — one figure per row: {@code segment, group,
 * measure, metric, value} — for spreadsheets and BI tools.
 *
 * <ul>
 *   <li>The whole organisation is segment and group {@code all}; a measure is an index, an item
 *       ({@code index/item}), a say-do pair ({@code sayDo/pair}), {@code sayDo} or {@code enps}.
 *   <li>{@code value} is always a number written by a number formatter (or empty when undefined); the text
 *       columns show control and bidi characters as the other reports do ({@link VisibleText#DOCUMENT}) and
 *       are made safe against formula injection (docs/exports.md).
 *   <li>A suppressed group or cell is one row with metric {@code suppressed} and value 1, and nothing else,
 *       exactly as in the other outputs.
 *   <li>With {@code --invited}, participation is measure {@code all}, beside a group's {@code n}: a shown group
 *       with a headcount ({@code --invited FILE}) has metrics {@code invited} and {@code responseRate} (percent),
 *       and so has segment and group {@code all} where the report shows the overall rate. A hidden group's stay
 *       out, as its {@code n} does.
 *   <li>With {@code --outcomes}, each culture measure against each customer metric is measure
 *       {@code outcome/<lag>/<measure>/<metric>}: group {@code all} for the statistics, and each unit's culture
 *       figure, metric value and customers under its group.
 * </ul>
 */
public final class ScoresCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final String ALL = "all";

    private final List<List<String>> rows = new ArrayList<>();

    private ScoresCsv() {}

    /** The CSV text without an overall response rate. */
    public static String write(Results results) {
        return write(results, OptionalLong.empty());
    }

    /**
     * The CSV text, with a header row and {@code \n} line endings.
     *
     * @param invited the overall invited count where it may be published ({@link ReportOptions#invited()}), or
     *     empty
     */
    public static String write(Results results, OptionalLong invited) {
        ScoresCsv csv = new ScoresCsv();
        csv.everyone(results);
        if (invited.isPresent() && invited.getAsLong() > 0) {
            csv.participation(ALL, ALL, invited.getAsLong(), 100.0 * results.rows().scored() / invited.getAsLong());
        }
        results.segments().forEach(csv::segment);
        if (results.outcomes() != null) {
            results.outcomes().forEach(csv::outcome);
        }
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord("segment", "group", "measure", "metric", "value");
            for (List<String> row : csv.rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private void everyone(Results results) {
        for (Results.IndexResult index : results.indices()) {
            if (!(index.figures() instanceof Results.Cell.Shown<Results.IndexFigures> shown)) {
                add(ALL, ALL, index.id(), "suppressed", 1.0);
                continue;
            }
            Results.IndexFigures figures = shown.figures();
            add(ALL, ALL, index.id(), "n", (double) figures.n());
            add(ALL, ALL, index.id(), "mean", figures.mean());
            add(ALL, ALL, index.id(), "sd", figures.sd());
            add(ALL, ALL, index.id(), "ciLow", figures.ciLow());
            add(ALL, ALL, index.id(), "ciHigh", figures.ciHigh());
            add(ALL, ALL, index.id(), "score100", figures.score100());
            add(ALL, ALL, index.id(), "favorable", figures.favorable());
            add(ALL, ALL, index.id(), "neutral", figures.neutral());
            add(ALL, ALL, index.id(), "unfavorable", figures.unfavorable());
            add(ALL, ALL, index.id(), "alpha", figures.alpha());
            add(ALL, ALL, index.id(), "standardizedAlpha", figures.standardizedAlpha());
            for (Results.ItemResult item : index.items()) {
                String measure = index.id() + "/" + item.id();
                if (!(item.figures() instanceof Results.Cell.Shown<Results.ItemFigures> shownItem)) {
                    add(ALL, ALL, measure, "suppressed", 1.0);
                    continue;
                }
                Results.ItemFigures itemFigures = shownItem.figures();
                add(ALL, ALL, measure, "n", (double) itemFigures.n());
                add(ALL, ALL, measure, "mean", itemFigures.mean());
                add(ALL, ALL, measure, "sd", itemFigures.sd());
                add(ALL, ALL, measure, "favorable", itemFigures.favorable());
                add(ALL, ALL, measure, "itemTotal", itemFigures.itemTotal());
                add(ALL, ALL, measure, "alphaIfDeleted", itemFigures.alphaIfDeleted());
            }
        }
        if (results.sayDo() != null) {
            gap("sayDo", results.sayDo().overall());
            results.sayDo().pairs().forEach(pair -> gap("sayDo/" + pair.id(), pair.figures()));
        }
        if (results.enps() != null) {
            results.enps().shown().ifPresentOrElse(enps -> {
                add(ALL, ALL, "enps", "n", (double) enps.n());
                add(ALL, ALL, "enps", "score", enps.score());
            }, () -> add(ALL, ALL, "enps", "suppressed", 1.0));
        }
        for (Results.Driver driver : results.drivers()) {
            driver.figures().shown().ifPresentOrElse(
                    correlation -> add(ALL, ALL, driver.id(), "rWithEnps", correlation.r()),
                    () -> add(ALL, ALL, driver.id(), "rWithEnpsSuppressed", 1.0));
        }
    }

    private void gap(String measure, Results.Cell<Results.GapFigures> cell) {
        if (!(cell instanceof Results.Cell.Shown<Results.GapFigures> shown)) {
            add(ALL, ALL, measure, "suppressed", 1.0);
            return;
        }
        Results.GapFigures gap = shown.figures();
        add(ALL, ALL, measure, "n", (double) gap.n());
        add(ALL, ALL, measure, "meanGap", gap.meanGap());
        add(ALL, ALL, measure, "ciLow", gap.ciLow());
        add(ALL, ALL, measure, "ciHigh", gap.ciHigh());
        add(ALL, ALL, measure, "p", gap.p());
        add(ALL, ALL, measure, "shareGapAtLeast1", gap.shareGapAtLeast1());
    }

    private void segment(Results.SegmentResult segment) {
        for (Results.Agreement agreement : segment.agreement()) {
            add(segment.id(), ALL, agreement.index(), "icc1", agreement.icc1());
            add(segment.id(), ALL, agreement.index(), "icc2", agreement.icc2());
        }
        for (Results.Group group : segment.groups()) {
            if (group.suppressed()) {
                add(segment.id(), group.value(), ALL, "suppressed", 1.0);
                continue;
            }
            add(segment.id(), group.value(), ALL, "n", (double) group.n());
            if (group.invited() != null) {
                participation(segment.id(), group.value(), group.invited(), group.responseRate());
            }
            for (Results.GroupIndex cell : group.indices()) {
                if (!(cell.figures() instanceof Results.Cell.Shown<Results.GroupIndexFigures> shown)) {
                    add(segment.id(), group.value(), cell.id(), "suppressed", 1.0);
                    continue;
                }
                Results.GroupIndexFigures figures = shown.figures();
                add(segment.id(), group.value(), cell.id(), "n", (double) figures.n());
                add(segment.id(), group.value(), cell.id(), "mean", figures.mean());
                add(segment.id(), group.value(), cell.id(), "sd", figures.sd());
                add(segment.id(), group.value(), cell.id(), "favorable", figures.favorable());
                add(segment.id(), group.value(), cell.id(), "rwg", figures.rwg());
                add(segment.id(), group.value(), cell.id(), "deltaVsRest", figures.deltaVsRest());
                add(segment.id(), group.value(), cell.id(), "q", figures.q());
                if (figures.flag() != null) {
                    add(segment.id(), group.value(), cell.id(), figures.flag().label(), 1.0);
                }
            }
            if (group.sayDo() != null) {
                Results.GroupGap gap = group.sayDo().shown().orElse(null);
                if (gap == null) {
                    add(segment.id(), group.value(), "sayDo", "suppressed", 1.0);
                } else {
                    add(segment.id(), group.value(), "sayDo", "n", (double) gap.n());
                    add(segment.id(), group.value(), "sayDo", "meanGap", gap.meanGap());
                }
            }
            if (group.enps() != null) {
                Results.GroupEnps enps = group.enps().shown().orElse(null);
                if (enps == null) {
                    add(segment.id(), group.value(), "enps", "suppressed", 1.0);
                } else {
                    add(segment.id(), group.value(), "enps", "n", (double) enps.n());
                    add(segment.id(), group.value(), "enps", "score", enps.score());
                }
            }
        }
    }

    private void participation(String segment, String group, long invited, double responseRate) {
        add(segment, group, ALL, "invited", (double) invited);
        add(segment, group, ALL, "responseRate", responseRate);
    }

    private void outcome(Results.Outcome outcome) {
        String measure = "outcome/" + outcome.lag() + "/" + outcome.measure() + "/" + outcome.metric();
        add(outcome.segment(), ALL, measure, "n", (double) outcome.n());
        add(outcome.segment(), ALL, measure, "r", outcome.r());
        add(outcome.segment(), ALL, measure, "ciLow", outcome.ciLow());
        add(outcome.segment(), ALL, measure, "ciHigh", outcome.ciHigh());
        add(outcome.segment(), ALL, measure, "p", outcome.p());
        add(outcome.segment(), ALL, measure, "spearman", outcome.spearman());
        add(outcome.segment(), ALL, measure, "icc2", outcome.icc2());
        add(outcome.segment(), ALL, measure, "rDisattenuated", outcome.rDisattenuated());
        add(outcome.segment(), ALL, measure, "detectableR", outcome.detectableR());
        add(outcome.segment(), ALL, measure, "unitsToDetect", (double) outcome.unitsToDetect());
        for (Results.OutcomePoint point : outcome.points()) {
            add(outcome.segment(), point.group(), measure, "culture", point.culture());
            add(outcome.segment(), point.group(), measure, "outcome", point.outcome());
            add(outcome.segment(), point.group(), measure, "customers",
                    point.customers() == null ? null : (double) point.customers());
        }
    }

    private void add(String segment, String group, String measure, String metric, Double value) {
        rows.add(List.of(text(segment), text(group), text(measure), metric, number(value)));
    }

    /** A text cell: its controls visible as in the other reports, then safe from formula injection. */
    private static String text(String value) {
        return SpreadsheetText.safe(VisibleText.DOCUMENT.of(value));
    }

    /** A plain decimal with no exponent, the shortest that reads back as the same double; empty when undefined. */
    static String number(Double value) {
        if (value == null) {
            return "";
        }
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("non-finite value " + value);
        }
        String plain = new BigDecimal(Double.toString(value)).toPlainString();
        return plain.endsWith(".0") ? plain.substring(0, plain.length() - 2) : plain;
    }
}
