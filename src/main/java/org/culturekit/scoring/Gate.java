package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition a CI job sets on the results; a breach fails the build (exit 4) after every report is written.
 *
 * @param kind what is checked
 * @param index the index id, or null for the say-do gap
 * @param threshold the score (0–100), the drop in points (0–100), or the gap in scale points
 */
public record Gate(Kind kind, String index, double threshold) {
    /** The kinds of gate, one per command-line option. */
    public enum Kind {
        /** {@code --fail-under INDEX=SCORE100}: the index's 0–100 score is below the threshold. */
        UNDER,
        /** {@code --fail-on-drop INDEX=POINTS}: the score fell by at least the threshold since the baseline. */
        DROP,
        /** {@code --fail-on-gap VALUE}: the overall say-do gap exceeds the threshold. */
        GAP
    }

    public Gate {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * What breaches {@code gates}, one sentence each; {@code baseline} may be null when no gate needs it. A gate
     * whose figure the disclosure rules withhold (for groups of fewer than {@code k}) cannot be shown to pass, so
     * it is breached, and its message names no withheld figure.
     */
    public static List<String> breaches(List<Gate> gates, Results results, Results baseline, int k) {
        List<String> breaches = new ArrayList<>();
        for (Gate gate : gates) {
            gate.check(results, baseline, k).ifPresent(breaches::add);
        }
        return breaches;
    }

    private Optional<String> check(Results results, Results baseline, int k) {
        switch (kind) {
            case UNDER -> {
                Results.IndexResult now = index(results);
                Double score = now.figures().shown().map(Results.IndexFigures::score100).orElse(null);
                if (score == null) {
                    return Optional.of(now.name() + " has no score, so it cannot be shown to reach "
                            + given(threshold) + " (--fail-under)");
                }
                return score < threshold
                        ? Optional.of(now.name() + " scores " + number(score) + ", under "
                                + given(threshold) + " (--fail-under " + index + "=" + given(threshold) + ")")
                        : Optional.empty();
            }
            case DROP -> {
                Results.IndexResult now = index(results);
                Results.IndexResult then = baseline.indices().stream().filter(i -> i.id().equals(index))
                        .findFirst().orElse(null);
                if (then == null || !Objects.equals(then.fingerprint(), now.fingerprint())) {
                    return Optional.of(now.name() + " cannot be compared with the baseline (its items "
                            + "changed or it is new), so its drop cannot be checked (--fail-on-drop)");
                }
                Results.IndexFigures before = then.figures().shown().orElse(null);
                Results.IndexFigures after = now.figures().shown().orElse(null);
                if (before == null || after == null || before.score100() == null || after.score100() == null) {
                    return Optional.of(now.name() + " has no score in one of the waves (--fail-on-drop)");
                }
                if (!Changes.Sizes.of(k, baseline, results).overall(before.n(), after.n())) {
                    return Optional.of(now.name() + "'s change since the baseline is withheld: too few respondents "
                            + "joined or left since this refresh's baseline, so its drop cannot be checked "
                            + "(--fail-on-drop)");
                }
                double drop = before.score100() - after.score100();
                return drop >= threshold
                        ? Optional.of(now.name() + " fell " + number(drop) + " points since the baseline, "
                                + "from " + number(before.score100()) + " to " + number(after.score100())
                                + " (--fail-on-drop " + index + "=" + given(threshold) + ")")
                        : Optional.empty();
            }
            default -> {
                if (results.sayDo() != null && results.sayDo().overall().suppressed()) {
                    return Optional.of("the say-do gap is not shown (too few people answered a pair), so it cannot "
                            + "be checked (--fail-on-gap)");
                }
                Double gap = results.sayDo() == null ? null
                        : results.sayDo().overall().shown().map(Results.GapFigures::meanGap).orElseThrow();
                return gap != null && gap > threshold
                        ? Optional.of("the say-do gap is " + number(gap) + " scale points, over "
                                + given(threshold) + " (--fail-on-gap " + given(threshold) + ")")
                        : Optional.empty();
            }
        }
    }

    private Results.IndexResult index(Results results) {
        return results.indices().stream().filter(i -> i.id().equals(index)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no index " + index));
    }

    /** A threshold as the user gave it ({@code 0.01}, {@code 50}), not rounded to what a score shows. */
    private static String given(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
