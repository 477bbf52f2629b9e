package org.culturekit.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Item;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Scale;
import org.culturekit.model.VisibleText;
import org.culturekit.scoring.Changes;
import org.culturekit.scoring.OutcomeLinks;
import org.culturekit.scoring.Results;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes {@code report.xlsx} for analysts (docs/reports.md): an About sheet, the indices, one heatmap per
 * segment, the participation per group ({@code --invited FILE}), the items, say-do gaps, eNPS, the changes since a baseline, the links to customer outcomes (with their
 * points: shown groups only) and the comments, from the same
 * {@link Results} as every other format.
 *
 * <ul>
 *   <li>Figures are numbers at full precision, exactly those of {@code results.json}, shown through number
 *       formats; a group's index score is its mean placed on 0–100, as in the HTML heatmap. One exception: a
 *       group's response rate is rounded down to a whole percent, as the HTML prints it, because a format
 *       rounds to nearest and a flagged 59.6% would read as the 60% it is below.
 *   <li>A withheld figure is the text "not shown" and never a number; an undefined one is "–".
 *   <li>Text from the data is a text cell, which a spreadsheet never evaluates, so it is written as it is (no
 *       apostrophe, unlike {@link SpreadsheetText} in the untyped CSV), with control and bidi characters
 *       shown as in the other reports.
 *   <li>The same inputs give the same bytes ({@link WorkbookZip}).
 * </ul>
 */
public final class ReportWorkbook {
    static final String NOT_SHOWN = "not shown";
    static final String UNDEFINED = Display.NONE;
    /** Excel's limit on the text of one cell. */
    private static final int CELL_LIMIT = 32_767;

    /** Fills from least to most favourable; a questionnaire's bands are spread over them. */
    static final List<String> BAND_FILLS = List.of("F4B6B6", "F9D3A5", "FCE9A6", "D3E8B5", "A9D6A0");
    static final String HIDDEN_FILL = "EEEEEE";
    private static final String HEADER_FILL = "DDE3EA";
    private static final String MUTED = "666666";

    static final String SCORE = "0";
    static final String BRIGHT_SPOT = "0 \\▲";
    static final String HOT_SPOT = "0 \\▼";
    private static final String MEAN = "0.00";
    private static final String PERCENT = "0";
    /** A share of 1 as a percentage: the response rates, which Excel then sums and averages as shares. */
    static final String RATE = "0%";
    // fastexcel writes format codes into XML unescaped: no quotes, no '<' (so no "<0.001" for tiny p-values)
    private static final String SIGNED = "+0.00;-0.00;0.00";
    private static final String SIGNED_WHOLE = "+0;-0;0";
    private static final String PROBABILITY = "0.000";
    private static final String COUNT = "0";
    private static final String GENERAL = "General";

    /** The pairings of waves of results.json's {@code lag}, as the report's lagged view names them. */
    static final Map<String, String> LAGS = Map.of(OutcomeLinks.SAME_WAVE, "Same wave",
            OutcomeLinks.CULTURE_EARLIER, "Culture earlier", OutcomeLinks.OUTCOMES_EARLIER, "Outcomes earlier",
            OutcomeLinks.PREVIOUS_WAVE, "Previous wave");

    private final Questionnaire questionnaire;
    private final Results results;
    private final Changes changes;
    private final ReportOptions options;
    private final LocalDate date;
    private final Workbook workbook;
    private final SheetNames names = new SheetNames();
    /** The unit whose report this is ({@code --per-unit}), or null for the organisation's. */
    private final Hierarchy.Unit unit;

    private ReportWorkbook(Questionnaire questionnaire, Results results, ReportOptions options, LocalDate date,
            Hierarchy.Unit unit, Workbook workbook) {
        this.unit = unit;
        this.questionnaire = questionnaire;
        this.results = results;
        this.changes = options.changes();
        this.options = options;
        this.date = date;
        this.workbook = workbook;
    }

    /**
     * Writes the workbook into {@code out}, which is not closed.
     *
     * @param options the changes since a baseline (or null for no Changes sheet), the invited count where the
     *     overall response rate may be published, and the segment of {@code --invited FILE} (or null for no
     *     Participation sheet)
     * @param date the report's date, or null when it has none
     */
    public static void write(Questionnaire questionnaire, Results results, ReportOptions options, LocalDate date,
            OutputStream out) throws IOException {
        write(questionnaire, results, options, date, null, out);
    }

