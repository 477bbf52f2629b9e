package org.culturekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.culturekit.report.ReportFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Refuses output paths that would overwrite a file the run reads, or land among the templates, or on one another
 * (docs/reports.md), as usage errors that name the option and what it collides with. Paths are compared as
 * the file system resolves them: {@code ./out/../out/results.json}, a link to the file, and on a case-insensitive
 * file system another spelling of its name, all count as the file itself.
 */
final class OutputGuard {
    /** A file the run reads: how the message names it, and where it really is. */
    private record Input(String name, Path real) {}

    private final CommandSpec spec;
    private final List<Input> inputs = new ArrayList<>();
    private Path templateDir;

    private OutputGuard(CommandSpec spec) {
        this.spec = spec;
    }

    static OutputGuard of(CommandSpec spec) {
        return new OutputGuard(spec);
    }

    /** The exports: each may be named once. */
    OutputGuard exports(List<Path> files) {
        for (Path file : files) {
            Path real = canonical(file);
            if (find(real) != null) {
                throw usage(file + " is named twice; every export is read once");
            }
            inputs.add(new Input("the export " + file, real));
        }
        return this;
    }

    /** A file read, named in messages as {@code option file}; nothing when {@code file} is null. */
    OutputGuard input(String option, Path file) {
        if (file != null) {
            inputs.add(new Input(option + " " + file, canonical(file)));
        }
        return this;
    }

    /** Files read because of {@code option}, which names a folder they were found in. */
    OutputGuard inputs(String option, List<Path> files) {
        for (Path file : files) {
            inputs.add(new Input(file + " (read for " + option + ")", canonical(file)));
        }
        return this;
    }

    /** The folder of the user's templates, which no output may go into; nothing when null. */
    OutputGuard templates(Path directory) {
        this.templateDir = directory;
        return this;
    }

    /**
     * Checks the outputs: {@code formats} written into {@code output} (none when {@code output} is null), and the
     * rejects file {@code rejects} (when not null).
     */
    void check(Path output, List<ReportFormat> formats, Path rejects) {
        check(output, formats, rejects, null);
    }

    /**
     * As {@link #check(Path, List, Path)}, and the sub-folder {@code replaced} of {@code output} (null for none),
     * which the run replaces as a whole, must hold no file the run reads.
     */
    void check(Path output, List<ReportFormat> formats, Path rejects, String replaced) {
        Path realTemplates = templateDir == null ? null : canonical(templateDir);
        List<Path> reports = new ArrayList<>();
        if (output != null) {
            Path outDir = canonical(output);
            if (realTemplates != null && outDir.startsWith(realTemplates)) {
                throw usage("-o " + output + " is inside --template-dir " + templateDir + "; write the reports "
                        + "somewhere else");
            }
            if (replaced != null) {
                Path folder = outDir.resolve(replaced);
                for (Input input : inputs) {
                    if (input.real.startsWith(folder)) {
                        throw usage("-o " + output + " would replace " + output.resolve(replaced) + ", which holds an "
                                + "input file: " + input.name + "; choose another -o folder");
                    }
                }
                if (realTemplates != null && realTemplates.startsWith(folder)) {
                    throw usage("-o " + output + " would replace " + output.resolve(replaced) + ", which holds "
                            + "--template-dir " + templateDir + "; choose another -o folder");
                }
            }
            for (ReportFormat format : new LinkedHashSet<>(formats)) {
                Path target = canonical(outDir.resolve(format.fileName()));
                Input input = find(target);
                if (input != null) {
                    throw usage("-o " + output + " would overwrite an input file with its " + format.fileName()
                            + ": " + input.name + "; choose another -o folder");
                }
                reports.add(target);
            }
        }
        if (rejects == null) {
            return;
        }
        Path target = canonical(rejects);
        if (output != null && replaced != null && target.startsWith(canonical(output).resolve(replaced))) {
            throw usage("--rejects " + rejects + " is inside " + output.resolve(replaced) + ", which the run "
                    + "replaces as a whole; choose another --rejects path");
        }
        if (realTemplates != null && target.startsWith(realTemplates)) {
            throw usage("--rejects " + rejects + " is inside --template-dir " + templateDir + "; choose another "
                    + "--rejects path");
        }
        Input input = find(target);
        if (input != null) {
            throw usage("--rejects " + rejects + " would overwrite an input file: " + input.name + "; choose "
                    + "another --rejects path");
        }
        for (Path report : reports) {
            // a name that differs only in case is the same file on some file systems: refused everywhere
            if (report.getParent().equals(target.getParent()) && lowerCase(report).equals(lowerCase(target))) {
                throw usage("--rejects " + rejects + " is the " + report.getFileName() + " that -o " + output
                        + " writes; choose another --rejects path");
            }
        }
    }

    private Input find(Path real) {
        for (Input input : inputs) {
            if (input.real.equals(real)) {
                return input;
            }
        }
        return null;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String lowerCase(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The real path of {@code path}: of the file itself where it exists, otherwise of its nearest existing folder
     * with the rest of the path after it (for outputs not written yet).
     */
    static Path canonical(Path path) {
        // not normalised first: "link/.." is where the link's target's parent is, not where the link is
        Path absolute = path.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            // what is left does not exist, so holds no links: normalising it is exact
            return existing == null ? absolute.normalize()
                    : existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute.normalize();
        }
    }
}
