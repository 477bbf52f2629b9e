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

    @Test
    void aFullGroupKeepsExactlyTheFirstCommentsInKeyOrderWithTheirCounts() {
        Random random = new Random(42);
        String[] starts = {"A", "b", "Z", "z", "É", "é", "1", "[", "~", "ab", "Ab", "aB"};
        CommentSample sample = new CommentSample();
        java.util.TreeMap<String, Long> all = new java.util.TreeMap<>();
        for (int n = 0; n < 20_000; n++) {
            String comment = starts[random.nextInt(starts.length)] + " word" + random.nextInt(400);
            sample.add("g", comment);
            all.merge(CommentSample.sortKey(comment), 1L, Long::sum);
        }
        CommentSample.Bucket bucket = sample.groups().get("g");
        assertEquals(20_000, bucket.total);
        java.util.List<String> expected = all.keySet().stream().limit(CommentSample.KEPT).toList();
        assertEquals(expected, java.util.List.copyOf(bucket.kept.keySet()));
        for (String key : expected) {
            assertEquals(all.get(key).longValue(), bucket.kept.get(key).count(), key);
        }
    }
}