    /**
     * Writes a unit's workbook ({@code --per-unit}) into {@code out}, which is not closed: its About sheet names
     * the unit, its leader and the unit it is part of.
     */
    public static void write(Questionnaire questionnaire, Results results, ReportOptions options, LocalDate date,
            Hierarchy.Unit unit, OutputStream out) throws IOException {
        // held whole to be re-dated: a report's workbook is tens of kilobytes, whatever the number of rows
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(written, "culturekit", null);
        // compressed once, when re-dated, rather than twice
        workbook.setCompressionLevel(0);
        new ReportWorkbook(questionnaire, results, options, date, unit, workbook).sheets();
        workbook.finish();
        WorkbookZip.copyDated(written.toByteArray(), date == null ? WorkbookZip.NO_DATE : date, out);
    }

    private void sheets() {
        about();
        indices();
        results.segments().forEach(this::heatmap);
        if (options.invitedSegment() != null) {
            participation();
        }
        items();
        if (results.sayDo() != null) {
            sayDo(results.sayDo());
        }
        if (results.enps() != null) {
            enps(results.enps());
        }
        if (changes != null) {
            changes();
        }
        if (results.outcomes() != null && !results.outcomes().isEmpty()) {
            outcomes();
            outcomePoints();
        }
        if (results.comments().stream().anyMatch(q -> !q.groups().isEmpty())) {
            comments();
        }
    }

    // ---- sheets ----

    private void about() {
        Sheet sheet = new Sheet("About", 24, 100);
        sheet.ws.value(0, 0, shown(questionnaire.title()));
        sheet.ws.style(0, 0).bold().fontSize(14).set();
        sheet.row = 2;
        if (unit != null) {
            sheet.pair("Unit", unit.id());
            if (unit.leader() != null) {
                sheet.pair("Leader", unit.leader());
            }
            if (unit.parent() != null) {
                sheet.pair("Part of", unit.parent());
            }
        }
        sheet.pair("Questionnaire", questionnaire.id() + " " + questionnaire.version());
        if (results.wave() != null) {
            sheet.pair("Wave", results.wave());
        }
        if (date != null) {
            sheet.pair("Date", date.toString());
        }
        sheet.label("Respondents");
        sheet.count(1, results.rows().scored());
        sheet.next();
        if (options.invited().isPresent() && options.invited().getAsLong() > 0) {
            // as the HTML header: only where the total gives away no hidden group's invited (Participation.total)
            long invited = options.invited().getAsLong();
            sheet.label("Invited");
            sheet.count(1, invited);
            sheet.next();
            sheet.label("Response rate");
            sheet.number(1, (double) results.rows().scored() / invited, RATE);
            sheet.next();
        }
        sheet.label("Rows read");
        sheet.count(1, results.rows().read());
        sheet.next();
        for (Results.Exclusion excluded : results.rows().excluded()) {
            sheet.label("Left out: " + excluded.reason());
            sheet.count(1, excluded.count());
            sheet.next();
        }
        sheet.label("Minimum group size");
        sheet.count(1, questionnaire.reporting().minGroupSize());
        sheet.next();
        sheet.pair("“not shown”", "No figure, not even a count, is shown for fewer than "
                + questionnaire.reporting().minGroupSize() + " respondents. A cell reading “not shown” holds no "
                + "number: the group or figure is too small, or would let a small one be worked out by "
                + "subtracting shown figures from the total. Group sizes behind hidden cells are never shown; "
                + "the same cells are hidden in report.html and results.json.");
        sheet.pair("“–”", "The figure is undefined: too few answers, or no spread in them.");
        sheet.pair("Scores", "Index scores run from 0 to 100: the mean answer placed on the answer scale "
                + "(0 is the lowest answer, 100 the highest). Percentages are of answers.");
        if (results.comments().stream().anyMatch(q -> !q.groups().isEmpty())) {
            sheet.pair("Comments", "Shown only for groups of at least "
                    + questionnaire.reporting().minCommentGroupSize() + " respondents, sorted by their text, "
                    + "with e-mail addresses and phone numbers removed.");
        }
        sheet.next();
        legend(sheet);
    }

