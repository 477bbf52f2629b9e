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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportTest {
    /** Markup, an entity, a bell, a right-to-left override, a non-character and a word wider than any column. */
    private static final String HOSTILE = "</td><script>x</script> &amp; & \u0007 \u202e \uffff "
            + "Unbreakable".repeat(20);

    @TempDir Path dir;

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
