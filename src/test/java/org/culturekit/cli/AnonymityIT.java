package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attacks of issue 21 made on the packaged jar, run as a process, reading only what it writes. */
class AnonymityIT {
    private static final Path JAR = Path.of("target/culturekit.jar").toAbsolutePath();
    private static final String QUESTIONNAIRE = """
            id: attack
            title: Attack
            version: "1"
            scales:
              agree5: {min: 1, max: 5, labels: [SD, D, N, A, SA]}
              likelihood: {min: 0, max: 10}
            items:
              - {id: a1, text: One., scale: agree5}
              - {id: a2, text: Two., scale: agree5}
              - {id: enps, text: "Recommend?", scale: likelihood}
            indices:
              - {id: a, name: Index A, items: [a1, a2]}
            enps: enps
            segments:
              - {id: team, column: Team}
              - {id: location, column: Location}
              - {id: level, column: Level, leader: [Lead, Manager]}
            reporting: {minGroupSize: 5, minCommentGroupSize: 10}
            """;

    @TempDir Path dir;

    private ProcessRun report(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA.toString(), "-jar", JAR.toString(), "report",
                "-q", dir.resolve("q.yaml").toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, Map.of());
    }

    private Path export(String name, List<String> rows) throws IOException {
        Files.writeString(dir.resolve("q.yaml"), QUESTIONNAIRE, StandardCharsets.UTF_8);
        Path file = dir.resolve(name);
        Files.writeString(file, "Team,Location,Level,a1,a2,enps\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> rows(String team, String location, String level, int count) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            rows.add(team + "," + location + "," + level + "," + (1 + r % 5) + "," + (1 + (r * 3) % 5) + "," + r % 11);
        }
        return rows;
    }

    private JsonNode results(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    private static boolean shown(JsonNode results, String segment, String value) {
        for (JsonNode s : results.get("segments")) {
            if (s.get("id").asText().equals(segment)) {
                for (JsonNode g : s.get("groups")) {
                    if (g.get("value").asText().equals(value)) {
                        return !g.get("suppressed").asBoolean();
                    }
                }
            }
        }
        return false;
    }

    @Test
    void overlappingSegmentsDoNotGiveAwayTheOnePersonBetweenThem() throws Exception {
        List<String> rows = new ArrayList<>(rows("Alpha", "Berlin", "Member", 8));
        rows.add("Beta,Berlin,Member,5,5,10");
        rows.addAll(rows("Beta", "Paris", "Member", 10));
        Path out = dir.resolve("out");
        ProcessRun run = report(export("overlap.csv", rows).toString(), "-f", "json,md,csv", "-o", out.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode results = results(out);
        assertFalse(shown(results, "team", "Alpha") && shown(results, "location", "Berlin"));
        assertTrue(shown(results, "location", "Berlin"));
        assertFalse(Files.readString(out.resolve("scores.csv"), StandardCharsets.UTF_8).contains("team,Alpha,ALL,n"));
    }

    @Test
    void leadersAgainstTheShownLeaderGroupDoNotGiveAwayTheManagers() throws Exception {
        List<String> rows = new ArrayList<>(rows("T1", "L1", "Lead", 20));
        rows.addAll(rows("T1", "L1", "Manager", 2));
        rows.addAll(rows("T2", "L2", "Member", 30));
        Path out = dir.resolve("out");
        ProcessRun run = report(export("leaders.csv", rows).toString(), "-f", "json", "-o", out.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode results = results(out);
        boolean perception = !results.at("/perceptionGap/0/suppressed").asBoolean(false);
        assertFalse(perception && shown(results, "level", "Lead"));
    }

    @Test
    void aSurveyOfFewerThanTheMinimumIsRefusedAndAnEnpsOfTwoShowsNoCount() throws Exception {
        ProcessRun small = report(export("three.csv", rows("T", "L", "Member", 3)).toString(), "-o",
                dir.resolve("small").toString());
        assertEquals(1, small.code(), small.err());
        assertTrue(small.err().contains("fewer than 5 responses"), small.err());
        assertFalse(Files.exists(dir.resolve("small")));

        List<String> rows = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            rows.add("T,L,Member," + (1 + r % 5) + ",3," + (r < 2 ? "9" : ""));
        }
        Path out = dir.resolve("out");
        ProcessRun run = report(export("enps.csv", rows).toString(), "-f", "json,md", "-o", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(results(out).at("/enps/suppressed").asBoolean());
        assertTrue(results(out).at("/enps/n").isMissingNode());
    }

    @Test
    void aRefreshWithOneLateResponseShowsNoChangeThatIsolatesIt() throws Exception {
        List<String> rows = new ArrayList<>(rows("Alpha", "L1", "Member", 8));
        rows.addAll(rows("Beta", "L1", "Member", 12));
        Path first = dir.resolve("first");
        ProcessRun wave = report(export("wave.csv", rows).toString(), "--wave", "2026-Q4", "-f", "json", "-o",
                first.toString());
        assertEquals(0, wave.code(), wave.err());
        rows.add("Alpha,L1,Member,1,1,0");
        Path second = dir.resolve("second");
        ProcessRun refresh = report(export("wave2.csv", rows).toString(), "--wave", "2026-Q4", "--baseline",
                first.resolve("results.json").toString(), "-f", "json", "-o", second.toString());
        assertEquals(0, refresh.code(), refresh.err());
        JsonNode changes = results(second).get("changes");
        assertEquals(0, changes.get("groups").size(), changes.toString());
        assertFalse(changes.at("/indices/0/comparable").asBoolean(), changes.toString());
        assertFalse(changes.at("/enps/comparable").asBoolean(), changes.toString());

        // a CI gate on the drop cannot pass on a withheld change, and its message gives no figure away
        ProcessRun gated = report(dir.resolve("wave2.csv").toString(), "--wave", "2026-Q4", "--baseline",
                first.resolve("results.json").toString(), "--fail-on-drop", "a=50", "-f", "json", "-o",
                dir.resolve("gated").toString());
        assertEquals(4, gated.code(), gated.err());
        assertTrue(gated.err().contains("change since the baseline is withheld"), gated.err());
        assertFalse(gated.err().matches("(?s).*\\d+\\.\\d.*"), "no figure on stderr: " + gated.err());
    }

    @Test
    void agreementIsComputedOverTheShownGroupsOnlyAndSaysSo() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String team : List.of("T1", "T2", "T3", "T4", "T5")) {
            rows.addAll(rows(team, "L1", "Member", 10));
        }
        rows.addAll(rows("Small", "L1", "Member", 2));
        Path out = dir.resolve("out");
        ProcessRun run = report(export("icc.csv", rows).toString(), "-f", "json", "-o", out.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode team = results(out).at("/segments/0");
        int shown = 0;
        long respondents = 0;
        for (JsonNode group : team.get("groups")) {
            if (!group.get("suppressed").asBoolean()) {
                shown++;
                respondents += group.get("n").asLong();
            }
        }
        assertTrue(shown < team.get("groups").size(), "a group is hidden");
        assertEquals(shown, team.at("/agreement/0/groups").asInt());
        assertEquals(respondents, team.at("/agreement/0/n").asLong());
    }
}
