package org.culturekit.io;

import java.util.Locale;

/** Quotes a piece of user input for a message, cut short so messages never carry much of a file. */
final class Excerpt {
    static final int LIMIT = 40;

    private Excerpt() {}

    static String of(String value) {
        StringBuilder quoted = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < value.length() && shown < LIMIT; ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            shown++;
            if (cp < 0x20 || cp == 0x7f) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", cp));
            } else {
                quoted.appendCodePoint(cp);
            }
        }
        quoted.append('\'');
        if (value.codePointCount(0, value.length()) > LIMIT) {
            quoted.append("…");
        }
        return quoted.toString();
    }
}
