package org.culturekit.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.awt.geom.GeneralPath;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Writes {@code report.pdf}: the print template ({@link ReportFormat#PDF}) rendered like any other report, so it
 * shows what the model shows and nothing more, then laid out on A4 by openhtmltopdf with the bundled DejaVu
 * fonts embedded.
 *
 * <p>The same model gives the same bytes on every machine: no system font is looked up, no file or network
 * resource is fetched, the document carries no dates, and its {@code /ID} is a digest of the laid-out text rather
 * than of the clock. PDFBox names font subsets by a hash of the glyphs used, so those prefixes repeat too.
 */
public final class PdfReport {
    /** The font families a print template may use: the fonts bundled in the jar. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    /**
     * For the Chinese, Japanese and Korean text DejaVu Sans lacks; given to the PDF writer only when a report has a
     * character DejaVu Sans has no glyph for. Named in a template's font list, the writer would otherwise read all
     * 4 MB of it for every document (it takes the line height from every font of the list) and embed it unused.
     */
    public static final String FALLBACK_FONT_FAMILY = "Droid Sans Fallback";

    /** PDFBox's logger, held so that its level, once set, stays set. */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");

    static {
        // openhtmltopdf and PDFBox log to java.util.logging, which prints to stderr: a report prints its own messages
        XRLog.setLoggingEnabled(false);
        PDFBOX_LOG.setLevel(Level.OFF);
        // openhtmltopdf sets up the 14 standard PDF fonts, and PDFBox looks for an outline for each among the
        // system's fonts: seconds spent scanning every font on the machine, and a cache file written in the
        // user's home, for fonts the bundled template never uses and a PDF never embeds (only their metrics,
        // which PDFBox carries, are needed to write one). No system font is ever looked at.
        FontMappers.set(new NoSystemFonts());
    }

    private PdfReport() {}

    /** Renders the print template of {@code model} with {@code renderer} and writes the PDF to {@code out}. */
    public static void write(ReportRenderer renderer, ReportModel model, OutputStream out) {
        String xhtml = renderer.render(model, ReportFormat.PDF);
        Document document = parse(xhtml);
        try {
            out.write(layOut(document, model.title(), digest(xhtml), !Coverage.covers(xhtml)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Lays out a line of text and throws the PDF away, so that the classes, tables and fonts of the PDF writer
     * are loaded and set up on another core while the exports are read, rather than after.
     */
    public static void prepare() {
        try {
            Coverage.covers("");
            layOut(parse("<html><body><p>culturekit <b>report</b></p></body></html>"), "", new byte[16], false);
        } catch (IOException | RuntimeException e) {
            // a fault here would be met, and reported, by write
        }
    }

    /**
     * Parses the rendered template as XML, as openhtmltopdf needs it. Data cannot break the document (the
     * template escapes it, and characters XML forbids are replaced), so a failure here is the template's:
     * it is reported at its line and column in the rendered document. Entities are never fetched.
     */
    static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(new InputSource(new StringReader(xmlSafe(xhtml))));
        } catch (SAXParseException e) {
            throw new RenderException("template " + ReportFormat.PDF.template() + " produced a document that is "
                    + "not well-formed XHTML, at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + " of its output: " + e.getMessage() + "; a print template must close every element and "
                    + "write & as &amp;");
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new RenderException("template " + ReportFormat.PDF.template() + " could not be read as XHTML: "
                    + e.getMessage());
        }
    }

    /**
     * {@code text} with every character that XML 1.0 does not allow — controls other than tab and line breaks,
     * unpaired surrogates, U+FFFE and U+FFFF — replaced by U+FFFD. The model's text shows controls as
     * {@code \\uXXXX} already; what is left could still come from a template or from an export's text.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c)) {
                allowed = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (allowed) {
                    if (safe != null) {
                        safe.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                allowed = c >= 0x20 ? !Character.isLowSurrogate(c) && c != 0xfffe && c != 0xffff
                        : c == '\t' || c == '\n' || c == '\r';
            }
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(allowed ? c : '\ufffd');
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static byte[] layOut(Document document, String title, byte[] id, boolean fallback) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withW3cDocument(document, null)
                .useDefaultPageSize(210, 297, BaseRendererBuilder.PageSizeUnits.MM)
                // nothing outside the document is loaded: no file, no network, whatever a template links to
                .useUriResolver((base, uri) -> null)
                .useExternalResourceAccessControl((uri, type) -> false,
                        com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority
                                .RUN_AFTER_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false,
                        com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority
                                .RUN_BEFORE_RESOLVING_URI)
                // a character no bundled font has (an emoji, say) shows as the replacement character, not as "#"
                .useReplacementText("\ufffd")
                .withProducer("culturekit");
        if (fallback) {
            font(builder, FALLBACK_FONT_FAMILY, "fonts/droid/DroidSansFallbackFull.ttf", 400);
        }
        try (PDDocument pdf = new PDDocument()) {
            withoutLigatures(builder, pdf, "fonts/dejavu/DejaVuSans.ttf", 400);
            withoutLigatures(builder, pdf, "fonts/dejavu/DejaVuSans-Bold.ttf", 700);
            builder.usePDDocument(pdf);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            } catch (RuntimeException e) {
                throw new RenderException("template " + ReportFormat.PDF.template() + ": its document could not "
                        + "be laid out as a PDF: " + e);
            }
            PDDocumentInformation information = new PDDocumentInformation();
            information.setTitle(title);
            information.setProducer("culturekit");
            pdf.setDocumentInformation(information);
            pdf.getDocumentCatalog().setMetadata(null);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static void font(PdfRendererBuilder builder, String family, String resource, int weight) {
        builder.useFont(() -> resource(resource), family, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
    }

    /**
     * Gives the writer a DejaVu Sans face with its glyph substitutions (GSUB: the fi and fl ligatures, for the
     * scripts it has) switched off. PDFBox applies them to every string it draws, word by word, which took a
     * third of the PDF writer's time on a large report; text without them reads the same, and copies and
     * searches as written. The font is subset and embedded as before.
     */
    private static void withoutLigatures(PdfRendererBuilder builder, PDDocument pdf, String resource, int weight)
            throws IOException {
        TrueTypeFont ttf;
        try (InputStream in = resource(resource)) {
            ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
        ttf.setEnableGsub(false);
        builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, ttf, true)), FONT_FAMILY, weight,
                BaseRendererBuilder.FontStyle.NORMAL, true);
    }

    private static InputStream resource(String resource) {
        InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the jar");
        }
        return in;
    }

    /** Which characters DejaVu Sans has: its character map, read once. */
    private static final class Coverage {
        private static final CmapLookup DEJAVU = read();

        private static CmapLookup read() {
            try (InputStream in = resource("fonts/dejavu/DejaVuSans.ttf")) {
                // the font stays open: the map reads its table from it
                return new TTFParser().parse(new RandomAccessReadBuffer(in)).getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Whether DejaVu Sans has a glyph for every character of {@code text} but U+FFFD, which no font needs. */
        static boolean covers(String text) {
            // below U+0250: Latin, which DejaVu Sans has in full, and the markup's line breaks, which are never drawn
            return text.codePoints().allMatch(c -> c < 0x250 || c == 0xfffd || DEJAVU.getGlyphId(c) != 0);
        }
    }

    /**
     * Maps every font a PDF names without embedding it to a font with no outlines, rather than to a system font.
     * Writing a PDF needs no outlines of such a font; drawing one would show its text blank.
     */
    private static final class NoSystemFonts implements FontMapper {
        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            return null;
        }

        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(new NoOutlines(baseFont), true);
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo info) {
            return new CIDFontMapping(null, new NoOutlines(baseFont), true);
        }
    }

    /** A font with a name and no glyphs. */
    private record NoOutlines(String getName) implements FontBoxFont {
        @Override
        public BoundingBox getFontBBox() {
            return new BoundingBox();
        }

        @Override
        public List<Number> getFontMatrix() {
            return List.of(0.001f, 0f, 0f, 0.001f, 0f, 0f);
        }

        @Override
        public GeneralPath getPath(String name) {
            return new GeneralPath();
        }

        @Override
        public float getWidth(String name) {
            return 0;
        }

        @Override
        public boolean hasGlyph(String name) {
            return false;
        }
    }

    /** The document's {@code /ID}: the first 16 bytes of the SHA-256 of what was laid out. */
    private static byte[] digest(String xhtml) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(xhtml.getBytes(StandardCharsets.UTF_8)),
                    16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
