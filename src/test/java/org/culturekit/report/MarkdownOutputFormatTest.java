package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Markdown escaping checked with an independent CommonMark + GFM parser (docs/templates.md). */
class MarkdownOutputFormatTest {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final String ALPHABET = "ab 1.-+*_#>`[]()!<>|\\&\"'=~:%$;\n\r\t\u00e9\u2028\u2013\u2212";

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

    /** Where a template may put a value, and the block the parser must then find, holding only text. */
    enum Context {
        LINE_START("", "", Paragraph.class),
        MID_LINE("before ", " after", Paragraph.class),
        BEFORE_TEMPLATE_TEXT("", "; next", Paragraph.class),
        AFTER_A_PARAGRAPH_LINE("para\n", "", Paragraph.class),
        LIST_ITEM("- ", "", ListItem.class),
        HEADING("## ", "", Heading.class),
        HEADING_WITH_MORE("# ", " — wave", Heading.class);

        final String before;
        final String after;
        final Class<? extends Node> block;

        Context(String before, String after, Class<? extends Node> block) {
            this.before = before;
            this.after = after;
            this.block = block;
        }
    }

    /** Pieces of Markdown syntax, so random strings hit the constructs more often than single characters would. */
    private static final String[] HOSTILE = {"#", "##", "# ", ">", "- ", "-", "---", "+ ", "+", "* ", "*", "**", "_",
        "__", "~", "~~", "~~~", "```", "`", "=", "===", "1. ", "2) ", "123456789. ", "1.", "[", "]", "](x)", "![",
        "[^1]", "[a]: /u", "<", "<a", "</b>", "<!--", "<?", "<http://x.y>", "&", "&amp", "&amp;", "&#35;", "&#x41;",
        ";", "\\", "\\*", "|", "\\|", "$", "$x$", "    ", "\t", "\n", "\r\n", "\u2028", " ", "a", "b1", "\u00e9",
        "\u2212", "(", ")", ":", ".", "!", "\"", "'", "%", "snake_case", "www.x.y", "e@x.y", "\u00a0", "\u3000"};

    static Stream<Arguments> contextsAndSeeds() {
        return Arrays.stream(Context.values())
                .flatMap(context -> LongStream.range(0, 150).mapToObj(i -> Arguments.of(context, i * 7919 + 3)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("contextsAndSeeds")
    void hostileTextStaysTextWhereverATemplatePutsIt(Context context, long seed) {
        String text = hostileText(new SplittableRandom(seed));
        String markdown = context.before + MarkdownOutputFormat.escape(text) + context.after + "\n";
        String message = context + ", seed " + seed + ": " + text + " → " + markdown;
        Node block = PARSER.parse(markdown).getFirstChild();
        String expected = switch (context) {
            case AFTER_A_PARAGRAPH_LINE -> "para " + text;
            case LIST_ITEM, HEADING, HEADING_WITH_MORE -> text + context.after;
            default -> context.before + text + context.after;
        };
        if (normalise(expected).isEmpty() && (context == Context.LINE_START || context == Context.LIST_ITEM)) {
            // nothing but blanks (some of them Unicode spaces the parser keeps as text): no markup either way
            assertTrue(block == null || normalise(textOf(block.getFirstChild() == null ? block
                    : block.getFirstChild())).isEmpty(), message);
            return;
        }
        if (context == Context.LIST_ITEM) {
            assertTrue(block instanceof BulletList && block.getFirstChild() == block.getLastChild(), message);
            block = block.getFirstChild().getFirstChild();
            assertTrue(block instanceof Paragraph && block.getNext() == null, message);
        } else {
            assertTrue(context.block.isInstance(block) && block.getNext() == null, message + " → " + block);
        }
        assertOnlyText(block, message);
        assertEquals(normalise(expected), normalise(textOf(block)), message);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hostileTextStaysInItsTableCell(long seed) {
        String text = hostileText(new SplittableRandom(seed));
        String table = "| h1 | h2 |\n|---|---|\n| " + MarkdownOutputFormat.escape(text) + " | x |\n";
        TableBlock block = (TableBlock) PARSER.parse(table).getFirstChild();
        TableRow row = (TableRow) block.getLastChild().getFirstChild();
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            assertOnlyText(cell, "seed " + seed + ": " + text);
            cells.add(normalise(textOf(cell)));
        }
        assertEquals(List.of(normalise(text), "x"), cells, "seed " + seed + ": " + text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¶', quoteCharacter = '\u0000', value = {
        "Customer-centric safe culture¶Customer-centric safe culture",
        "Of 10 indices, Ethics scores highest (72/100, strong).¶Of 10 indices, Ethics scores highest (72/100, strong).",
        "I'd like \"fewer\" meetings; really?¶I'd like \"fewer\" meetings; really?",
        "Finance & Legal¶Finance & Legal",
        "R&D¶R\\&D",
        "&amp; x¶\\&amp; x",
        "a < b and 3 > 2¶a < b and 3 > 2",
        "<script>¶\\<script>",
        "snake_case and _this_¶snake_case and \\_this\\_",
        "5 * 3 = 15¶5 * 3 = 15",
        "**bold**¶\\*\\*bold\\*\\*",
        "# Heading¶\\# Heading",
        "#1 team¶#1 team",
        "- item¶\\- item",
        "-5 points¶-5 points",
        "+ item¶\\+ item",
        "+12¶+12",
        "> quote¶\\> quote",
        "1. item¶1\\. item",
        "3.58¶3.58",
        "2026. A year¶2026\\. A year",
        "Team #¶Team \\#",
        "a|b¶a\\|b",
        "[link](x)¶\\[link\\](x)",
        "C:\\Users¶C:\\Users",
        "x\\¶x\\\\",
        "`code`¶\\`code\\`",
        "$5¶\\$5",
        "===¶\\===",
        "<0.001¶<0.001",
        "−0.42¶−0.42",
        "3.36–3.57¶3.36–3.57"})
    void escapesOnlyWhatCouldBeMarkup(String text, String expected) {
        assertEquals(expected, MarkdownOutputFormat.escape(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"e\nf", "  a\t\tb  ", "\n!\n", "a\u2028\u2029b"})
    void lineBreaksAndRunsOfBlanksBecomeOneSpace(String text) {
        assertEquals(text.replaceAll("[\\s\u2028\u2029]+", " "), MarkdownOutputFormat.escape(text));
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
        assertOnlyText(paragraph, message);
        assertEquals(normalise(expected), normalise(textOf(paragraph)), message);
    }

    private static void assertOnlyText(Node block, String message) {
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            assertTrue(child instanceof Text || child instanceof SoftLineBreak || child instanceof HardLineBreak,
                    message + " → " + child);
        }
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
        return text.replaceAll("[\\p{Cntrl}\\p{Z}\\s]+", " ").strip();
    }

    private static String hostileText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(4) == 0 ? String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())))
                    : HOSTILE[random.nextInt(HOSTILE.length)]);
        }
        return text.toString();
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
