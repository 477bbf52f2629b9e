package org.culturekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Data text on a terminal and in a report: control and bidirectional characters become visible, nothing else. */
class VisibleTextTest {
    @ParameterizedTest
    @CsvSource({"0000, \\u0000", "0007, \\u0007", "0009, \\u0009", "000a, \\u000A", "000d, \\u000D",
        "001b, \\u001B", "001f, \\u001F", "007f, \\u007F", "0080, \\u0080", "0085, \\u0085", "009b, \\u009B",
        "009f, \\u009F", "061c, \\u061C", "200e, \\u200E", "200f, \\u200F", "202a, \\u202A", "202b, \\u202B",
        "202c, \\u202C", "202d, \\u202D", "202e, \\u202E", "2066, \\u2066", "2067, \\u2067", "2068, \\u2068",
        "2069, \\u2069", "feff, \\uFEFF"})
    void showsEachControlAsItsCodePoint(String hex, String shown) {
        char c = (char) Integer.parseInt(hex, 16);
        assertEquals("a" + shown + "b", VisibleText.TERMINAL.of("a" + c + "b"));
    }

    @Test
    void showsAnAnsiColourAndABellAsText() {
        assertEquals("\\u001B[31mred\\u0007\\u0000\\u202E",
                VisibleText.TERMINAL.of("\u001b[31mred\u0007\u0000\u202e"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Team A", "Équipe été", "Ärger ß", "\u05e6\u05d5\u05d5\u05ea",
        "\u0641\u0631\u064a\u0642", "\ud83d\udc69\u200d\ud83d\udcbb", "non\u00a0breaking", "\\u001B typed out",
        "zero\u200bwidth"})
    void leavesEverythingElseAsItIs(String text) {
        assertSame(text, VisibleText.TERMINAL.of(text));
    }

    @Test
    void noCodePointIsLeftThatATerminalActsOn() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x10000; c++) {
            all.append((char) c);
        }
        String shown = VisibleText.TERMINAL.of(all.toString());
        shown.chars().forEach(c -> assertTrue(!VisibleText.TERMINAL.shows((char) c) && !Character.isISOControl(c),
                () -> "left " + Integer.toHexString(c)));
        assertEquals(shown, VisibleText.TERMINAL.of(shown), "showing text twice changes nothing");
    }

    @Test
    void aDocumentKeepsTabsAndLineBreaksAndShowsTheRestAsATerminalDoes() {
        assertEquals("a\tb\nc\r\nd", VisibleText.DOCUMENT.of("a\tb\nc\r\nd"));
        for (char c = 0; c < 0xffff; c++) {
            boolean whiteSpace = c == '\t' || c == '\n' || c == '\r';
            assertEquals(!whiteSpace && VisibleText.TERMINAL.shows(c), VisibleText.DOCUMENT.shows(c),
                    Integer.toHexString(c));
            if (!whiteSpace) {
                assertEquals(VisibleText.TERMINAL.of("x" + c), VisibleText.DOCUMENT.of("x" + c), "the same notation");
            }
        }
    }
}