    private void indices() {
        Sheet sheet = new Sheet("Indices", 28, 11, 16, 9, 11, 11, 12, 10, 14, 8, 8);
        sheet.header("Index", "Score (0–100)", "Band", "Mean", "95% CI low", "95% CI high", "Favourable %",
                "Neutral %", "Unfavourable %", "Alpha", "n");
        for (int x = 0; x < results.indices().size(); x++) {
            Results.IndexResult result = results.indices().get(x);
            sheet.text(0, result.name());
            if (!(result.figures() instanceof Results.Cell.Shown<Results.IndexFigures> shown)) {
                sheet.notShown(1, 10);
            } else {
                Results.IndexFigures index = shown.figures();
                sheet.score(1, index.score100(), fill(questionnaire.indices().get(x), index.score100()), SCORE);
                sheet.text(2, index.band() == null ? UNDEFINED : index.band());
                sheet.number(3, index.mean(), MEAN);
                sheet.number(4, index.ciLow(), MEAN);
                sheet.number(5, index.ciHigh(), MEAN);
                sheet.number(6, index.favorable(), PERCENT);
                sheet.number(7, index.neutral(), PERCENT);
                sheet.number(8, index.unfavorable(), PERCENT);
                sheet.number(9, index.alpha(), MEAN);
                sheet.count(10, index.n());
            }
            sheet.next();
        }
    }

    private void heatmap(Results.SegmentResult segment) {
        List<String> headings = new ArrayList<>(List.of("Group", "n"));
        questionnaire.indices().forEach(index -> headings.add(index.name()));
        boolean sayDo = results.sayDo() != null;
        boolean enps = results.enps() != null;
        if (sayDo) {
            headings.add("Say-do gap");
        }
        if (enps) {
            headings.add("eNPS");
        }
        int longest = segment.groups().stream().mapToInt(g -> shown(g.value()).length()).max().orElse(0);
        double[] widths = new double[headings.size()];
        Arrays.fill(widths, 13);
        widths[0] = Math.max(14, Math.min(40, longest + 2));
        widths[1] = 7;
        Sheet sheet = new Sheet("By " + segment.id(), widths);
        sheet.header(headings.toArray(String[]::new));
        sheet.ws.freezePane(1, 1);
        int indices = questionnaire.indices().size();
        for (Results.Group group : segment.groups()) {
            sheet.text(0, group.value());
            if (!(group.figures() instanceof Results.Cell.Shown<Results.GroupFigures> shownGroup)) {
                sheet.notShown(1, headings.size() - 1);
                sheet.next();
                continue;
            }
            Results.GroupFigures figures = shownGroup.figures();
            sheet.count(1, figures.n());
            for (int x = 0; x < indices; x++) {
                if (!(figures.indices().get(x).figures()
                        instanceof Results.Cell.Shown<Results.GroupIndexFigures> shownCell)) {
                    sheet.notShown(2 + x, 2 + x);
                    continue;
                }
                Results.GroupIndexFigures cell = shownCell.figures();
                Index index = questionnaire.indices().get(x);
                Double score = score100(index, cell.mean());
                String format = cell.flag() == Results.Flag.BRIGHT_SPOT ? BRIGHT_SPOT
                        : cell.flag() == Results.Flag.HOT_SPOT ? HOT_SPOT : SCORE;
                sheet.score(2 + x, score, fill(index, score), format);
            }
            int column = 2 + indices;
            if (sayDo) {
                Results.GroupGap gap = figures.sayDo() == null ? null : figures.sayDo().shown().orElse(null);
                if (gap == null) {
                    sheet.notShown(column, column);
                } else {
                    sheet.number(column, gap.meanGap(), SIGNED);
                }
                column++;
            }
            if (enps) {
                Results.GroupEnps figure = figures.enps() == null ? null : figures.enps().shown().orElse(null);
                if (figure == null) {
                    sheet.notShown(column, column);
                } else {
                    sheet.number(column, figure.score(), SIGNED_WHOLE);
                }
            }
            sheet.next();
        }
        sheet.next();
        legend(sheet);
    }

