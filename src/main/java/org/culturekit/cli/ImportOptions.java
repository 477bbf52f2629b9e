package org.culturekit.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import org.culturekit.cli.run.Scoring;
import org.culturekit.export.Platform;
import org.culturekit.export.ReadOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How exports are read: their platform and encoding, and what to do with partial and faulty rows. */
final class ImportOptions {
    @Option(names = "--source", paramLabel = "PLATFORM",
            description = "The platform that wrote the exports: generic, qualtrics, surveymonkey, google-forms, "
                    + "ms-forms, limesurvey, typeform, alchemer (default: detected from the header rows).")
    String source;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The exports' text encoding when they have no byte-order mark, for example windows-1252 "
                    + "or UTF-16LE (default: UTF-8, strictly).")
    String encoding;

    @Option(names = "--include-partial",
            description = "Score responses the platform marks as unfinished instead of leaving them out.")
    boolean includePartial;

    @Option(names = "--strict",
            description = "Fail (exit 1) on any answer that cannot be read, listing every one, instead of "
                    + "treating it as missing.")
    boolean strict;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write every row that was left out or had unreadable answers, with the reasons, to this "
                    + "CSV file. It holds raw rows: treat it like the export itself. It may be no file the run "
                    + "reads and none of its reports.")
    Path rejects;

    @Option(names = "--max-field-length", paramLabel = "CHARS", defaultValue = "1048576",
            description = "Refuse a file with a field longer than this (default: ${DEFAULT-VALUE}); a longer "
                    + "field is almost always a quote that is never closed.")
    long maxFieldLength;

    @Option(names = "--max-columns", paramLabel = "N", defaultValue = "20000",
            description = "Refuse a file with a row of more than N columns (default: ${DEFAULT-VALUE}), at the "
                    + "column past the limit, before the row is read whole: no export has that many.")
    int maxColumns;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that parse and score the exports (default: one per processor). The results "
                    + "are byte-identical whatever the number; fewer threads use less memory.")
    Integer threads;

    /** The most threads accepted: beyond a few, reading the file is the limit. */
    static final int MAX_THREADS = 256;

    /** How many threads read, or a usage error. */
    Scoring.Parallelism parallelism(CommandSpec spec) {
        if (threads == null) {
            return Scoring.Parallelism.DEFAULT;
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new ParameterException(spec.commandLine(), "--threads must be from 1 to " + MAX_THREADS);
        }
        return new Scoring.Parallelism(threads, Scoring.Parallelism.DEFAULT.chunkSize());
    }

    /** How the exports are scored with these options, warnings going to {@code err}; or a usage error. */
    Scoring.Options scoring(CommandSpec spec, PrintWriter err) {
        return Scoring.Options.DEFAULT.withRead(readOptions(spec, false)).withStrict(strict).withRejectsFile(rejects)
                .withParallelism(parallelism(spec)).withErr(err);
    }

    /** The reading options, or a usage error naming the bad value. */
    ReadOptions readOptions(CommandSpec spec, boolean inspecting) {
        Platform platform = null;
        if (source != null) {
            platform = Platform.of(source);
            if (platform == null) {
                throw new ParameterException(spec.commandLine(), "--source " + source + " is not a platform; use one "
                        + "of " + Platform.sourceNames());
            }
        }
        Charset charset = null;
        if (encoding != null) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new ParameterException(spec.commandLine(), "--encoding " + encoding + " is not an encoding "
                        + "this Java knows; try UTF-8, windows-1252, ISO-8859-1, UTF-16LE or UTF-16BE");
            }
        }
        if (maxFieldLength < 1) {
            throw new ParameterException(spec.commandLine(), "--max-field-length must be at least 1");
        }
        if (maxColumns < 1) {
            throw new ParameterException(spec.commandLine(), "--max-columns must be at least 1");
        }
        return new ReadOptions(platform, charset, includePartial, maxFieldLength, maxColumns, inspecting);
    }
}
