package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reasons rows were left out are listed alphabetically, not in the order an export happened to meet them. */
class ExclusionOrderTest {
    @TempDir Path dir;

    @Test
    void resultsAreByteIdenticalWhicheverExportMeetsAReasonFirst() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("examples/survey.csv"), StandardCharsets.UTF_8);
        String header = lines.get(0);
        int fields = CSVFormat.DEFAULT.parse(new StringReader(header)).getRecords().get(0).size();
        List<String> a = new ArrayList<>(lines.subList(0, 160));
        List<String> b = new ArrayList<>(List.of(header));
        b.addAll(lines.subList(160, lines.size()));
        // a meets "empty: no answers" only, b "duplicate respondent id" only
        a.add("R_EMPTY,Marketing,Commercial,Leader,3–10 years,Manchester" + ",".repeat(fields - 6));
        b.add(lines.get(200)); // a respondent b already holds
        Path exportA = Files.write(dir.resolve("a.csv"), a, StandardCharsets.UTF_8);
        Path exportB = Files.write(dir.resolve("b.csv"), b, StandardCharsets.UTF_8);

        CliRun.of("report", exportA.toString(), exportB.toString(), "-f", "json", "-o", dir.resolve("ab").toString())
                .assertExit(ExitCodes.OK);
        CliRun.of("report", exportB.toString(), exportA.toString(), "-f", "json", "-o", dir.resolve("ba").toString())
                .assertExit(ExitCodes.OK);

        byte[] ab = Files.readAllBytes(dir.resolve("ab/results.json"));
        assertArrayEquals(ab, Files.readAllBytes(dir.resolve("ba/results.json")));
        JsonNode excluded = new ObjectMapper().readTree(ab).at("/rows/excluded");
        assertEquals("[{\"reason\":\"duplicate respondent id\",\"count\":1},"
                + "{\"reason\":\"empty: no answers\",\"count\":1}]", excluded.toString());
    }
}
