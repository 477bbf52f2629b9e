package org.culturekit.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Questionnaire;
import org.culturekit.scoring.OutcomeLinks;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Results.Outcome;
import org.culturekit.scoring.Results.OutcomePoint;

/**
 * The report's "Culture and customer outcomes" section (docs/reports.md): per segment and metric, the measures
 * ranked by r with their intervals, a scatter of the strongest, its points as a table, the cross-lagged view
 * and sentences whose strength follows the evidence. Built from {@link Results#outcomes()}, which holds shown
 * groups only, so nothing here can draw or name a hidden group.
 *
 * @param caveats what every such correlation means and does not, one paragraph each
 * @param metrics one per segment and metric, in the order of the files and their columns
 */
public record OutcomesView(List<String> caveats, List<Metric> metrics) {
    /** The scatter's drawing area, in viewBox units: x from LEFT to RIGHT, y from TOP to BOTTOM. */
    static final int WIDTH = 320;
    static final int HEIGHT = 230;
    private static final double LEFT = 52;
    private static final double RIGHT = 310;
    private static final double TOP = 12;
    private static final double BOTTOM = 182;

    public OutcomesView {
        caveats = List.copyOf(caveats);
        metrics = List.copyOf(metrics);
    }

    /**
     * One metric of one segment.
     *
     * @param segment the segment id
     * @param metric the metric name as the file gives it
     * @param hidden how many groups of the segment the anonymity rules hide, and so leave out
     * @param finding the sentence on the strongest measure, scaled to the evidence
     * @param power how many units there are, the smallest r they detect, and how many r = .3 needs
     * @param ranked the measures, strongest r first (undefined last)
     * @param scatter the plot of the strongest measure (or the first, when no r is defined)
     * @param lagged the cross-lagged view, empty without a previous wave
     * @param laggedNote what the lagged view can and cannot say, or empty
     */
    public record Metric(String segment, String metric, String hidden, String finding, String power,
            List<MeasureRow> ranked, Scatter scatter, List<LagRow> lagged, String laggedNote) {
        public Metric {
            ranked = List.copyOf(ranked);
            lagged = List.copyOf(lagged);
        }
    }

    /**
     * One measure against the metric, this wave.
     *
     * @param measure the index name, or eNPS
     * @param r Pearson r, two decimals, or –
     * @param ci the 95% interval, or –
     * @param p two-sided p
     * @param spearman Spearman's rho
     * @param n units
     * @param icc2 ICC(2) of the measure in the segment, or –
     * @param disattenuated r / √ICC(2), or –
     * @param reason why there is no r, or empty
     * @param low the interval's low end on a 0–100 axis of −1…1, for the interval plot
     * @param high its high end
     * @param mid r on that axis
     * @param hasR whether there is an r to draw
     */
    public record MeasureRow(String measure, String r, String ci, String p, String spearman, String n, String icc2,
            String disattenuated, String reason, String low, String high, String mid, boolean hasR) {}

    /**
     * A scatter plot, inline SVG, of the shown groups.
     *
     * @param title the plot's accessible name
     * @param description what it shows, in words, for a screen reader
     * @param xLabel the culture axis
     * @param yLabel the metric axis
     * @param xTicks the smallest and largest culture value, where they fall on the x axis
     * @param yTicks the smallest and largest metric value, where they fall on the y axis
     * @param dots the points, in viewBox coordinates
     * @param points the same points as numbers, for the table beside the plot
     */
    public record Scatter(String title, String description, String xLabel, String yLabel, List<Tick> xTicks,
            List<Tick> yTicks, List<Dot> dots, List<PointRow> points) {
        public Scatter {
            xTicks = List.copyOf(xTicks);
            yTicks = List.copyOf(yTicks);
            dots = List.copyOf(dots);
            points = List.copyOf(points);
        }
    }

    /** @param at the viewBox coordinate along its axis @param label the value */
    public record Tick(String at, String label) {}

