package org.culturekit.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.culturekit.model.Headcounts;
import org.culturekit.model.Hierarchy;
import org.culturekit.scoring.Participation;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Units;

/**
 * The reports of a run's units ({@code report --per-unit}, docs/reports.md): for every published unit, its
 * figures as its {@code results.json} has them and the model its templates render, and the model of the page
 * linking them all. The units come scored, with the disclosure decisions of the whole run applied: this shows
 * what it is given and decides nothing about what may be shown.
 */
public final class UnitReports {
    /** The folder, inside the output folder, that holds the units' reports and their index. */
    public static final String FOLDER = "units";

    /** The index page's file name, inside {@link #FOLDER}. */
    public static final String INDEX = "index.html";

    private final Units units;
    private final Results organisation;
    private final String wave;
    private final Map<String, String> slugs;
    private final Map<String, Units.Unit> byId = new HashMap<>();
    /** Per unit, the invited of the leaves below it, from {@code --invited FILE}; empty without it. */
    private final Map<String, Long> invited = new HashMap<>();

    /**
     * @param units the units, scored
     * @param organisation the organisation's results, whose wave and date the units' reports carry
     * @param wave the wave label of the command line, or empty
     * @param headcounts the invited per group of {@code --invited FILE}, or null; used only when they are of the
     *     tree's segment
     */
    public UnitReports(Units units, Results organisation, String wave, Headcounts headcounts) {
        this.units = units;
        this.organisation = organisation;
        this.wave = wave;
        this.slugs = units.hierarchy().slugs();
        units.units().forEach(unit -> byId.put(unit.unit().id(), unit));
        if (headcounts != null && headcounts.segment().equals(units.hierarchy().segment())) {
            Map<String, Long> leaves = new HashMap<>();
            headcounts.rows().forEach(row -> leaves.put(row.group(), row.invited()));
            List<Hierarchy.Unit> tree = units.hierarchy().units();
            // parents come before their children: summed from the last unit up, each child is done before its parent
            for (int i = tree.size() - 1; i >= 0; i--) {
                Hierarchy.Unit unit = tree.get(i);
                Long count = unit.isLeaf() ? leaves.get(unit.id())
                        : unit.children().stream().map(invited::get).filter(c -> c != null)
                                .reduce(Long::sum).orElse(null);
                if (count != null) {
                    invited.put(unit.id(), count);
                }
            }
        }
    }

    /**
     * One unit's report.
     *
     * @param folder its folder inside the output folder, {@code units/<slug>}
     * @param results its figures, with its child units' participation when known
     * @param options what its model was made with, for the outputs written from its figures (CSV, XLSX)
     * @param model what its templates render
     */
    public record Report(String folder, Results results, ReportOptions options, ReportModel model) {}

    /** The units, as scored. */
    public Units units() {
        return units;
    }

    /** Whether the unit {@code id} has a report. */
    public boolean hasReport(String id) {
        Units.Unit unit = byId.get(id);
        return unit != null && unit.published();
    }

    /** The units that have a report, in the tree's order. */
    public List<Units.Unit> published() {
        return units.units().stream().filter(Units.Unit::published).toList();
    }

    /** The report of {@code unit}, a published unit. */
    public Report report(Units.Unit unit) {
        String segment = invited.isEmpty() ? null : Units.SEGMENT;
        Results results = unit.results().withWave(organisation.wave()).withDate(organisation.date());
        OptionalLong total = OptionalLong.empty();
        if (segment != null) {
            Headcounts children = children(unit.unit());
            results = Participation.withInvited(results, children);
            total = unit.unit().isLeaf()
                    ? (invited.containsKey(unit.unit().id()) ? OptionalLong.of(invited.get(unit.unit().id()))
                            : OptionalLong.empty())
                    : Participation.total(results, children);
        }
        ReportOptions options = new ReportOptions(wave, total, true, null, List.of(), List.of(), segment);
        ReportModel model = ReportModel.of(units.questionnaire(), results, options);
        return new Report(FOLDER + "/" + slugs.get(unit.unit().id()), results, options,
                model.withUnit(UnitView.of(units, unit, byId, slugs, model.actions())));
    }

    /** The index page, each unit's link to the file {@code entry} of its folder ({@code report.html}). */
    public UnitIndexView index(String entry) {
        return UnitIndexView.of(units, slugs, entry, units.questionnaire().title(), wave,
                organisation.date());
    }

    /**
     * The invited of each child unit of {@code unit} that the file counts, as headcounts of the units' segment,
     * so that {@link Participation} gives them to the shown child units and decides on the unit's total by its
     * own rule: published only when the child units not shown are none, or at least
     * {@value Participation#MIN_UNSHOWN}.
     */
    private Headcounts children(Hierarchy.Unit unit) {
        List<Headcounts.Row> rows = new ArrayList<>();
        for (String child : unit.children()) {
            Long count = invited.get(child);
            if (count != null) {
                rows.add(new Headcounts.Row(byId.get(child).unit().line(), child, count));
            }
        }
        return new Headcounts(units.hierarchy().file(), Units.SEGMENT, rows);
    }
}
