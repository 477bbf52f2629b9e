package org.culturekit.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads {@code report.xlsx} back with Apache POI, a library independent of the one that wrote it, and shows it as
 * text the way a spreadsheet displays it, for tests and for looking at.
 */
final class WorkbookReader {
    private static final DataFormatter SHOWN = new DataFormatter(java.util.Locale.ROOT);

    private WorkbookReader() {}

    static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** The row whose first cell reads {@code label}, or null. */
    static Row row(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        return null;
    }

    /** The cell's fill as RRGGBB, or empty without one. */
    static String fill(Cell cell) {
        XSSFColor color = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor();
        if (color == null || color.getRGB() == null) {
            return "";
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : color.getRGB()) {
            hex.append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
        }
        return hex.toString();
    }

    /** Every sheet, each row as its cells displayed and separated by " | ". */
    static String text(Workbook workbook) {
        StringBuilder text = new StringBuilder();
        for (Sheet sheet : workbook) {
            text.append("=== ").append(sheet.getSheetName()).append(" ===\n");
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : SHOWN.formatCellValue(cell));
                }
                text.append(String.join(" | ", cells)).append('\n');
            }
        }
        return text.toString();
    }

    public static void main(String[] args) throws IOException {
        try (Workbook workbook = open(Path.of(args[0]))) {
            System.out.print(text(workbook));
        }
    }
}
