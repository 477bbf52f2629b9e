package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.culturekit.model.Headcounts;
import org.culturekit.model.Response;
import org.culturekit.report.ResultsJson;
import org.junit.jupiter.api.Test;

class ParticipationTest {
    @Test
    void givesEachShownGroupItsInvitedAndRateWorkedByHand() {
        // A: 4 respondents of 8 invited = 50%; B: 5 of 5 = 100%; C: 8 of 10 = 80%; overall 17 of 23
        Results results = score(List.of(team("A", 4), team("B", 5), team("C", 8)));
        Headcounts counts = counts("A", 8, "B", 5, "C", 10);
        Results with = Participation.withInvited(results, counts);
        Results.SegmentResult teams = with.segments().get(0);
        assertEquals(List.of(8L, 5L, 10L), teams.groups().stream().map(Results.Group::invited).toList());
        assertEquals(List.of(50.0, 100.0, 80.0), teams.groups().stream().map(Results.Group::responseRate).toList());
        assertEquals(OptionalLong.of(23), Participation.total(with, counts));
        // the other segment, and results without the file, are untouched
        assertTrue(with.segments().get(1).groups().stream().allMatch(g -> g.invited() == null));
        assertEquals(ResultsJson.write(results), ResultsJson.write(Participation.withInvited(results,
                new Headcounts("x.csv", "nosuch", List.of()))));
    }

    @Test
    void writesInvitedAndRateBesideNAndReadsThemBack() {
        Results with = Participation.withInvited(score(List.of(team("A", 4), team("B", 5))), counts("A", 8, "B", 5));
        String json = ResultsJson.write(with);
        assertTrue(json.replaceAll("\\s+", "").contains("{\"value\":\"A\",\"suppressed\":false,\"n\":4,"
                + "\"invited\":8,\"responseRate\":50.0,\"indices\""), json);
        assertEquals(json, ResultsJson.write(ResultsJson.read(json)));
    }

    @Test
    void withholdsTheTotalWhenOneOrTwoGroupsOfTheFileAreNotShown() {
        Results results = score(List.of(team("A", 4), team("B", 5), team("C", 8)));
        // groups no respondent is in are not shown either: their invited would be the total less the others'
        assertEquals(OptionalLong.empty(), Participation.total(results, counts("A", 8, "B", 5, "C", 10, "D", 2)));
        assertEquals(OptionalLong.empty(), Participation.total(results,
                counts("A", 8, "B", 5, "C", 10, "D", 2, "E", 3)));
        assertEquals(OptionalLong.of(29), Participation.total(results,
                counts("A", 8, "B", 5, "C", 10, "D", 2, "E", 3, "F", 1)));
    }

    @Test
    void hidesTheInvitedOfAHiddenGroup() {
        // k = 3: W has 1 respondent, so it is hidden, and with it whatever the complement rules hide
        Results results = score(List.of(team("A", 4), team("B", 5), team("C", 8), team("W", 1)));
        Results with = Participation.withInvited(results, counts("A", 8, "B", 5, "C", 10, "W", 2));
        for (Results.Group group : with.segments().get(0).groups()) {
            if (group.suppressed()) {
                assertNull(group.invited());
                assertNull(group.responseRate());
            }
        }
        assertTrue(with.segments().get(0).groups().stream().filter(Results.Group::suppressed).count() >= 2);
    }

