package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.model.OutcomeTable;
import org.culturekit.scoring.Results.Outcome;
import org.culturekit.scoring.Results.OutcomePoint;
import org.culturekit.scoring.stats.Correlation;

/**
 * Links culture to customer outcomes across groups (docs/statistics.md, "Culture and customer outcomes"): per
 * outcome file's segment, metric and culture measure, the shown groups with both figures are the units.
 *
 * <p>Only what the reports already show enters: a group's published mean (or eNPS), never a hidden group or a
 * withheld cell. Were a hidden group a point, its mean could be solved for from r and the other points.
 */
public final class OutcomeLinks {
    public static final String SAME_WAVE = "same-wave";
    public static final String CULTURE_EARLIER = "culture-earlier";
    public static final String OUTCOMES_EARLIER = "outcomes-earlier";
    public static final String PREVIOUS_WAVE = "previous-wave";
    public static final String ENPS = "enps";

    private static final int UNITS_FOR_R30 = (int) Math.ceil(Correlation.unitsToDetect(0.3));

    private OutcomeLinks() {}

    /**
     * Every segment × metric × measure, for this wave and, when {@code previous} is given, the cross-lagged
     * views: a file with a {@code period} column gives this wave's outcomes in the rows whose period is
     * {@code now}'s wave label and the previous outcomes in those of {@code previous}'s; a file without one gives
     * this wave's outcomes only.
     *
     * @param previous the previous wave's results, or null
     */
    public static List<Outcome> link(List<OutcomeTable> tables, Results now, Results previous) {
        List<String> measures = new ArrayList<>();
        now.indices().forEach(index -> measures.add(index.id()));
        if (now.enps() != null) {
            measures.add(ENPS);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (OutcomeTable table : tables) {
            List<OutcomeTable.Row> current = rows(table, now.wave());
            List<OutcomeTable.Row> earlier = previous == null || !table.hasPeriod() ? List.of()
                    : rows(table, previous.wave());
            for (int m = 0; m < table.metrics().size(); m++) {
                for (String measure : measures) {
                    String period = table.hasPeriod() ? now.wave() : null;
                    outcomes.add(link(table, m, measure, SAME_WAVE, now, current, period));
                    if (previous != null) {
                        outcomes.add(link(table, m, measure, CULTURE_EARLIER, previous, current, period));
                    }
                    if (!earlier.isEmpty()) {
                        outcomes.add(link(table, m, measure, OUTCOMES_EARLIER, now, earlier, previous.wave()));
                        outcomes.add(link(table, m, measure, PREVIOUS_WAVE, previous, earlier, previous.wave()));
                    }
                }
            }
        }
        return outcomes;
    }

    private static List<OutcomeTable.Row> rows(OutcomeTable table, String wave) {
        return table.rows().stream().filter(row -> !table.hasPeriod() || row.period().equals(wave)).toList();
    }

    private static Outcome link(OutcomeTable table, int metric, String measure, String lag, Results culture,
            List<OutcomeTable.Row> rows, String outcomeWave) {
        Map<String, OutcomeTable.Row> byGroup = new HashMap<>();
        rows.forEach(row -> byGroup.put(row.group(), row));
        List<OutcomePoint> points = new ArrayList<>();
        shown(culture, table.segment(), measure).forEach((group, value) -> {
            OutcomeTable.Row row = byGroup.get(group);
            if (row != null && row.values().get(metric) != null) {
                points.add(new OutcomePoint(group, value, row.values().get(metric), row.customers().get(metric)));
            }
        });
        Double icc2 = culture.segments().stream().filter(s -> s.id().equals(table.segment()))
                .flatMap(s -> s.agreement().stream()).filter(a -> a.index().equals(measure)).findFirst()
                .map(Results.Agreement::icc2).orElse(null);
        int n = points.size();
        Correlation.Estimate estimate = n < Correlation.MIN_UNITS ? null : Correlation.Estimate.of(
                points.stream().mapToDouble(OutcomePoint::culture).toArray(),
                points.stream().mapToDouble(OutcomePoint::outcome).toArray());
        String reason = null;
        if (estimate == null) {
            reason = "fewer than " + Correlation.MIN_UNITS + " shown groups have both figures";
        } else if (estimate.r() == null) {
            reason = "the groups do not differ on one of the two";
        }
        Double r = estimate == null ? null : estimate.r();
        return new Outcome(table.segment(), table.metrics().get(metric), measure, lag, culture.wave(), outcomeWave,
                n, r, estimate == null ? null : estimate.ciLow(), estimate == null ? null : estimate.ciHigh(),
                estimate == null ? null : estimate.p(), r == null ? null : estimate.spearman(), reason, icc2,
                Correlation.disattenuated(r, icc2), Correlation.detectable(n), UNITS_FOR_R30, points);
    }

    /** The shown groups' published figure for {@code measure}, in the segment's group order. */
    static Map<String, Double> shown(Results culture, String segment, String measure) {
        Map<String, Double> values = new LinkedHashMap<>();
        culture.segments().stream().filter(s -> s.id().equals(segment)).flatMap(s -> s.groups().stream())
                .filter(group -> !group.suppressed())
                .forEach(group -> {
                    Double value = measure.equals(ENPS)
                            ? group.enps() == null ? null : group.enps().shown().map(Results.GroupEnps::score).orElse(null)
                            : group.indices().stream().filter(cell -> cell.id().equals(measure)).findFirst()
                                    .flatMap(cell -> cell.figures().shown()).map(Results.GroupIndexFigures::mean)
                                    .orElse(null);
                    if (value != null) {
                        values.put(group.value(), value);
                    }
                });
        return values;
    }
}
