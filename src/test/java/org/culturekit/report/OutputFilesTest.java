package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesWhatGetBytesGivesPieceByPieceAcrossPieceBoundaries() throws IOException {
        // one to four bytes a character, pairs of surrogates and lone ones, well past one 64 KiB piece
        String[] parts = {"a", "é", "–", "😀", "\uD800", "\uDC00x", "\r\n", "\""};
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        while (text.length() < 300_000) {
            text.append(parts[random.nextInt(parts.length)]);
        }
        for (String each : List.of("", "plain", text.toString(), text.substring(0, 65_535) + "😀")) {
            List<Path> written = OutputFiles.publish(dir, Map.of("report.md", each));
            assertEquals(List.of(dir.resolve("report.md")), written);
            assertArrayEquals(each.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(written.get(0)),
                    () -> each.length() + " characters");
        }
    }
}
