package org.culturekit.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Explains why a header row was refused. Commons CSV's own message lists the whole header, which may be long
 * and is not ours to echo; this reads the first row again, leniently, to name the one offending column.
 */
final class HeaderCheck {
    private HeaderCheck() {}

    static Problem explain(Path path, String file) {
        try (Reader reader = new Utf8Reader(BOMInputStream.builder().setPath(path).get());
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
            List<CSVRecord> first = parser.stream().limit(1).toList();
            if (first.isEmpty()) {
                return new Problem(file, 1, 0, "the file is empty; export the survey again with a header row", "");
            }
            Map<String, Integer> seen = new HashMap<>();
            CSVRecord header = first.get(0);
            for (int c = 0; c < header.size(); c++) {
                String name = header.get(c);
                if (name.isBlank()) {
                    return new Problem(file, 1, c + 1, "column " + (c + 1) + " has no name; every column needs a "
                            + "distinct, non-blank name in the header row", "");
                }
                Integer previous = seen.putIfAbsent(name, c);
                if (previous != null) {
                    return new Problem(file, 1, c + 1, "column " + (c + 1) + " has the same name as column "
                            + (previous + 1) + " (" + Excerpt.of(name) + "); every column needs a distinct name",
                            "");
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the general message: the first row itself is not valid CSV
        }
        return new Problem(file, 1, 0, "the header row is not valid CSV; check its quotes", "");
    }
}
