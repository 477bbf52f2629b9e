package org.culturekit.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * FreeMarker output format for GitHub-flavoured Markdown, so {@code ${…}} in a {@code .ftlmd} template is
 * escaped the way {@code .ftlh} is for HTML (docs/templates.md).
 *
 * <p>A report's Markdown is read as text as often as it is rendered (in a terminal, a diff, a CI log), so a
 * value gets a backslash only where CommonMark or GFM could read the character as markup in some place a
 * template may put it: at the start of a line, in a paragraph, list item, heading or table cell, or just before
 * template text. {@code Customer-centric (72/100, strong).} stays as it is. A value is escaped on its own, not
 * knowing what the template writes around it, so its start is treated as a line start and its ends as touching
 * any character.
 *
 * <ul>
 *   <li>Line breaks, tabs and other control characters become spaces and runs of spaces fold into one, so a
 *       value stays on its line and in its table cell and can never indent a line into a code block.
 *   <li>Always: {@code `}, {@code [}, {@code ]} and {@code |} (code spans, links, images, footnotes, link
 *       definitions, table cells) and {@code $} (GitHub's maths).
 *   <li>At the start (after a folded space): what opens a block — {@code >}; {@code #} before a space or
 *       another {@code #}; {@code -} or {@code +} before a space, and {@code -} before {@code -}; {@code *},
 *       {@code _} and {@code ~}; a value of nothing but {@code =}; up to nine digits followed by {@code .} or
 *       {@code )} and a space.
 *   <li>{@code *}, {@code ~} and {@code _} unless a space is on both sides (then they cannot open or close
 *       emphasis or strikethrough), and {@code _} also not between two letters or digits ({@code snake_case}).
 *   <li>{@code <} before a letter, {@code /}, {@code !}, {@code ?} or the end (a tag, a comment, an autolink);
 *       {@code &} that starts what could be a character reference ({@code &amp;}, {@code &#38;}); {@code \}
 *       before punctuation or the end; a trailing run of {@code #} after a space (an ATX heading's closing
 *       sequence).
 * </ul>
 *
 * <p>{@code MarkdownOutputFormatTest} proves with an independent CommonMark + GFM parser that no text, however
 * hostile, becomes markup in any of those places.
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markup> {
    static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    /** Stands for the unknown character beyond either end of a value. */
    private static final char EDGE = '\uffff';
    /** The most digits of an ordered list item's number. */
    private static final int LIST_NUMBER_DIGITS = 9;

    private MarkdownOutputFormat() {}

    /** Markdown that is already escaped. */
    static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        Markup(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException {
        out.write(escapePlainText(textToEscape));
    }

    @Override
    public String escapePlainText(String text) {
        return escape(text);
    }

    /**
     * The escaping described on the class: the blanks folded first, then each character escaped by its
     * neighbours, into one array sized for the worst case (a character becomes at most two). A report's comments
     * are megabytes of text, so no builder appends character by character.
     */
    static String escape(String text) {
        char[] folded = fold(text);
        int length = folded.length;
        int start = length > 0 && folded[0] == ' ' ? 1 : 0;
        char[] escaped = new char[2 * length];
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = folded[i];
            if (c < 0x80 && (i == start && opensBlock(folded, i) || isMarkup(folded, i))) {
                escaped[n++] = '\\';
            }
            escaped[n++] = c;
        }
        return new String(escaped, 0, n);
    }

    /** {@code text} with every run of line breaks, tabs, spaces and other controls made one space. */
    private static char[] fold(String text) {
        char[] folded = new char[text.length()];
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                // a newline must not end a table row or open a block, nor a run of spaces start code
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                folded[n++] = ' ';
                pendingSpace = false;
            }
            folded[n++] = c;
        }
        if (pendingSpace) {
            folded[n++] = ' ';
        }
        return n == folded.length ? folded : Arrays.copyOf(folded, n);
    }

    /** Whether the character at {@code i}, the first that is not a space, would open a block at a line start. */
    private static boolean opensBlock(char[] t, int i) {
        char next = at(t, i + 1);
        return switch (t[i]) {
            case '>', '*', '_', '~' -> true;
            case '#' -> next == ' ' || next == '#' || next == EDGE;
            case '+' -> next == ' ' || next == EDGE;
            case '-' -> next == ' ' || next == '-' || next == EDGE;
            case '=' -> onlyEquals(t, i);
            default -> false;
        };
    }

    private static boolean isMarkup(char[] t, int i) {
        char c = t[i];
        char previous = at(t, i - 1);
        char next = at(t, i + 1);
        return switch (c) {
            case '`', '[', ']', '|', '$' -> true;
            case '*', '~' -> !(previous == ' ' && next == ' ');
            case '_' -> !(previous == ' ' && next == ' ')
                    && !(Character.isLetterOrDigit(previous) && Character.isLetterOrDigit(next));
            case '<' -> next == EDGE || next == '/' || next == '!' || next == '?' || isAsciiLetter(next);
            case '&' -> mayBeReference(t, i);
            case '\\' -> next == EDGE || isAsciiPunctuation(next);
            case '#' -> previous == ' ' && onlyHashes(t, i);
            case '.', ')' -> endsListNumber(t, i);
            default -> false;
        };
    }

    /**
     * Whether {@code t[i]}, a {@code .} or {@code )}, ends one to nine digits that start the value (after a folded
     * space) and is followed by a space or the end: an ordered list item at a line start.
     */
    private static boolean endsListNumber(char[] t, int i) {
        int first = t.length > 0 && t[0] == ' ' ? 1 : 0;
        int digits = i - first;
        if (digits < 1 || digits > LIST_NUMBER_DIGITS) {
            return false;
        }
        for (int d = first; d < i; d++) {
            if (t[d] < '0' || t[d] > '9') {
                return false;
            }
        }
        char next = at(t, i + 1);
        return next == ' ' || next == EDGE;
    }

    /**
     * Whether the {@code &} at {@code i} could start a character reference: an optional {@code #} and letters or
     * digits up to a {@code ;} or to the end of the value, where template text might supply the {@code ;}.
     */
    private static boolean mayBeReference(char[] t, int i) {
        int j = i + 1;
        if (j < t.length && t[j] == '#') {
            j++;
        }
        while (j < t.length && (isAsciiLetter(t[j]) || (t[j] >= '0' && t[j] <= '9'))) {
            j++;
        }
        return j == t.length || t[j] == ';';
    }

    private static boolean onlyHashes(char[] t, int i) {
        for (int j = i; j < t.length; j++) {
            if (t[j] != '#' && !(t[j] == ' ' && j == t.length - 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyEquals(char[] t, int i) {
        for (int j = i; j < t.length; j++) {
            if (t[j] != '=' && t[j] != ' ') {
                return false;
            }
        }
        return true;
    }

    private static char at(char[] t, int i) {
        return i < 0 || i >= t.length ? EDGE : t[i];
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markup(plainTextContent, markupContent);
    }
}
