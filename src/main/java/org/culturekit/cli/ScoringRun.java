package org.culturekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.io.InputException;
import org.culturekit.io.Problem;
import org.culturekit.io.ResponseReader;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.scoring.Accumulator;
import org.culturekit.scoring.Results;

/** Reads every export into one accumulator, reporting mapping warnings and failing on unreadable answers. */
final class ScoringRun {
    /** The most unreadable answers listed before the rest are only counted. */
    private static final int LISTED = 20;

    private ScoringRun() {}

    static Results score(Questionnaire questionnaire, List<Path> files, PrintWriter err) {
        Accumulator accumulator = new Accumulator(questionnaire);
        Map<String, Long> excluded = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        long problemCount = 0;
        for (Path file : files) {
            try (ResponseReader reader = ResponseReader.open(file, questionnaire)) {
                reader.warnings().forEach(warning -> err.println("warning: " + warning));
                for (Response response : reader) {
                    accumulator.add(response);
                }
                reader.excluded().forEach((reason, count) -> excluded.merge(reason, count, Long::sum));
                problems.addAll(reader.problems());
                problemCount += reader.problemCount();
            }
        }
        if (problemCount > 0) {
            List<Problem> listed = new ArrayList<>(problems.subList(0, Math.min(LISTED, problems.size())));
            if (problemCount > listed.size()) {
                listed.add(new Problem(files.get(0).toString(), 0, 0, "… and " + (problemCount - listed.size())
                        + " more answers that cannot be read", ""));
            }
            throw new InputException(listed);
        }
        List<Results.Exclusion> exclusions = new ArrayList<>();
        excluded.forEach((reason, count) -> exclusions.add(new Results.Exclusion(reason, count)));
        return accumulator.results().withExclusions(exclusions);
    }
}
