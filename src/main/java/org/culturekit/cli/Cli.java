package org.culturekit.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

/** Builds the configured {@link CommandLine}; {@code Main} and the tests use the same one. */
public final class Cli {
    private Cli() {}

    /** The subcommands by name, in the order the usage lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("report", ReportCommand::new);
        SUBCOMMANDS.put("validate", ValidateCommand::new);
        SUBCOMMANDS.put("inspect", InspectCommand::new);
        SUBCOMMANDS.put("questionnaires", QuestionnairesCommand::new);
        SUBCOMMANDS.put("init", InitCommand::new);
        SUBCOMMANDS.put("schema", SchemaCommand::new);
        SUBCOMMANDS.put("templates", TemplatesCommand::new);
        SUBCOMMANDS.put("help", HelpCommand::new);
    }

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        return build(null);
    }

    /**
     * The command line that runs {@code args}: when they name a subcommand, only that one is built. Picocli
     * reads every option of every command reflectively as it builds them, start-up work wasted on the six a run
     * does not use; a command line that names none, or names {@code help}, gets them all.
     */
    public static CommandLine commandLine(String... args) {
        return build(named(args));
    }

    /** The subcommand {@code args} run, or null when that needs every subcommand (no name, help, a typo). */
    static String named(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return null; // what follows is no subcommand: let the full command line say so
            }
            if (!arg.startsWith("-")) {
                return SUBCOMMANDS.containsKey(arg) && !arg.equals("help") ? arg : null;
            }
        }
        return null;
    }

    /** The names of every subcommand, in order. */
    static Iterable<String> names() {
        return SUBCOMMANDS.keySet();
    }

    private static CommandLine build(String only) {
        CommandLine commandLine = new CommandLine(new CultureKitCommand());
        SUBCOMMANDS.forEach((name, command) -> {
            if (only == null || only.equals(name)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
        // after the subcommands: these settings are passed on to the subcommands there at the time
        return commandLine.setExecutionExceptionHandler(new InputErrorHandler())
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
