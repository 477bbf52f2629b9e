package org.culturekit.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.culturekit.model.Hierarchy;
import org.culturekit.scoring.Units;

/**
 * The page {@code units/index.html} of {@code report --per-unit} (docs/reports.md): the organisation tree, each
 * unit with a report linked to it under its leader's name, each unit without one named as such and nothing
 * more, neither why nor how many answered.
 *
 * @param title the questionnaire's title
 * @param wave the wave label, or empty
 * @param date the date of the survey round, or empty
 * @param root the tree's root, with every unit below it
 * @param reports how many units have a report, in words: "12 unit reports"
 * @param homeHref the organisation's report, relative to the index ({@code ../report.html})
 */
public record UnitIndexView(String title, String wave, String date, Node root, String reports, String homeHref) {
    public UnitIndexView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(wave, "wave");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(root, "root");
        safeHref(homeHref);
    }

    /** A relative link made of slugs and file names only: no scheme, no query, nothing from the data. */
    private static final Pattern HREF = Pattern.compile("(\\.\\./)?([a-z0-9-]+/)*([a-z]+\\.[a-z]+)?");

    /**
     * Refuses a link that is anything but a relative path of slugs ({@link Hierarchy#slugs()}) and file names:
     * the templates put these, and only these, into {@code href} attributes, where any other value from the data
     * could be a {@code javascript:} URL (docs/templates.md).
     */
    static String safeHref(String value) {
        if (!HREF.matcher(value).matches()) {
            throw new IllegalArgumentException("not a link of slugs: " + value);
        }
        return value;
    }

    /**
     * One unit of the tree.
     *
     * @param name the unit's name
     * @param leader its leader's display name, or empty
     * @param href its report relative to the index ({@code north/report.html}), or empty when it has none
     * @param children its child units, in the tree's order
     */
    public record Node(String name, String leader, String href, List<Node> children) {
        public Node {
            Objects.requireNonNull(name, "name");
            safeHref(href);
            children = List.copyOf(children);
        }
    }

    /**
     * The index of {@code units}, every unit's folder named by {@code slugs} ({@link Hierarchy#slugs()}), each
     * link to the file {@code entry} of it ({@code report.html}).
     */
    static UnitIndexView of(Units units, Map<String, String> slugs, String entry, String title, String wave,
            String date) {
        Map<String, Units.Unit> byId = new HashMap<>();
        units.units().forEach(unit -> byId.put(unit.unit().id(), unit));
        long reports = units.units().stream().filter(Units.Unit::published).count();
        return new UnitIndexView(title, wave, date == null ? "" : date,
                node(units.hierarchy().root().id(), byId, slugs, entry),
                reports + (reports == 1 ? " unit report" : " unit reports"), "../" + entry);
    }

    /** The tree is at most 50 levels deep (HierarchyReader), so recursion is safe. */
    private static Node node(String id, Map<String, Units.Unit> byId, Map<String, String> slugs, String entry) {
        Units.Unit unit = byId.get(id);
        String leader = unit.unit().leader() == null ? "" : unit.unit().leader();
        return new Node(id, leader, unit.published() ? slugs.get(id) + "/" + entry : "",
                unit.unit().children().stream().map(child -> node(child, byId, slugs, entry)).toList());
    }
}
