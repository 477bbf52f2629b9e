package org.culturekit.report;

/**
 * Makes text safe to put in a CSV cell that a spreadsheet will open (docs/reports.md): text whose
 * first character, or first non-blank character, could start a formula gets a leading apostrophe, which
 * spreadsheets show as text. Numbers are never passed through here; they are written as numbers.
 * {@link ReportWorkbook} does not use it: a workbook's cells are typed, and a text cell is never evaluated, so
 * there the apostrophe would only be a visible change to the text.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {}

    /** {@code text}, with {@code '} in front when it could be read as a formula. */
    public static String safe(String text) {
        String trimmed = text.stripLeading();
        boolean trigger = !text.isEmpty() && (isTrigger(text.charAt(0))
                || (!trimmed.isEmpty() && isTrigger(trimmed.charAt(0))));
        return trigger ? "'" + text : text;
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n' || c == '\0';
    }
}
