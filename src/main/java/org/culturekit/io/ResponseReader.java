package org.culturekit.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.model.Segment;

/**
 * Streams the rows of a generic CSV export (one header row, comma-separated, UTF-8 with or without BOM) as
 * {@link Response}s, one at a time.
 *
 * <ul>
 *   <li>Every row is either yielded or counted in {@link #excluded()} with a reason.
 *   <li>A cell that is neither a number in range, a label, an alias nor a not-applicable word is a problem
 *       with its line, column and value; after the last row, {@link #problems()} lists them all.
 *   <li>Malformed CSV (an unterminated quote, a row with too many or too few fields, invalid UTF-8) stops the
 *       read with an {@link InputException} naming the line.
 * </ul>
 */
public final class ResponseReader implements Iterable<Response>, Closeable {
    /** The most cell problems kept in full; the rest are only counted. */
    static final int MAX_PROBLEMS = 100;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setAllowMissingColumnNames(false)
            .setIgnoreEmptyLines(true)
            .setLenientEof(false)
            .setTrailingData(false)
            .get();

    private final String file;
    private final Questionnaire questionnaire;
    private final CSVParser parser;
    private final ColumnMap columns;
    private final AnswerCodes[] codes;
    private final Map<String, Long> excluded = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private long problemCount;
    private boolean iterated;

    private ResponseReader(String file, Questionnaire questionnaire, CSVParser parser) {
        this.file = file;
        this.questionnaire = questionnaire;
        this.parser = parser;
        this.columns = ColumnMap.of(questionnaire, parser.getHeaderNames(), file);
        columns.noItemsMapped(file).ifPresent(problem -> {
            throw new InputException(problem);
        });
        List<Item> items = questionnaire.items();
        codes = new AnswerCodes[items.size()];
        for (int i = 0; i < items.size(); i++) {
            codes[i] = items.get(i).isText() ? null : new AnswerCodes(questionnaire.scaleOf(items.get(i).id()));
        }
    }

    /** Opens {@code path} for reading against {@code questionnaire}; the header is read and mapped now. */
    public static ResponseReader open(Path path, Questionnaire questionnaire) {
        String file = path.toString();
        InputStream in = null;
        try {
            in = Files.newInputStream(path);
            BOMInputStream bom = BOMInputStream.builder()
                    .setInputStream(in)
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                    .get();
            if (bom.hasBOM() && !bom.hasBOM(ByteOrderMark.UTF_8)) {
                throw new InputException(file, "the file is UTF-16 (Excel's 'Unicode text'); UTF-16 is not "
                        + "supported yet: save it as 'CSV UTF-8' and try again");
            }
            // strict decoding: a wrong encoding must fail loudly rather than turn answers into U+FFFD
            Reader reader = new BufferedReader(new Utf8Reader(bom), 1 << 16);
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            return new ResponseReader(file, questionnaire, parser);
        } catch (NoSuchFileException e) {
            closeQuietly(in);
            throw new InputException(file, "no such file; check the path");
        } catch (Utf8Reader.MalformedException e) {
            closeQuietly(in);
            throw notUtf8(file, e);
        } catch (CSVException | IllegalArgumentException e) {
            closeQuietly(in);
            throw new InputException(HeaderCheck.explain(path, file));
        } catch (IOException e) {
            closeQuietly(in);
            throw new InputException(file, "cannot be read: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static InputException notUtf8(String file, Utf8Reader.MalformedException e) {
        return new InputException(new Problem(file, e.line, 0, "byte " + e.byteOffset + " is not valid UTF-8; "
                + "save the file as 'CSV UTF-8' (UTF-8 is the only encoding read)", ""));
    }

    /** Mapping warnings: items, segments or the id column the file does not have. */
    public List<Problem> warnings() {
        return columns.warnings();
    }

    /** Rows left out so far, by reason, in the order the reasons first occurred. */
    public Map<String, Long> excluded() {
        return Map.copyOf(excluded);
    }

    /** Unreadable cells found so far (at most {@value #MAX_PROBLEMS} kept; see {@link #problemCount()}). */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** How many unreadable cells were found, including those not kept. */
    public long problemCount() {
        return problemCount;
    }

    @Override
    public Iterator<Response> iterator() {
        if (iterated) {
            throw new IllegalStateException("a response file can be read once");
        }
        iterated = true;
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private Response next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    long line = parser.getCurrentLineNumber() + 1;
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            return false;
                        }
                        record = records.next();
                    } catch (UncheckedIOException e) {
                        throw malformed(line, e.getCause());
                    }
                    next = toResponse(record, line);
                }
                return true;
            }

            @Override
            public Response next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Response response = next;
                next = null;
                return response;
            }
        };
    }

    private InputException malformed(long line, Throwable cause) {
        if (cause instanceof Utf8Reader.MalformedException e) {
            return notUtf8(file, e);
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new InputException(new Problem(file, line, 0, "a quoted field starting in the row on this line "
                    + "is never closed; add the missing '\"' or remove the stray one", ""));
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return new InputException(new Problem(file, line, 0, "text follows a closing quote in the row on this "
                    + "line; a '\"' inside a quoted field must be doubled (\"\")", ""));
        }
        return new InputException(new Problem(file, line, 0, "the row on this line is not valid CSV", ""));
    }

    private Response toResponse(CSVRecord record, long line) {
        if (!record.isConsistent()) {
            throw new InputException(new Problem(file, line, 0, "this row has " + record.size()
                    + " fields but the header has " + parser.getHeaderNames().size()
                    + "; check for an unquoted comma or a missing field", ""));
        }
        List<Item> items = questionnaire.items();
        int[] answers = new int[items.size()];
        int answered = 0;
        for (int i = 0; i < items.size(); i++) {
            answers[i] = Response.MISSING;
            int column = columns.items()[i];
            if (column < 0 || codes[i] == null) {
                continue;
            }
            String cell = record.get(column);
            int value = codes[i].read(cell);
            if (value == AnswerCodes.UNKNOWN) {
                problem(new Problem(file, line, column + 1, "item '" + items.get(i).id() + "': "
                        + Excerpt.of(cell.strip()) + " is not an answer on scale '" + items.get(i).scale()
                        + "'; expected " + codes[i].expected() + ", or add it to the scale's aliases", ""));
                // an unreadable answer is still an answer: the row is not empty, it has a problem
                answered++;
            } else {
                answers[i] = value;
                if (value != Response.MISSING) {
                    answered++;
                }
            }
        }
        List<String> comments = new ArrayList<>(columns.comments().length);
        for (int column : columns.comments()) {
            String text = column < 0 ? "" : record.get(column).strip();
            comments.add(text);
            if (!text.isEmpty()) {
                answered++;
            }
        }
        if (answered == 0) {
            exclude("empty: no answers");
            return null;
        }
        if (columns.respondentId() >= 0) {
            String id = record.get(columns.respondentId()).strip();
            if (!id.isEmpty() && !seenIds.add(id)) {
                exclude("duplicate respondent id");
                return null;
            }
        }
        List<Segment> segments = questionnaire.segments();
        List<String> groups = new ArrayList<>(segments.size());
        for (int s = 0; s < segments.size(); s++) {
            int column = columns.segments()[s];
            String value = column < 0 ? "" : record.get(column).strip();
            groups.add(segments.get(s).values().getOrDefault(value, value));
        }
        return new Response(file, line, answers, groups, comments);
    }

    private void exclude(String reason) {
        excluded.merge(reason, 1L, Long::sum);
    }

    private void problem(Problem problem) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
        }
    }
}
