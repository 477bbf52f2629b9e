package org.culturekit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.culturekit.cli.run.Plural;
import org.culturekit.model.Questionnaire;
import org.culturekit.questionnaire.Questionnaires;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code culturekit questionnaires}: the bundled instruments. */
@Command(
        name = "questionnaires",
        mixinStandardHelpOptions = true,
        description = "List the bundled questionnaires, or show one as a readable table.",
        subcommands = {QuestionnairesCommand.ListCommand.class, QuestionnairesCommand.ShowCommand.class})
final class QuestionnairesCommand {

    /** {@code questionnaires list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the bundled questionnaires.")
    static final class ListCommand implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (String id : Questionnaires.BUNDLED) {
                Questionnaire q = Questionnaires.load(Questionnaires.BUILTIN + id);
                out.printf("%-26s %-6s %9s, %11s, %s  %s%n", id, q.version(),
                        Plural.of(q.items().size(), "item", "items"), Plural.of(q.indices().size(), "index", "indices"),
                        Plural.of(q.sayDo().size(), "say-do pair", "say-do pairs"), q.title());
            }
            out.printf("%nUse one with -q builtin:ID; see it with 'culturekit questionnaires show ID'; copy it with "
                    + "'culturekit init --from ID DIR'.%n");
            return ExitCodes.OK;
        }
    }

    /** {@code questionnaires show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a questionnaire's scales, indices with their items, say-do pairs and segments.")
    static final class ShowCommand implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "A bundled questionnaire's id, builtin:ID, or a file.")
        String id;

        @Override
        public Integer call() {
            String source = Questionnaires.BUNDLED.contains(id) ? Questionnaires.BUILTIN + id : id;
            spec.commandLine().getOut().print(QuestionnaireListing.of(Questionnaires.load(source)));
            return ExitCodes.OK;
        }
    }
}
