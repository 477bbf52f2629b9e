package org.culturekit;

import org.culturekit.cli.Cli;
import picocli.CommandLine;

/** Entry point: builds the command line, runs it and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(args);
        // one writer per stream for every subcommand, flushed before the JVM exits: picocli makes one per
        // command line on demand, and System.exit runs no finaliser, so what a command printed without a line
        // end of println (printf, print) stayed in a buffer and never reached a pipe or a file
        commandLine.setOut(commandLine.getOut()).setErr(commandLine.getErr());
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(code);
    }

    /** The command line with every subcommand; tests add their own output streams. */
    public static CommandLine commandLine() {
        return Cli.commandLine();
    }

    /** The command line exactly as {@code main} runs {@code args}: only the subcommand they name is built. */
    public static CommandLine commandLine(String... args) {
        return Cli.commandLine(args);
    }
}
