package org.culturekit.scoring;

import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;

/** Scores a stream of responses against a questionnaire (docs/statistics.md). */
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
