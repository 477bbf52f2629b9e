package org.culturekit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Input quoted into a message: short, and visible on a terminal. */
class ExcerptTest {
    @Test
    void quotesACutExcerptWithoutSplittingACharacterOrAnEscape() {
        assertEquals("'ab'", Excerpt.quoted("ab", 3));
        assertEquals("'abc…'", Excerpt.quoted("abcd", 3));
        assertEquals("'\\u001B\\u001B…'", Excerpt.quoted("\u001b\u001b\u001b", 2));
        assertEquals("'\ud83d\ude00x…'", Excerpt.quoted("\ud83d\ude00xyz", 2));
    }

    @Test
    void quotesAnAnswerAsTheReaderDoes() {
        assertEquals("'Agree\\u001B[31m\\u0007\\u0000\\u202E'", Excerpt.of("Agree\u001b[31m\u0007\u0000\u202e"));
        assertEquals("'" + "x".repeat(40) + "…'", Excerpt.of("x".repeat(41)));
    }
}
