package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.culturekit.Main;
import picocli.CommandLine;

/** One run of the CLI built as {@code Main} builds it for the same arguments, with its exit code and both streams. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return with(Main.commandLine(args), args);
    }

    static CliRun with(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    CliRun assertExit(int expected) {
        assertEquals(expected, exitCode, () -> "exit code; stderr was:\n" + err + "\nstdout was:\n" + out);
        return this;
    }

    CliRun assertErrContains(String text) {
        assertTrue(err.contains(text), () -> "stderr lacks '" + text + "':\n" + err);
        return this;
    }

    CliRun assertOutContains(String text) {
        assertTrue(out.contains(text), () -> "stdout lacks '" + text + "':\n" + out);
        return this;
    }
}
