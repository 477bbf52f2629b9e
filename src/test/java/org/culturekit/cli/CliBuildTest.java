package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command line that names a subcommand gets only that one built: it must behave exactly as the command line
 * with every subcommand does, in its help, its errors and its exit codes.
 */
class CliBuildTest {
    @Test
    void everySubcommandIsThereInOrderUnderItsOwnName() {
        CommandLine full = Cli.commandLine();
        List<String> names = new ArrayList<>(full.getSubcommands().keySet());
        List<String> expected = new ArrayList<>();
        Cli.names().forEach(expected::add);
        assertEquals(List.of("report", "validate", "inspect", "questionnaires", "init", "schema", "templates", "help"),
                names);
        assertEquals(expected, names);
        full.getSubcommands().forEach((name, sub) -> assertEquals(name,
                sub.getCommandSpec().userObject().getClass().getAnnotation(Command.class).name(), name));
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        for (String name : Cli.names()) {
            Set<String> built = Cli.commandLine(name, "--help").getSubcommands().keySet();
            assertEquals(name.equals("help") ? Set.copyOf(allNames()) : Set.of(name), built, name);
        }
    }

    @Test
    void theNameIsTheFirstArgumentThatIsNoOption() {
        assertEquals("report", Cli.named("report", "x.csv"));
        assertEquals("report", Cli.named("--debug", "report", "x.csv"));
        assertEquals("templates", Cli.named("templates", "export"));
        assertNull(Cli.named());
        assertNull(Cli.named("--version"));
        assertNull(Cli.named("help", "report"), "help must find the command it explains");
        assertNull(Cli.named("reprot", "x.csv"), "a typo gets the suggestions of the full command line");
        assertNull(Cli.named("--", "report"));
        assertNull(Cli.named("@arguments.txt"));
        assertNull(Cli.named("x.csv", "report"));
    }

    static List<List<String>> commandLines() {
        List<List<String>> lines = new ArrayList<>();
        for (String name : allNames()) {
            lines.add(List.of(name, "--help"));
            lines.add(List.of(name, "--no-such-option"));
            lines.add(List.of("--debug", name, "--help"));
            lines.add(List.of("help", name));
        }
        lines.add(List.of("questionnaires", "list", "--help"));
        lines.add(List.of("questionnaires", "show", "--help"));
        lines.add(List.of("templates", "export", "--help"));
        lines.add(List.of("report"));
        lines.add(List.of("report", "-f", "pdf", "examples/survey.csv"));
        lines.add(List.of("report", "-f", "JSON", "no-such-file.csv")); // case-insensitive, then an input error
        lines.add(List.of("validate", "--strict", "no-such-file.csv"));
        lines.add(List.of("questionnaires", "list"));
        lines.add(List.of("schema"));
        lines.add(List.of("reprot"));
        lines.add(List.of("--", "report"));
        lines.add(List.of());
        return lines;
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void runsAsTheFullCommandLineDoes(List<String> args) {
        String[] array = args.toArray(String[]::new);
        CliRun full = CliRun.with(Cli.commandLine(), array);
        CliRun built = CliRun.with(Cli.commandLine(array), array);
        assertEquals(full.exitCode(), built.exitCode(), "exit code");
        assertEquals(full.out(), built.out(), "stdout");
        assertEquals(full.err(), built.err(), "stderr");
    }

    private static List<String> allNames() {
        List<String> names = new ArrayList<>();
        Cli.names().forEach(names::add);
        return names;
    }
}
