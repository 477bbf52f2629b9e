package org.culturekit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Makes a workbook fastexcel wrote byte-for-byte reproducible: fastexcel stamps every zip entry with the time
 * of writing and {@code docProps/core.xml} with {@code Instant.now()}, and offers no way to set either. The
 * package is copied entry by entry, in the same order, with every entry dated {@code date} at midnight and the
 * creation date in the core properties set to the same instant.
 *
 * <ul>
 *   <li>Entry times are set as local date-times ({@link ZipEntry#setTimeLocal}), so the time zone of the run
 *       never reaches the file; no extended-timestamp field is written.
 *   <li>The default date is 1980-01-02, about the earliest a zip entry can carry: it says "no date". Not
 *       1980-01-01 at midnight: java.util.zip takes that for its marker of earlier times and adds the instant
 *       in the run's time zone as an extended timestamp.
 * </ul>
 */
final class WorkbookZip {
    /** The date of a workbook whose report has none. */
    static final LocalDate NO_DATE = LocalDate.of(1980, 1, 2);
    private static final LocalDate LAST_DATE = LocalDate.of(2107, 12, 31);

    private static final Pattern CREATED =
            Pattern.compile("(<dcterms:created xsi:type=\"dcterms:W3CDTF\">)[^<]*(</dcterms:created>)");

    private WorkbookZip() {}

    /** Copies the package {@code zip} into {@code out} (not closed), dated {@code date}. */
    static void copyDated(byte[] zip, LocalDate date, OutputStream out) throws IOException {
        LocalDateTime midnight = date.atStartOfDay();
        // a zip entry's date runs from 1980 to 2107; outside that java.util.zip adds a zoned timestamp
        LocalDateTime entryTime = date.isBefore(NO_DATE) ? NO_DATE.atStartOfDay()
                : date.isAfter(LAST_DATE) ? LAST_DATE.atStartOfDay() : midnight;
        ZipOutputStream copy = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // read by its central directory: java.util.zip's stream reader refuses the Zip64 data descriptors
        // fastexcel writes
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntriesInPhysicalOrder())) {
                byte[] content;
                try (InputStream data = in.getInputStream(entry)) {
                    content = data.readAllBytes();
                }
                if (entry.getName().equals("docProps/core.xml")) {
                    content = created(new String(content, StandardCharsets.UTF_8), midnight)
                            .getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry dated = new ZipEntry(entry.getName());
                dated.setTimeLocal(entryTime);
                copy.putNextEntry(dated);
                copy.write(content);
                copy.closeEntry();
            }
        }
        copy.finish();
    }

    private static String created(String coreXml, LocalDateTime midnight) {
        Matcher matcher = CREATED.matcher(coreXml);
        if (!matcher.find()) {
            throw new IllegalStateException("no creation date in docProps/core.xml");
        }
        return matcher.replaceFirst("$1" + midnight.toLocalDate() + "T00:00:00Z$2");
    }
}
