package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Markdown escaping checked with an independent CommonMark + GFM parser (docs/templates.md). */
class MarkdownOutputFormatTest {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final String ALPHABET = "ab 1.-+*_#>`[]()!<>|\\&\"'=~:%\n\r\t\u00e9\u2028\u2013\u2212";

    static LongStream seeds() {
        return LongStream.range(0, 300).map(i -> i * 104729 + 7);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void escapedTextParsesBackToItselfAsOneParagraphOfPlainText(long seed) {
        String text = randomText(new SplittableRandom(seed));
        Node document = PARSER.parse(MarkdownOutputFormat.escape(text));
        assertPlainParagraph(document, text, "seed " + seed + ": " + text);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void escapedTextStaysInItsTableCell(long seed) {
        String text = randomText(new SplittableRandom(seed));
        String table = "| h1 | h2 |\n|---|---|\n| " + MarkdownOutputFormat.escape(text) + " | x |\n";
        TableBlock block = (TableBlock) PARSER.parse(table).getFirstChild();
        TableRow row = (TableRow) block.getLastChild().getFirstChild();
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            cells.add(textOf(cell));
        }
        assertEquals(2, cells.size(), "seed " + seed);
        assertEquals(normalise(text), normalise(cells.get(0)), "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void escapingIsWhatTheRulesSayWrittenAsRegularExpressions(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String wide = ALPHABET + "\u0000\u001f\u007f\u2029\ufeff\ud83d\ude00\ud800{}@^$;?,/";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(3) == 0 ? random.nextInt(5000) : random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append(wide.charAt(random.nextInt(wide.length())));
        }
        assertEquals(byTheRules(text.toString()), MarkdownOutputFormat.escape(text.toString()), "seed " + seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", "!!!!!!!!", "\n!\n!\n!", "\t", " a ", "a\u2028\u2029b", "7 days", "+ list", "<b>",
        "\u2212x", "12 of 40", "3.5%!"})
    void theLongestAndShortestEscapesFitAndFiguresAreToldApart(String text) {
        assertEquals(byTheRules(text), MarkdownOutputFormat.escape(text));
    }

    /** The class's rules, independently: controls and blanks fold to a space, ASCII punctuation gets a backslash. */
    private static String byTheRules(String text) {
        if (text.matches("<?[+\u2212]?[0-9]+(\\.[0-9]+)?%?(\u2013[+\u2212]?[0-9]+(\\.[0-9]+)?%?)?")) {
            return text;
        }
        return text.replaceAll("[\\x00-\\x20\\x7f\u2028\u2029\ufeff]+", " ")
                .replaceAll("([!-/:-@\\[-`{-~])", "\\\\$1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"# Heading", "> quote", "1. item", "2) item", "    code", "---", "<div>", "- list", "+ list",
        "* list", "=== setext", "a|b", "a\\|b", "x\\", "e\nf", "[link](http://example.com)", "![img](x.png)",
        "`code`", "**bold**", "<script>alert(1)</script>", "line\n# heading on the next line"})
    void knownMarkdownConstructsComeOutAsText(String text) {
        assertPlainParagraph(PARSER.parse(MarkdownOutputFormat.escape(text)), text, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.58", "\u22120.42", "+12", "64", "100", "54%", "3.36\u20133.57", "<0.001",
        "\u22120.10\u2013+0.20"})
    void plainFiguresAreLeftReadableAndStillParseAsText(String number) {
        assertEquals(number, MarkdownOutputFormat.escape(number));
        assertPlainParagraph(PARSER.parse(number), number, number);
    }

    private static void assertPlainParagraph(Node document, String expected, String message) {
        assertTrue(document instanceof Document, message);
        Node paragraph = document.getFirstChild();
        if (normalise(expected).isEmpty()) {
            assertTrue(paragraph == null, message);
            return;
        }
        assertTrue(paragraph instanceof Paragraph && paragraph.getNext() == null, message + " → " + paragraph);
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            assertTrue(child instanceof Text || child instanceof SoftLineBreak || child instanceof HardLineBreak,
                    message + " → " + child);
        }
        assertEquals(normalise(expected), normalise(textOf(paragraph)), message);
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append(' ');
            } else if (!(child instanceof TableCell)) {
                text.append(textOf(child));
            }
        }
        return text.toString();
    }

    /** Whitespace normalisation: line breaks and other controls become spaces, runs collapse, ends trimmed. */
    private static String normalise(String text) {
        return text.replaceAll("[\\p{Cntrl}\u2028\u2029\\s]+", " ").strip();
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
