package org.culturekit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code culturekit} command: only subcommands, so a bare call prints usage and exits 2. They are
 * added by {@link Cli}, which builds only the one a command line names.
 */
@Command(
        name = "culturekit",
        mixinStandardHelpOptions = true,
        versionProvider = CultureKitCommand.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Scores culture surveys — psychological safety, customer empathy, alignment, say-do gaps, "
                + "eNPS — from a questionnaire definition and CSV exports, into HTML, Markdown and JSON reports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:invalid input (a missing or malformed questionnaire, CSV or template; an unwritable output)",
            "2:invalid command line, including an output that would overwrite an input or another output",
            "3:internal error: a bug, please report it",
            "4:a CI gate was breached (reports are still written)"
        })
final class CultureKitCommand {
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an internal error, print the full stack trace.")
    boolean debug;

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CultureKitCommand.class.getPackage().getImplementationVersion();
            return new String[] {"culturekit " + (version == null ? "(development build)" : version)};
        }
    }
}
