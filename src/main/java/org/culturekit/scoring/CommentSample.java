package org.culturekit.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.culturekit.model.FreeText;

/**
 * The free-text answers to one comment question, kept per group of one segment for the report: redacted
 * (e-mail addresses and phone numbers), ordered by their text rather than by when they were submitted, and
 * bounded — the first {@link #KEPT} in that order per group are kept, the rest only counted — so memory does
 * not grow with respondents.
 */
final class CommentSample {
    /** The most comments kept per group and question. */
    static final int KEPT = 200;

    static final String EMAIL_REMOVED = "[e-mail removed]";
    static final String PHONE_REMOVED = "[phone number removed]";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    /** Nine or more digits with the usual separators, or a + followed by seven or more: a phone number. */
    private static final Pattern PHONE =
            Pattern.compile("\\+\\d[\\d ()./-]{5,}\\d|(?<![\\p{L}\\p{N}])\\d(?:[ ()./-]?\\d){8,}(?![\\p{L}\\p{N}])");

    /** Per group label: the kept comments, in the order of their sort keys, and how many there were in all. */
    private final Map<String, Bucket> groups = new TreeMap<>();

    /** The comments of one group. */
    static final class Bucket {
        /**
         * Text → the comment and how often it was written, in the order of their sort keys, compared without
         * being made ({@link #compareByKey}): a kept comment costs its text, not its text and a key twice as
         * long, and one that a comment sorting before it pushes out leaves a third of the garbage it did. Equal
         * texts share one entry.
         */
        final TreeMap<String, Results.Comment> kept = new TreeMap<>(CommentSample::compareByKey);
        long total;

        /**
         * Counts {@code comment} and keeps it if it may be among the first {@value #KEPT}: not if it sorts
         * after {@code bound}, the last comment of a full group that this one will be merged into, or after the
         * last of this one when it is full; it could never be kept then.
         */
        void add(String comment, String bound) {
            total++;
            String limit = limit(bound);
            if (limit == null || compareByKey(comment, limit) <= 0) {
                keep(new Results.Comment(comment, 1));
            }
        }

        /**
         * {@link #limit} as last worked out, and the bound it was for: it holds until a comment is kept or the
         * bound changes, and working it out compares two comments, perhaps to their last characters.
         */
        private String limit;
        private String limitBound;
        private boolean limitKnown;

        /** The comment others must not sort after to be kept here, given {@code bound}; null when any may be. */
        private String limit(String bound) {
            if (!limitKnown || bound != limitBound) {
                String last = kept.size() >= KEPT ? kept.lastKey() : null;
                limit = bound == null || last != null && compareByKey(last, bound) < 0 ? last : bound;
                limitBound = bound;
                limitKnown = true;
            }
            return limit;
        }

        /**
         * Whether a comment, unredacted, that starts with {@code start} (all of it when {@code whole}) could never
         * be kept, judged by the ASCII letters it starts with: redaction leaves them in place when no e-mail
         * address starts the comment (addresses and phone numbers elsewhere start after a character that is no
         * letter), so its key starts with them in lower case.
         */
        boolean surelyNotKept(String start, boolean whole, String bound) {
            if (!isAsciiLetter(start.charAt(0))) {
                return false;
            }
            String limit = limit(bound);
            if (limit == null || !lettersSortAfter(start, limit)) {
                return false;
            }
            // an e-mail address at the start would be replaced, first character and all: its run of address
            // characters reaches an @
            for (int i = 1; i < start.length(); i++) {
                char c = start.charAt(i);
                if (c == '@') {
                    return false;
                }
                if (c < 128 && !isAddressCharacter(c)) {
                    return true;
                }
            }
            return whole; // the run goes on past what was read: an @ may follow
        }

