package org.culturekit.io;

import java.nio.file.Path;

/** Placeholder until the workbook reader lands: refuses .xlsx with a clear message. */
final class XlsxTable implements Table {
    private XlsxTable() {}

    static XlsxTable open(Path path, String file) {
        throw new InputException(file, "reading .xlsx workbooks is not available in this build; export CSV");
    }

    @Override
    public Row next() {
        return null;
    }

    @Override
    public String describe() {
        return "";
    }

    @Override
    public void close() {}
}
