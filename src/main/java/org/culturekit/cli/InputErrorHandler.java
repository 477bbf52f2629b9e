package org.culturekit.cli;

import org.culturekit.input.InputException;
import org.culturekit.model.VisibleText;
import org.culturekit.report.RenderException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into exit codes: a user's bad input gets its message and exit 1; anything else is a bug and
 * gets one line (the full trace with {@code --debug}) and exit 3. Neither prints input values beyond what
 * the input messages themselves quote, and those with their control characters made visible.
 */
final class InputErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof InputException || e instanceof RenderException) {
            // the messages quote input through VisibleText already; this keeps any other data in them harmless
            e.getMessage().lines().forEach(line -> cmd.getErr().println("error: " + VisibleText.TERMINAL.of(line)));
            return ExitCodes.INVALID_INPUT;
        }
        if (parseResult.originalArgs().contains("--debug")) {
            e.printStackTrace(cmd.getErr());
        } else {
            StackTraceElement[] trace = e.getStackTrace();
            // the class and place only: an exception message may carry survey data (docs/reports.md)
            cmd.getErr().println("internal error: " + e.getClass().getName()
                    + (trace.length > 0 ? " at " + trace[0] : "")
                    + ". This is a bug in culturekit; please report it with the output of --debug.");
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
