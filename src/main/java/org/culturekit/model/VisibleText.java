package org.culturekit.model;

import java.util.Locale;

/**
 * How text from the user's files — headers, answers, group names, comments, file names — is shown: the one
 * place that decides it, for the terminal and for the reports alike. Every character that could move the
 * cursor, recolour or clear a terminal, ring its bell, or hide or reorder what a reader sees is written as
 * <code>&#92;uXXXX</code>, its code point in four upper-case hex digits; all else is left as it is.
 *
 * <ul>
 *   <li>Shown so: the C0 controls U+0000–U+001F, DEL U+007F, the C1 controls U+0080–U+009F, the
 *       bidirectional controls U+061C, U+200E, U+200F, U+202A–U+202E and U+2066–U+2069, and U+FEFF (an
 *       invisible byte-order mark). Each is a single UTF-16 unit.
 *   <li>The notation is the escape of YAML and JSON double-quoted strings, so a value shown in a message can be
 *       copied into a questionnaire (an alias, a {@code columns:} entry) in double quotes and mean the same.
 *   <li>What {@link #of} returns holds none of the characters it shows so: showing text twice changes nothing.
 * </ul>
 */
public enum VisibleText {
    /** For a terminal: tabs and line breaks are shown too, so that a value stays on its line. */
    TERMINAL(false),
    /**
     * For a report: tab, line feed and carriage return are kept, as white space, and so are a multi-line
     * comment's lines (docs/exports.md).
     */
    DOCUMENT(true);

    private final boolean keepsWhiteSpace;

    VisibleText(boolean keepsWhiteSpace) {
        this.keepsWhiteSpace = keepsWhiteSpace;
    }

    /** {@code text} with every character {@link #shows} writes as <code>&#92;uXXXX</code> so written. */
    public String of(String text) {
        int i = 0;
        while (i < text.length() && !shows(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (shows(c)) {
                shown.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** Whether {@code c} is written as its code point. */
    public boolean shows(char c) {
        if (c < 0xa0) {
            return c < 0x20 ? !(keepsWhiteSpace && (c == '\t' || c == '\n' || c == '\r')) : c >= 0x7f;
        }
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
    }
}