    /** @param x viewBox x @param y viewBox y @param label the group and its two values */
    public record Dot(String x, String y, String label) {}

    /** @param group the group @param culture its figure @param outcome its metric @param customers or – */
    public record PointRow(String group, String culture, String outcome, String customers) {}

    /**
     * One measure in the cross-lagged view: r (n) of each pairing of waves.
     *
     * @param measure the index name, or eNPS
     * @param sameWave this wave's culture against this wave's outcomes
     * @param cultureEarlier the previous wave's culture against this wave's outcomes
     * @param outcomesEarlier this wave's culture against the previous outcomes
     * @param previousWave both of the previous wave
     */
    public record LagRow(String measure, String sameWave, String cultureEarlier, String outcomesEarlier,
            String previousWave) {}

    /** The section, or null when the run had no {@code --outcomes}. */
    static OutcomesView of(Questionnaire questionnaire, Results results) {
        if (results.outcomes() == null || results.outcomes().isEmpty()) {
            return null;
        }
        Map<String, String> names = measureNames(questionnaire);
        Map<String, List<Outcome>> byMetric = new LinkedHashMap<>();
        for (Outcome outcome : results.outcomes()) {
            byMetric.computeIfAbsent(outcome.segment() + "\u0000" + outcome.metric(), key -> new ArrayList<>())
                    .add(outcome);
        }
        List<Metric> metrics = new ArrayList<>();
        byMetric.values().forEach(outcomes -> metrics.add(metric(outcomes, names, results)));
        return new OutcomesView(caveatTexts(), metrics);
    }

    /** Index ids and {@code enps} to the names the reports show. */
    static Map<String, String> measureNames(Questionnaire questionnaire) {
        Map<String, String> names = new LinkedHashMap<>();
        questionnaire.indices().forEach(index -> names.put(index.id(), index.name()));
        names.put(OutcomeLinks.ENPS, "eNPS");
        return names;
    }

    private static List<String> caveatTexts() {
        return List.of(
                "Each point is a group, not a person. A relation between group averages (the unit level) says "
                        + "nothing about whether the individual people who rate their culture higher are the ones "
                        + "whose customers are happier.",
                "A correlation is not proof of cause. Better-run groups may do well on both; customers' mood may "
                        + "lift the team's as much as the other way round. The lagged view, where there is one, "
                        + "hints at the direction but cannot settle it.",
                "Group means are only as reliable as ICC(2) says: below about .7 the groups' order is partly noise, "
                        + "which weakens r. r/√ICC(2) estimates r with perfectly reliable group means, assuming the "
                        + "outcome itself has no error; it is an upper-end guess, not a finding.",
                "A 95% interval that spans zero means the data fit no relation as well as a real one: it is not "
                        + "evidence that there is none.",
                "Groups the anonymity rules hide are left out of every figure here, and never drawn: with r and "
                        + "the other points published, a hidden group's mean could be worked out.");
    }

    private static Metric metric(List<Outcome> outcomes, Map<String, String> names, Results results) {
        List<Outcome> same = outcomes.stream().filter(o -> o.lag().equals(OutcomeLinks.SAME_WAVE)).toList();
        List<Outcome> ranked = new ArrayList<>(same);
        ranked.sort(Comparator.comparing((Outcome o) -> o.r() == null)
                .thenComparing(o -> o.r() == null ? 0 : -Math.abs(o.r())));
        Outcome top = ranked.get(0);
        String segment = top.segment();
        long hidden = results.segments().stream().filter(s -> s.id().equals(segment))
                .flatMap(s -> s.groups().stream()).filter(Results.Group::suppressed).count();
        List<LagRow> lagged = new ArrayList<>();
        boolean hasLag = outcomes.stream().anyMatch(o -> !o.lag().equals(OutcomeLinks.SAME_WAVE));
        if (hasLag) {
            for (Outcome o : same) {
                lagged.add(new LagRow(names.get(o.measure()), brief(o),
                        brief(find(outcomes, o.measure(), OutcomeLinks.CULTURE_EARLIER)),
                        brief(find(outcomes, o.measure(), OutcomeLinks.OUTCOMES_EARLIER)),
                        brief(find(outcomes, o.measure(), OutcomeLinks.PREVIOUS_WAVE))));
            }
        }
        return new Metric(segment, top.metric(),
                hidden == 0 ? "" : hidden + " hidden " + segment + " " + (hidden == 1 ? "group is" : "groups are")
                        + " left out.",
                finding(top, names.get(top.measure())), power(top),
                ranked.stream().map(o -> row(o, names.get(o.measure()))).toList(),
                scatter(top, names.get(top.measure())), lagged,
                hasLag ? laggedNote(outcomes) : "");
    }

