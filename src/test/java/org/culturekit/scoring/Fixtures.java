package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Reporting;
import org.culturekit.model.Response;
import org.culturekit.model.SayDoPair;
import org.culturekit.model.Scale;
import org.culturekit.model.Segment;

/**
 * A small questionnaire built in code: items a1, a2, a3 (a3 reverse-keyed) in index {@code a}; say/do items
 * s1/d1 in pair {@code p}; eNPS item {@code nps}; segments {@code team} and {@code level} (leaders: "Lead").
 */
final class Fixtures {
    static final Scale AGREE = new Scale("agree5", 1, 5, List.of("SD", "D", "N", "A", "SA"), List.of(4, 5),
            List.of(3), List.of("N/A"), Map.of());
    static final Scale LIKELIHOOD = new Scale("likelihood", 0, 10, List.of(), List.of(9, 10), List.of(),
            List.of(), Map.of());

    static final Questionnaire QUESTIONNAIRE = new Questionnaire(
            "fixture",
            "Fixture",
            "1",
            "en",
            List.of(AGREE, LIKELIHOOD),
            List.of(
                    new Item("a1", "A one", "agree5", false, List.of()),
                    new Item("a2", "A two", "agree5", false, List.of()),
                    new Item("a3", "A three", "agree5", true, List.of()),
                    new Item("s1", "Say", "agree5", false, List.of()),
                    new Item("d1", "Do", "agree5", false, List.of()),
                    new Item("nps", "Recommend", "likelihood", false, List.of())),
            List.of(new Index("a", "Index A", List.of("a1", "a2", "a3"),
                    List.of(new Band(OptionalDouble.of(50), "Low"), new Band(OptionalDouble.empty(), "High")),
                    List.of())),
            List.of(new SayDoPair("p", "Pair", "s1", "d1")),
            Optional.of("nps"),
            List.of(new Segment("team", List.of("Team"), List.of(), Map.of()),
                    new Segment("level", List.of("Level"), List.of("Lead"), Map.of())),
            Optional.empty(),
            List.of(),
            new Reporting(3, 3));

    /** Marks a missing answer in {@link #response}. */
    static final int NA = Response.MISSING;

    private Fixtures() {}

    /** A response with answers for a1, a2, a3, s1, d1, nps (raw, {@link #NA} for missing). */
    static Response response(String team, String level, int... answers) {
        return new Response("test.csv", 2, answers, List.of(team, level), List.of());
    }

    /** Random responses over the fixture, with ~10% missing answers and 6 teams of uneven size. */
    static List<Response> random(java.util.SplittableRandom random, int count) {
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int[] answers = new int[6];
            for (int i = 0; i < 5; i++) {
                answers[i] = random.nextInt(10) == 0 ? NA : 1 + random.nextInt(5);
            }
            answers[5] = random.nextInt(10) == 0 ? NA : random.nextInt(11);
            String team = "T" + Math.min(5, (int) Math.floor(Math.sqrt(random.nextInt(36))));
            String level = random.nextInt(4) == 0 ? "Lead" : random.nextInt(20) == 0 ? "" : "Member";
            responses.add(new Response("random.csv", r + 2, answers, List.of(team, level), List.of()));
        }
        return responses;
    }

    /** The figures of a cell the test expects to be shown; a withheld one fails the test. */
    static <T> T shown(Results.Cell<T> cell) {
        return cell.shown().orElseThrow(() -> new AssertionError("the cell is withheld"));
    }
}
