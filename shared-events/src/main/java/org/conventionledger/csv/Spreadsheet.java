package org.conventionledger.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An {@code .xlsx} sheet read with Apache POI as a {@link Table}: a cell shows as the spreadsheet shows it
 * (numbers formatted, a formula by its last computed value), except a date cell, which reads as ISO
 * {@code yyyy-MM-dd} whatever its display format. Lines are the sheet's row numbers.
 */
final class Spreadsheet implements Table {

    private final Sheet sheet;
    private final DataFormatter formatter = new DataFormatter();
    private final TableRow header;
    private int next;

    private Spreadsheet(Sheet sheet) {
        this.sheet = sheet;
        this.formatter.setUseCachedValuesForFormulaCells(true);
        this.next = sheet.getFirstRowNum() < 0 ? 0 : sheet.getFirstRowNum();
        TableRow first = read();
        this.header = first == null ? new TableRow(1, List.of()) : first;
    }

    static Table open(InputStream in, String sheetName, int maxRows) {
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTable(0, "not a readable .xlsx workbook");
        }
        Sheet sheet = sheetName == null || sheetName.isBlank()
                ? (workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0))
                : workbook.getSheet(sheetName.strip());
        if (sheet == null) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            throw new UnreadableTable(0, "no sheet named \"" + sheetName + "\"; the workbook has " + names);
        }
        if (sheet.getLastRowNum() - Math.max(0, sheet.getFirstRowNum()) > maxRows) {
            throw new UnreadableTable(0, "more than " + maxRows + " rows; split the file");
        }
        return new Spreadsheet(sheet);
    }

    @Override
    public TableRow header() {
        return header;
    }

    @Override
    public TableRow next() {
        return read();
    }

    private TableRow read() {
        while (next <= sheet.getLastRowNum()) {
            Row row = sheet.getRow(next++);
            if (row == null || row.getLastCellNum() <= 0) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(text(row.getCell(c)));
            }
            if (cells.stream().anyMatch(s -> !s.isEmpty())) {
                return new TableRow(row.getRowNum() + 1, cells);
            }
        }
        return null;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    @Override
    public String kind() {
        return "xlsx";
    }

    @Override
    public String encoding() {
        return null;
    }

    @Override
    public String delimiter() {
        return null;
    }

    @Override
    public void close() {
        try {
            sheet.getWorkbook().close();
        } catch (IOException e) {
            // read only: nothing to lose
        }
    }
}
