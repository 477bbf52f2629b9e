package org.culturekit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.culturekit.cli.run.Scoring;
import org.culturekit.input.InputException;
import org.culturekit.report.ResultsJson;
import org.culturekit.scoring.Results;

/** Reads earlier waves' {@code results.json} files for {@code --baseline} and {@code --history}. */
final class WaveFiles {
    private static final String RESULTS = "results.json";

    private WaveFiles() {}

    static Results read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), Files.exists(file) ? "cannot be read ("
                    + e.getClass().getSimpleName() + ")" : "no such file; check the path");
        }
        try {
            Results results = ResultsJson.read(text);
            // an unlabelled wave is known by its file as named, not by the folder it happens to sit in
            return results.wave() == null ? results.withWave(name(file)) : results;
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), e.getMessage());
        }
    }

    /**
     * {@code file} as named (a folder of each wave gives different names), with {@code /} on every system. An
     * absolute path is named from the working folder when it is inside it, else by its last folder and file:
     * reports name no absolute path of the machine that made them.
     */
    static String name(Path file) {
        Path named = file.normalize();
        if (named.isAbsolute()) {
            Path here = Path.of("").toAbsolutePath();
            named = named.startsWith(here) ? here.relativize(named)
                    : named.getNameCount() >= 2 ? named.subpath(named.getNameCount() - 2, named.getNameCount())
                    : named.getFileName();
        }
        return named.toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /**
     * Every {@code results.json} up to two folders below {@code directory}, except those inside {@code exclude}
     * (this run's own output folder, however the two are spelled or linked), in path order.
     */
    static List<Path> historyFiles(Path directory, Path exclude) {
        if (!Files.isDirectory(directory)) {
            throw new InputException(directory.toString(), "is not a folder; --history takes the folder that holds "
                    + "earlier waves' results.json files");
        }
        Path skip = OutputGuard.canonical(exclude);
        try (Stream<Path> found = Files.find(directory, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().equals(RESULTS))) {
            return found.filter(path -> !OutputGuard.canonical(path).startsWith(skip)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(directory.toString(), "cannot be searched (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /**
     * The waves of {@code files} (given in path order), oldest first by wave label. Of two files with the same
     * label only the first in path order is kept, with a warning naming both: one wave is one point of a trend.
     */
    static List<Results> history(List<Path> files, PrintWriter err) {
        Map<String, Path> seen = new HashMap<>();
        List<Results> waves = new ArrayList<>();
        for (Path file : files) {
            Results wave = read(file);
            Path first = seen.putIfAbsent(wave.wave(), file);
            if (first == null) {
                waves.add(wave);
            } else {
                Scoring.warn(err, "--history: " + name(first) + " and " + name(file) + " are both wave '"
                        + wave.wave() + "'; the trend shows " + name(first) + " (the first in path order)");
            }
        }
        waves.sort(Comparator.comparing(Results::wave));
        return waves;
    }
}