    private static Outcome find(List<Outcome> outcomes, String measure, String lag) {
        return outcomes.stream().filter(o -> o.measure().equals(measure) && o.lag().equals(lag)).findFirst()
                .orElse(null);
    }

    /** "0.42 (n 31)", or "– (n 8)", or – when there is no such pairing. */
    private static String brief(Outcome o) {
        return o == null ? Display.NONE : Display.decimal(o.r(), 2) + " (n " + o.n() + ")";
    }

    private static String laggedNote(List<Outcome> outcomes) {
        Outcome any = outcomes.stream().filter(o -> o.lag().equals(OutcomeLinks.CULTURE_EARLIER)).findFirst()
                .orElse(null);
        String earlier = any == null || any.cultureWave() == null ? "the previous wave" : any.cultureWave();
        return "If culture moves customers, " + earlier + "'s culture should go with this wave's outcomes at "
                + "least as closely as this wave's culture goes with " + earlier + "'s outcomes. Two waves and one "
                + "set of groups make this a hint, not a test: the two r differ by chance too.";
    }

    private static MeasureRow row(Outcome o, String name) {
        return new MeasureRow(name, Display.decimal(o.r(), 2), interval(o.ciLow(), o.ciHigh()),
                Display.probability(o.p()), Display.decimal(o.spearman(), 2), Integer.toString(o.n()),
                Display.decimal(o.icc2(), 2), Display.decimal(o.rDisattenuated(), 2),
                o.reason() == null ? "" : o.reason(),
                axis(o.ciLow() == null ? o.r() : o.ciLow()), axis(o.ciHigh() == null ? o.r() : o.ciHigh()),
                axis(o.r()), o.r() != null);
    }

    /** −1…1 on 0–100, one decimal; 50 for none. */
    private static String axis(Double r) {
        return Display.decimal(r == null ? 50 : (r + 1) * 50, 1);
    }

    private static String interval(Double low, Double high) {
        return low == null || high == null ? Display.NONE : Display.decimal(low, 2) + " to "
                + Display.decimal(high, 2);
    }

    /** One sentence on the strongest measure, as strong as its interval allows. */
    static String finding(Outcome o, String measure) {
        String units = o.n() + " shown " + o.segment() + " " + (o.n() == 1 ? "group" : "groups");
        if (o.r() == null) {
            return "Only " + units + " have both " + measure + " and " + o.metric() + (o.reason() == null
                    ? "" : "; " + o.reason()) + ", so no correlation is given"
                    + (o.n() < 10 ? ": with so few, its interval would span most of −1 to 1" : "")
                    + ". The points are shown as they are.";
        }
        String r = "r = " + Display.decimal(o.r(), 2) + ", 95% CI " + interval(o.ciLow(), o.ciHigh());
        if (o.ciLow() == null || (o.ciLow() <= 0 && o.ciHigh() >= 0)) {
            return "Across " + units + ", " + measure + " and " + o.metric() + " show no clear relation (" + r
                    + "): the interval spans zero, so the data fit no relation as well as a "
                    + strength(Math.max(Math.abs(o.ciLow() == null ? 0 : o.ciLow()),
                            Math.abs(o.ciHigh() == null ? 0 : o.ciHigh()))) + " one. More groups, or more waves, "
                    + "would tell.";
        }
        String direction = o.r() > 0 ? "higher" : "lower";
        return "Across " + units + ", groups with a higher " + measure + " tend to have " + direction + " "
                + o.metric() + ": a " + strength(Math.abs(o.r())) + " relation (" + r + "). The interval "
                + "excludes zero, yet a correlation across groups is not proof that one causes the other.";
    }

