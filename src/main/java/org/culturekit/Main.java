package org.culturekit;

import org.culturekit.cli.Cli;
import picocli.CommandLine;

/** Entry point: builds the command line, runs it and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
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
