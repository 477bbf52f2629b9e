package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How kept comments are ordered: case and runs of blanks folded, then the exact text. */
class CommentSampleTest {
    private static final String ALPHABET = "aZ \t\n\u000B\f\r\u00A0\u2003İıßÉé😀.,;\"x";

    @Test
    void theSortKeyFoldsBlanksAsTheRegularExpressionDid() {
        Random random = new Random(20261123);
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                        random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
            String comment = text.toString();
            // the definition: lower case, every run of \s (ASCII blanks only) one space, a NUL, the text
            String expected = comment.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + "\u0000" + comment;
            assertEquals(expected, CommentSample.sortKey(comment), () -> "for " + comment.codePoints()
                    .mapToObj(Integer::toHexString).toList());
        }
    }
}