        /**
         * Whether a key that starts with the letters {@code text} starts with, in lower case, surely sorts after
         * the key of the comment {@code limit}; false when the letters end before they differ from it, or when
         * the limit has a character before then that {@link #lowerAlone} cannot lower.
         */
        private static boolean lettersSortAfter(String text, String limit) {
            // char by char in step: a blank in the limit folds to a space, which every letter sorts after
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!isAsciiLetter(c)) {
                    return false;
                }
                if (i == limit.length()) {
                    return true; // the limit's folded text ends here, and a NUL follows it in its key
                }
                int other = fold(limit.charAt(i));
                if (other < 0) {
                    return false;
                }
                char lower = c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                if (lower != other) {
                    return lower > other;
                }
            }
            return false;
        }

        private static boolean isAsciiLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }

        /** The ASCII characters the address pattern allows before the @: letters, digits and ._%+- . */
        private static boolean isAddressCharacter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '%' || c == '+' || c == '-';
        }

        void merge(Bucket other) {
            total += other.total;
            other.kept.values().forEach(this::keep);
        }

        private void keep(Results.Comment comment) {
            limitKnown = false;
            kept.merge(comment.text(), comment, (a, b) -> new Results.Comment(a.text(), a.count() + b.count()));
            // the cap bounds distinct texts; what falls off is still in total
            while (kept.size() > KEPT) {
                kept.pollLastEntry();
            }
        }
    }

    /** The sample this one will be merged into, whose full groups bound what is worth keeping here; or null. */
    private final CommentSample target;

    /** Per full group: its last comment, published after each merge for samples that merge into this one. */
    private volatile Map<String, String> lastComments = Map.of();

    CommentSample() {
        this(null);
    }

    /** A sample for a share of the rows, to be merged into {@code target} (which may be null). */
    CommentSample(CommentSample target) {
        this.target = target;
    }

    void add(String group, String text) {
        add(group, FreeText.of(new String[] {text}), 0);
    }

    /** Adds answer {@code c} of {@code texts}, which is read whole only if it may be kept. */
    void add(String group, FreeText texts, int c) {
        String start = texts.start(c);
        if (start.isEmpty()) {
            return; // blank: no comment
        }
        String bound = target == null ? null : target.lastComments.get(group);
        Bucket bucket = groups.computeIfAbsent(group, g -> new Bucket());
        if (bucket.surelyNotKept(start, texts.whole(c), bound)) {
            // most comments of a large group: counted without decoding, redacting or keying the whole text
            bucket.total++;
        } else {
            bucket.add(redact(texts.text(c)), bound);
        }
    }

    void merge(CommentSample other) {
        other.groups.forEach((group, bucket) -> groups.computeIfAbsent(group, g -> new Bucket()).merge(bucket));
        // a comment after a full group's last can never be kept: tell the samples still being filled
        Map<String, String> full = new java.util.HashMap<>();
        groups.forEach((group, bucket) -> {
            if (bucket.kept.size() >= KEPT) {
                full.put(group, bucket.kept.lastKey());
            }
        });
        if (!full.isEmpty()) {
            lastComments = Map.copyOf(full);
        }
    }

    Map<String, Bucket> groups() {
        return groups;
    }

    /** {@code text} with e-mail addresses and phone numbers replaced. */
    static String redact(String text) {
        // most comments hold neither; the regular expressions run only where one could be
        String redacted = text.indexOf('@') >= 0 ? EMAIL.matcher(text).replaceAll(EMAIL_REMOVED) : text;
        // both phone forms need at least two digits
        return hasTwoDigits(redacted) ? PHONE.matcher(redacted).replaceAll(PHONE_REMOVED) : redacted;
    }

    private static boolean hasTwoDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && ++digits == 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares two comments as their {@link #sortKey}s compare, without making the keys: past the part where
     * the texts agree, then folded char by char. The keys are made only when the texts agree on a Σ (its lower
     * case depends on what follows), when past that part a character that {@link #lowerAlone} cannot lower (İ,
     * Σ, or half a surrogate pair) comes before the folded texts differ, or a NUL where the other one ends.
     * Comparing made keys instead is plainer but doubles the time of a large run: every comment is compared.
     */
    static int compareByKey(String a, String b) {
        if (a == b) {
            return 0;
        }
        int both = Math.min(a.length(), b.length());
        int same = 0;
        while (same + PIECE <= both && a.regionMatches(same, b, same, PIECE)) {
            same += PIECE;
        }
        while (same < both && a.charAt(same) == b.charAt(same)) {
            same++;
        }
        if (same == both && a.length() == b.length()) {
            return 0;
        }
        // what the texts agree on lowers alike in both keys (İ to two chars in each, a surrogate pair to one code
        // point), but for a Σ, lowered by what follows
        if (same > 0 && a.lastIndexOf('\u03A3', same - 1) >= 0) {
            return sortKey(a).compareTo(sortKey(b));
        }
        // where the texts differ, or where one ends, decides between equal folded texts
        int exact = same == both ? Integer.compare(a.length(), b.length())
                : Character.compare(a.charAt(same), b.charAt(same));
        // fold on from where the texts start to differ, but from the start of a run of blanks that goes on in
        // one of them (half a surrogate pair there is no char lowerAlone lowers: the keys are made)
        while (same > 0 && isBlank(a.charAt(same - 1))) {
            same--;
        }
        int i = same;
        int j = same;
        while (i < a.length() && j < b.length()) {
            int x = fold(a.charAt(i));
            int y = fold(b.charAt(j));
            if (x < 0 || y < 0) {
                return sortKey(a).compareTo(sortKey(b));
            }
            if (x != y) {
                return x < y ? -1 : 1;
            }
            i = nextFolded(a, i);
            j = nextFolded(b, j);
        }
        if (i < a.length() || j < b.length()) {
            // one folded text ends: its key has a NUL next, which sorts before anything the other has but a NUL
            int other = i < a.length() ? fold(a.charAt(i)) : fold(b.charAt(j));
            if (other <= 0) {
                return sortKey(a).compareTo(sortKey(b));
            }
            return i < a.length() ? 1 : -1;
        }
        // the folded texts are equal: each key goes on with a NUL and its text
        return exact;
    }

    /** The chars {@link #compareByKey} looks for a difference in at once, before it goes char by char. */
    private static final int PIECE = 64;

    /**
     * The character a key's folded text has for {@code c}: a space for a blank (and the run of blanks it
     * starts), else {@code c} in lower case; -1 when {@link #lowerAlone} cannot lower it.
     */
    private static int fold(char c) {
        return isBlank(c) ? ' ' : lowerAlone(c);
    }

    /** Where in {@code text} the next folded character comes from, after the one made from its char at {@code i}. */
    private static int nextFolded(String text, int i) {
        int next = i + 1;
        if (isBlank(text.charAt(i))) {
            while (next < text.length() && isBlank(text.charAt(next))) {
                next++;
            }
        }
        return next;
    }

    /** Orders by the text as a reader sees it (case and spacing folded), then by the exact text. */
    static String sortKey(String comment) {
        StringBuilder key = new StringBuilder(2 * comment.length() + 1);
        boolean blank = false;
        for (int i = 0; i < comment.length(); i++) {
            char c = comment.charAt(i);
            if (isBlank(c)) {
                if (!blank) {
                    key.append(' ');
                }
                blank = true;
            } else {
                int lower = lowerAlone(c);
                if (lower < 0) {
                    return sortKeyOfUnusual(comment);
                }
                key.append((char) lower);
                blank = false;
            }
        }
        return key.append('\u0000').append(comment).toString();
    }

    /** {@link #sortKey} of a text with a character {@link #lowerAlone} cannot lower. */
    private static String sortKeyOfUnusual(String comment) {
        String lower = comment.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length() + 1 + comment.length());
        boolean blank = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (isBlank(c)) {
                if (!blank) {
                    key.append(' ');
                }
                blank = true;
            } else {
                key.append(c);
                blank = false;
            }
        }
        return key.append('\u0000').append(comment).toString();
    }

    /**
     * {@code c} in lower case as {@code String.toLowerCase(Locale.ROOT)} has it, or -1 when that is not one
     * character the same whatever surrounds it: for İ (two characters), Σ (by what follows) and either half of
     * a surrogate pair.
     */
    private static int lowerAlone(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }
        return c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c) ? -1 : Character.toLowerCase(c);
    }

    /** The blanks of the regular expression \\s: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isBlank(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Several buckets as one. */
    static Bucket combined(List<Bucket> buckets) {
        Bucket all = new Bucket();
        buckets.forEach(all::merge);
        return all;
    }
}
