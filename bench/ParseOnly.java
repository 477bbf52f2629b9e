import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The parse-only baseline of the benchmark (issue 8): one thread, Apache Commons CSV (RFC 4180, first
 * record is the header), every record iterated and the integer value of every q01..q60 cell summed
 * (blank cells skipped). It prints the sum and does nothing else: the floor that a report on the same
 * file is measured against.
 *
 * <pre>
 *   java -cp target/culturekit.jar bench/ParseOnly.java FILE
 * </pre>
 *
 * ({@code bench/run.sh} compiles it once beforehand, so that the timings hold no compilation.)
 */
public final class ParseOnly {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp target/culturekit.jar bench/ParseOnly.java FILE");
            System.exit(2);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        long sum = 0;
        long records = 0;
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<Integer> columns = new ArrayList<>();
            for (Map.Entry<String, Integer> column : parser.getHeaderMap().entrySet()) {
                if (column.getKey().matches("q\\d\\d")) {
                    columns.add(column.getValue());
                }
            }
            int[] items = columns.stream().mapToInt(Integer::intValue).toArray();
            for (CSVRecord record : parser) {
                records++;
                for (int column : items) {
                    String cell = record.get(column);
                    if (!cell.isEmpty()) {
                        sum += Integer.parseInt(cell);
                    }
                }
            }
            if (items.length != 60) {
                System.err.println("warning: " + items.length + " item columns, expected 60");
            }
        }
        System.out.println(records + " records, item sum " + sum);
    }
}
