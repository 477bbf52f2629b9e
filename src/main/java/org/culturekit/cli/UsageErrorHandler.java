package org.culturekit.cli;

import java.io.PrintWriter;
import org.culturekit.model.VisibleText;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistake on the command line gets its message, picocli's suggestions for a mistyped option or command, and
 * one line saying where the help is, rather than the whole usage, which buries the message under a screenful of
 * options. A bare {@code culturekit} still gets the usage: it asks what there is.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        // the message may quote an argument: its control characters are shown, not sent to the terminal
        err.println(VisibleText.TERMINAL.of(e.getMessage()));
        if (args.length == 0) {
            cmd.usage(err);
        } else {
            UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