    /** Words for |r|, after Cohen's rough conventions. */
    private static String strength(double r) {
        return r < 0.1 ? "negligible" : r < 0.3 ? "weak" : r < 0.5 ? "moderate" : "strong";
    }

    private static String power(Outcome o) {
        return "With " + o.n() + " groups, only a correlation of about "
                + (o.detectableR() == null ? "1" : Display.decimal(o.detectableR(), 2)) + " or stronger would "
                + "reliably show (80% power, α = .05, two-sided); detecting r = .3, about what studies across "
                + "thousands of business units find for engagement and customer loyalty, takes "
                + o.unitsToDetect() + " groups.";
    }

    private static Scatter scatter(Outcome o, String measure) {
        List<OutcomePoint> points = o.points();
        double[] x = range(points.stream().mapToDouble(OutcomePoint::culture).toArray());
        double[] y = range(points.stream().mapToDouble(OutcomePoint::outcome).toArray());
        int places = o.measure().equals(OutcomeLinks.ENPS) ? 0 : 2;
        List<Dot> dots = new ArrayList<>();
        List<PointRow> rows = new ArrayList<>();
        for (OutcomePoint p : points) {
            String culture = Display.decimal(p.culture(), places);
            String outcome = number(p.outcome());
            dots.add(new Dot(Display.decimal(across(p.culture(), x), 1), Display.decimal(up(p.outcome(), y), 1),
                    p.group() + ": " + measure + " " + culture + ", " + o.metric() + " " + outcome));
            rows.add(new PointRow(p.group(), culture, outcome,
                    p.customers() == null ? Display.NONE : Long.toString(p.customers())));
        }
        String description = points.size() + " shown " + o.segment() + " groups, one dot each: " + measure
                + " (mean " + (places == 0 ? "score" : "on the answer scale") + ") across, " + o.metric() + " up. "
                + (o.r() == null ? "No correlation is given." : "r = " + Display.decimal(o.r(), 2) + ".")
                + " Hidden groups are not drawn. The numbers are in the table that follows.";
        return new Scatter(measure + " and " + o.metric() + " by " + o.segment(), description, measure, o.metric(),
                List.of(new Tick(Display.decimal(across(x[2], x), 1), Display.decimal(x[2], places)),
                        new Tick(Display.decimal(across(x[3], x), 1), Display.decimal(x[3], places))),
                List.of(new Tick(Display.decimal(up(y[2], y), 1), number(y[2])),
                        new Tick(Display.decimal(up(y[3], y), 1), number(y[3]))), dots, rows);
    }

    private static double across(double value, double[] range) {
        return LEFT + (value - range[0]) / (range[1] - range[0]) * (RIGHT - LEFT);
    }

    private static double up(double value, double[] range) {
        return BOTTOM - (value - range[0]) / (range[1] - range[0]) * (BOTTOM - TOP);
    }

    /**
     * The axis's ends, the smallest and largest value widened a little so that no dot sits on an axis and never of
     * zero width; then the smallest and largest value themselves.
     */
    private static double[] range(double[] values) {
        double min = values.length == 0 ? 0 : Arrays.stream(values).min().getAsDouble();
        double max = values.length == 0 ? 1 : Arrays.stream(values).max().getAsDouble();
        double pad = max > min ? (max - min) * 0.05 : 0.5;
        return new double[] {min - pad, max + pad, min, max};
    }

    /** A metric value as given: up to two decimals, no trailing zeros. */
    private static String number(double value) {
        String text = Display.decimal(value, 2);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
