package org.culturekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.culturekit.report.ReportFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Refuses output paths that would overwrite an input or land among the templates (SECURITY.md R-IO-4). */
final class OutputGuard {
    private OutputGuard() {}

    static void check(CommandSpec spec, InputOptions input, List<Path> csvFiles, Path templateDir, Path output,
            List<ReportFormat> formats, Path rejects) {
        Path outDir = canonical(output);
        if (templateDir != null && outDir.startsWith(canonical(templateDir))) {
            throw new ParameterException(spec.commandLine(), "-o " + output + " is inside --template-dir "
                    + templateDir + "; write the reports somewhere else");
        }
        List<Path> inputs = new ArrayList<>();
        for (Path file : csvFiles) {
            Path real = canonical(file);
            if (inputs.contains(real)) {
                throw new ParameterException(spec.commandLine(), file + " is named twice; every export is read once");
            }
            inputs.add(real);
        }
        if (input.questionnaireFile() != null) {
            inputs.add(canonical(input.questionnaireFile()));
        }
        if (rejects != null && inputs.contains(canonical(rejects))) {
            throw new ParameterException(spec.commandLine(), "--rejects " + rejects + " would overwrite an input "
                    + "file; choose another path");
        }
        for (ReportFormat format : formats) {
            Path target = outDir.resolve(format.fileName());
            if (inputs.contains(target)) {
                throw new ParameterException(spec.commandLine(), "writing " + format.fileName() + " into " + output
                        + " would overwrite an input file; choose another -o folder");
            }
        }
    }

    /** The real path where it exists, otherwise the normalised absolute path (for outputs not yet written). */
    private static Path canonical(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
