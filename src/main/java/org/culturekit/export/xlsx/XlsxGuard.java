package org.culturekit.export.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.culturekit.input.Excerpt;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks an .xlsx file before fastexcel-reader opens it, so that a damaged or hostile workbook fails with an
 * {@link InputException} rather than exhausting memory or time inside the library.
 *
 * <p>fastexcel-reader bounds nothing itself: it inflates zip entries without limit, builds whole text nodes, grows a
 * row to whatever column a cell reference names, fills the shared-string table up to whatever index a cell names,
 * and expands shared formulas in quadratic time. So this class first walks the zip's central directory (bounded
 * entry count), then finds the parts fastexcel-reader will read exactly as it does ({@code [Content_Types].xml},
 * the workbook, its relationships, styles, shared strings and the first sheet; same commons-compress lookup, same
 * rules) and streams each once through the JDK's SAX parser, which gets text in chunks. Each part is inflated
 * through a counter (a size cap per part) and a byte scanner that refuses any DTD ({@code <!DOCTYPE}) and any tag,
 * comment or CDATA section longer than a bound; the SAX handlers then check what the library would otherwise trust
 * (row order, cell references, text lengths, shared-string indices, number lengths, formula budgets).
 */
final class XlsxGuard {
    static final String ADVICE = "save the workbook again as .xlsx, or export CSV";

    /** Excel's own sheet size. */
    static final int MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;
    /** Excel's longest formula. */
    static final int MAX_FORMULA_CHARS = 8_192;
    /** The longest numeric cell value accepted (an Excel double needs at most 24). */
    static final int MAX_NUMBER_CHARS = 100;
    /** SpreadsheetML nests about eight deep; anything far deeper is hostile. */
    static final int MAX_DEPTH = 100;
    static final int MAX_SHARED_FORMULAS = 100_000;
    static final int MAX_ARRAY_FORMULAS = 1_000;
    /** fastexcel-reader's work expanding shared formulas (sum of base length squared) and finding array formulas. */
    static final long SHARED_FORMULA_BUDGET = 1L << 32;
    static final long ARRAY_FORMULA_BUDGET = 1L << 28;

    /**
     * How much of a workbook is read before it is refused.
     *
     * @param sheetBytes the first sheet's XML, unpacked
     * @param sharedStringsBytes the shared-string table's XML, unpacked (fastexcel-reader keeps the strings it has
     *     reached in memory)
     * @param partBytes any other part read ([Content_Types].xml, workbook, relationships, styles), unpacked
     * @param cellChars characters in one cell (or one shared string)
     * @param rowChars characters in one row, all cells together
     * @param sharedStrings entries in the shared-string table
     * @param entries entries in the zip's central directory
     * @param centralDirectoryBytes bytes of the zip's central directory
     * @param markupBytes bytes in one tag (with its attributes), comment, CDATA section or processing instruction
     */
    record Limits(long sheetBytes, long sharedStringsBytes, long partBytes, int cellChars, long rowChars,
            int sharedStrings, int entries, long centralDirectoryBytes, int markupBytes) {
        static final Limits DEFAULT = new Limits(512L << 20, 256L << 20, 16L << 20, 1 << 20, 16L << 20, 4_000_000,
                10_000, 16L << 20, 4 << 20);
    }

    /**
     * What fastexcel-reader will find.
     *
     * @param firstSheet the first sheet's name, or null when the workbook has no sheet
     * @param hasStyles whether a styles part exists, so number formats (dates) can be read
     * @param date1904 whether dates count from 1904 ({@code <workbookPr date1904="1"/>}; fastexcel-reader 0.19.0
     *     reads "1" as false, so this is read here)
     */
    record Layout(String firstSheet, boolean hasStyles, boolean date1904) {}

    private static final String WORKBOOK_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    private static final String SHARED_STRINGS_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** As fastexcel-reader's OPCPackage derives the relationships part of the workbook. */
    private static final Pattern PART_NAME = Pattern.compile("^(.*/)([^/]+)$");
    private static final Set<String> CELL_TYPES = Set.of("n", "s", "str", "b", "e", "inlineStr");
    private static final Set<String> ASCII_COMPATIBLE = Set.of("UTF-8", "US-ASCII", "ISO-8859-1");

    private final Path path;
    private final String file;
    private final Limits limits;

