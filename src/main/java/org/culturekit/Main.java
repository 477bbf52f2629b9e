package org.culturekit;

import org.culturekit.cli.Cli;
import picocli.CommandLine;

/** Entry point: builds the command line, runs it and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line exactly as {@code main} runs it; tests add their own output streams. */
    public static CommandLine commandLine() {
        return Cli.commandLine();
    }
}
