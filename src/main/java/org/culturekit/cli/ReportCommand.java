package org.culturekit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.culturekit.cli.run.Plural;
import org.culturekit.cli.run.Scoring;
import org.culturekit.export.ResponseTimes;
import org.culturekit.input.InputException;
import org.culturekit.model.Headcounts;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.OutcomeTable;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Segment;
import org.culturekit.model.VisibleText;
import org.culturekit.outcomes.HierarchyReader;
import org.culturekit.outcomes.InvitedReader;
import org.culturekit.questionnaire.Questionnaires;
import org.culturekit.report.OutputFiles;
import org.culturekit.report.PdfReport;
import org.culturekit.report.ReportFormat;
import org.culturekit.report.ReportModel;
import org.culturekit.report.ReportOptions;
import org.culturekit.report.ReportRenderer;
import org.culturekit.report.ReportWorkbook;
import org.culturekit.report.ResultsJson;
import org.culturekit.report.ScoresCsv;
import org.culturekit.report.UnitReports;
import org.culturekit.scoring.Changes;
import org.culturekit.scoring.Gate;
import org.culturekit.scoring.OutcomeLinks;
import org.culturekit.scoring.Participation;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code culturekit report}: score the exports and write the reports. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Score one or more survey exports against a questionnaire and write the reports.",
            "Every row is either scored or counted as left out with a reason (partial, preview, duplicate, "
                    + "empty, unparseable); answers that cannot be read are listed with file, line and column and "
                    + "treated as missing, or fail the run with --strict."
        })
