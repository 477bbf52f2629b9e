package org.culturekit.scoring;

import java.util.List;
import java.util.Objects;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Questionnaire;

/**
 * The units of an organisation tree, scored in the same run as the organisation's report and under the same
 * disclosure decisions (docs/privacy.md): one run is one publication.
 *
 * @param hierarchy the tree
 * @param questionnaire the questionnaire every unit's {@link Results} are of: the survey's, with its segments
 *     replaced by one, {@value #SEGMENT}, whose groups are a unit's child units
 * @param units every unit of the tree, in the tree's order, published or not
 * @param nowhere the groups of the tree's segment that respondents gave and the tree does not name, sorted: they
 *     are in the organisation's report and in no unit's
 */
public record Units(Hierarchy hierarchy, Questionnaire questionnaire, List<Unit> units, List<String> nowhere) {
    /** The id of the segment whose groups are a unit's child units. */
    public static final String SEGMENT = "unit";

    public Units {
        Objects.requireNonNull(hierarchy, "hierarchy");
        Objects.requireNonNull(questionnaire, "questionnaire");
        units = List.copyOf(units);
        nowhere = List.copyOf(nowhere);
    }

    /**
     * One unit.
     *
     * @param unit the unit as the tree names it
     * @param results the figures over the unit's subtree, its child units as the groups of segment
     *     {@value #SEGMENT}; null when the unit is not published (too few respondents, or hidden by the rules
     *     across reports), and then nothing of it may be shown anywhere
     * @param comparisons the unit against its parent unit and against the whole organisation; empty for the root
     *     and when not published
     */
    public record Unit(Hierarchy.Unit unit, Results results, List<Comparison> comparisons) {
        public Unit {
            Objects.requireNonNull(unit, "unit");
            comparisons = List.copyOf(comparisons);
        }

        public boolean published() {
            return results != null;
        }
    }

    /** What a unit is compared with. */
    public enum Against {
        /** The rest of the parent unit: its siblings. */
        PARENT,
        /** Everyone else in the organisation. */
        ORGANISATION
    }

    /**
     * A unit against the rest of a larger population, index by index, tested as a group against the rest of its
     * segment is: {@link Results.GroupIndexFigures#deltaVsRest} is the unit's mean less the rest's, {@code q} is
     * Benjamini–Hochberg adjusted over the published units compared the same way, and {@code flag} marks a bright
     * or hot spot.
     *
     * @param against what the unit is compared with
     * @param with the parent unit's id, or null for the organisation
     * @param indices one per index, in questionnaire order
     */
    public record Comparison(Against against, String with, List<Results.GroupIndex> indices) {
        public Comparison {
            Objects.requireNonNull(against, "against");
            indices = List.copyOf(indices);
        }
    }
}
