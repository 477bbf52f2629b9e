package org.culturekit.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * FreeMarker output format for GitHub-flavoured Markdown, so {@code ${…}} in a {@code .ftlmd} template is
 * escaped the way {@code .ftlh} is for HTML (docs/templates.md).
 *
 * <ul>
 *   <li>Every ASCII punctuation character is backslash-escaped, so text can start no block, emphasis, link,
 *       code span, table cell or raw HTML.
 *   <li>Line breaks, tabs and other control characters become spaces and runs of spaces fold into one, so a
 *       value stays on its line and in its table cell and can never indent a line into a code block.
 *   <li>A figure we format ourselves — a number ({@code 3.58}, {@code −12}, {@code 54%}), a range
 *       ({@code 3.36–3.57}) or {@code <0.001} — is left as it is: no such text can form markup (a {@code <}
 *       before a digit opens no tag), and CI job summaries stay readable as raw text.
 * </ul>
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markup> {
    static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private static final Pattern NUMBER =
            Pattern.compile("<?[+\u2212]?[0-9]+(\\.[0-9]+)?%?(\u2013[+\u2212]?[0-9]+(\\.[0-9]+)?%?)?");

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
     * The escaping described on the class, into one array sized for the worst case: a character becomes at most
     * two, a backslash and itself, and a run of skipped ones one space (a report's comments are megabytes of
     * text, and a builder appending character by character took most of the Markdown's rendering time).
     */
    static String escape(String text) {
        int length = text.length();
        if (length > 0 && mayBeAFigure(text.charAt(0)) && NUMBER.matcher(text).matches()) {
            return text;
        }
        char[] escaped = new char[2 * length];
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                // a newline must not end a table row or open a block, nor a run of spaces start code
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                escaped[n++] = ' ';
                pendingSpace = false;
            }
            if (c < 0x80 && isAsciiPunctuation(c)) {
                escaped[n++] = '\\';
            }
            escaped[n++] = c;
        }
        if (pendingSpace) {
            escaped[n++] = ' ';
        }
        return new String(escaped, 0, n);
    }

    /** Whether a figure ({@link #NUMBER}) can start with {@code c}: the regular expression is not tried else. */
    private static boolean mayBeAFigure(char c) {
        return (c >= '0' && c <= '9') || c == '<' || c == '+' || c == '\u2212';
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
