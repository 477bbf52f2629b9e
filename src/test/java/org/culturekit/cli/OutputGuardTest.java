package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No output of a run lands on a file the run reads, among the templates, or on another output. */
class OutputGuardTest {
    private static final String EXAMPLE = "examples/survey.csv";

    @TempDir Path dir;

    private Path export;

    @BeforeEach
    void copyTheExample() throws IOException {
        export = Files.copy(Path.of(EXAMPLE), dir.resolve("survey.csv"));
    }

    private CliRun report(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "report";
        all[1] = export.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @Test
    void aBaselineInTheOutputFolderIsRefusedHoweverItIsSpelled() throws IOException {
        Path out = dir.resolve("out");
        report("-f", "json", "-o", out.toString()).assertExit(ExitCodes.OK);
        Path baseline = out.resolve("results.json");
        byte[] before = Files.readAllBytes(baseline);
        Path link = Files.createSymbolicLink(dir.resolve("link"), out);
        for (String spelled : new String[] {baseline.toString(), dir + "/./out/../out/results.json",
            link.resolve("results.json").toString()}) {
            report("--baseline", spelled, "-o", out.toString()).assertExit(ExitCodes.USAGE)
                    .assertErrContains("-o " + out + " would overwrite an input file with its results.json: "
                            + "--baseline " + spelled + "; choose another -o folder");
            report("--baseline", baseline.toString(), "-o", link.toString()).assertExit(ExitCodes.USAGE)
                    .assertErrContains("would overwrite an input file with its results.json");
        }
        assertArrayEquals(before, Files.readAllBytes(baseline));
        // a run that writes no results.json there leaves it alone, and may read it
        report("--baseline", baseline.toString(), "-f", "html,md", "-o", out.toString()).assertExit(ExitCodes.OK);
        assertArrayEquals(before, Files.readAllBytes(baseline));
    }

    @Test
    void aFileReadInTheUnitsFolderThatPerUnitReplacesIsRefused() throws IOException {
        Path units = Files.createDirectories(dir.resolve("out/units/sales"));
        Path baseline = units.resolve("results.json");
        report("-f", "json", "-o", units.getParent().toString()).assertExit(ExitCodes.OK);
        Files.move(units.getParent().resolve("results.json"), baseline);
        byte[] before = Files.readAllBytes(baseline);
        Path tree = Path.of("examples/org-tree-survey.csv").toAbsolutePath();
        report("--baseline", baseline.toString(), "--hierarchy", tree.toString(), "--per-unit", "-o",
                dir.resolve("out").toString()).assertExit(ExitCodes.USAGE).assertErrContains("-o " + dir.resolve("out")
                        + " would replace " + dir.resolve("out/units") + ", which holds an input file: --baseline "
                        + baseline + "; choose another -o folder");
        assertArrayEquals(before, Files.readAllBytes(baseline));
        report("--rejects", dir.resolve("out/units/rejects.csv").toString(), "--hierarchy", tree.toString(),
                "--per-unit", "-o", dir.resolve("out").toString()).assertExit(ExitCodes.USAGE).assertErrContains(
                        "--rejects " + dir.resolve("out/units/rejects.csv") + " is inside " + dir.resolve("out/units")
                                + ", which the run replaces as a whole; choose another --rejects path");
        // without --per-unit the folder is not written, and may be read
        report("--baseline", baseline.toString(), "-f", "md", "-o", dir.resolve("out").toString())
                .assertExit(ExitCodes.OK);
    }

    @Test
    void anExportOrQuestionnaireInTheOutputFolderIsRefused() throws IOException {
        Path md = Files.copy(export, dir.resolve("report.md"));
        CliRun.of("report", md.toString(), "-o", dir.toString()).assertExit(ExitCodes.USAGE)
                .assertErrContains("would overwrite an input file with its report.md: the export " + md);
        Path questionnaire = Files.copy(Path.of("src/test/resources/io/QuestionnaireReader/valid.json"),
                dir.resolve("results.json"));
        report("-q", questionnaire.toString(), "-o", dir.toString()).assertExit(ExitCodes.USAGE)
                .assertErrContains("would overwrite an input file with its results.json: -q " + questionnaire);
    }

    @Test
    void theRejectsFileMayNotBeAnOutputAnInputOrATemplate() throws IOException {
        Path out = dir.resolve("out");
        report("-o", out.toString(), "--rejects", out.resolve("report.html").toString()).assertExit(ExitCodes.USAGE)
                .assertErrContains("--rejects " + out.resolve("report.html") + " is the report.html that -o " + out
                        + " writes; choose another --rejects path");
        // the same file where names are not case-sensitive, so refused everywhere
        report("-o", out.toString(), "--rejects", out.resolve("Report.HTML").toString()).assertExit(ExitCodes.USAGE)
                .assertErrContains("is the report.html that -o " + out + " writes");
        report("-o", out.toString(), "--rejects", export.toString()).assertExit(ExitCodes.USAGE)
                .assertErrContains("--rejects " + export + " would overwrite an input file: the export " + export);
        CliRun.of("validate", export.toString(), "--rejects", dir + "/../" + dir.getFileName() + "/survey.csv")
                .assertExit(ExitCodes.USAGE).assertErrContains("would overwrite an input file: the export " + export);
        Path templates = Files.createDirectories(dir.resolve("templates"));
        report("-o", out.toString(), "--template-dir", templates.toString(), "--rejects",
                templates.resolve("report.ftlh").toString()).assertExit(ExitCodes.USAGE)
                .assertErrContains("is inside --template-dir");
        assertFalse(Files.exists(out), "nothing written");
        // a rejects file beside the reports, named apart from them, is fine; so is one a format not chosen would be
        report("-f", "json", "-o", out.toString(), "--rejects", out.resolve("report.html").toString())
                .assertExit(ExitCodes.OK);
        assertTrue(Files.exists(out.resolve("report.html")) && Files.exists(out.resolve("results.json")));
    }

    @Test
    void historyNeverReadsTheOutputFolderHoweverItIsReached() throws IOException {
        Path waves = dir.resolve("waves");
        report("--wave", "2026-Q2", "-f", "json", "-o", waves.resolve("q2").toString()).assertExit(ExitCodes.OK);
        report("--wave", "STALE-Q4", "-f", "json", "-o", waves.resolve("q4").toString()).assertExit(ExitCodes.OK);
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), waves);
        report("--wave", "2026-Q4", "--history", waves.toString(), "-f", "md,json", "-o",
                alias.resolve("q4").toString()).assertExit(ExitCodes.OK);
        String md = Files.readString(waves.resolve("q4/report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| 2026-Q2 |"), "the earlier wave is in the trend");
        assertFalse(md.contains("STALE"), "the run's own earlier output is not");
        Path q2 = waves.resolve("q2/results.json");
        report("--history", waves.toString(), "-o", dir.resolve("q5").toString(), "--rejects", q2.toString())
                .assertExit(ExitCodes.USAGE)
                .assertErrContains("--rejects " + q2 + " would overwrite an input file: " + q2
                        + " (read for --history)");
    }
}
