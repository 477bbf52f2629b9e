package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.culturekit.cli.run.Scoring;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class PdfReportTest {
    /** Markup, an entity, a bell, a right-to-left override, a non-character and a word wider than any column. */
    private static final String HOSTILE = "</td><script>x</script> &amp; & \u0007 \u202e \uffff "
            + "Unbreakable".repeat(20);

    /** The fill of each band's shade in print.ftlh, as in report.ftlh. */
    private static final Map<String, Integer> TONES = Map.of("tone0", 0xf4a582, "tone1", 0xfddbc7,
            "tone2", 0xf7f7f7, "tone3", 0xd1e5f0, "tone4", 0x92c5de);

    @TempDir Path dir;

    /** The bundled example: bands on every index, hidden groups, and bright and hot spots in the heatmaps. */
    private static final class Example {
        static final ReportModel MODEL = ReportModel.of(
                QuestionnaireReader.read(Path.of("questionnaires/customer-centric-culture.yaml")),
                Scoring.run(QuestionnaireReader.read(Path.of("questionnaires/customer-centric-culture.yaml")),
                        List.of(Path.of("examples/survey.csv")), Scoring.Options.DEFAULT).results(),
                ReportOptions.DEFAULT);
    }

    @Test
    void heatmapCellsAndCardsAreShadedByTheirBandAndHotSpotsNeverAre() {
        ReportModel model = Example.MODEL;
        List<Element> rows = new ArrayList<>();
        NodeList tables = PdfReport.parse(new ReportRenderer(null).render(model, ReportFormat.PDF))
                .getElementsByTagName("table");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            if (table.getAttribute("class").equals("heat") && table.getElementsByTagName("tbody").getLength() > 0
                    && !((Element) table.getElementsByTagName("th").item(0)).getTextContent().equals("Index")) {
                NodeList trs = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
                for (int r = 0; r < trs.getLength(); r++) {
                    rows.add((Element) trs.item(r));
                }
            }
        }
        // the printed heatmaps, table after table, each row's cells after its group and n
        List<String> printed = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int hot = 0;
        int bright = 0;
        for (ReportModel.SegmentTable segment : model.segments()) {
            for (ReportModel.GroupRow group : segment.groups()) {
                if (group.suppressed()) {
                    continue;
                }
                List<ReportModel.Cell> cells = new ArrayList<>(group.cells());
                cells.add(group.sayDo());
                cells.add(group.enps());
                for (ReportModel.Cell cell : cells) {
                    String shade = cell.suppressed() ? "hidden"
                            : "num" + (cell.flag().equals("hot-spot") || cell.tone().isEmpty() ? "" : " " + cell.tone())
                                    + (cell.flag().isEmpty() ? "" : " " + cell.flag());
                    String marker = cell.flag().equals("hot-spot") ? " ▼" : cell.flag().equals("bright-spot") ? " ▲" : "";
                    expected.add(group.value() + ": " + shade + " " + (cell.suppressed() ? "not shown" : cell.text() + marker));
                    hot += cell.flag().equals("hot-spot") ? 1 : 0;
                    bright += cell.flag().equals("bright-spot") ? 1 : 0;
                }
            }
        }
        assertTrue(hot > 0 && bright > 0, "the example has both kinds of spot");
        for (Element row : rows) {
            NodeList tds = row.getElementsByTagName("td");
            String group = tds.item(0).getTextContent();
            if (tds.getLength() > 2) {
                for (int c = 2; c < tds.getLength(); c++) {
                    Element td = (Element) tds.item(c);
                    printed.add(group + ": " + td.getAttribute("class") + " " + td.getTextContent());
                }
            }
        }
        assertEquals(expected, printed);
    }

    @Test
    void printShowsFiveCommentsAGroupThoseWrittenMostOftenFirstAndSaysHowManyMoreTheOtherReportsList() {
        ReportModel model = Example.MODEL;
        Document document = PdfReport.parse(new ReportRenderer(null).render(model, ReportFormat.PDF));
        Element section = null;
        NodeList divs = document.getElementsByTagName("div");
        for (int d = 0; d < divs.getLength(); d++) {
            if (((Element) divs.item(d)).getAttribute("id").equals("comments")) {
                section = (Element) divs.item(d);
            }
        }
        assertTrue(section != null, "the example has comments");
        assertTrue(section.getTextContent().contains("Up to 5 comments a group, those written most often first; "
                + "report.html and report.xlsx list every comment."), "the section says how it samples");

        NodeList headings = section.getElementsByTagName("h4");
        List<ReportModel.CommentBlock> blocks = model.comments().stream().flatMap(s -> s.groups().stream()).toList();
        assertEquals(blocks.size(), headings.getLength());
        int capped = 0;
        int reordered = 0;
        for (int b = 0; b < blocks.size(); b++) {
            ReportModel.CommentBlock block = blocks.get(b);
            Element heading = (Element) headings.item(b);
            assertEquals(block.group(), heading.getTextContent());
            // the model's order (by text) within the same count: a stable sort
            List<String> expected = block.comments().stream()
                    .sorted(Comparator.comparingInt(c -> c.count().isEmpty() ? -1 : -Integer.parseInt(
                            c.count().substring(1))))
                    .limit(5).map(c -> c.text() + c.count()).toList();
            Element list = nextElement(heading);
            List<String> printed = new ArrayList<>();
            NodeList items = list.getElementsByTagName("li");
            for (int i = 0; i < items.getLength(); i++) {
                printed.add(items.item(i).getTextContent());
            }
            assertEquals(expected, printed, block.group());
            if (!expected.equals(block.comments().stream().limit(5).map(c -> c.text() + c.count()).toList())) {
                reordered++;
            }

            List<String> notes = new ArrayList<>();
            for (Element e = nextElement(list); e != null && e.getTagName().equals("p"); e = nextElement(e)) {
                notes.add(e.getTextContent());
            }
            List<String> expectedNotes = new ArrayList<>();
            if (block.comments().size() > 5) {
                expectedNotes.add((block.comments().size() - 5) + " more of this group's comments are in "
                        + "report.html and report.xlsx.");
                capped++;
            }
            if (!block.omitted().isEmpty()) {
                expectedNotes.add(block.omitted());
            }
            assertEquals(expectedNotes, notes, block.group());
        }
        assertTrue(capped >= 3, "the example has groups of more than five comments");
        assertTrue(reordered > 0, "in some group the comments written most often are not the first by text");
    }

    /** The element after {@code node} among its siblings, or null. */
    private static Element nextElement(Node node) {
        for (Node next = node.getNextSibling(); next != null; next = next.getNextSibling()) {
            if (next instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    @Test
    void everyBandShadeOfTheExampleIsFilledInThePdfAndTheLegendNamesEveryBand() throws IOException {
        ReportModel model = Example.MODEL;
        Set<String> tones = new TreeSet<>();
        for (ReportModel.IndexCard card : model.indices()) {
            tones.add(card.tone());
        }
        model.segments().forEach(s -> s.groups().forEach(g -> g.cells().forEach(c -> {
            if (!c.suppressed() && !c.flag().equals("hot-spot")) {
                tones.add(c.tone());
            }
        })));
        assertTrue(tones.size() >= 3, tones.toString());
        byte[] bytes = pdf(model, null);

        Set<Integer> fills = fills(bytes);
        for (String tone : tones) {
            assertTrue(fills.contains(TONES.get(tone)), tone + " is filled");
        }
        String text = text(bytes);
        for (ReportModel.BandKey band : model.indices().get(0).bands()) {
            assertTrue(text.contains(band.label() + ": " + band.range()), band.toString());
        }
        assertTrue(text.contains("▲ bright spot") && text.contains("▼ hot spot"), "the markers are in the key");
    }

    @Test
    void everyPageIsA4PortraitAndEveryFontIsABundledOneEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(Samples.model(), null))) {
            assertTrue(pdf.getNumberOfPages() >= 3, "a cover, the contents, the report");
            for (PDPage page : pdf.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 1);
                assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 1);
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    assertTrue(font.getName().matches("[A-Z]{6}\\+(DejaVuSans|DejaVuSans-Bold|DroidSansFallback)"),
                            font.getName());
                }
            }
        }
    }

    @Test
    void hostileTextIsPrintedAsTextAndEveryCharacterLiesOnThePage() throws IOException {
        byte[] bytes = pdf(Samples.model(HOSTILE), null);

        String text = text(bytes);
        assertTrue(text.contains("</td><script>x</script> &amp; &"), "markup and entities stay text");
        assertTrue(text.contains("\\u0007") && text.contains("\\u202E"), "controls are shown as their code points");
        assertTrue(text.contains("\ufffd"), "a character XML forbids is replaced");
        assertTrue(text.replaceAll("\\s", "").contains("Unbreakable".repeat(20)), "the long word is all there");
        assertEquals(List.of(), outsideThePage(bytes), "characters beyond the page's edges");
    }

    @Test
    void chineseJapaneseAndKoreanTextIsDrawnWithTheFallbackFontWhichIsEmbeddedOnlyThen() throws IOException {
        String cjk = "顧客チーム";
        byte[] withCjk = pdf(Samples.model(cjk), null);
        byte[] without = pdf(Samples.model("Ops"), null);

        assertTrue(text(withCjk).contains(cjk), "the text is drawn, not replaced");
        assertTrue(fontNames(withCjk).stream().anyMatch(n -> n.endsWith("+DroidSansFallback")),
                fontNames(withCjk).toString());
        assertEquals(Set.of("DejaVuSans", "DejaVuSans-Bold"),
                new TreeSet<>(fontNames(without).stream().map(n -> n.substring(7)).toList()));
    }

    /** The names of the fonts every page uses. */
    private static Set<String> fontNames(byte[] pdf) throws IOException {
        Set<String> names = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    names.add(page.getResources().getFont(name).getName());
                }
            }
        }
        return names;
    }

    @Test
    void hiddenGroupsShowNoFigure() throws IOException {
        // group names without digits, so that any digit on a hidden group's row would be a figure
        ReportModel model = Samples.model("Ops");
        long hidden = model.segments().stream().flatMap(s -> s.groups().stream())
                .filter(ReportModel.GroupRow::suppressed).count();
        assertTrue(hidden >= 2, "the sample hides groups");

        String text = text(pdf(model, null));

        // each hidden group's heatmap row is one line (a long name may wrap onto the next) saying it is not shown,
        // with no n and no score on it
        List<String> rows = text.lines().filter(line -> line.contains("not shown: fewer than 3 people")).toList();
        assertEquals(hidden, rows.size(), String.join("\n", rows));
        for (String row : rows) {
            assertFalse(row.replace("fewer than 3 people", "").matches(".*\\d.*"), row);
        }
    }

    @Test
    void theSameModelGivesTheSameBytesUnderAnyDefaultLocaleAndTimeZone() throws IOException {
        ReportModel model = Samples.model();
        byte[] first = pdf(model, null);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertArrayEquals(first, pdf(model, null));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void aPrintTemplateThatIsNotWellFormedFailsAtItsLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("print.ftlh"), "<html><body>\n<p>${report.title}<br></p>\n</body></html>",
                StandardCharsets.UTF_8);

        RenderException e = assertThrows(RenderException.class, () -> pdf(Samples.model(), dir));

        assertTrue(e.getMessage().startsWith("template print.ftlh produced a document that is not well-formed "
                + "XHTML, at line 2, column "), e.getMessage());
    }

    @Test
    void aPrintTemplateCanReadNoFileThroughAnEntityOrALink() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "CANARY-7731", StandardCharsets.UTF_8);
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(templates.resolve("print.ftlh"), "<!DOCTYPE html [<!ENTITY s SYSTEM \"" + secret.toUri()
                + "\">]>\n<html><head><link rel=\"stylesheet\" href=\"" + secret.toUri() + "\"/></head><body><p>"
                + "[&s;]</p><img src=\"" + secret.toUri() + "\"/><p>${report.title}</p></body></html>",
                StandardCharsets.UTF_8);

        String text = text(pdf(Samples.model(), templates));

        assertTrue(text.contains("[]"), text);
        assertFalse(text.contains("CANARY"), text);
    }

    @Test
    void xmlSafeReplacesOnlyWhatXmlForbids() {
        assertEquals("a\ufffdb\ufffdc\ufffdd\ufffde\tf\n😀 ü", PdfReport.xmlSafe("a\u0000b\ufffec\ud800d\udc00e\tf\n😀 ü"));
        String clean = "plain text";
        assertTrue(clean == PdfReport.xmlSafe(clean), "clean text is passed through as it is");
    }

    /** The PDF of {@code model} with the templates of {@code templateDir} (null: the bundled ones). */
    static byte[] pdf(ReportModel model, Path templateDir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(new ReportRenderer(templateDir), model, out);
        return out.toByteArray();
    }

    /** The text of a PDF, line by line in reading order, with ligatures written out (NFKC). */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFKC);
        }
    }

    /** The colour of every area a PDF fills, as 0xRRGGBB. */
    private static Set<Integer> fills(byte[] pdf) throws IOException {
        Set<Integer> fills = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                new PDFGraphicsStreamEngine(page) {
                    @Override
                    public void fillPath(int windingRule) throws IOException {
                        fills.add(getGraphicsState().getNonStrokingColor().toRGB());
                    }

                    @Override
                    public void fillAndStrokePath(int windingRule) throws IOException {
                        fillPath(windingRule);
                    }

                    @Override
                    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

                    @Override
                    public void drawImage(PDImage image) {}

                    @Override
                    public void clip(int windingRule) {}

                    @Override
                    public void moveTo(float x, float y) {}

                    @Override
                    public void lineTo(float x, float y) {}

                    @Override
                    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

                    @Override
                    public Point2D getCurrentPoint() {
                        return new Point2D.Float();
                    }

                    @Override
                    public void closePath() {}

                    @Override
                    public void endPath() {}

                    @Override
                    public void strokePath() {}

                    @Override
                    public void shadingFill(COSName shadingName) {}

                    void run() throws IOException {
                        processPage(getPage());
                    }
                }.run();
            }
        }
        return fills;
    }

    /** Each character drawn outside its page's media box, with its page number. */
    private static List<String> outsideThePage(byte[] pdf) throws IOException {
        List<String> outside = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    PDRectangle page = getCurrentPage().getMediaBox();
                    if (text.getX() < 0 || text.getX() + text.getWidth() > page.getWidth() + 0.5
                            || text.getY() < 0 || text.getY() > page.getHeight()) {
                        outside.add(getCurrentPageNo() + ": " + text.getUnicode());
                    }
                }
            };
            stripper.getText(document);
        }
        return outside;
    }
}
