package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Qualtrics numeric export whose recodes were edited (src/test/resources/io/export-variants) is flagged by every
 * command that reads it, with file and column, when the questionnaire does not map the codes.
 */
class ExportVariantsCliTest {
    private static final String DIR = "src/test/resources/io/export-variants/";
    private static final String QUESTIONNAIRE = DIR + "qualtrics-recoded-no-aliases.yaml";
    private static final String EXPORT = DIR + "qualtrics-recoded.csv";
    private static final String WARNING = "qualtrics-recoded.csv:1:19: column 19 ('Q1_2', item 'mistakes') has the "
            + "code 6, which scale 'agree5edited' (1 to 5) does not expect";

    @Test
    void inspectShowsTheCodesOffTheScale() {
        CliRun.of("inspect", "-q", QUESTIONNAIRE, EXPORT).assertExit(ExitCodes.OK)
                .assertOutContains("Codes off the scale: " + DIR + WARNING.substring(0, 40));
    }

    @Test
    void validateAndReportWarnOnStderr(@TempDir Path dir) {
        CliRun.of("validate", "-q", QUESTIONNAIRE, EXPORT).assertErrContains("warning: " + DIR + WARNING);
        CliRun.of("report", "-q", QUESTIONNAIRE, "-f", "json", "-o", dir.resolve("out").toString(), EXPORT)
                .assertExit(ExitCodes.OK).assertErrContains("warning: " + DIR + WARNING);
    }

    @Test
    void withTheAliasesTheExportReadsCleanly(@TempDir Path dir) {
        CliRun run = CliRun.of("report", "-q", DIR + "qualtrics-recoded.yaml", "-f", "json", "-o",
                dir.resolve("out").toString(), EXPORT).assertExit(ExitCodes.OK);
        assertFalse(run.err().contains("does not expect"), run.err());
        assertFalse(run.err().contains("is not an answer"), run.err());
    }
}