    /**
     * The Participation sheet, as the HTML's section: each group of the segment with its respondents, invited and
     * response rate, flagged below {@code reporting.minResponseRate}; a hidden group gives neither count.
     */
    private void participation() {
        int threshold = questionnaire.reporting().minResponseRate();
        Sheet sheet = new Sheet("Participation", 14, 28, 12, 10, 14, 16);
        sheet.header("Segment", "Group", "Respondents", "Invited", "Response rate",
                "Below " + threshold + "%");
        for (Results.SegmentResult segment : results.segments()) {
            if (!segment.id().equals(options.invitedSegment())) {
                continue;
            }
            for (Results.Group group : segment.groups()) {
                sheet.text(0, segment.id());
                sheet.text(1, group.value());
                if (group.suppressed()) {
                    sheet.notShown(2, 5);
                } else {
                    sheet.count(2, group.n());
                    sheet.count(3, group.invited());
                    Double rate = group.responseRate();
                    sheet.number(4, rate == null ? null : Math.floor(rate) / 100, RATE);
                    if (rate == null) {
                        sheet.muted(5, UNDEFINED);
                    } else {
                        sheet.text(5, rate < threshold ? "⚑ yes" : "no");
                    }
                }
                sheet.next();
            }
        }
        sheet.ws.setAutoFilter(0, 0, 5);
        sheet.next();
        sheet.pair("Response rate", "The share of each group's invited whose answers were scored, rounded down to "
                + "a whole percent. Groups below " + threshold + "% are flagged ⚑: their results may not speak for "
                + "the whole group. A group without a headcount has “–”.");
        sheet.pair("“not shown”", "Too few responses to show without risking anonymity, so the group's invited "
                + "count is not shown either.");
        if (options.invited().isEmpty()) {
            sheet.pair("Overall", ParticipationView.WITHHELD);
        }
    }

    private void items() {
        Sheet sheet = new Sheet("Items", 24, 12, 60, 24, 7, 12, 12, 10, 14, 12);
        sheet.header("Index", "Item", "Wording", "Reverse-worded", "n", "Mean (keyed)", "Favourable %", "Neutral %",
                "Unfavourable %", "Item-total r");
        for (Results.IndexResult index : results.indices()) {
            for (Results.ItemResult result : index.items()) {
                Item item = questionnaire.item(result.id());
                sheet.text(0, index.name());
                sheet.text(1, item.id());
                sheet.text(2, item.text());
                sheet.text(3, item.reverse() ? "yes: agreeing scores low" : "");
                if (!(result.figures() instanceof Results.Cell.Shown<Results.ItemFigures> shown)) {
                    sheet.notShown(4, 9);
                } else {
                    Results.ItemFigures figures = shown.figures();
                    sheet.count(4, figures.n());
                    sheet.number(5, figures.mean(), MEAN);
                    sheet.number(6, figures.favorable(), PERCENT);
                    sheet.number(7, figures.neutral(), PERCENT);
                    sheet.number(8, figures.unfavorable(), PERCENT);
                    sheet.number(9, figures.itemTotal(), MEAN);
                }
                sheet.next();
            }
        }
        sheet.ws.setAutoFilter(0, 0, 9);
    }

    private void sayDo(Results.SayDo sayDo) {
        Sheet sheet = new Sheet("Say-do", 32, 7, 10, 10, 14, 11, 11, 9, 8, 16);
        sheet.header("Value", "n", "Say (mean)", "Do (mean)", "Gap (say − do)", "95% CI low", "95% CI high", "p",
                "dz", "Gap ≥ 1 point %");
        gap(sheet, "All values", sayDo.overall(), false);
        sayDo.pairs().forEach(pair -> gap(sheet, pair.name(), pair.figures(), true));
    }