final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin InputOptions input;

    @Mixin ImportOptions imports;

    @Mixin WaveOptions waves;

    @Parameters(arity = "1..*", paramLabel = "EXPORT",
            description = "Survey exports: CSV or tab-separated text from any supported platform, or an .xlsx "
                    + "workbook (Microsoft Forms). Several are scored together.")
    List<Path> csvFiles;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT", defaultValue = "html,md,json",
            description = "Comma-separated outputs: html (report.html), md (report.md), json (results.json), csv "
                    + "(scores.csv, one figure per row), pdf (report.pdf, A4), xlsx (report.xlsx, a workbook for "
                    + "analysts). Default: ${DEFAULT-VALUE}.")
    List<ReportFormat> formats;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "report",
            description = "Folder to write the reports into; created if missing (default: ${DEFAULT-VALUE}). A "
                    + "report that would replace a file the run reads (an export, -q, --baseline, a results.json "
                    + "of --history) is refused. Temporary files a killed run left there are removed.")
    Path output;

    @Option(names = "--template-dir", paramLabel = "DIR",
            description = "Templates here override the bundled ones, file by file; every template a report "
                    + "includes or imports must be of its format (.ftlh for html, .ftlmd for md). See 'Custom "
                    + "templates' in the README.")
    Path templateDir;

    @Option(names = "--wave", paramLabel = "LABEL", defaultValue = "",
            description = "A label for this survey round, shown in the reports (for example 2026-Q4).")
    String wave;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The date of this survey round, shown in the reports and results.json. Default: the "
                    + "date of the latest response, from the exports' submit-time column where the platform writes "
                    + "one; else none.")
    String date;

    @Option(names = "--invited", paramLabel = "N|FILE",
            description = "How many people were invited, to show the response rate: a whole number, or a CSV file "
                    + "headed <segment>,invited (for example team,invited) with one row per group, which adds each "
                    + "shown group's invited and response rate. A value of digits only is a number; write a file "
                    + "named so as ./500.")
    String invitedArgument;

    /** The number {@code --invited} gave, or null. */
    private Long invited;
    /** The file {@code --invited} gave, or null. */
    private Path invitedFile;

    @Option(names = "--no-comments", negatable = false,
            description = "Leave every comment out of the reports and results.json.")
    boolean noComments;

    @Option(names = "--outcomes", paramLabel = "FILE",
            description = "Customer outcomes per group (repeatable): a CSV whose first column is headed by a segment "
                    + "(for example team) and whose other columns are metrics such as customer_nps; adds how each "
                    + "index and eNPS move with them across the shown groups.")
    List<Path> outcomeFiles = new ArrayList<>();

    @Option(names = "--hierarchy", paramLabel = "FILE",
            description = "The organisation tree, for --per-unit: a CSV or xlsx file headed <segment>,parent[,leader] "
                    + "(for example team,parent,leader) with one row per unit: the segment's groups and the units "
                    + "above them, each with its parent (blank for the root) and its leader's name.")
    Path hierarchyFile;

    @Option(names = "--per-unit",
            description = "Also write a report for every unit of the --hierarchy tree that may be published, into "
                    + "DIR/units/<unit>/, and a page linking them as a tree, DIR/units/index.html. Each run replaces "
                    + "DIR/units/ as a whole.")
    boolean perUnit;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--summary",
            description = "Print one line of JSON to stdout: rows, each index's 0–100 score, the say-do gap, eNPS "
                    + "and the gates breached, for scripts.")
    boolean summary;

    @Override
    public Integer call() {
        if (perUnit != (hierarchyFile != null)) {
            throw new ParameterException(spec.commandLine(), perUnit
                    ? "--per-unit needs the organisation tree: add --hierarchy FILE (a CSV headed "
                            + "<segment>,parent[,leader])"
                    : "--hierarchy FILE is read for the reports per unit: add --per-unit");
        }
        // the templates do not depend on the data: parse them on another core while the exports are read
        FutureTask<ReportRenderer> renderer = new FutureTask<>(() -> {
            ReportRenderer prepared = new ReportRenderer(templateDir);
            new LinkedHashSet<>(formats).stream().filter(f -> f.template() != null).forEach(prepared::prepare);
            if (perUnit) {
                prepared.prepareUnits();
            }
            if (formats.contains(ReportFormat.PDF)) {
                PdfReport.prepare();
            }
            return prepared;
        });
        if (perUnit || formats.stream().anyMatch(f -> f.template() != null)) {
            Thread preparing = new Thread(renderer, "culturekit-prepare-templates");
            preparing.setDaemon(true);
            preparing.start();
        }
        if (formats.contains(ReportFormat.JSON) || summary || waves.baseline != null || waves.history != null) {
            // the JSON mapper costs a cold start tens of milliseconds to build: build it on another core too
            Thread mapper = new Thread(ResultsJson::prepare, "culturekit-prepare-json");
            mapper.setDaemon(true);
            mapper.start();
        }
        Questionnaire questionnaire = Questionnaires.load(input.questionnaire);
        List<Path> historyFiles = waves.history == null ? List.of() : WaveFiles.historyFiles(waves.history, output);
        invitedArgument();
        OutputGuard.of(spec).exports(csvFiles).input("-q", input.questionnaireFile())
                .input("--baseline", waves.baseline).inputs("--history", historyFiles)
                .inputs("--outcomes", outcomeFiles).input("--invited", invitedFile)
                .input("--hierarchy", hierarchyFile).templates(templateDir)
                .check(output, formats, imports.rejects, perUnit ? UnitReports.FOLDER : null);
        if (perUnit) {
            // before the exports are read: a folder that cannot be replaced fails the run at once
            OutputFiles.Staging.refuseForeign(output.resolve(UnitReports.FOLDER), unitFiles(),
                    "choose another directory with -o");
        }
        List<Gate> gates = waves.gates(spec, questionnaire);
        Results baseline = waves.baseline == null ? null : WaveFiles.read(waves.baseline);
        PrintWriter err = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getErr();
        List<Results> history = WaveFiles.history(historyFiles, err);
        String isoDate = date == null ? null : checkedDate(date);
        List<OutcomeTable> outcomes = OutcomeFiles.read(outcomeFiles, questionnaire,
                imports.readOptions(spec, false).encoding());
        // before the exports are read, so that a period column without --wave fails at once
        Results previous = previousWave(baseline, history, wave.isEmpty() ? null : wave);
        OutcomeFiles.checkPeriods(outcomes, wave, previous == null ? null : previous.wave(), err);
        if (invited != null && invited < 1) {
            throw new ParameterException(spec.commandLine(), "--invited must be at least 1");
        }
        Headcounts headcounts = invitedFile == null ? null
                : InvitedReader.read(invitedFile, questionnaire, imports.readOptions(spec, false).encoding());
        Hierarchy hierarchy = hierarchyFile == null ? null
                : HierarchyReader.read(hierarchyFile, questionnaire, imports.readOptions(spec, false).encoding());
        Scoring.Scored run = Scoring.run(questionnaire, hierarchy, csvFiles,
                imports.scoring(spec, err).withCoverageRequired(true));
        Results scored = Scoring.publishable(run.results(), questionnaire, csvFiles);
        if (isoDate == null) {
            isoDate = dateOfData(run.latestResponse(), err);
        }
        if (invited != null && invited < scored.rows().scored()) {
            // a response rate above 100% means the count or the exports are wrong: neither can be reported
            throw new ParameterException(spec.commandLine(), "--invited " + invited + " is fewer than the "
                    + Plural.of(scored.rows().scored(), "respondent", "respondents") + " scored; give the number "
                    + "of people invited, or check the exports for rows that are not responses");
        }
        OptionalLong totalInvited = invited == null ? OptionalLong.empty() : OptionalLong.of(invited);
        if (hierarchy != null) {
            HierarchyReader.check(hierarchy, run.groupSizes().get(segmentIndex(questionnaire, hierarchy.segment())))
                    .forEach(warning -> Scoring.warn(err, warning));
        }
        if (headcounts != null) {
            InvitedReader.check(headcounts, run.groupSizes().get(segmentIndex(questionnaire, headcounts.segment())))
                    .forEach(warning -> Scoring.warn(err, warning));
            if (headcounts.total() < scored.rows().scored()) {
                throw new InputException(headcounts.file(), "invites " + headcounts.total() + " in all, fewer than "
                        + "the " + Plural.of(scored.rows().scored(), "respondent", "respondents") + " scored (those "
                        + "who left " + headcounts.segment() + " blank count too); correct the counts, or check the "
                        + "exports for rows that are not responses");
            }
            scored = Participation.withInvited(scored, headcounts);
            totalInvited = Participation.total(scored, headcounts);
        }
        Results results = (noComments ? scored.withoutComments() : scored).withWave(wave.isEmpty() ? null : wave)
                .withDate(isoDate);
        if (!outcomeFiles.isEmpty()) {
            OutcomeFiles.warnUnmatched(outcomes, results, wave, err);
            results = results.withOutcomes(OutcomeLinks.link(outcomes, results, previous));
        }
        Changes changes = baseline == null ? null : Changes.between(baseline, results, questionnaire.reporting().minGroupSize());
        List<String> breaches = Gate.breaches(gates, results, baseline, questionnaire.reporting().minGroupSize());
        ReportOptions options = new ReportOptions(wave, totalInvited, !noComments, changes, history, breaches,
                headcounts == null ? null : headcounts.segment());
        ReportModel model = ReportModel.of(questionnaire, results, options);
        UnitReports units = hierarchy == null ? null
                : new UnitReports(run.units(), results, wave, headcounts);
        List<Path> written = writeAll(renderer, model, questionnaire, results, options, units, err);
        PrintWriter out = spec.commandLine().getOut();
        if (summary) {
            // VisibleText's notation is JSON's own escape: the line stays the same JSON, with no raw bidi control
            out.println(VisibleText.TERMINAL.of(ResultsJson.summary(results, breaches, totalInvited)));
        } else if (!quiet) {
            // the organisation's outputs by name; the units' by their number and folder, not thousands of paths
            Path unitFolder = output.resolve(UnitReports.FOLDER);
            List<String> names = new ArrayList<>();
            written.stream().filter(path -> units == null || !path.startsWith(unitFolder))
                    .forEach(path -> names.add(VisibleText.TERMINAL.of(path.toString())));
            out.printf("Scored %d of %s; wrote %s%s%n", results.rows().scored(),
                    Plural.of(results.rows().read(), "row", "rows"), String.join(", ", names),
                    units == null ? "" : " and " + Plural.of(units.published().size(), "unit report",
                            "unit reports") + " in " + VisibleText.TERMINAL.of(unitFolder.toString()));
        }
        // breaches are errors: stderr even with --quiet
        breaches.forEach(breach -> spec.commandLine().getErr().println("gate breached: "
                + VisibleText.TERMINAL.of(breach)));
        return breaches.isEmpty() ? ExitCodes.OK : ExitCodes.GATE_BREACHED;
    }

    /** The position of the segment {@code id} among the questionnaire's, as the run's group sizes are listed. */
    private static int segmentIndex(Questionnaire questionnaire, String id) {
        return questionnaire.segments().stream().map(Segment::id).toList().indexOf(id);
    }

    /** The file names culturekit writes into {@code units/}: the index, and each unit's report of any format. */
    private static Set<String> unitFiles() {
        Set<String> names = new HashSet<>();
        names.add(UnitReports.INDEX);
        for (ReportFormat format : ReportFormat.values()) {
            names.add(format.fileName());
        }
        return names;
    }

    /**
     * Sorts {@code --invited}'s value into a number or a file: digits only (with an optional sign, so that a
     * negative count is refused as one) is a number, anything else a path; a file named 500 is given as ./500.
     */
    private void invitedArgument() {
        if (invitedArgument == null) {
            return;
        }
        String value = invitedArgument.strip();
        if (!value.matches("[+-]?[0-9]+")) {
            try {
                invitedFile = Path.of(invitedArgument);
            } catch (InvalidPathException e) {
                throw new ParameterException(spec.commandLine(), "--invited takes a number or a file; "
                        + VisibleText.TERMINAL.of(invitedArgument) + " is neither");
            }
            return;
        }
        try {
            invited = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--invited " + value + " is too large a number");
        }
    }

    /** {@code --date}'s value, checked: a real day written as YYYY-MM-DD. */
    private String checkedDate(String value) {
        if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            try {
                return LocalDate.parse(value).toString();
            } catch (DateTimeParseException e) {
                // a day that does not exist, such as 2026-02-30: refused below like any other
            }
        }
        throw new ParameterException(spec.commandLine(), "--date must be a day written as YYYY-MM-DD, for example "
                + "2026-04-20; '" + VisibleText.TERMINAL.of(value) + "' is not");
    }

    /**
     * The date of the latest response, when the exports have submit times; none when they do not, or when one
     * cannot be read, which is said once: scoring does not need the times, so it is not an error.
     */
    private static String dateOfData(ResponseTimes.Latest latest, PrintWriter err) {
        if (!latest.problem().isEmpty()) {
            Scoring.warn(err, latest.problem() + "; the reports carry no date (give one with --date YYYY-MM-DD)");
        }
        return latest.latest().map(time -> time.toLocalDate().toString()).orElse(null);
    }

    /**
     * The wave the lagged outcomes compare with: the baseline, else the latest of the history before this wave
     * (by label), else none.
     */
    private static Results previousWave(Results baseline, List<Results> history, String wave) {
        if (baseline != null) {
            return baseline;
        }
        Results latest = null;
        for (Results earlier : history) {
            if (wave == null || earlier.wave().compareTo(wave) < 0) {
                latest = earlier;
            }
        }
        return latest;
    }

    /**
     * Writes every chosen output into the output folder, all or nothing, and returns their paths in the order
     * chosen. Each output streams into its own staged file as it is produced, rather than being held whole in
     * memory. The templated formats render on their own threads, in parallel with each other and with the JSON
     * and CSV writers; each rendering still has its own limits.
     */
    private List<Path> writeAll(FutureTask<ReportRenderer> prepared, ReportModel model, Questionnaire questionnaire,
            Results results, ReportOptions options, UnitReports units, PrintWriter err) {
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "culturekit-render-format");
            thread.setDaemon(true);
            return thread;
        });
        try (OutputFiles.Staging staging = OutputFiles.Staging.in(output)) {
            staging.staleNote().ifPresent(note -> err.println("warning: " + note));
            if (units != null) {
                staging.replaceFolder(UnitReports.FOLDER, unitFiles());
            }
            try {
                ReportRenderer renderer = units != null || formats.stream().anyMatch(f -> f.template() != null)
                        ? finished(prepared) : null;
                Map<ReportFormat, Writer> outputs = new LinkedHashMap<>();
                OutputStream pdf = null;
                OutputStream workbook = null;
                for (ReportFormat format : new LinkedHashSet<>(formats)) {
                    if (format == ReportFormat.PDF) {
                        pdf = staging.openBytes(format.fileName());
                    } else if (format == ReportFormat.XLSX) {
                        workbook = staging.openBytes(format.fileName());
                    } else {
                        outputs.put(format, staging.open(format.fileName()));
                    }
                }
                List<Future<?>> rendering = new ArrayList<>();
                outputs.forEach((format, out) -> {
                    if (format.template() != null) {
                        rendering.add(pool.submit(() -> renderer.render(model, format, out)));
                    }
                });
                if (pdf != null) {
                    OutputStream out = pdf;
                    rendering.add(pool.submit(() -> PdfReport.write(renderer, model, out)));
                }
                // the JSON and CSV on this thread while the templates render, rather than after they have
                for (Map.Entry<ReportFormat, Writer> entry : outputs.entrySet()) {
                    switch (entry.getKey()) {
                        case JSON -> ResultsJson.write(results, options.changes(), options.breaches(),
                                entry.getValue());
                        case CSV -> entry.getValue().write(ScoresCsv.write(results, options.invited()));
                        default -> { }
                    }
                }
                if (workbook != null) {
                    try (OutputStream out = workbook) {
                        ReportWorkbook.write(questionnaire, results, options,
                                results.date() == null ? null : LocalDate.parse(results.date()), out);
                    }
                }
                rendering.forEach(ReportCommand::finished);
                if (units != null) {
                    writeUnits(units, renderer, staging, pool);
                }
                return staging.publish();
            } catch (IOException e) {
                throw staging.failure(e);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Stages every published unit's outputs, of the formats chosen, into {@code units/<slug>/}, and the index
     * page. One unit at a time: its templates render on the pool while its JSON and CSV are written here, and the
     * next unit waits, so that memory holds one unit's model however many units there are.
     */
    private void writeUnits(UnitReports units, ReportRenderer renderer, OutputFiles.Staging staging,
            ExecutorService pool) throws IOException {
        for (Units.Unit unit : units.published()) {
            UnitReports.Report report = units.report(unit);
            List<Future<?>> rendering = new ArrayList<>();
            for (ReportFormat format : new LinkedHashSet<>(formats)) {
                String name = report.folder() + "/" + format.fileName();
                switch (format) {
                    case HTML, MD -> {
                        Writer out = staging.open(name);
                        rendering.add(pool.submit(() -> {
                            try (out) {
                                renderer.render(report.model(), format, out);
                            }
                            return null;
                        }));
                    }
                    case PDF -> {
                        OutputStream out = staging.openBytes(name);
                        rendering.add(pool.submit(() -> {
                            try (out) {
                                PdfReport.write(renderer, report.model(), out);
                            }
                            return null;
                        }));
                    }
                    case JSON -> {
                        try (Writer out = staging.open(name)) {
                            ResultsJson.write(report.results(), unit, units::hasReport, out);
                        }
                    }
                    case CSV -> {
                        try (Writer out = staging.open(name)) {
                            out.write(ScoresCsv.write(report.results(), report.options().invited()));
                        }
                    }
                    case XLSX -> {
                        try (OutputStream out = staging.openBytes(name)) {
                            ReportWorkbook.write(units.units().questionnaire(), report.results(), report.options(),
                                    report.results().date() == null ? null : LocalDate.parse(report.results().date()),
                                    unit.unit(), out);
                        }
                    }
                }
            }
            rendering.forEach(ReportCommand::finished);
        }
        try (Writer out = staging.open(UnitReports.FOLDER + "/" + UnitReports.INDEX)) {
            renderer.render(units.index(formats.contains(ReportFormat.HTML) ? ReportFormat.HTML.fileName()
                    : formats.get(0).fileName()), out);
        }
    }

    private static <T> T finished(Future<T> rendering) {
        try {
            return rendering.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        }
    }
}
