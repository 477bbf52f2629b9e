package org.culturekit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.culturekit.input.InputException;
import org.culturekit.report.OutputFiles;
import org.culturekit.report.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code culturekit templates export DIR}: copy the bundled report templates for customising. */
@Command(
        name = "templates",
        mixinStandardHelpOptions = true,
        description = "Work with the report templates.",
        subcommands = {TemplatesCommand.ExportCommand.class})
final class TemplatesCommand {

    /** {@code templates export DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Copy the bundled report templates into DIR to customise them; then use "
                    + "'report --template-dir DIR'. Templates you delete fall back to the bundled ones.",
                "Existing files are never overwritten."})
    static final class ExportCommand implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The folder to copy the templates into.")
        Path directory;

        @Override
        public Integer call() {
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : ReportRenderer.BUNDLED_TEMPLATES) {
                if (Files.exists(directory.resolve(name))) {
                    throw new InputException(directory.resolve(name).toString(), "already exists; export into an "
                            + "empty folder, or move your copy away first");
                }
                files.put(name, ReportRenderer.bundledSource(name));
            }
            // the lib/ folder must exist before its files are staged in it
            Map<String, String> top = new LinkedHashMap<>();
            Map<String, String> lib = new LinkedHashMap<>();
            files.forEach((name, text) -> (name.startsWith("lib/") ? lib : top).put(name.replace("lib/", ""), text));
            List<Path> written = new java.util.ArrayList<>(OutputFiles.publish(directory, top));
            written.addAll(OutputFiles.publish(directory.resolve("lib"), lib));
            PrintWriter out = spec.commandLine().getOut();
            written.forEach(path -> out.println("created " + path));
            out.printf("Edit them, then: culturekit report --template-dir %s EXPORT%n", directory);
            return ExitCodes.OK;
        }
    }
}