    /** One row; only a pair has say and do means of its own. */
    private static void gap(Sheet sheet, String name, Results.Cell<Results.GapFigures> cell, boolean pair) {
        sheet.text(0, name);
        if (!(cell instanceof Results.Cell.Shown<Results.GapFigures> shown)) {
            sheet.notShown(1, 9);
        } else {
            Results.GapFigures gap = shown.figures();
            sheet.count(1, gap.n());
            if (pair) {
                sheet.number(2, gap.sayMean(), MEAN);
                sheet.number(3, gap.doMean(), MEAN);
            }
            sheet.number(4, gap.meanGap(), SIGNED);
            sheet.number(5, gap.ciLow(), SIGNED);
            sheet.number(6, gap.ciHigh(), SIGNED);
            sheet.number(7, gap.p(), PROBABILITY);
            sheet.number(8, gap.dz(), MEAN);
            sheet.number(9, gap.shareGapAtLeast1(), PERCENT);
        }
        sheet.next();
    }

    private void enps(Results.Cell<Results.Enps> cell) {
        Sheet sheet = new Sheet("eNPS", 14, 8, 12, 12, 12, 14);
        sheet.header("Who", "n", "eNPS", "Promoters %", "Passives %", "Detractors %");
        sheet.text(0, "Everyone");
        if (!(cell instanceof Results.Cell.Shown<Results.Enps> shown)) {
            sheet.notShown(1, 5);
        } else {
            Results.Enps enps = shown.figures();
            sheet.count(1, enps.n());
            sheet.number(2, enps.score(), SIGNED_WHOLE);
            sheet.number(3, share(enps.promoters(), enps.n()), PERCENT);
            sheet.number(4, share(enps.passives(), enps.n()), PERCENT);
            sheet.number(5, share(enps.detractors(), enps.n()), PERCENT);
        }
        sheet.next();
        sheet.next();
        sheet.pair("", "eNPS is the share of promoters (9–10) minus the share of detractors (0–6), from −100 to "
                + "+100. By group: the segment sheets.");
    }

    private void changes() {
        Sheet sheet = new Sheet("Changes", 34, 14, 20, 10, 10, 10, 9, 12, 16, 40);
        sheet.header("Figure", "Segment", "Group", "Before", "After", "Change", "p", "Significant", "Unit", "Note");
        for (Changes.Change change : changes.indices()) {
            Scale scale = questionnaire.scaleOf(index(change.id()).items().get(0));
            change(sheet, change.name(), "", "", change, scale.min(), 100.0 / (scale.max() - scale.min()),
                    "0–100 points");
        }
        for (Changes.Change change : changes.pairs()) {
            change(sheet, change.id() == null ? "Say-do gap, all values" : "Say-do gap: " + change.name(), "", "",
                    change, 0, 1, "answer points");
        }
        if (changes.enps() != null) {
            change(sheet, "eNPS", "", "", changes.enps(), 0, 1, "eNPS points");
        }
        for (Changes.GroupChange group : changes.groups()) {
            Index index = index(group.change().id());
            Scale scale = questionnaire.scaleOf(index.items().get(0));
            change(sheet, index.name(), group.segment(), group.group(), group.change(), scale.min(),
                    100.0 / (scale.max() - scale.min()), "0–100 points");
        }
        sheet.ws.setAutoFilter(0, 0, 9);
        sheet.next();
        sheet.pair("Baseline", changes.baselineWave() == null ? "the baseline" : changes.baselineWave());
        if (!changes.sameQuestionnaire()) {
            sheet.pair("", "The two waves used different questionnaires; only indices whose items are unchanged are "
                    + "compared.");
        }
        if (!changes.onlyHere().isEmpty()) {
            sheet.pair("Only in this wave", String.join(", ", changes.onlyHere()));
        }
        if (!changes.onlyInBaseline().isEmpty()) {
            sheet.pair("Only in the baseline", String.join(", ", changes.onlyInBaseline()));
        }
    }

    /** One change, its figures shifted by {@code origin} and multiplied by {@code scale} (to 0–100 points). */
    private static void change(Sheet sheet, String name, String segment, String group, Changes.Change change,
            double origin, double scale, String unit) {
        sheet.text(0, name);
        sheet.text(1, segment);
        sheet.text(2, group);
        if (change.comparable()) {
            sheet.number(3, change.before() == null ? null : (change.before() - origin) * scale, MEAN);
            sheet.number(4, change.after() == null ? null : (change.after() - origin) * scale, MEAN);
            sheet.number(5, change.delta() == null ? null : change.delta() * scale, SIGNED);
            sheet.number(6, change.p(), PROBABILITY);
            sheet.text(7, change.significant() ? "yes" : "no");
            sheet.text(8, unit);
        } else {
            sheet.notShown(3, 6);
            sheet.text(9, change.reason());
        }
        sheet.next();
    }

