package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.culturekit.model.Headcounts;

/**
 * Participation per group ({@code report --invited FILE}, docs/reports.md): each shown group's invited count and
 * response rate, and the overall invited total, only where publishing it gives away no hidden group's count
 * (docs/privacy.md).
 *
 * <p>A shown group's invited and rate add nothing about anyone else: the rate is its published {@code n} over
 * its invited. A hidden group gets neither. What remains is a total over groups some of which are not shown
 * (hidden, or with no respondent at all): the total less the shown groups' invited is the unshown groups'
 * invited together. With one unshown group that is its count; with two, a member of one, who knows their own
 * team's size (docs/privacy.md's reader), subtracts it and has the other's. So a total is published only when
 * the groups it covers include no unshown group, or at least {@value #MIN_UNSHOWN}.
 */
public final class Participation {
    /** The fewest unshown groups a published total may cover, if it covers any: see the class comment. */
    public static final int MIN_UNSHOWN = 3;

    private Participation() {}

    /**
     * These results with {@code headcounts.segment()}'s shown groups given their invited and response rate;
     * hidden groups, and groups the file has no row for ("(not given)"), are left as they are.
     */
    public static Results withInvited(Results results, Headcounts headcounts) {
        Map<String, Long> invited = new HashMap<>();
        headcounts.rows().forEach(row -> invited.put(row.group(), row.invited()));
        for (Results.SegmentResult segment : results.segments()) {
            if (!segment.id().equals(headcounts.segment())) {
                continue;
            }
            List<Results.Group> groups = new ArrayList<>();
            for (Results.Group group : segment.groups()) {
                Long count = invited.get(group.value());
                if (count == null || count == 0 || !(group.figures() instanceof Results.Cell.Shown<Results.GroupFigures> shown)) {
                    groups.add(group);
                    continue;
                }
                Results.GroupFigures figures = shown.figures();
                groups.add(new Results.Group(group.value(), Results.Cell.shown(figures.with(
                        new Results.GroupParticipation(count, 100.0 * figures.n() / count)))));
            }
            return results.withGroups(segment.id(), groups);
        }
        return results;
    }

    /**
     * The file's total invited, the overall response rate's denominator, or empty when it may not be published:
     * the file's groups that are not shown in {@code results} number 1 to {@value #MIN_UNSHOWN} − 1.
     */
    public static OptionalLong total(Results results, Headcounts headcounts) {
        Set<String> shown = results.segments().stream().filter(s -> s.id().equals(headcounts.segment()))
                .flatMap(s -> s.groups().stream()).filter(g -> !g.suppressed()).map(Results.Group::value)
                .collect(Collectors.toSet());
        List<String> covered = headcounts.rows().stream().map(Headcounts.Row::group).toList();
        return unshown(covered, shown) == 0 || unshown(covered, shown) >= MIN_UNSHOWN
                ? OptionalLong.of(headcounts.total()) : OptionalLong.empty();
    }

    /** How many of the groups a total covers are not shown. */
    static long unshown(Collection<String> covered, Set<String> shown) {
        return covered.stream().filter(group -> !shown.contains(group)).count();
    }
}