    private XlsxGuard(Path path, String file, Limits limits) {
        this.path = path;
        this.file = file;
        this.limits = limits;
    }

    /**
     * Checks {@code path} and tells what fastexcel-reader will find there.
     *
     * @throws InputException if the file is not a readable .xlsx workbook or exceeds {@code limits}
     */
    static Layout check(Path path, String file, Limits limits) {
        return new XlsxGuard(path, file, limits).check();
    }

    private Layout check() {
        if (Files.isDirectory(path)) {
            throw new InputException(file, "is a folder, not a file; check the path");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            checkSignature(channel);
            checkCentralDirectory(channel);
            ZipFile zip;
            try {
                zip = ZipFile.builder().setSeekableByteChannel(channel).get();
            } catch (IOException | RuntimeException e) {
                throw refuse("is damaged: its zip structure cannot be read (perhaps an incomplete download or copy)");
            }
            try (zip) {
                return checkParts(zip);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file; check the path");
        } catch (AccessDeniedException e) {
            throw new InputException(file, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getClass().getSimpleName());
        }
    }

    // ---- the file as a whole ----

    private void checkSignature(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(512);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // positional reads until full or at the end
        }
        head.flip();
        byte[] bytes = new byte[head.remaining()];
        head.get(bytes);
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new InputException(file, "is an Excel 97-2003 workbook (.xls) or a password-protected workbook, "
                    + "which culturekit cannot read; save it as 'Excel Workbook (.xlsx)' without a password, "
                    + "or export CSV");
        }
        if (!startsWith(bytes, 'P', 'K', 3, 4)) {
            String what = bytes.length == 0 ? "it is empty"
                    : looksLikeText(bytes) ? "it is text, perhaps a CSV or web page saved with an .xlsx name"
                    : "it is not a zip archive";
            throw refuse("is not an Excel workbook (.xlsx): " + what);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] bytes) {
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Walks the central directory as commons-compress will (from the end record, while entry signatures follow),
     * so that a directory of millions of entries is refused before commons-compress builds an object for each.
     */
    private void checkCentralDirectory(FileChannel channel) throws IOException {
        long size = channel.size();
        int tailLength = (int) Math.min(size, 22 + 0xFFFF);
        ByteBuffer tail = read(channel, size - tailLength, tailLength);
        int end = -1;
        for (int i = tailLength - 22; i >= 0; i--) {
            if (tail.getInt(i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw refuse("is damaged: the end of its zip archive is missing (perhaps an incomplete download or copy)");
        }
        long endOffset = size - tailLength + end;
        long start;
        ByteBuffer locator = endOffset > 20 ? read(channel, endOffset - 20, 20) : null;
        if (locator != null && locator.getInt(0) == 0x07064b50) {
            long zip64End = locator.getLong(8);
            ByteBuffer record = zip64End >= 0 && zip64End <= size - 56 ? read(channel, zip64End, 56) : null;
            if (record == null || record.getInt(0) != 0x06064b50) {
                throw refuse("is damaged: its zip archive's directory cannot be found");
            }
            start = record.getLong(48);
        } else {
            long length = tail.getInt(end + 12) & 0xFFFFFFFFL;
            long offset = tail.getInt(end + 16) & 0xFFFFFFFFL;
            start = offset + Math.max(endOffset - length - offset, 0L);
        }
        long position = start;
        long count = 0;
        long walked = 0;
        while (position >= 0 && position <= size - 46) {
            ByteBuffer header = read(channel, position, 46);
            if (header.getInt(0) != 0x02014b50) {
                break;
            }
            long length = 46L + (header.getShort(28) & 0xFFFF) + (header.getShort(30) & 0xFFFF)
                    + (header.getShort(32) & 0xFFFF);
            count++;
            walked += length;
            if (count > limits.entries() || walked > limits.centralDirectoryBytes()) {
                throw refuse("holds more than " + limits.entries() + " files inside its zip archive (a workbook "
                        + "saved by Excel holds a few dozen); it is not a survey export");
            }
            position += length;
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        buffer.clear();
        return buffer;
    }

    // ---- the parts, found as fastexcel-reader finds them ----

    private Layout checkParts(ZipFile zip) {
        ZipArchiveEntry contentTypesEntry = entry(zip, "[Content_Types].xml");
        if (contentTypesEntry == null) {
            throw refuse("is not an Excel workbook (.xlsx): it is a zip archive without [Content_Types].xml");
        }
        ContentTypes types = new ContentTypes();
        parse(zip, contentTypesEntry, "[Content_Types].xml", limits.partBytes(), types);
        String workbookName = types.workbook != null ? types.workbook : "/xl/workbook.xml";

        boolean hasStyles = false;
        if (types.styles != null) {
            ZipArchiveEntry styles = entry(zip, types.styles);
            if (styles != null) {
                parse(zip, styles, "the styles", limits.partBytes(), new PartHandler("the styles"));
                hasStyles = true;
            }
        }

        String relsName = PART_NAME.matcher(workbookName).replaceFirst("$1_rels/$2.rels");
        int folderEnd = relsName.indexOf("_rel");
        ZipArchiveEntry relsEntry = entry(zip, relsName);
        if (folderEnd < 0 || relsEntry == null) {
            throw refuse("is damaged: the workbook's list of parts (" + shorten(relsName, 80) + ") is missing");
        }
        Relationships rels = new Relationships(relsName.substring(0, folderEnd));
        parse(zip, relsEntry, "the workbook's relationships", limits.partBytes(), rels);

        ZipArchiveEntry workbookEntry = entry(zip, workbookName);
        if (workbookEntry == null) {
            throw refuse("is damaged: its workbook part (" + shorten(workbookName, 80) + ") is missing");
        }
        WorkbookPart workbook = new WorkbookPart();
        parse(zip, workbookEntry, "the workbook part", limits.partBytes(), workbook);
        if (workbook.sheets == 0) {
            return new Layout(null, hasStyles, workbook.date1904);
        }
        String sheetName = rels.targets.get(workbook.firstId);
        ZipArchiveEntry sheetEntry = sheetName == null ? null : entry(zip, sheetName);
        if (sheetEntry == null) {
            throw new InputException(file, "is damaged, or saved as 'Strict Open XML': its first sheet cannot be "
                    + "found; save it as 'Excel Workbook (.xlsx)', or export CSV");
        }

        int sharedStrings = -1;
        if (types.sharedStrings != null) {
            ZipArchiveEntry sst = entry(zip, types.sharedStrings);
            if (sst != null) {
                SharedStrings counter = new SharedStrings();
                parse(zip, sst, "the shared-string table", limits.sharedStringsBytes(), counter);
                sharedStrings = counter.count;
            }
        }

        parse(zip, sheetEntry, "the first sheet", limits.sheetBytes(), new SheetChecks(sharedStrings));
        return new Layout(workbook.firstName == null ? "" : workbook.firstName, hasStyles, workbook.date1904);
    }

    /** fastexcel-reader's lookup: the exact name without a leading '/', else the first that matches ignoring case. */
    private static ZipArchiveEntry entry(ZipFile zip, String name) {
        String key = name.startsWith("/") ? name.substring(1) : name;
        ZipArchiveEntry exact = zip.getEntry(key);
        if (exact != null) {
            return exact;
        }
        Enumeration<ZipArchiveEntry> entries = zip.getEntries();
        while (entries.hasMoreElements()) {
            ZipArchiveEntry e = entries.nextElement();
            if (e.getName().equalsIgnoreCase(key)) {
                return e;
            }
        }
        return null;
    }

    private void parse(ZipFile zip, ZipArchiveEntry entry, String what, long maxBytes, PartHandler handler) {
        if (entry.getSize() > maxBytes) {
            throw tooLarge(what, maxBytes);
        }
        try (InputStream in = new GuardedStream(zip.getInputStream(entry), what, maxBytes)) {
            newParser().parse(in, handler);
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            InputException cause = inputException(e);
            if (cause != null) {
                throw cause;
            }
            String why = e instanceof SAXException ? "it is not well-formed XML" : e.getClass().getSimpleName();
            String where = handler.locator == null ? "" : ", near line " + handler.locator.getLineNumber();
            throw refuse("is damaged: " + what + " cannot be read (" + why + where + ")");
        }
    }

    private static InputException inputException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException found) {
                return found;
            }
            if (t instanceof SAXException sax && sax.getException() instanceof InputException found) {
                return found;
            }
        }
        return null;
    }

    /** The JDK's own parser, whatever else is on the class path; no DTD, nothing external. */
    private static SAXParser newParser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return parser;
    }

    private InputException refuse(String message) {
        return new InputException(file, message + "; " + ADVICE);
    }

    private InputException tooLarge(String what, long maxBytes) {
        return new InputException(file, what + " unpacks to more than " + mib(maxBytes) + " of XML, more than "
                + "culturekit reads from a workbook (a zip bomb looks like this); if it is a genuine export, "
                + "export the responses as CSV instead");
    }

    private static String mib(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    private InputException cellProblem(long row, int column, String message) {
        return new InputException(new Problem(file, row, column + 1,
                "cell " + columnName(column) + row + " " + message, ""));
    }

    /** Column letters for a 0-based index: 0 is A, 26 is AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.append((char) ('A' + (n - 1) % 26));
        }
        return name.reverse().toString();
    }

    /** Text from the file, made safe to print: control characters visible, at most {@code max} characters. */
    static String shorten(String text, int max) {
        return Excerpt.shortened(text, max);
    }

    /** The one attribute with this local name, in any namespace, as fastexcel-reader's lookup finds it. */
    private String attribute(Attributes attributes, String localName, String what) {
        String value = null;
        for (int i = 0; i < attributes.getLength(); i++) {
            if (localName.equals(attributes.getLocalName(i))) {
                if (value != null) {
                    throw refuse("is damaged: " + what + " has two '" + localName + "' attributes");
                }
                value = attributes.getValue(i);
            }
        }
        return value;
    }

    // ---- the byte scanner ----

    /**
     * Counts the unpacked bytes of one part and scans them: no DTD, and no tag, comment, CDATA section or
     * processing instruction longer than the markup limit (the parsers build those whole). Assumes an encoding
     * that keeps ASCII as single bytes; the first bytes and the parser's view of the declaration are checked.
     */
    private final class GuardedStream extends FilterInputStream {
        private static final int TEXT = 0;
        private static final int OPEN = 1;
        private static final int TAG = 2;
        private static final int QUOTED = 3;
        private static final int BANG = 4;
        private static final int COMMENT = 5;
        private static final int CDATA = 6;
        private static final int INSTRUCTION = 7;
        private static final byte[] CDATA_START = "[CDATA[".getBytes(StandardCharsets.US_ASCII);

        private final String what;
        private final long maxBytes;
        private long count;
        private int state = TEXT;
        private long markup;
        private int quote;
        private int progress;

        GuardedStream(InputStream in, String what, long maxBytes) {
            super(in);
            this.what = what;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n <= 0) {
                return n;
            }
            for (int i = 0; i < n && count + i < 2; i++) {
                int b = buffer[offset + i] & 0xFF;
                if (b == 0 || b == 0xFE || b == 0xFF || (count + i == 0 && b == 0x4C)) {
                    throw refuse("is damaged: " + what + " is not UTF-8 XML");
                }
            }
            count += n;
            if (count > maxBytes) {
                throw tooLarge(what, maxBytes);
            }
            int end = offset + n;
            int i = offset;
            while (i < end) {
                if (state == TEXT) { // the common case: skip to the next '<'
                    while (i < end && buffer[i] != '<') {
                        i++;
                    }
                    if (i < end) {
                        state = OPEN;
                        markup = 1;
                        i++;
                    }
                } else if (state == QUOTED) { // an attribute value: skip to its closing quote
                    int start = i;
                    while (i < end && buffer[i] != quote) {
                        i++;
                    }
                    markup += i - start;
                    checkMarkup();
                    if (i < end) {
                        state = TAG;
                        markup++;
                        i++;
                    }
                } else {
                    scan(buffer[i++] & 0xFF);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** One byte of markup (any state but TEXT). */
        private void scan(int b) {
            switch (state) {
                case OPEN -> state = b == '!' ? BANG : b == '?' ? INSTRUCTION : tag(b);
                case TAG -> state = tag(b);
                case BANG -> bang(b);
                case COMMENT -> state = end(b, '-', 2) ? TEXT : COMMENT;
                case CDATA -> state = end(b, ']', 2) ? TEXT : CDATA;
                case INSTRUCTION -> state = end(b, '?', 1) ? TEXT : INSTRUCTION;
                default -> throw new IllegalStateException("state " + state);
            }
            progress = state == BANG || state == COMMENT || state == CDATA || state == INSTRUCTION ? progress : 0;
            markup++;
            checkMarkup();
        }

        private void checkMarkup() {
            if (markup > limits.markupBytes()) {
                throw refuse("is damaged: " + what + " holds a tag, attribute or comment longer than "
                        + limits.markupBytes() + " bytes");
            }
        }

        private int tag(int b) {
            if (b == '"' || b == '\'') {
                quote = b;
                return QUOTED;
            }
            return b == '>' ? TEXT : TAG;
        }

        /** After "<!": a comment, a CDATA section, or a declaration (DOCTYPE, ENTITY), which is refused. */
        private void bang(int b) {
            if (progress == 0 && b == '-') {
                progress = -1;
            } else if (progress == -1 && b == '-') {
                state = COMMENT;
                progress = 0;
            } else if (progress >= 0 && progress < CDATA_START.length && b == CDATA_START[progress]) {
                progress++;
                if (progress == CDATA_START.length) {
                    state = CDATA;
                    progress = 0;
                }
            } else {
                throw new InputException(file, what + " contains a DTD or entity declaration (<!DOCTYPE or "
                        + "<!ENTITY), which Excel never writes; refused for safety; " + ADVICE);
            }
        }

        /** Counts {@code mark} repeated at least {@code times}, then true on '>'. */
        private boolean end(int b, int mark, int times) {
            if (b == mark) {
                progress++;
                return false;
            }
            boolean done = b == '>' && progress >= times;
            progress = 0;
            return done;
        }
    }

    // ---- the handlers ----

    /** Checks common to every part: the encoding the parser settled on, and nesting depth. */
    private class PartHandler extends DefaultHandler {
        final String what;
        Locator locator;
        int depth;

        PartHandler(String what) {
            this.what = what;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public final void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (depth == 0 && locator instanceof Locator2 located && located.getEncoding() != null) {
                String encoding;
                try {
                    encoding = Charset.forName(located.getEncoding()).name();
                } catch (IllegalArgumentException e) {
                    encoding = "";
                }
                if (!ASCII_COMPATIBLE.contains(encoding)) {
                    throw refuse("is damaged: " + what + " is not UTF-8 XML");
                }
            }
            if (++depth > MAX_DEPTH) {
                throw refuse("is damaged: " + what + " nests elements more than " + MAX_DEPTH + " deep");
            }
            start(localName, attributes);
        }

        @Override
        public final void endElement(String uri, String localName, String qName) {
            end(localName);
            depth--;
        }

        @Override
        public final void characters(char[] ch, int start, int length) {
            text(ch, start, length);
        }

        void start(String localName, Attributes attributes) {}

        void end(String localName) {}

        void text(char[] ch, int start, int length) {}
    }

    /** OPCPackage.extractPartEntriesFromContentTypes: Overrides in order, until all three are known. */
    private final class ContentTypes extends PartHandler {
        String workbook;
        String sharedStrings;
        String styles;

        ContentTypes() {
            super("[Content_Types].xml");
        }

        @Override
        void start(String localName, Attributes attributes) {
            if (!"Override".equals(localName) || (workbook != null && sharedStrings != null && styles != null)) {
                return;
            }
            String type = attribute(attributes, "ContentType", "an Override in [Content_Types].xml");
            if (type == null) {
                throw refuse("is damaged: an Override in [Content_Types].xml has no ContentType");
            }
            if (WORKBOOK_TYPE.equals(type) || MACRO_WORKBOOK_TYPE.equals(type)) {
                workbook = partName(attributes);
            } else if (SHARED_STRINGS_TYPE.equals(type)) {
                sharedStrings = partName(attributes);
            } else if (STYLES_TYPE.equals(type)) {
                styles = partName(attributes);
            }
        }

        private String partName(Attributes attributes) {
            String name = attribute(attributes, "PartName", "an Override in [Content_Types].xml");
            if (name == null) {
                throw refuse("is damaged: an Override in [Content_Types].xml has no PartName");
            }
            return name;
        }
    }

    /** OPCPackage.readWorkbookPartsIds: every Relationship; a later Id replaces an earlier one. */
    private final class Relationships extends PartHandler {
        final Map<String, String> targets = new HashMap<>();
        private final String folder;

        Relationships(String folder) {
            super("the workbook's relationships");
            this.folder = folder;
        }

        @Override
        void start(String localName, Attributes attributes) {
            if ("Relationship".equals(localName)) {
                String id = attribute(attributes, "Id", "a Relationship");
                String target = attribute(attributes, "Target", "a Relationship");
                if (target == null) {
                    throw refuse("is damaged: a Relationship of the workbook has no Target");
                }
                targets.put(id, target.startsWith("/") ? target : folder + target);
            }
        }
    }

    /** ReadableWorkbook.readWorkbook: sheets in order, up to the end of the workbook element. */
    private final class WorkbookPart extends PartHandler {
        int sheets;
        String firstName;
        String firstId;
        boolean date1904;
        private boolean inSheets;
        private boolean finished;

        WorkbookPart() {
            super("the workbook part");
        }

        @Override
        void start(String localName, Attributes attributes) {
            if (finished) {
                return;
            }
            if (inSheets) {
                if ("sheet".equals(localName)) {
                    if (sheets++ == 0) {
                        firstName = attribute(attributes, "name", "a sheet");
                        firstId = attributes.getValue(RELATIONSHIPS_NS, "id");
                    }
                }
            } else if ("sheets".equals(localName)) {
                inSheets = true;
            } else if ("workbookPr".equals(localName)) {
                String value = attribute(attributes, "date1904", "the workbook's properties");
                date1904 = "1".equals(value) || "true".equals(value);
            } else if ("workbookView".equals(localName)) {
                String activeTab = attribute(attributes, "activeTab", "a workbookView");
                if (activeTab != null && !digits(activeTab, 9)) {
                    throw refuse("is damaged: the workbook's active sheet is not a number");
                }
            }
        }

        @Override
        void end(String localName) {
            if (inSheets) {
                inSheets = !"sheets".equals(localName);
            } else if ("workbook".equals(localName)) {
                finished = true;
            }
        }
    }

    /** SST.readUpTo: counts the items (an si not inside another) and bounds each one's text. */
    private final class SharedStrings extends PartHandler {
        int count;
        private int itemDepth;
        private long chars;

        SharedStrings() {
            super("the shared-string table");
        }

        @Override
        void start(String localName, Attributes attributes) {
            if (itemDepth == 0 && "si".equals(localName)) {
                itemDepth = depth;
                chars = 0;
                if (++count > limits.sharedStrings()) {
                    throw refuse("holds more than " + limits.sharedStrings() + " different texts, more than "
                            + "culturekit reads from a workbook");
                }
            }
        }

        @Override
        void end(String localName) {
            if (itemDepth != 0 && "si".equals(localName)) {
                itemDepth = 0;
            }
        }

        @Override
        void text(char[] ch, int start, int length) {
            if (itemDepth != 0) {
                chars += length;
                if (chars > limits.cellChars()) {
                    throw new InputException(file, "shared text #" + (count - 1) + " is longer than "
                            + limits.cellChars() + " characters, the most culturekit reads from one cell");
                }
            }
        }
    }

    /** RowSpliterator: rows within the first sheetData, cells within rows. */
    private final class SheetChecks extends PartHandler {
        private final int sharedStrings;
        private int phase;
        private boolean inRow;
        private long rowsSeen;
        private long lastRow;
        private long row;
        private int cellsInRow;
        private long rowChars;
        private int cellDepth;
        private int column;
        private String type;
        private long cellChars;
        private boolean formula;
        private int valueDepth;
        private final StringBuilder value = new StringBuilder();
        private int formulaDepth;
        private long formulaChars;
        private String formulaType;
        private String formulaRef;
        private String formulaIndex;
        private final Map<Integer, Long> sharedFormulas = new HashMap<>();
        private long sharedWork;
        private int arrayFormulas;
        private long arrayWork;

        SheetChecks(int sharedStrings) {
            super("the first sheet");
            this.sharedStrings = sharedStrings;
        }

        @Override
        void start(String localName, Attributes attributes) {
            if (phase == 0) {
                phase = "sheetData".equals(localName) ? 1 : 0;
            } else if (phase == 1) {
                if (cellDepth != 0) {
                    startInCell(localName, attributes);
                } else if (inRow) {
                    if ("c".equals(localName)) {
                        startCell(attributes);
                    } else if ("row".equals(localName)) {
                        throw refuse("is damaged: a row in the first sheet holds another row");
                    }
                } else if ("row".equals(localName)) {
                    startRow(attributes);
                }
            }
        }

        private void startRow(Attributes attributes) {
            rowsSeen++;
            String number = attribute(attributes, "r", "a row");
            if (number == null) {
                row = rowsSeen;
            } else if (digits(number, 9)) {
                row = Long.parseLong(number);
            } else {
                throw refuse("is damaged: the first sheet has a row numbered '" + shorten(number, 20) + "'");
            }
            if (row < 1 || row > MAX_ROWS) {
                throw refuse("is damaged: the first sheet has a row numbered " + row + ", outside 1 to " + MAX_ROWS);
            }
            if (row <= lastRow) {
                throw refuse("is damaged: in the first sheet, row " + row + " comes after row " + lastRow);
            }
            lastRow = row;
            inRow = true;
            cellsInRow = 0;
            rowChars = 0;
        }

        private void startCell(Attributes attributes) {
            if (++cellsInRow > MAX_COLUMNS) {
                throw new InputException(new Problem(file, row, 0, "row " + row + " has more than " + MAX_COLUMNS
                        + " cells, more than Excel allows; " + ADVICE, ""));
            }
            String ref = null;
            String style = null;
            type = null;
            for (int i = 0; i < attributes.getLength(); i++) { // one pass: this runs for every cell
                String name = attributes.getLocalName(i);
                if (name.length() == 1) {
                    String value = attributes.getValue(i);
                    switch (name.charAt(0)) {
                        case 'r' -> ref = once(ref, value, "r");
                        case 't' -> type = once(type, value, "t");
                        case 's' -> style = once(style, value, "s");
                        default -> { }
                    }
                }
            }
            column = ref == null ? cellsInRow - 1 : columnOf(ref);
            if (column < 0) {
                throw new InputException(new Problem(file, row, 0, "row " + row + " has a cell named '"
                        + shorten(ref, 20) + "', which is not a cell from A to XFD; " + ADVICE, ""));
            }
            type = type == null ? "n" : type;
            if (!CELL_TYPES.contains(type)) {
                throw cellProblem(row, column, "has an unknown type '" + shorten(type, 20) + "'; " + ADVICE);
            }
            if (style != null && !digits(style, 9)) {
                throw cellProblem(row, column, "has a style that is not a number; " + ADVICE);
            }
            cellDepth = depth;
            cellChars = 0;
            formula = false;
        }

        private String once(String seen, String value, String name) {
            if (seen != null) {
                throw refuse("is damaged: a cell in row " + row + " has two '" + name + "' attributes");
            }
            return value;
        }

        private void startInCell(String localName, Attributes attributes) {
            if ("c".equals(localName) || "row".equals(localName)) {
                throw cellProblem(row, column, "holds another " + ("c".equals(localName) ? "cell" : "row") + "; "
                        + ADVICE);
            }
            if (valueDepth == 0 && "v".equals(localName)) {
                valueDepth = depth;
                value.setLength(0);
            } else if (formulaDepth == 0 && "f".equals(localName)) {
                formulaDepth = depth;
                formulaChars = 0;
                formulaType = attribute(attributes, "t", "a formula");
                formulaRef = attribute(attributes, "ref", "a formula");
                formulaIndex = attribute(attributes, "si", "a formula");
            }
        }

        @Override
        void text(char[] ch, int start, int length) {
            if (cellDepth == 0) {
                return;
            }
            cellChars += length;
            rowChars += length;
            if (cellChars > limits.cellChars()) {
                throw cellProblem(row, column, "is longer than " + limits.cellChars()
                        + " characters, the most culturekit reads from one cell");
            }
            if (rowChars > limits.rowChars()) {
                throw new InputException(new Problem(file, row, 0, "row " + row + " is longer than "
                        + limits.rowChars() + " characters, the most culturekit reads from one row", ""));
            }
            if (valueDepth != 0 && value.length() <= MAX_NUMBER_CHARS) {
                value.append(ch, start, Math.min(length, MAX_NUMBER_CHARS + 1 - value.length()));
            }
            if (formulaDepth != 0) {
                formulaChars += length;
                if (formulaChars > MAX_FORMULA_CHARS) {
                    throw cellProblem(row, column, "holds a formula longer than Excel allows; " + ADVICE);
                }
            }
        }

        @Override
        void end(String localName) {
            if (phase != 1) {
                return;
            }
            if (cellDepth != 0) {
                if (depth == valueDepth) {
                    valueDepth = 0;
                    checkValue();
                } else if (depth == formulaDepth) {
                    formulaDepth = 0;
                    checkFormula();
                } else if (depth == cellDepth) {
                    cellDepth = 0;
                    checkArrayWork();
                }
            } else if (inRow) {
                inRow = !"row".equals(localName);
            } else if ("sheetData".equals(localName)) {
                phase = 2;
            }
        }

        private void checkValue() {
            String text = value.toString();
            if (text.isEmpty()) {
                return;
            }
            switch (type) {
                case "s" -> {
                    int index;
                    try {
                        index = Integer.parseInt(text); // as RowSpliterator does
                    } catch (NumberFormatException e) {
                        index = -1; // the library fails on it, without harm
                    }
                    if (sharedStrings >= 0 && index >= sharedStrings) {
                        throw cellProblem(row, column, "refers to shared text #" + index + ", but the workbook has "
                                + sharedStrings + "; " + ADVICE);
                    }
                }
                case "n" -> {
                    if (text.length() > MAX_NUMBER_CHARS) {
                        throw cellProblem(row, column, "holds a number longer than " + MAX_NUMBER_CHARS
                                + " characters; " + ADVICE);
                    }
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'E' && c != 'e') {
                            throw cellProblem(row, column, "should hold a number but holds '" + shorten(text, 20)
                                    + "'; " + ADVICE);
                        }
                    }
                }
                case "b" -> {
                    if (!"0".equals(text) && !"1".equals(text)) {
                        throw cellProblem(row, column, "should hold TRUE or FALSE (1 or 0) but holds '"
                                + shorten(text, 20) + "'; " + ADVICE);
                    }
                }
                default -> {
                    // text: bounded by the cell limit
                }
            }
        }

        /** Budgets for RowSpliterator's shared-formula expansion (quadratic in the base's length). */
        private void checkFormula() {
            formula |= formulaChars > 0;
            if ("array".equals(formulaType) && formulaRef != null && ++arrayFormulas > MAX_ARRAY_FORMULAS) {
                throw cellProblem(row, column, "is one of more than " + MAX_ARRAY_FORMULAS
                        + " array formulas, more than culturekit reads; export CSV");
            }
            if ("shared".equals(formulaType) && formulaIndex != null && digits(formulaIndex, 9)) {
                Integer index = Integer.valueOf(formulaIndex);
                if (formulaRef != null) {
                    sharedFormulas.put(index, formulaChars);
                    if (sharedFormulas.size() > MAX_SHARED_FORMULAS) {
                        throw cellProblem(row, column, "is one of more than " + MAX_SHARED_FORMULAS
                                + " shared formulas, more than culturekit reads; export CSV");
                    }
                } else {
                    long base = sharedFormulas.getOrDefault(index, 0L);
                    formula |= base > 0;
                    sharedWork += base * base;
                    if (sharedWork > SHARED_FORMULA_BUDGET) {
                        throw cellProblem(row, column, "is one of too many copies of long shared formulas, more "
                                + "than culturekit reads; export CSV");
                    }
                }
            }
        }

        /** RowSpliterator scans every array formula for each non-text cell without a formula of its own. */
        private void checkArrayWork() {
            if (!formula && !"s".equals(type) && !"inlineStr".equals(type)) {
                arrayWork += arrayFormulas;
                if (arrayWork > ARRAY_FORMULA_BUDGET) {
                    throw cellProblem(row, column, "lies in a sheet with too many array formulas for its size, "
                            + "more than culturekit reads; export CSV");
                }
            }
        }
    }

    /**
     * The 0-based column of a cell reference such as {@code C7} or {@code $C$7} (as fastexcel-reader's CellAddress
     * reads it: letters, an optional '$', digits), or -1 if it is no reference or lies past column XFD.
     */
    static int columnOf(String ref) {
        int i = ref.startsWith("$") ? 1 : 0;
        int column = 0;
        int letters = 0;
        for (; i < ref.length() && letters <= 3; i++, letters++) {
            char c = (char) (ref.charAt(i) | 0x20); // lower case for ASCII letters
            if (c < 'a' || c > 'z') {
                break;
            }
            column = column * 26 + (c - 'a' + 1);
        }
        if (i < ref.length() && ref.charAt(i) == '$') {
            i++;
        }
        boolean valid = letters >= 1 && letters <= 3 && column <= MAX_COLUMNS && digits(ref.substring(i), 7);
        return valid ? column - 1 : -1;
    }

    /** Whether {@code text} is 1 to {@code max} ASCII digits. */
    static boolean digits(String text, int max) {
        if (text.isEmpty() || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