    /** One row per segment × metric × measure × pairing of waves, the figures of results.json's outcomes. */
    private void outcomes() {
        Sheet sheet = new Sheet("Outcomes", 12, 16, 26, 16, 11, 11, 6, 8, 11, 11, 8, 10, 8, 15, 13, 15, 44);
        sheet.header("Segment", "Metric", "Culture measure", "Waves", "Culture wave", "Outcome wave", "n", "r",
                "95% CI low", "95% CI high", "p", "Spearman", "ICC(2)", "r / √ICC(2)", "Smallest r detected",
                "Units to detect r = .3", "Why no r");
        Map<String, String> measures = OutcomesView.measureNames(questionnaire);
        for (Results.Outcome outcome : results.outcomes()) {
            sheet.text(0, outcome.segment());
            sheet.text(1, outcome.metric());
            sheet.text(2, measures.get(outcome.measure()));
            sheet.text(3, LAGS.get(outcome.lag()));
            sheet.text(4, outcome.cultureWave());
            sheet.text(5, outcome.outcomeWave());
            sheet.count(6, outcome.n());
            sheet.number(7, outcome.r(), MEAN);
            sheet.number(8, outcome.ciLow(), MEAN);
            sheet.number(9, outcome.ciHigh(), MEAN);
            sheet.number(10, outcome.p(), PROBABILITY);
            sheet.number(11, outcome.spearman(), MEAN);
            sheet.number(12, outcome.icc2(), MEAN);
            sheet.number(13, outcome.rDisattenuated(), MEAN);
            sheet.number(14, outcome.detectableR(), MEAN);
            sheet.count(15, outcome.unitsToDetect());
            sheet.text(16, outcome.reason());
            sheet.next();
        }
        sheet.ws.setAutoFilter(0, 0, 16);
        sheet.next();
        sheet.pair("Units", "Each unit is a group shown in the report, with its published culture figure and its "
                + "outcome. Groups the anonymity rules hide are left out: with r and the other points published, a "
                + "hidden group's mean could be worked out. The points are on the sheet Outcome points.");
        sheet.pair("Caution", "A relation between group averages is not one between people, and not proof of "
                + "cause. A 95% interval that spans zero fits no relation as well as a real one. r / √ICC(2) is an "
                + "upper-end guess at r with perfectly reliable group means.");
        sheet.pair("Waves", "Same wave: this wave's culture and outcomes. Culture earlier: the previous wave's "
                + "culture against this wave's outcomes. Outcomes earlier: this wave's culture against the previous "
                + "outcomes. Previous wave: both of the previous wave.");
    }

    /** The units behind each row of the Outcomes sheet: shown groups only, as in results.json. */
    private void outcomePoints() {
        Sheet sheet = new Sheet("Outcome points", 12, 16, 26, 16, 28, 16, 12, 11);
        sheet.header("Segment", "Metric", "Culture measure", "Waves", "Group", "Culture (mean or eNPS)", "Outcome",
                "Customers");
        Map<String, String> measures = OutcomesView.measureNames(questionnaire);
        for (Results.Outcome outcome : results.outcomes()) {
            String format = outcome.measure().equals(OutcomeLinks.ENPS) ? SIGNED_WHOLE : MEAN;
            for (Results.OutcomePoint point : outcome.points()) {
                sheet.text(0, outcome.segment());
                sheet.text(1, outcome.metric());
                sheet.text(2, measures.get(outcome.measure()));
                sheet.text(3, LAGS.get(outcome.lag()));
                sheet.text(4, point.group());
                sheet.number(5, point.culture(), format);
                sheet.number(6, point.outcome(), GENERAL);
                sheet.count(7, point.customers());
                sheet.next();
            }
        }
        sheet.ws.setAutoFilter(0, 0, 7);
    }

