package org.culturekit.cli.run;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.culturekit.input.InputException;
import org.culturekit.export.parallel.ParallelReader;
import org.culturekit.input.Problem;
import org.culturekit.export.ReadOptions;
import org.culturekit.export.ids.RespondentIds;
import org.culturekit.export.ResponseReader;
import org.culturekit.export.ResponseTimes;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.VisibleText;
import org.culturekit.scoring.Accumulator;
import org.culturekit.scoring.Coverage;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Units;

/**
 * The one way exports are scored, by every command and the golden tests alike: every export is read through the
 * parallel reader into one accumulator; mapping warnings and column mismatches between files go to stderr,
 * unreadable answers are listed (and fail the run when strict), rejected rows go to the rejects file.
 */
public final class Scoring {
    /** The most unreadable answers printed as warnings; all are in the rejects file. */
    private static final int LISTED = 10;

    /**
     * How many threads parse, and in what chunks: the results are the same whatever these are.
     *
     * @param threads the parsing threads
     * @param chunkSize the bytes of a chunk of an export
     */
    public record Parallelism(int threads, int chunkSize) {
        public static final Parallelism DEFAULT =
                new Parallelism(Runtime.getRuntime().availableProcessors(), ParallelReader.DEFAULT_CHUNK_SIZE);
    }

    /**
     * How a run reads, checks and reports.
     *
     * @param read how each export is read
     * @param strict whether an unreadable answer is an error rather than a warning
     * @param rejectsFile where rejected rows are written, or null for nowhere
     * @param coverageRequired whether an export with a column for fewer than half the scored items is an error
     *     ({@code report}), where {@code validate} lists the items without a column instead; with {@code strict}
     *     too, an export with a header and no responses is an error as well
     * @param parallelism the threads and chunk size of the parallel reader
     * @param err where warnings go
     * @param opened handed each export's reader once its header is mapped
     */
    public record Options(ReadOptions read, boolean strict, Path rejectsFile, boolean coverageRequired,
            Parallelism parallelism, PrintWriter err, Consumer<ResponseReader> opened) {
        /** Default reading, lenient, no rejects file, warnings discarded. */
        public static final Options DEFAULT = new Options(ReadOptions.DEFAULT, false, null, false,
                Parallelism.DEFAULT, new PrintWriter(Writer.nullWriter()), reader -> { });

        public Options {
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(parallelism, "parallelism");
            Objects.requireNonNull(err, "err");
            Objects.requireNonNull(opened, "opened");
        }

        public Options withRead(ReadOptions value) {
            return new Options(value, strict, rejectsFile, coverageRequired, parallelism, err, opened);
        }

        public Options withStrict(boolean value) {
            return new Options(read, value, rejectsFile, coverageRequired, parallelism, err, opened);
        }

        public Options withRejectsFile(Path value) {
            return new Options(read, strict, value, coverageRequired, parallelism, err, opened);
        }

        public Options withCoverageRequired(boolean value) {
            return new Options(read, strict, rejectsFile, value, parallelism, err, opened);
        }

        public Options withParallelism(Parallelism value) {
            return new Options(read, strict, rejectsFile, coverageRequired, value, err, opened);
        }

        public Options withErr(PrintWriter value) {
            return new Options(read, strict, rejectsFile, coverageRequired, parallelism, value, opened);
        }

        public Options withOpened(Consumer<ResponseReader> value) {
            return new Options(read, strict, rejectsFile, coverageRequired, parallelism, err, value);
        }
    }

    /**
     * What a run produced.
     *
     * @param results the scores, with the rows excluded by reason and the scored items no export has a column for
     * @param unreadableAnswers how many answers could not be read and were treated as missing
     * @param headerOnly the exports with header rows and no responses, in the order given
     * @param latestResponse the latest submit time of the rows scored, from the platforms' timestamp columns
     * @param groupSizes per segment, every group given with its respondents, hidden or not: for checks against
     *     other files only, never to publish
     * @param units every unit of the organisation tree, under the same disclosure decisions as the results; null
     *     without a tree
     */
    public record Scored(Results results, long unreadableAnswers, List<String> headerOnly,
            ResponseTimes.Latest latestResponse, List<Map<String, Long>> groupSizes, Units units) {
        public Scored {
            Objects.requireNonNull(results, "results");
            Objects.requireNonNull(latestResponse, "latestResponse");
            headerOnly = List.copyOf(headerOnly);
            groupSizes = List.copyOf(groupSizes);
        }
    }

    private final Questionnaire questionnaire;
    private final Options options;
    private final PrintWriter err;
    private final Accumulator accumulator;
    // by reason, alphabetically: the same order whichever export or thread met a reason first
    private final Map<String, Long> excluded = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;
    private String firstFile;
    private TreeSet<String> firstUnmapped;
    private final Duplicates duplicates = new Duplicates();
    private final List<String> headerOnly = new ArrayList<>();
    private ResponseTimes.Latest latestResponse = ResponseTimes.Latest.NONE;
    /** The export whose progress line is on the terminal: one at a time. */
    private Progress shown;
    private final List<String> scoredItems;
    /** The scored items no export has a column for, in questionnaire order. */
    private final List<String> neverMapped;

