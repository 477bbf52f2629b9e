package org.culturekit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.culturekit.model.Action;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Reporting;
import org.culturekit.model.Response;
import org.culturekit.model.SayDoPair;
import org.culturekit.model.Scale;
import org.culturekit.model.Segment;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Scorer;

/** Report models built in code, with hostile text in every user-supplied string. */
final class Samples {
    static final String HOSTILE = "<script>alert(1)</script>\"'&";
    static final String HOSTILE_HTML = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;";

    static final Questionnaire QUESTIONNAIRE = questionnaire(HOSTILE);

    /** The sample questionnaire, with {@code hostile} in every text. */
    static Questionnaire questionnaire(String hostile) {
        return new Questionnaire("sample", "Team " + hostile + " | survey", "1", "en",
                List.of(new Scale("agree5", 1, 5, List.of("SD", "D", "N", "A", "SA"), List.of(4, 5), List.of(3),
                        List.of(), Map.of()),
                        new Scale("likelihood", 0, 10, List.of(), List.of(9, 10), List.of(), List.of(), Map.of())),
                List.of(new Item("a1", "Item " + hostile + "\n# heading | pipe", "agree5", false, List.of()),
                        new Item("a2", "Second item", "agree5", true, List.of()),
                        new Item("s1", "Say", "agree5", false, List.of()),
                        new Item("d1", "Do", "agree5", false, List.of()),
                        new Item("nps", "Recommend", "likelihood", false, List.of()),
                        new Item("comment", "Comment " + hostile, Scale.TEXT, false, List.of())),
                List.of(new Index("a", "Safety " + hostile, List.of("a1", "a2"),
                        List.of(new Band(OptionalDouble.of(50), "Low " + hostile),
                                new Band(OptionalDouble.empty(), "High")),
                        List.of(new Action("Low " + hostile, "Do " + hostile), new Action("High", "Keep going | ok")))),
                List.of(new SayDoPair("p", "Value " + hostile, "s1", "d1")),
                Optional.of("nps"),
                List.of(new Segment("team", List.of("Team"), List.of(), Map.of()),
                        new Segment("level", List.of("Level"), List.of("Lead"), Map.of())),
                Optional.empty(), List.of("comment"), new Reporting(3, 3));
    }

    private Samples() {}

    /** A model over ten respondents in two teams (one with a hostile name) and one hidden team. */
    static ReportModel model() {
        return model(HOSTILE);
    }

    /** {@link #model()} with {@code hostile} in every text from the questionnaire and the responses. */
    static ReportModel model(String hostile) {
        return ReportModel.of(questionnaire(hostile), results(hostile), new ReportOptions("Wave " + hostile,
                java.util.OptionalLong.of(40), true));
    }

    /** The results behind {@link #model()}. */
    static Results results() {
        return results(HOSTILE);
    }

    /** The results behind {@link #model(String)}. */
    static Results results(String hostile) {
        return Scorer.score(questionnaire(hostile), responses(hostile)).withWave("Wave " + hostile);
    }

    /** The responses behind {@link #results(String)}. */
    static List<Response> responses(String hostile) {
        List<Response> responses = new ArrayList<>();
        String[] teams = {hostile, hostile, hostile, hostile, "a|b\\|c\nd", "a|b\\|c\nd", "a|b\\|c\nd", "a|b\\|c\nd",
            "Tiny", "Tiny"};
        for (int r = 0; r < teams.length; r++) {
            int v = 1 + r % 5;
            int[] answers = {v, 6 - v, Math.min(5, v + 1), v, r % 11, Response.MISSING};
            responses.add(new Response("s.csv", r + 2, answers, List.of(teams[r], r % 3 == 0 ? "Lead" : "Member"),
                    List.of(r % 2 == 0 ? hostile : "call me on +44 20 7946 0958 or mail a.b@example.com")));
        }
        return responses;
    }
}