    /**
     * The attack: a reader with every published figure (results.json, which holds every shown group's n, invited
     * and rate, the overall scored count, and the total invited when published), who may also be a member of
     * one hidden group and know its size, tries to learn another hidden group's invited count. For every hidden
     * group, there is a second file, different in that group's count and agreeing with everything the reader
     * knows, whose published figures are byte-identical: so no figure tells the count. Respondents are never
     * touched by the file, so the hidden groups' respondents are as the disclosure rules leave them.
     */
    @Test
    void noPublishedFigureTellsAHiddenGroupsInvitedEvenToAMemberOfAnotherHiddenGroup() {
        SplittableRandom random = new SplittableRandom(26);
        int hiddenGroupsAttacked = 0;
        int withTotal = 0;
        for (int survey = 0; survey < 200; survey++) {
            Results results = score(Fixtures.random(random, 8 + random.nextInt(60)));
            List<Headcounts.Row> rows = new ArrayList<>();
            long line = 2;
            for (Results.Group group : results.segments().get(0).groups()) {
                rows.add(new Headcounts.Row(line++, group.value(), 40 + random.nextInt(10)));
            }
            for (int extra = random.nextInt(3); extra > 0; extra--) {
                rows.add(new Headcounts.Row(line++, "nobody-" + extra, 1 + random.nextInt(5)));
            }
            Headcounts counts = new Headcounts("invited.csv", "team", rows);
            String published = published(results, counts);
            withTotal += Participation.total(Participation.withInvited(results, counts), counts).isPresent() ? 1 : 0;
            List<String> unshown = rows.stream().map(Headcounts.Row::group).filter(g -> results.segments().get(0)
                    .groups().stream().noneMatch(s -> s.value().equals(g) && !s.suppressed())).toList();
            for (String hidden : unshown) {
                hiddenGroupsAttacked++;
                List<String> insiders = new ArrayList<>(unshown);
                insiders.remove(hidden);
                insiders.add(null); // and a reader who is in no hidden group
                for (String insider : insiders) {
                    // a world the insider cannot tell apart: one more invited in the hidden group, one fewer in a
                    // third unshown group (counts are 40 or more, so still above its respondents)
                    String other = unshown.stream().filter(g -> !g.equals(hidden) && !g.equals(insider))
                            .findFirst().orElse(null);
                    Headcounts moved = move(counts, hidden, other);
                    assertEquals(published, published(results, moved), "survey " + survey + ": the invited of "
                            + hidden + " shows through, to a member of " + insider);
                }
            }
        }
        assertTrue(hiddenGroupsAttacked > 100, "the surveys have hidden groups to attack: " + hiddenGroupsAttacked);
        assertTrue(withTotal > 20 && withTotal < 200, "some runs publish the total and some withhold it: " + withTotal);
    }

    /** Everything a run publishes about participation, with the rest of results.json. */
    private static String published(Results results, Headcounts counts) {
        Results with = Participation.withInvited(results, counts);
        return ResultsJson.write(with) + Participation.total(with, counts);
    }

    /** The counts with one more invited in {@code to} and, unless it is null, one fewer in {@code from}. */
    private static Headcounts move(Headcounts counts, String to, String from) {
        List<Headcounts.Row> rows = counts.rows().stream().map(row -> row.group().equals(to)
                ? new Headcounts.Row(row.line(), row.group(), row.invited() + 1)
                : row.group().equals(from) ? new Headcounts.Row(row.line(), row.group(), row.invited() - 1) : row)
                .toList();
        return new Headcounts(counts.file(), counts.segment(), rows);
    }

    private static List<Response> team(String team, int respondents) {
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < respondents; r++) {
            responses.add(Fixtures.response(team, "Member", 1 + r % 5, 3, 2, 4, 3, 8));
        }
        return responses;
    }

    private static Results score(List<?> responses) {
        Accumulator accumulator = new Accumulator(Fixtures.QUESTIONNAIRE);
        for (Object item : responses) {
            if (item instanceof List<?> list) {
                list.forEach(r -> accumulator.add((Response) r));
            } else {
                accumulator.add((Response) item);
            }
        }
        return accumulator.results();
    }

    private static Headcounts counts(Object... groupsAndCounts) {
        List<Headcounts.Row> rows = new ArrayList<>();
        for (int i = 0; i < groupsAndCounts.length; i += 2) {
            rows.add(new Headcounts.Row(2 + i / 2, (String) groupsAndCounts[i],
                    ((Integer) groupsAndCounts[i + 1]).longValue()));
        }
        return new Headcounts("invited.csv", "team", rows);
    }
}