    private Scoring(Questionnaire questionnaire, Hierarchy tree, Options options) {
        this.questionnaire = questionnaire;
        this.options = options;
        this.err = options.err();
        this.accumulator = new Accumulator(questionnaire, tree);
        this.scoredItems = Coverage.scoredItems(questionnaire);
        this.neverMapped = new ArrayList<>(scoredItems);
    }

    /** Scores {@code files} together as {@code options} say. */
    public static Scored run(Questionnaire questionnaire, List<Path> files, Options options) {
        return run(questionnaire, null, files, options);
    }

    /**
     * Scores {@code files} together as {@code options} say, and every unit of {@code tree} (null for none) in the
     * same pass, under the same disclosure decisions.
     */
    public static Scored run(Questionnaire questionnaire, Hierarchy tree, List<Path> files, Options options) {
        return new Scoring(questionnaire, tree, options).run(files);
    }

    private Scored run(List<Path> files) {
        boolean strict = options.strict();
        Path rejectsFile = options.rejectsFile();
        RejectsWriter rejects = RejectsWriter.open(rejectsFile, err);
        Parallelism parallelism = options.parallelism();
        // one set for the run: a respondent in two exports is scored once, from the first
        try (RespondentIds seenIds = RespondentIds.forRun();
                ParallelReader<Accumulator> parallel = new ParallelReader<>(parallelism.threads(),
                parallelism.chunkSize(), accumulator::part,
                (part, row) -> part.add(row.answers(), row.segments(), row), accumulator::merge)) {
            for (Path file : files) {
                try (ResponseReader reader = ResponseReader.open(file, questionnaire, options.read(), seenIds)) {
                    reader.onRejection(rejection -> {
                        if (rejects != null) {
                            rejects.write(rejection);
                        }
                        duplicates.note(rejection);
                    });
                    options.opened().accept(reader);
                    mapped(file, reader);
                    // one progress line at a time: the last export's chunks may still be in flight
                    if (shown != null) {
                        shown.close();
                    }
                    Progress progress = Progress.start(file, reader, err);
                    shown = progress;
                    // runs once every row of this export is merged, in file order
                    parallel.read(reader, () -> finished(file, reader, progress));
                }
            }
            parallel.finish();
            seenIds.warning().ifPresent(warning -> warn(err, warning));
            // report --strict only: validate checks a header on its own, as init's template is
            if (strict && options.coverageRequired() && !headerOnly.isEmpty()) {
                throw new InputException(headerOnly.stream().map(name -> new Problem(name, 0, 0, "the header rows "
                        + "are there but no responses follow; is it the right file?", "")).toList());
            }
            if (problemCount > 0) {
                report(problems, problemCount, strict, rejectsFile, err);
            }
            duplicates.report(questionnaire, files, options.read(), strict, rejectsFile, err);
            if (rejects != null) {
                rejects.publish();
            }
        } finally {
            if (shown != null) {
                shown.close(); // before any error message, which must not share its line
            }
            if (rejects != null) {
                rejects.close();
            }
        }
        List<Results.Exclusion> exclusions = new ArrayList<>();
        excluded.forEach((reason, count) -> exclusions.add(new Results.Exclusion(reason, count)));
        Accumulator.Published published = accumulator.published();
        return new Scored(published.results().withExclusions(exclusions).withUnmappedItems(neverMapped),
                problemCount, headerOnly, latestResponse, accumulator.groupSizes(), published.units());
    }

    /** Checks and warns about {@code file}'s columns once its header is mapped. */
    private void mapped(Path file, ResponseReader reader) {
        List<String> scoredUnmapped = checkCoverage(questionnaire, scoredItems, reader,
                options.coverageRequired());
        reader.warnings().forEach(warning -> warn(err, warning.toString()));
        warnShort(questionnaire, file, scoredItems, scoredUnmapped, err);
        neverMapped.retainAll(scoredUnmapped);
        TreeSet<String> unmapped = new TreeSet<>(reader.unmappedItems());
        if (firstUnmapped == null) {
            firstFile = file.toString();
            firstUnmapped = unmapped;
        } else if (!unmapped.equals(firstUnmapped)) {
            warn(err, file + ": its columns do not match " + firstFile + "'s: "
                    + difference(unmapped, firstUnmapped, firstFile));
        }
    }

    /** Takes in what reading {@code file} counted, once every row of it is merged. */
    private void finished(Path file, ResponseReader reader, Progress progress) {
        if (progress != null) {
            progress.close();
        }
        if (reader.rowsRead() == 0) {
            headerOnly.add(file.toString());
            if (!(options.strict() && options.coverageRequired())) {
                warn(err, file + ": the header rows are there but no responses follow; is it "
                        + "the right file? (--strict makes this an error)");
            }
        }
        reader.excluded().forEach((reason, count) -> excluded.merge(reason, count, Long::sum));
        latestResponse = latestResponse.and(reader.latestResponse());
        reader.codeWarnings().forEach(warning -> warn(err, warning.toString()));
        problems.addAll(reader.problems());
        problemCount += reader.problemCount();
    }

