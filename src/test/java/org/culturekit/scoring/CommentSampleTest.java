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
            String comment = randomText(random, ALPHABET, random.nextInt(24));
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
    void comparingCommentsAgreesWithComparingTheirKeys() {
        Random random = new Random(5);
        String alphabet = ALPHABET + "\u0000";
        for (int n = 0; n < 50_000; n++) {
            String a = randomText(random, alphabet, random.nextInt(12));
            // the other: a random text, the same one changed in one place, cut short or lengthened, or another case
            String b = switch (random.nextInt(5)) {
                case 0 -> randomText(random, alphabet, random.nextInt(12));
                case 1 -> a.isEmpty() ? "x" : a.substring(0, random.nextInt(a.length()))
                        + randomText(random, alphabet, 1) + a.substring(random.nextInt(a.length()));
                case 2 -> a.substring(0, random.nextInt(a.length() + 1));
                case 3 -> a + randomText(random, alphabet, 1 + random.nextInt(3));
                default -> random.nextBoolean() ? a.toUpperCase(Locale.ROOT) : a.toLowerCase(Locale.ROOT);
            };
            int expected = Integer.signum(CommentSample.sortKey(a).compareTo(CommentSample.sortKey(b)));
            assertEquals(expected, sign(a, b), () -> show(a) + " vs " + show(b));
            assertEquals(-expected, sign(b, a), () -> show(b) + " vs " + show(a));
        }
        // many pieces long: 2,500 chars each, alike for all but their ends
        for (int n = 0; n < 2_000; n++) {
            String start = "Ab \t\n \u00C9".repeat(400).substring(0, 2_490);
            String a = start + randomText(random, alphabet, random.nextInt(10));
            String b = start + randomText(random, alphabet, random.nextInt(10));
            assertEquals(Integer.signum(CommentSample.sortKey(a).compareTo(CommentSample.sortKey(b))), sign(a, b),
                    () -> show(a.substring(2_480)) + " vs " + show(b.substring(2_480)));
        }
        // where the folded texts alone do not decide
        // a NUL where the other folded text ends: keys "ab\0ab" and "ab\0\0ab\0", then "ab\0c\0ab\0c" and "ab\0ab"
        assertEquals(1, sign("ab", "ab\u0000"), "a NUL where the other ends");
        assertEquals(1, sign("ab\u0000c", "ab"), "a NUL where the other ends");
        assertEquals(1, sign("x  z", "x a"), "texts part inside a run of blanks");
        assertEquals(-1, sign("x a", "x \t z"), "texts part inside a run of blanks");
        assertEquals(-1, sign("a  b", "a b"), "equal folded: the text decides");
        assertEquals(1, sign("a", "A"), "equal folded: the text decides");
        assertEquals(Integer.signum(CommentSample.sortKey("x\u0130").compareTo(CommentSample.sortKey("xi"))),
                sign("x\u0130", "xi"), "İ lowers to two characters");
        assertEquals(Integer.signum(CommentSample.sortKey("\u03A3a").compareTo(CommentSample.sortKey("\u03C3"))),
                sign("\u03A3a", "\u03C3"), "Σ lowers by what follows");
    }

    /** The sign of {@link CommentSample#compareByKey}. */
    private static int sign(String a, String b) {
        return Integer.signum(CommentSample.compareByKey(a, b));
    }

    private static String show(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).toList().toString();
    }

    /** That {@code bucket} keeps the comments of {@code keys}, in that order, with their counts in {@code all}. */
    private static void assertKeeps(java.util.List<String> keys, java.util.Map<String, Long> all,
            CommentSample.Bucket bucket) {
        assertEquals(keys, bucket.kept.keySet().stream().map(CommentSample::sortKey).toList());
        bucket.kept.forEach((text, comment) -> {
            assertEquals(text, comment.text());
            assertEquals(all.get(CommentSample.sortKey(text)).longValue(), comment.count(), text);
        });
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

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
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
        assertKeeps(all.keySet().stream().limit(CommentSample.KEPT).toList(), all, bucket);
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

    @Test
    void aCommentIsReadWholeWhenTheLastKeptHasACharacterThatLowersToTwo() {
        CommentSample sample = new CommentSample();
        for (int n = 0; n < CommentSample.KEPT - 1; n++) {
            sample.add("g", "aa" + n);
        }
        sample.add("g", "a\u0130"); // the last kept: its key starts "ai\u0307"
        // "aiz" sorts before it ('z' < U+0307): its letters must not be judged against the key unmade
        sample.add("g", startOnly("aiz", 3), 0);
        CommentSample.Bucket bucket = sample.groups().get("g");
        assertEquals(CommentSample.KEPT + 1, bucket.total);
        assertEquals("aiz", bucket.kept.lastKey());
    }

    @ParameterizedTest(name = "one in {0} starts with what redaction replaces")
    @ValueSource(ints = {2, 400})
    void commentsCountedWithoutACopyAreThoseAFullGroupCouldNeverKeep(int oneIn) {
        // blanks around, blank-only texts, words that share letters, and addresses or numbers, which redaction
        // replaces; rare, they leave the last kept key among the words, so the letters after the first decide
        Random random = new Random(11);
        String[] starts = {"A", "b", "Z", "z", "  z", "\tZ", "\u2003y", " \n ", "", "z @x.io", "É", "~", "ab",
            "Abc", "abd", "ABD", "az", "ab-123456789", "abc+41441234567", "abcd", "a\u0130", "ai"};
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
            assertKeeps(expected, all, bucket);
        }
    }
}
