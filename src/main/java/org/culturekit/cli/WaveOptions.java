package org.culturekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.culturekit.model.Questionnaire;
import org.culturekit.scoring.Gate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Comparing with earlier waves, and the gates a CI job sets. */
final class WaveOptions {
    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The results.json of an earlier wave: every index, say-do pair, eNPS and shown group gets "
                    + "its change since then, tested for significance.")
    Path baseline;

    @Option(names = "--history", paramLabel = "DIR",
            description = "A folder holding earlier waves' results.json files (searched two levels deep), ordered "
                    + "by their wave label: adds trend charts and a trend table.")
    Path history;

    @Option(names = "--fail-under", paramLabel = "INDEX=SCORE",
            description = "Exit 4 if the index's 0–100 score is below SCORE (repeatable).")
    List<String> failUnder = new ArrayList<>();

    @Option(names = "--fail-on-drop", paramLabel = "INDEX=POINTS",
            description = "Exit 4 if the index's 0–100 score fell by POINTS or more since --baseline (repeatable).")
    List<String> failOnDrop = new ArrayList<>();

    @Option(names = "--fail-on-gap", paramLabel = "VALUE",
            description = "Exit 4 if the overall say-do gap exceeds VALUE scale points.")
    Double failOnGap;

    /** The gates asked for, checked against the questionnaire; usage errors name the bad value. */
    List<Gate> gates(CommandSpec spec, Questionnaire questionnaire) {
        List<Gate> gates = new ArrayList<>();
        for (String value : failUnder) {
            gates.add(indexGate(spec, questionnaire, Gate.Kind.UNDER, "--fail-under", value));
        }
        for (String value : failOnDrop) {
            if (baseline == null) {
                throw new ParameterException(spec.commandLine(), "--fail-on-drop needs --baseline FILE to compare "
                        + "with");
            }
            gates.add(indexGate(spec, questionnaire, Gate.Kind.DROP, "--fail-on-drop", value));
        }
        if (failOnGap != null) {
            if (questionnaire.sayDo().isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--fail-on-gap: questionnaire '" + questionnaire.id()
                        + "' has no say-do pairs");
            }
            gates.add(new Gate(Gate.Kind.GAP, null, failOnGap));
        }
        return gates;
    }

    private static Gate indexGate(CommandSpec spec, Questionnaire questionnaire, Gate.Kind kind, String option,
            String value) {
        int equals = value.indexOf('=');
        String index = equals < 0 ? "" : value.substring(0, equals).strip();
        double threshold;
        try {
            threshold = Double.parseDouble(value.substring(equals + 1).strip());
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            threshold = Double.NaN;
        }
        List<String> known = questionnaire.indices().stream().map(i -> i.id()).toList();
        if (equals < 0 || !Double.isFinite(threshold) || threshold < 0 || threshold > 100) {
            throw new ParameterException(spec.commandLine(), option + " " + value + ": write INDEX=NUMBER with a "
                    + "number from 0 to 100, for example " + option + " " + known.get(0) + "=60");
        }
        if (!known.contains(index)) {
            throw new ParameterException(spec.commandLine(), option + " " + value + ": no index '" + index
                    + "'; the indices are " + String.join(", ", known));
        }
        return new Gate(kind, index, threshold);
    }
}