    /** The most unmapped items an error names before it counts the rest. */
    private static final int NAMED = 12;

    /**
     * The scored items {@code reader}'s export has no column for, in questionnaire order; an error when fewer
     * than half of them have one, which is almost always the wrong questionnaire (a forgotten {@code -q}).
     */
    private static List<String> checkCoverage(Questionnaire questionnaire, List<String> scoredItems,
            ResponseReader reader, boolean required) {
        Set<String> unmapped = new HashSet<>(reader.unmappedItems());
        List<String> missing = scoredItems.stream().filter(unmapped::contains).toList();
        int mapped = scoredItems.size() - missing.size();
        if (required && !missing.isEmpty() && 2L * mapped < scoredItems.size()) {
            String named = String.join(", ", missing.subList(0, Math.min(NAMED, missing.size())))
                    + (missing.size() > NAMED ? " and " + (missing.size() - NAMED) + " more" : "");
            throw new InputException(reader.file(), "only " + mapped + " of the "
                    + Plural.of(scoredItems.size(), "scored item", "scored items") + " of questionnaire '"
                    + questionnaire.id() + "' " + (mapped == 1 ? "has" : "have") + " a column here; none for " + named + ". Is this the right "
                    + "questionnaire? Name yours with -q FILE; culturekit inspect --suggest " + reader.file()
                    + " shows the columns and a mapping to start from");
        }
        return missing;
    }

    /** Warns of every scored item {@code file} has no column for and every index that is scored short. */
    private static void warnShort(Questionnaire questionnaire, Path file, List<String> scoredItems,
            List<String> missing, PrintWriter err) {
        if (missing.isEmpty()) {
            return;
        }
        List<String> shortIndices = Coverage.shortIndices(questionnaire, missing);
        warn(err, file + ": " + missing.size() + " of the " + Plural.of(scoredItems.size(), "scored item",
                "scored items") + " have no column: " + String.join(", ", missing) + "; their answers count as "
                + "missing" + (shortIndices.isEmpty() ? "" : "; scored from fewer items than they define: "
                + String.join(", ", shortIndices)));
    }

    /**
     * Refuses results of fewer respondents than the minimum group size: every figure of such a survey would
     * describe fewer people than the minimum, so none can be shown (docs/privacy.md). The message names no count.
     */
    public static Results publishable(Results results, Questionnaire questionnaire, List<Path> files) {
        int k = questionnaire.reporting().minGroupSize();
        if (results.rows().scored() < k) {
            throw new InputException(files.get(0).toString(), "fewer than " + k + " responses (minGroupSize) could "
                    + "be scored" + (files.size() > 1 ? " from these " + files.size() + " exports" : "")
                    + ", so no figure can be shown without identifying someone; collect more responses, or lower "
                    + "reporting.minGroupSize (never below 3) if your policy allows");
        }
        return results;
    }

    private static String difference(TreeSet<String> unmapped, TreeSet<String> first, String firstFile) {
        List<String> parts = new ArrayList<>();
        TreeSet<String> missingHere = new TreeSet<>(unmapped);
        missingHere.removeAll(first);
        TreeSet<String> presentHere = new TreeSet<>(first);
        presentHere.removeAll(unmapped);
        if (!missingHere.isEmpty()) {
            parts.add("no column for " + String.join(", ", missingHere) + " (" + firstFile + " has)");
        }
        if (!presentHere.isEmpty()) {
            parts.add("a column for " + String.join(", ", presentHere) + " (" + firstFile + " has none)");
        }
        return String.join("; ", parts);
    }

    private static void report(List<Problem> problems, long count, boolean strict, Path rejectsFile,
            PrintWriter err) {
        if (strict) {
            List<Problem> all = new ArrayList<>(problems);
            if (count > problems.size()) {
                all.add(new Problem(problems.get(0).file(), 0, 0, "… and " + Plural.of(count - problems.size(),
                        "more answer", "more answers") + " that cannot be read", ""));
            }
            throw new InputException(all);
        }
        problems.stream().limit(LISTED).forEach(problem -> warn(err, problem.toString()));
        warn(err, count + (count == 1 ? " answer" : " answers") + " could not be read and "
                + (count == 1 ? "was" : "were") + " treated as missing; "
                + (rejectsFile == null ? "--rejects FILE lists every row, " : rejectsFile + " lists every row, ")
                + "--strict makes this an error");
    }

    /** One warning line on stderr; it may hold file names and quoted data, which are made visible. */
    public static void warn(PrintWriter err, String warning) {
        err.println("warning: " + VisibleText.TERMINAL.of(warning));
    }
}
