package org.culturekit.export.xlsx;

import static org.culturekit.export.xlsx.XlsxFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.culturekit.export.table.Table;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableTest {
    private static final String ADVICE = "save the workbook again as .xlsx, or export CSV";
    private static final XlsxGuard.Limits SMALL = new XlsxGuard.Limits(1 << 20, 1 << 20, 1 << 20, 1000, 5000, 1000,
            100, 1 << 16, 4096);

    @TempDir
    Path dir;

    // ---- a Microsoft Forms export ----

    private Path formsExport() {
        return XlsxFixtures.written(dir.resolve("forms.xlsx"), "Form1", sheet -> {
            String[] header = {"ID", "Start time", "Completion time", "Email", "Name",
                "How satisfied are you\nwith your team?", "I would recommend my team", "Years in the team",
                "Anything else?"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            Object[][] responses = {
                {1, LocalDateTime.of(2024, 10, 9, 11, 2, 0), LocalDateTime.of(2024, 10, 9, 11, 5, 22), "anonymous",
                    "", "Strongly agree", "Agree", 4, "More coffee, please."},
                {2, LocalDateTime.of(2024, 10, 9, 12, 30, 0), LocalDateTime.of(2024, 10, 9, 12, 31, 7), "anonymous",
                    "", "Neither agree nor disagree", null, 2.5, null},
                {3, LocalDateTime.of(2024, 10, 10, 8, 0, 0), LocalDateTime.of(2024, 10, 10, 8, 14, 59), "anonymous",
                    "", "Disagree", "Strongly disagree", 10, " spaced "},
            };
            for (int r = 0; r < responses.length; r++) {
                for (int c = 0; c < responses[r].length; c++) {
                    Object v = responses[r][c];
                    if (v instanceof LocalDateTime t) {
                        sheet.value(r + 1, c, t);
                        sheet.style(r + 1, c).format("m/d/yy h:mm:ss").set();
                    } else if (v instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (v instanceof String s && !s.isEmpty()) {
                        sheet.value(r + 1, c, s);
                    }
                }
            }
            sheet.value(5, 0, ""); // row 5 has an empty cell only: skipped
            sheet.value(6, 0, 4); // row 7 after two rows without text
        });
    }

    @Test
    void readsAFormsExportRowByRow() {
        try (XlsxTable table = XlsxTable.open(formsExport(), "forms.xlsx")) {
            assertEquals("Excel workbook (.xlsx), first sheet 'Form1'", table.describe());
            List<Table.Row> rows = readAll(table);
            assertEquals(List.of(1L, 2L, 3L, 4L, 7L), rows.stream().map(Table.Row::line).toList());
            assertEquals(List.of("ID", "Start time", "Completion time", "Email", "Name",
                    "How satisfied are you\nwith your team?", "I would recommend my team", "Years in the team",
                    "Anything else?"), rows.get(0).cells());
            assertEquals(List.of("1", "2024-10-09T11:02:00", "2024-10-09T11:05:22", "anonymous", "",
                    "Strongly agree", "Agree", "4", "More coffee, please."), rows.get(1).cells());
            // the empty cell in the middle is "", and the row ends at its last non-empty cell
            assertEquals(List.of("2", "2024-10-09T12:30:00", "2024-10-09T12:31:07", "anonymous", "",
                    "Neither agree nor disagree", "", "2.5"), rows.get(2).cells());
            assertEquals(List.of("3", "2024-10-10T08:00:00", "2024-10-10T08:14:59", "anonymous", "", "Disagree",
                    "Strongly disagree", "10", " spaced "), rows.get(3).cells());
            assertEquals(List.of("4"), rows.get(4).cells());
            assertNull(table.next());
            assertNull(table.next());
        }
    }

    @Test
    void aRowWithTextPastTheColumnLimitIsRefusedAtThatCell() {
        Path file = XlsxFixtures.written(dir.resolve("wide.xlsx"), "Sheet1", sheet -> {
            for (int c = 0; c < 5; c++) {
                sheet.value(0, c, "q" + c);
            }
            sheet.value(1, 0, 1);
            sheet.value(1, 9, ""); // an empty cell past the limit is no column
            sheet.value(2, 7, "late");
        });
        try (XlsxTable table = XlsxTable.open(file, "wide.xlsx", 5)) {
            assertEquals(5, table.next().cells().size(), "as many columns as the limit");
            assertEquals(List.of("1"), table.next().cells());
            InputException e = assertThrows(InputException.class, table::next);
            assertEquals("wide.xlsx:3:8: row 3 has text in column H, past 5 columns (--max-columns 5); if the "
                    + "export really has that many, raise the limit with --max-columns", e.getMessage());
        }
        try (XlsxTable table = XlsxTable.open(file, "wide.xlsx")) {
            assertEquals(3, readAll(table).size(), "Excel's 16,384 columns are within the default");
        }
    }

    @Test
    void readsTheSameInAnyLocaleAndTimeZone() {
        Path file = formsExport();
        List<Table.Row> expected;
        try (XlsxTable table = XlsxTable.open(file, "forms.xlsx")) {
            expected = readAll(table);
        }
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            try (XlsxTable table = XlsxTable.open(file, "forms.xlsx")) {
                assertEquals(expected, readAll(table));
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    // ---- values ----

    @Test
    void numbersArePlainDecimalsAsExcelShowsThem() {
        Path file = XlsxFixtures.written(dir.resolve("n.xlsx"), "Sheet1", sheet -> {
            Object[] values = {4, 4.0, -0.5, 0.1 + 0.2, 1e20, 1.5e-7, 12345678901L, 19085864118.0, 0,
                new BigDecimal("123.4500"), Boolean.TRUE, Boolean.FALSE};
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof Boolean b) {
                    sheet.value(0, c, b);
                } else {
                    sheet.value(0, c, (Number) values[c]);
                }
            }
        });
        try (XlsxTable table = XlsxTable.open(file, "n.xlsx")) {
            assertEquals(List.of("4", "4", "-0.5", "0.3", "100000000000000000000", "0.00000015", "12345678901",
                    "19085864118", "0", "123.45", "TRUE", "FALSE"), table.next().cells());
        }
    }

    @Test
    void formulasGiveTheirCachedValue() {
        Path file = new XlsxFixtures.Raw().sharedStrings("<t>x</t>").rows("<row r=\"1\">"
                + "<c r=\"A1\"><f>1+1</f><v>2</v></c>"
                + "<c r=\"B1\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
                + "<c r=\"C1\" t=\"b\"><f>TRUE()</f><v>1</v></c>"
                + "<c r=\"D1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                + "<c r=\"E1\"><f>NOW()</f></c>"
                + "<c r=\"F1\"><f t=\"shared\" ref=\"F1:G1\" si=\"0\">A1*2</f><v>4</v></c>"
                + "<c r=\"G1\"><f t=\"shared\" si=\"0\"/><v>8</v></c>"
                + "</row>").write(dir.resolve("f.xlsx"));
        try (XlsxTable table = XlsxTable.open(file, "f.xlsx")) {
            assertEquals(List.of("2", "ab", "TRUE", "#DIV/0!", "", "4", "8"), table.next().cells());
        }
    }

    @Test
    void textKeepsWhatIsStoredAndDecodesExcelEscapes() {
        Path file = new XlsxFixtures.Raw()
                .sharedStrings("<t xml:space=\"preserve\">  two spaces </t>", "<t>line_x000D_\nbreak</t>",
                        "<r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ignored</t></rPh>",
                        "<t>_x005F_x000D_ and _xZZZZ_ and _x41_</t>", "<t>Ünïcödé ✓ 🙂</t>")
                .rows("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"
                        + "<c r=\"C2\" t=\"s\"><v>2</v></c><c r=\"D2\" t=\"s\"><v>3</v></c>"
                        + "<c r=\"E2\" t=\"s\"><v>4</v></c><c r=\"F2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
                        + "<c r=\"H2\" t=\"s\"><v></v></c></row>")
                .write(dir.resolve("t.xlsx"));
        try (XlsxTable table = XlsxTable.open(file, "t.xlsx")) {
            Table.Row row = table.next();
            assertEquals(2, row.line());
            assertEquals(List.of("  two spaces ", "line\r\nbreak", "rich text", "_x000D_ and _xZZZZ_ and _x41_",
                    "Ünïcödé ✓ 🙂", "inline"), row.cells());
        }
    }

    @Test
    void gapsAreFilledSoThatTheIndexIsTheColumn() {
        Path file = new XlsxFixtures.Raw().rows(
                "<row r=\"3\"><c r=\"C3\"><v>1</v></c><c r=\"F3\"><v>2</v></c><c r=\"H3\"/><c r=\"I3\" t=\"s\"/></row>"
                + "<row r=\"4\"><c><v>1</v></c><c><v>2</v></c></row>" // no references: left to right
                + "<row r=\"5\"><c r=\"A5\"/><c r=\"B5\" t=\"inlineStr\"><is><t></t></is></c></row>")
                .write(dir.resolve("g.xlsx"));
        try (XlsxTable table = XlsxTable.open(file, "g.xlsx")) {
            List<Table.Row> rows = readAll(table);
            assertEquals(2, rows.size());
            assertEquals(new Table.Row(3, List.of("", "", "1", "", "", "2")), rows.get(0));
            assertEquals(new Table.Row(4, List.of("1", "2")), rows.get(1));
        }
    }

    @Test
    void datesAreIsoLocalDateTimes() {
        Path file = new XlsxFixtures.Raw()
                .formats("m/d/yy h:mm", "yyyy-mm-dd", "h:mm:ss", "[h]:mm", "0.00", "[$-409]mmmm d, yyyy;@", "14",
                        "mm:ss.000", "\"day\" 0")
                .rows("<row r=\"1\">"
                        + "<c r=\"A1\" s=\"1\"><v>45574.459722222222</v></c>" // 2024-10-09 11:02
                        + "<c r=\"B1\" s=\"2\"><v>45574</v></c>"
                        + "<c r=\"C1\" s=\"3\"><v>0.5</v></c>"
                        + "<c r=\"D1\" s=\"4\"><v>1.5</v></c>" // a duration: a number
                        + "<c r=\"E1\" s=\"5\"><v>45574</v></c>"
                        + "<c r=\"F1\" s=\"6\"><v>45574</v></c>"
                        + "<c r=\"G1\" s=\"7\"><v>45574.25</v></c>" // built-in 14 (m/d/yyyy) with a time
                        + "<c r=\"H1\" s=\"8\"><v>0.00001</v></c>" // 864 ms
                        + "<c r=\"I1\" s=\"9\"><v>3</v></c>"
                        + "<c r=\"J1\" s=\"2\"><v>60</v></c>" // Excel's 1900-02-29: kept as a number
                        + "<c r=\"K1\" s=\"2\"><v>-1</v></c>"
                        + "<c r=\"L1\" s=\"2\"><v>1</v></c>"
                        + "<c r=\"M1\" s=\"2\"><v>61</v></c>"
                        + "<c r=\"N1\" s=\"2\"><v>2958465</v></c>"
                        + "<c r=\"O1\" s=\"2\"><v>2958466</v></c>"
                        + "<c r=\"P1\" s=\"1\"><f>A1</f><v>45574.459722222222</v></c>"
                        + "<c r=\"Q1\" s=\"1\"><v>0.5</v></c>" // Excel's 1/0/00 12:00: kept as a number
                        + "</row>")
                .write(dir.resolve("d.xlsx"));
        try (XlsxTable table = XlsxTable.open(file, "d.xlsx")) {
            assertEquals(List.of("2024-10-09T11:02:00", "2024-10-09", "12:00:00", "1.5", "45574", "2024-10-09",
                    "2024-10-09T06:00:00", "00:00:00.864", "3", "60", "-1", "1900-01-01", "1900-03-01",
                    "9999-12-31", "2958466", "2024-10-09T11:02:00", "0.5"), table.next().cells());
        }
    }

    @Test
    void the1904DateSystemIsHonoured() {
        Path file = new XlsxFixtures.Raw().date1904().formats("yyyy-mm-dd")
                .rows("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>44112</v></c></row>")
                .write(dir.resolve("d1904.xlsx"));
        try (XlsxTable table = XlsxTable.open(file, "d1904.xlsx")) {
            assertEquals(List.of("1904-01-01", "2024-10-09"), table.next().cells());
        }
    }

    @Test
    void withoutAStylesPartNumbersStayNumbers() {
        Path file = new XlsxFixtures.Raw().rows("<row><c s=\"1\"><v>45574</v></c></row>").write(dir.resolve("s.xlsx"));
        try (XlsxTable table = XlsxTable.open(file, "s.xlsx")) {
            assertEquals(new Table.Row(1, List.of("45574")), table.next());
        }
    }

    // ---- empty workbooks ----

    @Test
    void anEmptyFirstSheetHasNoRows() {
        Path written = XlsxFixtures.written(dir.resolve("empty.xlsx"), "Leer", sheet -> { });
        try (XlsxTable table = XlsxTable.open(written, "empty.xlsx")) {
            assertEquals("Excel workbook (.xlsx), first sheet 'Leer'", table.describe());
            assertNull(table.next());
        }
        Path raw = new XlsxFixtures.Raw().rows("<row r=\"1\"/><row r=\"2\"><c r=\"A2\"/></row>")
                .write(dir.resolve("blank.xlsx"));
        try (XlsxTable table = XlsxTable.open(raw, "blank.xlsx")) {
            assertNull(table.next());
        }
    }

    @Test
    void aWorkbookWithoutSheetsHasNoRows() {
        Path file = new XlsxFixtures.Raw().sheets("").write(dir.resolve("nosheets.xlsx"));
        try (XlsxTable table = XlsxTable.open(file, "nosheets.xlsx")) {
            assertEquals("Excel workbook (.xlsx), no sheets", table.describe());
            assertNull(table.next());
        }
    }

    @Test
    void onlyTheFirstSheetIsRead() {
        Path file = new XlsxFixtures.Raw()
                .sheets("<sheet name=\"Responses\" sheetId=\"2\" r:id=\"rId1\"/>"
                        + "<sheet name=\"Other\" sheetId=\"1\" r:id=\"rId9\"/>")
                .rows("<row><c t=\"inlineStr\"><is><t>first</t></is></c></row>")
                .write(dir.resolve("two.xlsx"));
        try (XlsxTable table = XlsxTable.open(file, "two.xlsx")) {
            assertEquals("Excel workbook (.xlsx), first sheet 'Responses'", table.describe());
            assertEquals(List.of("first"), table.next().cells());
        }
    }

    // ---- files that are not workbooks ----

    @Test
    void aCsvFileNamedXlsxIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("responses.xlsx"), "ID,Name\n1,Ann\n");
        InputException e = assertThrows(InputException.class, () -> XlsxTable.open(file, "responses.xlsx"));
        assertEquals("responses.xlsx: is not an Excel workbook (.xlsx): it is text, perhaps a CSV or web page saved "
                + "with an .xlsx name; " + ADVICE, e.getMessage());
    }

    @Test
    void emptyMissingAndOldFilesAreRefused() throws IOException {
        Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertEquals("empty.xlsx: is not an Excel workbook (.xlsx): it is empty; " + ADVICE,
                assertThrows(InputException.class, () -> XlsxTable.open(empty, "empty.xlsx")).getMessage());
        assertEquals("gone.xlsx: no such file; check the path", assertThrows(InputException.class,
                () -> XlsxTable.open(dir.resolve("gone.xlsx"), "gone.xlsx")).getMessage());
        Path ole = Files.write(dir.resolve("old.xlsx"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
            (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0});
        String message = assertThrows(InputException.class, () -> XlsxTable.open(ole, "old.xlsx")).getMessage();
        assertTrue(message.startsWith("old.xlsx: is an Excel 97-2003 workbook (.xls) or a password-protected"),
                message);
        Path binary = Files.write(dir.resolve("bin.xlsx"), new byte[] {1, 2, 3, 0, 5});
        assertEquals("bin.xlsx: is not an Excel workbook (.xlsx): it is not a zip archive; " + ADVICE,
                assertThrows(InputException.class, () -> XlsxTable.open(binary, "bin.xlsx")).getMessage());
    }

    @Test
    void aTruncatedWorkbookIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(formsExport());
        for (int length : new int[] {4, 100, whole.length / 2, whole.length - 30}) {
            Path cut = Files.write(dir.resolve("cut.xlsx"), java.util.Arrays.copyOf(whole, length));
            InputException e = assertThrows(InputException.class, () -> XlsxTable.open(cut, "cut.xlsx"));
            assertTrue(e.getMessage().startsWith("cut.xlsx: is damaged"), e.getMessage());
            assertTrue(e.getMessage().endsWith(ADVICE), e.getMessage());
        }
    }

    @Test
    void aCorruptedEntryIsRefusedWithoutAStackTrace() throws IOException {
        byte[] bytes = Files.readAllBytes(new XlsxFixtures.Raw()
                .rows("<row><c t=\"inlineStr\"><is><t>" + "x".repeat(500) + "</t></is></c></row>".repeat(200))
                .write(dir.resolve("ok.xlsx")));
        // flip bytes in the middle of the file, inside deflated data
        for (int i = bytes.length / 3; i < bytes.length / 3 + 16; i++) {
            bytes[i] ^= 0x5A;
        }
        Path file = Files.write(dir.resolve("corrupt.xlsx"), bytes);
        InputException e = assertThrows(InputException.class, () -> readAll(XlsxTable.open(file, "corrupt.xlsx")));
        assertTrue(e.getMessage().startsWith("corrupt.xlsx: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(ADVICE), e.getMessage());
    }

    @Test
    void aZipThatIsNoWorkbookIsRefused() {
        Path file = XlsxFixtures.zip(dir.resolve("photos.xlsx"), Map.of("a.txt", new byte[] {1}));
        assertEquals("photos.xlsx: is not an Excel workbook (.xlsx): it is a zip archive without "
                + "[Content_Types].xml; " + ADVICE,
                assertThrows(InputException.class, () -> XlsxTable.open(file, "photos.xlsx")).getMessage());
    }

    @Test
    void aStrictOpenXmlOrBrokenWorkbookSaysWhatToDo() {
        Path strict = new XlsxFixtures.Raw().sheets("<sheet name=\"Form1\" sheetId=\"1\" "
                + "xmlns:s=\"http://purl.oclc.org/ooxml/officeDocument/relationships\" s:id=\"rId1\"/>")
                .write(dir.resolve("strict.xlsx"));
        assertEquals("strict.xlsx: is damaged, or saved as 'Strict Open XML': its first sheet cannot be found; save "
                + "it as 'Excel Workbook (.xlsx)', or export CSV", assertThrows(InputException.class,
                        () -> XlsxTable.open(strict, "strict.xlsx")).getMessage());
        Path utf16 = new XlsxFixtures.Raw().part("xl/worksheets/sheet1.xml", "").write(dir.resolve("utf16.xlsx"));
        Map<String, byte[]> parts = new LinkedHashMap<>(new XlsxFixtures.Raw().parts());
        parts.put("xl/worksheets/sheet1.xml", ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet xmlns=\""
                + XlsxFixtures.MAIN_NS + "\"><sheetData/></worksheet>").getBytes(StandardCharsets.UTF_16LE));
        XlsxFixtures.zip(utf16, parts);
        assertEquals("utf16.xlsx: is damaged: the first sheet is not UTF-8 XML; " + ADVICE,
                assertThrows(InputException.class, () -> XlsxTable.open(utf16, "utf16.xlsx")).getMessage());
    }

    @Test
    void theSheetNameIsMadeSafeToPrint() {
        Path file = new XlsxFixtures.Raw().sheets("<sheet name=\"Form&#x9B;31m1&#x202E;" + "x".repeat(100)
                + "\" sheetId=\"1\" r:id=\"rId1\"/>").write(dir.resolve("name.xlsx"));
        try (XlsxTable table = XlsxTable.open(file, "name.xlsx")) {
            assertEquals("Excel workbook (.xlsx), first sheet 'Form\\u009B31m1\\u202E" + "x".repeat(54) + "…'",
                    table.describe());
        }
    }

    // ---- XML attacks ----

    @Test
    void entitiesAndDtdsAreRefusedInEveryPartAndNothingIsFetched() throws IOException {
        String secret = "SECRET-" + System.nanoTime();
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), secret);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/x";
            String doctype = "<!DOCTYPE worksheet [<!ENTITY file SYSTEM \"" + secretFile.toUri() + "\">"
                    + "<!ENTITY net SYSTEM \"" + url + "\"><!ENTITY % p SYSTEM \"" + url + ".dtd\"> %p;]>";
            String rows = "<row><c t=\"inlineStr\"><is><t>&file;&net;</t></is></c></row>";
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("sheet", new XlsxFixtures.Raw().sheetPrologue(doctype).rows(rows).write(dir.resolve("a.xlsx")));
            files.put("external DTD", new XlsxFixtures.Raw().sheetPrologue("<!DOCTYPE worksheet SYSTEM \"" + url
                    + ".dtd\">").rows("<row><c><v>1</v></c></row>").write(dir.resolve("b.xlsx")));
            files.put("shared strings", new XlsxFixtures.Raw().sharedStrings("<t>&file;</t>")
                    .part("xl/sharedStrings.xml", "<?xml version=\"1.0\"?>" + doctype.replace("worksheet", "sst")
                            + "<sst xmlns=\"" + XlsxFixtures.MAIN_NS + "\"><si><t>&file;</t></si></sst>")
                    .rows("<row><c t=\"s\"><v>0</v></c></row>").write(dir.resolve("c.xlsx")));
            files.put("content types", new XlsxFixtures.Raw().part("[Content_Types].xml", "<?xml version=\"1.0\"?>"
                    + doctype.replace("worksheet", "Types") + "<Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"&file;\"/>"
                    + "</Types>").write(dir.resolve("d.xlsx")));
            for (Map.Entry<String, Path> f : files.entrySet()) {
                InputException e = assertThrows(InputException.class,
                        () -> readAll(XlsxTable.open(f.getValue(), "x.xlsx")), f.getKey());
                assertTrue(e.getMessage().contains("contains a DTD or entity declaration"), e.getMessage());
                assertFalse(e.getMessage().contains(secret));
            }
            // fastexcel-reader on its own (aalto-xml, DTD support off) does not expand entities either:
            // it fails on the first reference, and reads neither the file nor the network.
            for (Map.Entry<String, Path> f : files.entrySet()) {
                try (ReadableWorkbook workbook = new ReadableWorkbook(f.getValue().toFile())) {
                    String text = workbook.getFirstSheet().read().toString();
                    assertFalse(text.contains(secret), f.getKey());
                } catch (RuntimeException | IOException expected) {
                    assertFalse(String.valueOf(expected.getMessage()).contains(secret), f.getKey());
                }
            }
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, server::accept, "something connected to the test server");
        }
    }

    @Test
    void billionLaughsFailsAtOnce() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 12; i++) {
            doctype.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        Path file = new XlsxFixtures.Raw().sheetPrologue(doctype + "]>")
                .rows("<row><c t=\"inlineStr\"><is><t>&a11;</t></is></c></row>").write(dir.resolve("lol.xlsx"));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            InputException e = assertThrows(InputException.class, () -> readAll(XlsxTable.open(file, "lol.xlsx")));
            assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        });
    }

    // ---- size limits ----

    @Test
    void aZipBombIsRefusedBeforeItIsUnpacked() throws IOException {
        // 64 MiB of XML deflated to about 64 KiB, with sizes in the zip that tell the truth
        Path file = dir.resolve("bomb.xlsx");
        Map<String, byte[]> parts = new XlsxFixtures.Raw().parts();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"" + XlsxFixtures.MAIN_NS
                            + "\"><sheetData>").getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        zip.write(blanks);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        }
        assertTrue(Files.size(file) < 1 << 20);
        InputException e = assertThrows(InputException.class, () -> XlsxTable.open(file, "bomb.xlsx", SMALL));
        assertEquals("bomb.xlsx: the first sheet unpacks to more than 1 MiB of XML, more than culturekit reads "
                + "from a workbook (a zip bomb looks like this); if it is a genuine export, export the responses "
                + "as CSV instead", e.getMessage());

        // the same with the sizes in the zip's directory lowered to 100 bytes: the count while unpacking stops it
        Path liar = Files.write(dir.resolve("liar.xlsx"), lieAboutSizes(Files.readAllBytes(file), "sheet1.xml", 100));
        InputException lied = assertThrows(InputException.class, () -> XlsxTable.open(liar, "liar.xlsx", SMALL));
        assertEquals(e.getMessage().replace("bomb.xlsx", "liar.xlsx"), lied.getMessage());
    }

    @Test
    void aSheetOverTheDefaultLimitIsRefusedByItsDeclaredSize() throws IOException {
        byte[] bytes = Files.readAllBytes(new XlsxFixtures.Raw().rows("<row><c><v>1</v></c></row>")
                .write(dir.resolve("ok.xlsx")));
        Path file = Files.write(dir.resolve("huge.xlsx"), lieAboutSizes(bytes, "sheet1.xml", 600L << 20));
        InputException e = assertThrows(InputException.class, () -> XlsxTable.open(file, "huge.xlsx"));
        assertTrue(e.getMessage().startsWith("huge.xlsx: the first sheet unpacks to more than 512 MiB of XML"),
                e.getMessage());
        Path types = Files.write(dir.resolve("types.xlsx"), lieAboutSizes(bytes, "[Content_Types].xml", 17L << 20));
        assertTrue(assertThrows(InputException.class, () -> XlsxTable.open(types, "types.xlsx")).getMessage()
                .startsWith("types.xlsx: [Content_Types].xml unpacks to more than 16 MiB of XML"));
    }

    @Test
    void tooManyZipEntriesAreRefused() {
        Map<String, byte[]> parts = new LinkedHashMap<>(new XlsxFixtures.Raw().parts());
        for (int i = 0; i < 100; i++) {
            parts.put("xl/media/image" + i + ".png", new byte[] {1});
        }
        Path file = XlsxFixtures.zip(dir.resolve("many.xlsx"), parts);
        InputException e = assertThrows(InputException.class, () -> XlsxTable.open(file, "many.xlsx", SMALL));
        assertTrue(e.getMessage().startsWith("many.xlsx: holds more than 100 files inside its zip archive"),
                e.getMessage());
    }

    @Test
    void aLongCellIsRefusedNamingItsRowAndColumn() {
        Path inline = new XlsxFixtures.Raw().rows("<row r=\"1\"><c t=\"inlineStr\"><is><t>ok</t></is></c></row>"
                + "<row r=\"7\"><c r=\"A7\"><v>1</v></c><c r=\"C7\" t=\"inlineStr\"><is><t>" + "x".repeat(1001)
                + "</t></is></c></row>").write(dir.resolve("long.xlsx"));
        InputException e = assertThrows(InputException.class, () -> XlsxTable.open(inline, "long.xlsx", SMALL));
        assertEquals(List.of(new Problem("long.xlsx", 7, 3, "cell C7 is longer than 1000 characters, the most "
                + "culturekit reads from one cell", "")), e.problems());
        assertEquals("long.xlsx:7:3: cell C7 is longer than 1000 characters, the most culturekit reads from one cell",
                e.getMessage());
        Path shared = new XlsxFixtures.Raw().sharedStrings("<t>" + "y".repeat(1001) + "</t>")
                .rows("<row><c t=\"s\"><v>0</v></c></row>").write(dir.resolve("longshared.xlsx"));
        assertEquals("longshared.xlsx: shared text #0 is longer than 1000 characters, the most culturekit reads from "
                + "one cell", assertThrows(InputException.class,
                        () -> XlsxTable.open(shared, "longshared.xlsx", SMALL)).getMessage());
    }

    @Test
    void aLongTagOrAttributeIsRefused() {
        Path file = new XlsxFixtures.Raw().rows("<row r=\"1\" spans=\"" + "9".repeat(5000) + "\"><c><v>1</v></c></row>")
                .write(dir.resolve("attr.xlsx"));
        InputException e = assertThrows(InputException.class, () -> XlsxTable.open(file, "attr.xlsx", SMALL));
        assertTrue(e.getMessage().contains("longer than 4096 bytes"), e.getMessage());
    }

    // ---- structures that would make the library run away ----

    @Test
    void cellReferencesPastXfdAreRefused() {
        Path file = new XlsxFixtures.Raw().rows("<row r=\"2\"><c r=\"ZZZZZZ2\"><v>1</v></c></row>")
                .write(dir.resolve("wide.xlsx"));
        InputException e = assertThrows(InputException.class, () -> XlsxTable.open(file, "wide.xlsx"));
        assertEquals("wide.xlsx:2: row 2 has a cell named 'ZZZZZZ2', which is not a cell from A to XFD; " + ADVICE,
                e.getMessage());
    }

    @Test
    void aSharedStringIndexPastTheTableIsRefused() {
        Path file = new XlsxFixtures.Raw().sharedStrings("<t>a</t>")
                .rows("<row r=\"1\"><c r=\"B1\" t=\"s\"><v>2000000000</v></c></row>").write(dir.resolve("sst.xlsx"));
        InputException e = assertThrows(InputException.class, () -> XlsxTable.open(file, "sst.xlsx"));
        assertEquals("sst.xlsx:1:2: cell B1 refers to shared text #2000000000, but the workbook has 1; " + ADVICE,
                e.getMessage());
    }

    @Test
    void rowsOutOfOrderOrOutOfRangeAreRefused() {
        Path backwards = new XlsxFixtures.Raw().rows("<row r=\"5\"><c><v>1</v></c></row><row r=\"3\"/>")
                .write(dir.resolve("back.xlsx"));
        assertEquals("back.xlsx: is damaged: in the first sheet, row 3 comes after row 5; " + ADVICE,
                assertThrows(InputException.class, () -> XlsxTable.open(backwards, "back.xlsx")).getMessage());
        Path far = new XlsxFixtures.Raw().rows("<row r=\"99999999\"/>").write(dir.resolve("far.xlsx"));
        assertTrue(assertThrows(InputException.class, () -> XlsxTable.open(far, "far.xlsx")).getMessage()
                .contains("outside 1 to 1048576"));
    }

    @Test
    void aHugeNumberIsRefused() {
        Path file = new XlsxFixtures.Raw().rows("<row r=\"1\"><c r=\"D1\"><v>1E999999999</v></c></row>")
                .write(dir.resolve("big.xlsx"));
        assertEquals("big.xlsx:1:4: cell D1 holds a number Excel cannot store; " + ADVICE,
                assertThrows(InputException.class, () -> readAll(XlsxTable.open(file, "big.xlsx"))).getMessage());
    }

    @Test
    void manyCopiesOfALongSharedFormulaAreRefused() {
        String base = "A1+".repeat(2700) + "A1"; // 8,102 characters
        StringBuilder rows = new StringBuilder("<row r=\"1\"><c r=\"B1\"><f t=\"shared\" ref=\"B1:B200\" si=\"0\">"
                + base + "</f><v>0</v></c></row>");
        for (int r = 2; r <= 200; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"B").append(r)
                    .append("\"><f t=\"shared\" si=\"0\"/><v>0</v></c></row>");
        }
        Path file = new XlsxFixtures.Raw().rows(rows.toString()).write(dir.resolve("formulas.xlsx"));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            InputException e = assertThrows(InputException.class, () -> XlsxTable.open(file, "formulas.xlsx"));
            assertTrue(e.getMessage().contains("shared formulas"), e.getMessage());
        });
    }

    /** Sets the uncompressed size of the entries whose name ends so, in the central directory, to {@code size}. */
    private static byte[] lieAboutSizes(byte[] zip, String nameEnd, long size) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int found = 0;
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50) {
                int nameLength = b.getShort(i + 28) & 0xFFFF;
                String name = new String(zip, i + 46, nameLength, StandardCharsets.UTF_8);
                if (name.endsWith(nameEnd)) {
                    b.putInt(i + 24, (int) size);
                    found++;
                }
            }
        }
        assertEquals(1, found);
        return zip;
    }
}
