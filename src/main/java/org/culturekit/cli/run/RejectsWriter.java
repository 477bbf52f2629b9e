package org.culturekit.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.culturekit.export.Rejection;
import org.culturekit.report.OutputFiles;
import org.culturekit.report.RenderException;
import org.culturekit.report.SpreadsheetText;

/**
 * Streams rejected rows to the {@code --rejects} file: {@code file, line, reasons}, then the row's cells. It is
 * staged as a temporary file beside the target and moved into place only when the run succeeds.
 */
final class RejectsWriter implements AutoCloseable {
    private final OutputFiles.Staging staging;
    private final CSVPrinter printer;

    private RejectsWriter(OutputFiles.Staging staging, CSVPrinter printer) {
        this.staging = staging;
        this.printer = printer;
    }

    /**
     * A writer for {@code target}, or null when no rejects file was asked for; the temporary files of killed runs
     * it finds beside the target are removed, and {@code err} is told.
     */
    static RejectsWriter open(Path target, PrintWriter err) {
        if (target == null) {
            return null;
        }
        OutputFiles.Staging staging = OutputFiles.Staging.privateIn(target.toAbsolutePath().getParent(),
                "choose another --rejects path");
        staging.staleNote().ifPresent(note -> err.println("warning: " + note));
        try {
            CSVPrinter printer = new CSVPrinter(staging.open(target.getFileName().toString()),
                    CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord("file", "line", "reasons", "cells…");
            return new RejectsWriter(staging, printer);
        } catch (IOException e) {
            RenderException failure = staging.failure(e);
            staging.close();
            throw failure;
        } catch (RuntimeException e) {
            staging.close();
            throw e;
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
            throw staging.failure(e);
        }
    }

    /** Moves the file into place; until then (and if this is never called) the target is untouched. */
    void publish() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw staging.failure(e);
        }
        staging.publish();
    }

    /** Removes the staged file unless it was published. */
    @Override
    public void close() {
        staging.close();
    }
}