    private void comments() {
        Sheet sheet = new Sheet("Comments", 40, 22, 80, 12);
        sheet.header("Question", "Group", "Comment", "Respondents");
        for (Results.CommentQuestion question : results.comments()) {
            for (Results.CommentGroup group : question.groups()) {
                for (Results.Comment comment : group.comments()) {
                    sheet.text(0, question.question());
                    sheet.text(1, group.group());
                    sheet.text(2, comment.text());
                    sheet.count(3, comment.count());
                    sheet.ws.style(sheet.row, 2).wrapText(true).set();
                    sheet.next();
                }
                if (group.omitted() > 0) {
                    sheet.text(0, question.question());
                    sheet.text(1, group.group());
                    sheet.muted(2, group.omitted() + " more not shown");
                    sheet.next();
                }
            }
        }
        sheet.ws.setAutoFilter(0, 0, 3);
    }

    /** The colours of the bands and the marks of the heatmaps, from the current row down. */
    private void legend(Sheet sheet) {
        sheet.label("Key");
        sheet.next();
        Map<String, String> bands = new LinkedHashMap<>();
        for (Index index : questionnaire.indices()) {
            for (int b = 0; b < index.bands().size(); b++) {
                Band band = index.bands().get(b);
                String range = band.below().isPresent() ? "below " + Display.whole(band.below().getAsDouble())
                        : b == 0 ? "any score" : "from " + Display.whole(index.bands().get(b - 1).below().getAsDouble());
                bands.putIfAbsent(band.label() + " (" + range + ")", bandFill(b, index.bands().size()));
            }
        }
        bands.forEach((label, fill) -> {
            sheet.ws.value(sheet.row, 0, shown(label));
            sheet.ws.style(sheet.row, 0).fillColor(fill).set();
            sheet.next();
        });
        sheet.keyed("", "colours follow the unrounded score: 69.8 reads 70 but is below 70");
        sheet.keyed("▲", "bright spot: the group scores significantly above everyone else (q < .05)");
        sheet.keyed("▼", "hot spot: the group scores significantly below everyone else (q < .05)");
        sheet.ws.value(sheet.row, 0, NOT_SHOWN);
        sheet.ws.style(sheet.row, 0).fillColor(HIDDEN_FILL).fontColor(MUTED).italic().set();
        sheet.ws.value(sheet.row, 1, "fewer than " + questionnaire.reporting().minGroupSize()
                + " respondents, or a figure that would reveal such a group: no number is given");
        sheet.next();
    }

    // ---- figures ----

    /** A group's (or everyone's) 0–100 score from its mean, as the HTML heatmap places it. */
    private Double score100(Index index, Double mean) {
        if (mean == null) {
            return null;
        }
        Scale scale = questionnaire.scaleOf(index.items().get(0));
        return (mean - scale.min()) / (scale.max() - scale.min()) * 100;
    }

    /** The fill of the band {@code score} falls in, or null without a score or bands. */
    static String fill(Index index, Double score) {
        if (score == null || index.bands().isEmpty()) {
            return null;
        }
        List<Band> bands = index.bands();
        for (int b = 0; b < bands.size(); b++) {
            if (bands.get(b).below().isEmpty() || score < bands.get(b).below().getAsDouble()) {
                return bandFill(b, bands.size());
            }
        }
        return bandFill(bands.size() - 1, bands.size());
    }

    /** Band {@code b} of {@code count}: the lowest red, the highest green, the rest spread between. */
    private static String bandFill(int b, int count) {
        int last = BAND_FILLS.size() - 1;
        return BAND_FILLS.get(count == 1 ? last : Math.round((float) b * last / (count - 1)));
    }

    private static Double share(long part, long n) {
        return n == 0 ? null : 100.0 * part / n;
    }

