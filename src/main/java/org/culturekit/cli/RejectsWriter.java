package org.culturekit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.culturekit.io.InputException;
import org.culturekit.io.Rejection;
import org.culturekit.report.OutputFiles;
import org.culturekit.report.SpreadsheetText;

/**
 * Streams rejected rows to the {@code --rejects} file: {@code file, line, reasons}, then the row's cells. It is
 * written to a temporary file beside the target and moved into place only when the run succeeds.
 */
final class RejectsWriter implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final CSVPrinter printer;
    private boolean published;

    private RejectsWriter(Path target, Path temp, CSVPrinter printer) {
        this.target = target;
        this.temp = temp;
        this.printer = printer;
    }

    /** A writer for {@code target}, or null when no rejects file was asked for. */
    static RejectsWriter open(Path target) {
        if (target == null) {
            return null;
        }
        Path directory = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".culturekit-", ".tmp");
            BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord("file", "line", "reasons", "cells…");
            return new RejectsWriter(target, temp, printer);
        } catch (IOException e) {
            throw new InputException(target.toString(), "cannot be written (" + e.getClass().getSimpleName()
                    + "); choose another --rejects path");
        }
    }

    void write(Rejection rejection) {
        List<String> record = new ArrayList<>();
        record.add(SpreadsheetText.safe(rejection.file()));
        record.add(Long.toString(rejection.line()));
        record.add(SpreadsheetText.safe(String.join("; ", rejection.reasons())));
        rejection.cells().forEach(cell -> record.add(SpreadsheetText.safe(cell)));
        try {
            printer.printRecord(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the file into place; until then (and if this is never called) the target is untouched. */
    void publish() {
        try {
            printer.close(true);
            OutputFiles.move(temp, target);
            published = true;
        } catch (IOException e) {
            throw new InputException(target.toString(), "cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void close() {
        if (!published) {
            try {
                printer.close();
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the failure being reported matters more
            }
        }
    }
}
