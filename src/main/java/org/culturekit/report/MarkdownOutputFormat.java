package org.culturekit.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * FreeMarker output format for GitHub-flavoured Markdown, so {@code ${…}} in a {@code .ftlmd} template is
 * escaped the way {@code .ftlh} is for HTML (SECURITY.md R-MD-1..5).
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

    /** The escaping described on the class. */
    static String escape(String text) {
        if (NUMBER.matcher(text).matches()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                // a newline must not end a table row or open a block, nor a run of spaces start code
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                escaped.append(' ');
                pendingSpace = false;
            }
            if (c < 0x80 && isAsciiPunctuation(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        if (pendingSpace) {
            escaped.append(' ');
        }
        return escaped.toString();
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
