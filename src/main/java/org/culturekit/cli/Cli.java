package org.culturekit.cli;

import picocli.CommandLine;

/** Builds the configured {@link CommandLine}; {@code Main} and the tests use the same one. */
public final class Cli {
    private Cli() {}

    public static CommandLine commandLine() {
        return new CommandLine(new CultureKitCommand())
                .setExecutionExceptionHandler(new InputErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
