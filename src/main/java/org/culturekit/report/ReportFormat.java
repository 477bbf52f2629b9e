package org.culturekit.report;

/** The outputs {@code report} can write, each with its entry template (if any) and file name. */
public enum ReportFormat {
    HTML("report.ftlh", "report.html"),
    MD("report.ftlmd", "report.md"),
    JSON(null, "results.json"),
    CSV(null, "scores.csv"),
    /** Laid out from its own print template, which shows what the HTML report shows; see {@link PdfReport}. */
    PDF("print.ftlh", "report.pdf"),
    /** Written from the results directly; see {@link ReportWorkbook}. */
    XLSX(null, "report.xlsx");

    private final String template;
    private final String fileName;

    ReportFormat(String template, String fileName) {
        this.template = template;
        this.fileName = fileName;
    }

    /** The entry template, or null for formats written from the results directly. */
    public String template() {
        return template;
    }

    /** The file written into the output directory. */
    public String fileName() {
        return fileName;
    }
}
