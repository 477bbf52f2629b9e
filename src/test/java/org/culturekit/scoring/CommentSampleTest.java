package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How kept comments are ordered: case and runs of blanks folded, then the exact text. */
class CommentSampleTest {
    private static final String ALPHABET = "aZ \t\n\u000B\f\r\u00A0\u2003İıßÉéΣσς😀.,;\"x";

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
        // either side of the room kept for making a key: 4,096 chars, twice the text and one
        for (int length : new int[] {2047, 2048, 2049, 5000}) {
            String comment = "Ab \t\n \u00C9".repeat(1000).substring(0, length);
            String expected = comment.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + "\u0000" + comment;
            assertEquals(expected, CommentSample.sortKey(comment), "for " + length + " chars");
        }
    }

    @Test
    void digitsAreCountedAcrossThePiecesALongCommentIsReadIn() {
        // the phone form with the fewest digits, "+1-----2", its two digits either side of char 4,096
        String phone = "+1-----2";
        String text = "a".repeat(4093) + " " + phone + " b";
        assertEquals('1', text.charAt(4095));
        assertEquals("a".repeat(4093) + " " + CommentSample.PHONE_REMOVED + " b", CommentSample.redact(text));
        assertEquals("a " + CommentSample.PHONE_REMOVED + " b", CommentSample.redact("a " + phone + " b"));
    }

    @Test
    void comparingAKeyUnmadeAgreesWithComparingTheKeyWheneverItDecides() {
        Random random = new Random(5);
        int decided = 0;
        for (int n = 0; n < 20_000; n++) {
            String comment = randomText(random, 1 + random.nextInt(12));
            // other keys: of random texts, of the same text changed in one place, and cut short
            String otherKey = CommentSample.sortKey(random.nextBoolean()
                    ? randomText(random, 1 + random.nextInt(12))
                    : comment.substring(0, random.nextInt(comment.length())) + randomText(random, 1));
            String other = random.nextInt(4) == 0 ? otherKey.substring(0, random.nextInt(otherKey.length() + 1))
                    : otherKey;
            int sign = CommentSample.compareKey(comment, other);
            if (sign != 0) {
                decided++;
                String key = CommentSample.sortKey(comment);
                assertEquals(Integer.signum(key.compareTo(other)), sign, () -> key + " vs " + other);
            }
        }
        assertTrue(decided > 10_000, decided + " decided");
        assertEquals(0, CommentSample.compareKey("x\u0130", "x"), "İ lowers to two characters");
        assertEquals(0, CommentSample.compareKey("\u03A3a", "\u03C3"), "Σ lowers by what follows");
    }

    /** {@code text} as a reader gives it when it has read only its first {@code length} characters. */
    private static org.culturekit.model.FreeText startOnly(String text, int length) {
        return new org.culturekit.model.FreeText() {
            @Override
            public String text(int c) {
                return text;
            }

            @Override
            public String start(int c) {
                return text.substring(0, Math.min(length, text.length()));
            }

            @Override
            public boolean whole(int c) {
                return length >= text.length();
            }
        };
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return text.toString();
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

    @Test
    void partsThatSkipWhatAFullGroupCannotKeepMergeToWhatOnePassKeeps() {
        Random random = new Random(7);
        String[] starts = {"A", "b", "Z", "z", "É", "1", "[", "ab", "Ab"};
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (int n = 0; n < 30_000; n++) {
            rows.add(new String[] {"g" + random.nextInt(3),
                starts[random.nextInt(starts.length)] + " word" + random.nextInt(900)});
        }
        CommentSample onePass = new CommentSample();
        rows.forEach(row -> onePass.add(row[0], row[1]));
        CommentSample merged = new CommentSample();
        // parts filled in turn and merged late, so later parts see bounds from earlier merges
        java.util.ArrayDeque<CommentSample> pending = new java.util.ArrayDeque<>();
        for (int from = 0; from < rows.size(); from += 700) {
            CommentSample part = new CommentSample(merged);
            rows.subList(from, Math.min(rows.size(), from + 700)).forEach(row -> part.add(row[0], row[1]));
            pending.add(part);
            if (pending.size() > 2) {
                merged.merge(pending.poll());
            }
        }
        pending.forEach(merged::merge);
        assertEquals(onePass.groups().keySet(), merged.groups().keySet());
        onePass.groups().forEach((group, bucket) -> {
            CommentSample.Bucket other = merged.groups().get(group);
            assertEquals(bucket.total, other.total, group);
            assertEquals(bucket.kept, other.kept, group);
        });
    }

    @ParameterizedTest(name = "one in {0} starts with what redaction replaces")
    @ValueSource(ints = {2, 400})
    void commentsCountedWithoutACopyAreThoseAFullGroupCouldNeverKeep(int oneIn) {
        // blanks around, blank-only texts, words that share letters, and addresses or numbers, which redaction
        // replaces; rare, they leave the last kept key among the words, so the letters after the first decide
        Random random = new Random(11);
        String[] starts = {"A", "b", "Z", "z", "  z", "\tZ", "\u2003y", " \n ", "", "z @x.io", "É", "~", "ab",
            "Abc", "abd", "ABD", "az", "ab-123456789", "abc+41441234567", "abcd"};
        String[] replaced = {"zed@example.org", "Zoë.x@example.org", "yz_%+-@x.io", "+41 44 123 45 67",
            "0123456789", "Abcd.e@x.io", "abc@x.io"};
        CommentSample onePass = new CommentSample();
        CommentSample merged = new CommentSample();
        java.util.ArrayDeque<CommentSample> pending = new java.util.ArrayDeque<>();
        CommentSample part = new CommentSample(merged);
        java.util.TreeMap<String, Long> all = new java.util.TreeMap<>();
        long nonBlank = 0;
        for (int n = 0; n < 40_000; n++) {
            String word = random.nextInt(9) == 0 ? "" : " w" + random.nextInt(300);
            String[] from = random.nextInt(oneIn) == 0 ? replaced : starts;
            String comment = from[random.nextInt(from.length)] + word;
            onePass.add("g", comment);
            // the part is given only a start of each comment, as a reader gives a long one it has not decoded
            part.add("g", startOnly(comment.strip(), 1 + random.nextInt(8)), 0);
            if (n % 900 == 899) {
                pending.add(part);
                part = new CommentSample(merged);
                if (pending.size() > 2) {
                    merged.merge(pending.poll());
                }
            }
            // the definition: stripped, redacted, kept by key, blank ones not at all
            String redacted = CommentSample.redact(comment.strip());
            if (!redacted.isEmpty()) {
                nonBlank++;
                all.merge(CommentSample.sortKey(redacted), 1L, Long::sum);
            }
        }
        pending.add(part);
        pending.forEach(merged::merge);
        java.util.List<String> expected = all.keySet().stream().limit(CommentSample.KEPT).toList();
        for (CommentSample sample : new CommentSample[] {onePass, merged}) {
            CommentSample.Bucket bucket = sample.groups().get("g");
            assertEquals(nonBlank, bucket.total);
            assertEquals(expected, java.util.List.copyOf(bucket.kept.keySet()));
            for (String key : expected) {
                assertEquals(all.get(key).longValue(), bucket.kept.get(key).count(), key);
            }
        }
    }
}
