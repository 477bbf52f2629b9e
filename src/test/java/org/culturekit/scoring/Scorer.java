package org.culturekit.scoring;

import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;

/**
 * Scores responses built in memory, for tests of the statistics and of the reports; exports, whole, are scored
 * through {@code cli.run.Scoring.run} as the commands score them.
 */
public final class Scorer {
    private Scorer() {}

    /** Folds every response into one {@link Accumulator} and returns its results. */
    public static Results score(Questionnaire questionnaire, Iterable<Response> responses) {
        Accumulator accumulator = new Accumulator(questionnaire);
        for (Response response : responses) {
            accumulator.add(response);
        }
        return accumulator.results();
    }
}
