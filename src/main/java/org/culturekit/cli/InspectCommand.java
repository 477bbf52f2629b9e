package org.culturekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.culturekit.cli.run.Scoring;
import org.culturekit.export.ResponseReader;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.model.VisibleText;
import org.culturekit.questionnaire.Questionnaires;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code culturekit inspect}: show how an export is read and what each column maps to. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Show how an export is read: the platform, encoding and delimiter, the header rows, what each column "
                    + "maps to (by number, which a columns: entry such as \"#12\" may use), the distinct answers of "
                    + "every mapped item, numeric codes a scale does not expect, and which rows would be left out "
                    + "and why.",
            "With --suggest, print columns: entries to paste into the questionnaire for items without a column.",
            "Control and bidirectional characters in the export's text are shown as \\uXXXX (ESC as \\u001B)."
        })
final class InspectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin InputOptions input;

    @Mixin ImportOptions imports;

    @Parameters(index = "0", paramLabel = "EXPORT", description = "The export to inspect.")
    Path file;

    @Option(names = "--suggest", description = "Suggest columns: entries for items that have no column.")
    boolean suggest;

    @Override
    public Integer call() {
        Questionnaire questionnaire = Questionnaires.load(input.questionnaire);
        PrintWriter out = spec.commandLine().getOut();
        try (ResponseReader reader = ResponseReader.open(file, questionnaire, imports.readOptions(spec, true))) {
            long scored = 0;
            for (Response ignored : reader) {
                scored++;
            }
            reader.idsWarning().ifPresent(warning -> Scoring.warn(spec.commandLine().getErr(), warning));
            // every text from the export, and its name, is printed through VisibleText; a label is made
            // visible before it is cut to fit its column, so the table stays aligned
            out.printf("File:         %s%n", VisibleText.TERMINAL.of(file.toString()));
            out.printf("Platform:     %s%s%n", reader.platform().id(), imports.source == null ? " (detected)" : "");
            out.printf("Read as:      %s%n", VisibleText.TERMINAL.of(reader.describe()));
            out.printf("Header rows:  %d%n", reader.headerRows());
            out.printf("Questionnaire: %s %s%n%nColumns:%n", questionnaire.id(),
                    VisibleText.TERMINAL.of(questionnaire.version()));
            for (Map.Entry<String, String> column : reader.mapping().entrySet()) {
                String[] numberAndLabel = column.getKey().split("\t", 2);
                out.printf("  %4s  %-60s %s%n", numberAndLabel[0],
                        shorten(VisibleText.TERMINAL.of(numberAndLabel[1]), 60),
                        column.getValue().isEmpty() ? "(unmapped)" : column.getValue());
            }
            out.printf("%nAnswers by item:%n");
            reader.answerCounts().forEach((item, counts) -> {
                List<String> shown = new ArrayList<>();
                counts.forEach((answer, count) -> shown.add((answer.isEmpty() ? "(blank)"
                        : VisibleText.TERMINAL.of(answer)) + " ×" + count));
                out.printf("  %s: %s%n", item, String.join(", ", shown));
            });
            out.printf("%nRows: %d read, %d would be scored", reader.rowsRead(), scored);
            reader.excluded().forEach((reason, count) -> out.printf(", %d %s", count, VisibleText.TERMINAL.of(reason)));
            out.printf("%n");
            if (reader.problemCount() > 0) {
                out.printf("Unreadable answers: %d (culturekit report --rejects FILE lists the rows)%n",
                        reader.problemCount());
            }
            reader.codeWarnings().forEach(warning -> out.printf("Codes off the scale: %s%n",
                    VisibleText.TERMINAL.of(warning.toString())));
            List<String> unmapped = reader.unmappedItems();
            if (!unmapped.isEmpty()) {
                out.printf("Items without a column: %s%n", String.join(", ", unmapped));
            }
            if (suggest) {
                suggest(out, questionnaire, unmapped, reader.unusedColumns());
            }
        }
        return ExitCodes.OK;
    }

    /** For each item without a column, the unused column whose words overlap its text most. */
    private static void suggest(PrintWriter out, Questionnaire questionnaire, List<String> unmapped,
            List<String> unused) {
        out.printf("%n# Suggested columns: entries (check each before use)%nitems:%n");
        if (unmapped.isEmpty()) {
            out.printf("  # every item already has a column%n");
        }
        Set<String> taken = new TreeSet<>();
        for (String id : unmapped) {
            String text = questionnaire.item(id).text();
            String best = null;
            double bestScore = 0;
            for (String column : unused) {
                double score = overlap(words(text), words(column));
                if (score > bestScore && !taken.contains(column)) {
                    best = column;
                    bestScore = score;
                }
            }
            out.printf("  - id: %s%n", id);
            if (best != null && bestScore >= 0.3) {
                taken.add(best);
                out.printf("    columns: [\"%s\"]   # %.0f%% of words shared%n", yamlQuoted(best), bestScore * 100);
            } else {
                out.printf("    # no similar column found; unused columns: %s%n",
                        shorten(VisibleText.TERMINAL.of(String.join(" | ", unused)), 200));
            }
        }
    }

    /**
     * {@code text} as the inside of a YAML double-quoted string: backslashes and quotes escaped, then control
     * characters made visible, whose notation is YAML's own escape, so the entry matches the column as it is.
     */
    static String yamlQuoted(String text) {
        return VisibleText.TERMINAL.of(text.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    private static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2) {
                words.add(word);
            }
        }
        return words;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new TreeSet<>(a);
        common.retainAll(b);
        return (double) common.size() / Math.min(a.size(), b.size());
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
