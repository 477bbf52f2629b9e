package org.culturekit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.culturekit.cli.run.Plural;
import org.culturekit.model.Questionnaire;
import org.culturekit.scoring.Results;

/** Pre-fielding checks on a pilot's results: the classic forgotten reverse key, and unreliable indices. */
final class Pilot {
    /** The lowest acceptable Cronbach's alpha for an index. */
    static final double MIN_ALPHA = 0.6;

    private Pilot() {}

    /** Prints each finding and returns how many there were. */
    static int check(Questionnaire questionnaire, Results results, PrintWriter out) {
        int findings = 0;
        out.printf("pilot: %s scored%n", Plural.of(results.rows().scored(), "respondent", "respondents"));
        for (Results.IndexResult index : results.indices()) {
            for (Results.ItemResult item : index.items()) {
                Double itemTotal = item.figures().shown().map(Results.ItemFigures::itemTotal).orElse(null);
                if (itemTotal != null && itemTotal < 0) {
                    findings++;
                    boolean reverse = questionnaire.item(item.id()).reverse();
                    out.printf(Locale.ROOT, "pilot: item '%s' of index '%s' runs against the others (corrected "
                            + "item-total r = %.2f); check its wording and whether it %s 'reverse: true'%n",
                            item.id(), index.id(), itemTotal, reverse ? "should have" : "needs");
                }
            }
            // a withheld index has no alpha either: too few answered to estimate it
            Double alpha = index.figures().shown().map(Results.IndexFigures::alpha).orElse(null);
            if (alpha != null && alpha < MIN_ALPHA) {
                findings++;
                out.printf(Locale.ROOT, "pilot: index '%s' has alpha %.2f, below %.1f; its items do not measure "
                        + "one thing well enough — reword or replace the weakest (lowest item-total r)%n",
                        index.id(), alpha, MIN_ALPHA);
            }
            if (alpha == null && index.items().size() >= 2) {
                out.printf("pilot: index '%s': alpha cannot be estimated from this pilot (too few answers or no "
                        + "variation)%n", index.id());
            }
        }
        out.printf("pilot: %s%n", findings == 0 ? "no findings" : findings + (findings == 1 ? " finding" : " findings"));
        return findings;
    }
}
