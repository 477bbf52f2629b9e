package org.culturekit.export.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.culturekit.export.table.Table;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds .xlsx test files: with the fastexcel writer, or part by part with java.util.zip for hostile ones. */
public final class XlsxFixtures {
    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private XlsxFixtures() {}

    /** A workbook written by fastexcel (as Excel would write it: shared strings, styles), one sheet. */
    public static Path written(Path file, String sheetName, Consumer<Worksheet> fill) {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "culturekit-test", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            fill.accept(sheet);
            workbook.finish();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the given entries, in order, deflated. */
    static Path zip(Path file, Map<String, byte[]> entries) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The smallest SpreadsheetML package, part by part, so that tests can put anything in any part. */
    static final class Raw {
        private String sheetData = "";
        private String sheetPrologue = "";
        private List<String> sharedStrings;
        private List<String> formats;
        private boolean date1904;
        private String sheets = "<sheet name=\"Form1\" sheetId=\"1\" r:id=\"rId1\"/>";
        private final Map<String, String> replaced = new LinkedHashMap<>();

        /** The rows, as the content of sheetData. */
        Raw rows(String xml) {
            sheetData = xml;
            return this;
        }

        /** Text put before the sheet's root element (after the XML declaration). */
        Raw sheetPrologue(String xml) {
            sheetPrologue = xml;
            return this;
        }

        /** Shared strings, as the raw content of each si (for example "<t>Yes</t>"). */
        Raw sharedStrings(String... items) {
            sharedStrings = List.of(items);
            return this;
        }

        /** Number formats: cell style s="1" gets the first, s="2" the second, and so on. */
        Raw formats(String... codes) {
            formats = List.of(codes);
            return this;
        }

        Raw date1904() {
            date1904 = true;
            return this;
        }

        /** The content of the workbook's sheets element. */
        Raw sheets(String xml) {
            sheets = xml;
            return this;
        }

        /** Replaces a part (or adds one) with exactly this text. */
        Raw part(String name, String text) {
            replaced.put(name, text);
            return this;
        }

        Map<String, byte[]> parts() {
            Map<String, String> parts = new LinkedHashMap<>();
            StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                    + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd."
                    + "openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>");
            if (sharedStrings != null) {
                types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd."
                        + "openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                rels.append("<Relationship Id=\"rId2\" Type=\"" + REL_NS + "/sharedStrings\" "
                        + "Target=\"sharedStrings.xml\"/>");
                StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
                        + MAIN_NS + "\" count=\"" + sharedStrings.size() + "\" uniqueCount=\""
                        + sharedStrings.size() + "\">");
                sharedStrings.forEach(item -> sst.append("<si>").append(item).append("</si>"));
                parts.put("xl/sharedStrings.xml", sst.append("</sst>").toString());
            }
            if (formats != null) {
                types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd."
                        + "openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
                rels.append("<Relationship Id=\"rId3\" Type=\"" + REL_NS + "/styles\" Target=\"styles.xml\"/>");
                StringBuilder numFmts = new StringBuilder();
                StringBuilder xfs = new StringBuilder("<xf numFmtId=\"0\"/>");
                for (int i = 0; i < formats.size(); i++) {
                    String code = formats.get(i);
                    if (code.matches("[0-9]+")) { // a built-in format id
                        xfs.append("<xf numFmtId=\"").append(code).append("\"/>");
                    } else {
                        numFmts.append("<numFmt numFmtId=\"").append(164 + i).append("\" formatCode=\"")
                                .append(code.replace("&", "&amp;").replace("\"", "&quot;")).append("\"/>");
                        xfs.append("<xf numFmtId=\"").append(164 + i).append("\"/>");
                    }
                }
                parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\""
                        + MAIN_NS + "\"><numFmts>" + numFmts + "</numFmts><cellXfs>" + xfs + "</cellXfs></styleSheet>");
            }
            parts.put("[Content_Types].xml", types.append("</Types>").toString());
            parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN_NS
                    + "\" xmlns:r=\"" + REL_NS + "\">" + (date1904 ? "<workbookPr date1904=\"1\"/>" : "")
                    + "<sheets>" + sheets + "</sheets></workbook>");
            parts.put("xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
            parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sheetPrologue
                    + "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>" + sheetData + "</sheetData></worksheet>");
            parts.putAll(replaced);
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            // [Content_Types].xml first, as Excel writes it
            bytes.put("[Content_Types].xml", parts.remove("[Content_Types].xml").getBytes(StandardCharsets.UTF_8));
            parts.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
            return bytes;
        }

        Path write(Path file) {
            return zip(file, parts());
        }
    }

    /** Every row of a table, in order. */
    static List<Table.Row> readAll(Table table) {
        List<Table.Row> rows = new ArrayList<>();
        for (Table.Row row = table.next(); row != null; row = table.next()) {
            rows.add(row);
        }
        return rows;
    }
}