    private Index index(String id) {
        return questionnaire.indices().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    /** Text from the data as the other reports show it, within Excel's limit for a cell. */
    private static String shown(String text) {
        String visible = VisibleText.DOCUMENT.of(text);
        return visible.length() <= CELL_LIMIT ? visible : visible.substring(0, CELL_LIMIT - 1) + "…";
    }

    // ---- writing ----

    /** One worksheet, written top to bottom. */
    private final class Sheet {
        final Worksheet ws;
        int row;

        Sheet(String name, double... widths) {
            ws = workbook.newWorksheet(names.unique(name));
            for (int c = 0; c < widths.length; c++) {
                ws.width(c, widths[c]);
            }
        }

        /** The header row, bold and shaded, kept in view when scrolling. */
        void header(String... headings) {
            for (int c = 0; c < headings.length; c++) {
                ws.value(0, c, headings[c]);
            }
            ws.range(0, 0, 0, headings.length - 1).style().bold().fillColor(HEADER_FILL).wrapText(true)
                    .verticalAlignment("top").set();
            ws.freezePane(0, 1);
            row = 1;
        }

        void next() {
            row++;
        }

        void text(int column, String text) {
            if (text != null && !text.isEmpty()) {
                ws.value(row, column, shown(text));
            }
        }

        void label(String text) {
            ws.value(row, 0, text);
            ws.style(row, 0).bold().set();
        }

        /** A label and a wrapped text beside it, on its own row. */
        void pair(String label, String text) {
            if (!label.isEmpty()) {
                label(label);
            }
            ws.value(row, 1, shown(text));
            ws.style(row, 1).wrapText(true).verticalAlignment("top").set();
            next();
        }

        void keyed(String mark, String meaning) {
            ws.value(row, 0, mark);
            ws.style(row, 0).bold().horizontalAlignment("center").set();
            ws.value(row, 1, meaning);
            next();
        }

        void muted(int column, String text) {
            ws.value(row, column, text);
            ws.style(row, column).fontColor(MUTED).italic().set();
        }

        /** A figure, or "–" when it is undefined. */
        void number(int column, Double value, String format) {
            if (value == null) {
                muted(column, UNDEFINED);
                return;
            }
            ws.value(row, column, value);
            ws.style(row, column).format(format).set();
        }

        void count(int column, long value) {
            ws.value(row, column, value);
            ws.style(row, column).format(COUNT).set();
        }

        void count(int column, Long value) {
            if (value == null) {
                muted(column, UNDEFINED);
            } else {
                count(column, value.longValue());
            }
        }

        /** A 0–100 score filled with its band's colour (none when null), bold when it is a spot. */
        void score(int column, Double value, String fill, String format) {
            if (value == null) {
                muted(column, UNDEFINED);
                return;
            }
            ws.value(row, column, value);
            var style = ws.style(row, column).format(format).horizontalAlignment("center");
            if (fill != null) {
                style.fillColor(fill);
            }
            if (!format.equals(SCORE)) {
                style.bold();
            }
            style.set();
        }

        /** Columns {@code first} to {@code last} withheld: "not shown", shaded, never a number. */
        void notShown(int first, int last) {
            for (int c = first; c <= last; c++) {
                ws.value(row, c, NOT_SHOWN);
                ws.style(row, c).fillColor(HIDDEN_FILL).fontColor(MUTED).italic().horizontalAlignment("center")
                        .set();
            }
        }
    }

    /**
     * Sheet names Excel accepts, whatever the segment ids: at most 31 characters, none of {@code []:*?/\}, no
     * apostrophe at either end, not "History" (Excel keeps it), and unique regardless of case.
     */
    static final class SheetNames {
        private static final int LIMIT = 31;
        private final List<String> taken = new ArrayList<>();

        String unique(String wanted) {
            String name = VisibleText.TERMINAL.of(wanted).replaceAll("[\\[\\]:*?/\\\\]", "_");
            name = name.replaceAll("^'+|'+$", "").strip();
            if (name.isEmpty() || name.equalsIgnoreCase("History")) {
                name = "Sheet";
            }
            name = cut(name, LIMIT);
            String candidate = name;
            for (int n = 2; isTaken(candidate); n++) {
                String suffix = " (" + n + ")";
                candidate = cut(name, LIMIT - suffix.length()) + suffix;
            }
            taken.add(candidate);
            return candidate;
        }

        private boolean isTaken(String name) {
            return taken.stream().anyMatch(t -> t.equalsIgnoreCase(name));
        }

        /** At most {@code limit} UTF-16 units, never half a surrogate pair. */
        private static String cut(String name, int limit) {
            if (name.length() <= limit) {
                return name;
            }
            int end = Character.isHighSurrogate(name.charAt(limit - 1)) ? limit - 1 : limit;
            return name.substring(0, end).strip();
        }
    }
}
