package org.culturekit.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.culturekit.export.Platform.Column;
import org.culturekit.export.csv.ChunkRecords;
import org.culturekit.export.csv.CsvChunker;
import org.culturekit.export.csv.CsvTable;
import org.culturekit.export.ids.RespondentIds;
import org.culturekit.export.table.Cells;
import org.culturekit.export.table.Table;
import org.culturekit.export.xlsx.XlsxTable;
import org.culturekit.input.Excerpt;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.FreeText;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.model.Segment;

/**
 * Streams the rows of a survey export as {@link Response}s, one at a time, whatever platform wrote it.
 *
 * <ul>
 *   <li>Every data row is either yielded or counted in {@link #excluded()} with a reason: partial, preview or
 *       test, duplicate respondent id, empty, or unparseable (every answer unreadable).
 *   <li>An answer that is neither a number in range, a label, an alias nor a not-applicable word is treated as
 *       missing and reported in {@link #problems()} with its line, column and value.
 *   <li>Malformed files (an unterminated quote, a row with the wrong number of fields, undecodable bytes, an
 *       over-long field) stop the read with an {@link InputException} naming the line.
 *   <li>A UTF-8 text file can instead be read in chunks on several threads ({@link ChunkedRows}), with the
 *       same rows, tallies and faults as reading it here in order.
 * </ul>
 */
public final class ResponseReader implements Iterable<Response>, Closeable {
    /** The most cell problems kept in full; the rest are only counted. */
    static final int MAX_PROBLEMS = 1000;

    /** The most foreign codes kept per item for {@link #codeWarnings()}. */
    static final int MAX_FOREIGN_CODES = 12;

    /** The most distinct answers counted per item for {@code inspect}. */
    static final int MAX_DISTINCT = 50;

    private static final int TOP_ROWS = 3;

    /** The characters of a long comment's start that a row holds until a sink asks for the whole text. */
    static final int COMMENT_START = 48;

    private final String file;
    private final Questionnaire questionnaire;
    private final ReadOptions options;
    private final Table table;
    private final Platform platform;
    private final int headerRows;
    private final ColumnMap columns;
    private final Deque<Table.Row> pending;
    private final AnswerCodes[] codes;
    private final Map<String, Integer> metadataColumns = new HashMap<>();
    /** The column of the platform's submit time, or −1 when it has none. */
    private final int timeColumn;
    private final RespondentIds seenIds;
    /** The id set this reader made for itself, closed with it; null when the caller's. */
    private RespondentIds ownedIds;
    /** The tallies of the rows read in order on this thread, and of every chunk once merged. */
    private final Rows main;
    private final Map<String, Map<String, Long>> answerCounts = new LinkedHashMap<>();

    private Consumer<Rejection> rejections = rejection -> { };
    /** {@code main.rows}, published for a progress display on another thread. */
    private volatile long rowsRead;
    /** Bytes of the file read so far when it is read in chunks; −1 when the table counts them. */
    private volatile long chunkBytesRead = -1;
    private boolean iterated;

    private ResponseReader(String file, Questionnaire questionnaire, ReadOptions options, Table table,
            RespondentIds seenIds) {
        this.seenIds = seenIds;
        this.file = file;
        this.questionnaire = questionnaire;
        this.options = options;
        this.table = table;
        List<List<String>> top = new ArrayList<>();
        List<Table.Row> topRows = new ArrayList<>();
        for (Table.Row row; topRows.size() < TOP_ROWS && (row = table.next()) != null; ) {
            topRows.add(row);
            top.add(row.cells());
        }
        if (top.isEmpty()) {
            throw new InputException(file, "the file is empty; export the survey again, with its header row");
        }
        platform = options.source() != null ? options.source() : Platform.detect(top);
        headerRows = Math.min(platform.headerRows(top), top.size());
        List<Column> header = platform.columns(top.subList(0, headerRows));
        columns = ColumnMap.of(questionnaire, platform, header, file, options.inspecting());
        pending = new ArrayDeque<>(topRows.subList(headerRows, topRows.size()));
        for (Column column : header) {
            for (String name : column.names()) {
                metadataColumns.putIfAbsent(Platform.key(name), column.index());
            }
        }
        timeColumn = platform.timestampColumns().stream().map(name -> metadataColumns.get(Platform.key(name)))
                .filter(Objects::nonNull).findFirst().orElse(-1);
        List<Item> items = questionnaire.items();
        codes = new AnswerCodes[items.size()];
        for (int i = 0; i < items.size(); i++) {
            codes[i] = items.get(i).isText() ? null : new AnswerCodes(questionnaire.scaleOf(items.get(i).id()));
            if (options.inspecting() && columns.items()[i] >= 0 && codes[i] != null) {
                answerCounts.put(items.get(i).id(), new TreeMap<>());
            }
        }
        main = new Rows(rejection -> rejections.accept(rejection), seenIds, false);
    }

    /** Opens {@code path} with the default options; the header is read and mapped now. */
    public static ResponseReader open(Path path, Questionnaire questionnaire) {
        return open(path, questionnaire, ReadOptions.DEFAULT);
    }

    /** Opens {@code path}: a CSV or tab-separated text file, or an .xlsx workbook. */
    public static ResponseReader open(Path path, Questionnaire questionnaire, ReadOptions options) {
        RespondentIds ids = RespondentIds.forRun();
        try {
            ResponseReader reader = open(path, questionnaire, options, ids);
            reader.ownedIds = ids;
            return reader;
        } catch (RuntimeException e) {
            ids.close();
            throw e;
        }
    }

    /**
     * Opens {@code path}, finding duplicate respondent ids against {@code seenIds} too, which the reader adds to:
     * the first occurrence, in the order the exports are read, is scored and later ones are left out.
     */
    public static ResponseReader open(Path path, Questionnaire questionnaire, ReadOptions options,
            RespondentIds seenIds) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new InputException(file, "is a directory; name the export files in it (for example "
                    + path.resolve("*.csv") + ")");
        }
        Table table = file.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? XlsxTable.open(path, file, options.columnLimit())
                : CsvTable.open(path, file, options.encoding(), options.fieldLimit(), options.columnLimit());
        try {
            return new ResponseReader(file, questionnaire, options, table, seenIds);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    /** Told of each scored row's respondent id, hashed, its line and its answers, hashed; or null. */
    private ScoredIds scoredIds;

    /** Where a scored row's respondent id and answers go, as hashes (see {@link Rejection.Duplicate}). */
    public interface ScoredIds {
        void scored(long idHigh, long idLow, long line, long answers);
    }

    /**
     * Tells {@code sink} of every scored row with a respondent id, when this reader is iterated (not chunked):
     * how a second pass finds the first occurrence of an id that was repeated.
     */
    public void onScored(ScoredIds sink) {
        this.scoredIds = sink;
    }

    /** A 64-bit hash of a row's answers, the same for the same answers in any file or pass. */
    static long answersHash(int[] answers) {
        long h = 0x9E3779B97F4A7C15L ^ answers.length;
        for (int answer : answers) {
            h = Long.rotateLeft((h ^ answer) * 0x100000001B3L, 29) + 0xC2B2AE3D27D4EB4FL;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    /** Where to send each rejected or faulty row; by default they are only counted. */
    public void onRejection(Consumer<Rejection> sink) {
        this.rejections = sink;
    }

    /** The export as the user named it. */
    public String file() {
        return file;
    }

    /** The platform the export came from (detected or given). */
    public Platform platform() {
        return platform;
    }

    /** How the file was read: encoding, delimiter or workbook. */
    public String describe() {
        return table.describe();
    }

    /** How many rows form the header. */
    public int headerRows() {
        return headerRows;
    }

    /** Each column's label and what it maps to: {@code item:ID}, {@code segment:ID}, {@code respondent id}. */
    public Map<String, String> mapping() {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Column column : columns.columns()) {
            mapping.put(column.index() + 1 + "\t" + column.label(), "");
        }
        List<Item> items = questionnaire.items();
        for (int i = 0; i < items.size(); i++) {
            put(mapping, columns.items()[i], "item " + items.get(i).id());
        }
        List<Segment> segments = questionnaire.segments();
        for (int s = 0; s < segments.size(); s++) {
            put(mapping, columns.segments()[s], "segment " + segments.get(s).id());
        }
        put(mapping, columns.respondentId(), "respondent id");
        return mapping;
    }

    private void put(Map<String, String> mapping, int column, String target) {
        if (column >= 0) {
            Column c = columns.columns().get(column);
            mapping.merge(c.index() + 1 + "\t" + c.label(), target, (a, b) -> a.isEmpty() ? b : a + ", " + b);
        }
    }

    /** Ids of items the file has no column for. */
    public List<String> unmappedItems() {
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < columns.items().length; i++) {
            if (columns.items()[i] < 0 && !questionnaire.items().get(i).isText()) {
                unmapped.add(questionnaire.items().get(i).id());
            }
        }
        return unmapped;
    }

    /** Labels of columns that nothing uses. */
    public List<String> unusedColumns() {
        return columns.unused();
    }

    /** Why the run's respondent ids stayed in memory though there were many, if they did. */
    public Optional<String> idsWarning() {
        return seenIds.warning();
    }

    /** Mapping warnings: items, segments or the id column the file does not have. */
    public List<Problem> warnings() {
        return columns.warnings();
    }

    /** Bytes of the file read so far, or −1 when unknown (a workbook). */
    public long bytesRead() {
        long chunked = chunkBytesRead;
        return chunked >= 0 ? chunked : table.bytesRead();
    }

    /** Data rows read so far. */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Rows left out so far, by reason, the reasons in alphabetical order: fixed, whichever thread or row met
     * a reason first (README, "Reports").
     */
    public Map<String, Long> excluded() {
        return new TreeMap<>(main.excluded);
    }

    /** Unreadable answers found so far (at most {@value #MAX_PROBLEMS} kept; see {@link #problemCount()}). */
    public List<Problem> problems() {
        return List.copyOf(main.problems);
    }

    /**
     * Per numeric column whose codes do not fit its item's scale (a code that is neither a value, an alias nor a
     * not-applicable word), a warning with the file and column: the platform's recode values probably differ
     * from the scale, so the column's other codes may be mis-scored too.
     */
    public List<Problem> codeWarnings() {
        List<Problem> warnings = new ArrayList<>();
        main.foreignCodes.forEach((position, found) -> {
            Item item = questionnaire.items().get(position);
            int column = columns.items()[position];
            org.culturekit.model.Scale scale = questionnaire.scaleOf(item.id());
            List<String> shown = found.stream().map(String::valueOf).toList();
            warnings.add(new Problem(file, 1, column + 1, "column " + (column + 1) + " ("
                    + Excerpt.of(columns.columns().get(column).label()) + ", item '" + item.id() + "') has the code"
                    + (shown.size() == 1 ? " " : "s ") + String.join(", ", shown) + (found.size() >= MAX_FOREIGN_CODES
                    ? " and more" : "") + ", which scale '" + scale.id() + "' (" + scale.min() + " to " + scale.max()
                    + ") does not expect: the platform's recode values seem to differ from the scale, so its other "
                    + "codes may mean other answers too; check the question's recode values and map them with the "
                    + "scale's aliases", ""));
        });
        return warnings;
    }

    /**
     * The latest submit time among the rows scored so far, from the platform's timestamp column
     * ({@link Platform#timestampColumns()}), or why it is unknown.
     */
    public ResponseTimes.Latest latestResponse() {
        return main.times.latest(file);
    }

    /** How many unreadable answers were found, including those not kept. */
    public long problemCount() {
        return main.problemCount;
    }

    /**
     * When inspecting: per mapped item, each distinct answer as written and its count, in scale order, then
     * not-applicable words, blanks ({@code ""}) and answers that cannot be read (marked {@code (unreadable)}).
     */
    public Map<String, Map<String, Long>> answerCounts() {
        Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
        answerCounts.forEach((item, counts) -> {
            AnswerCodes code = codes[questionnaire.itemPosition(item)];
            List<String> answers = new ArrayList<>(counts.keySet());
            answers.sort(java.util.Comparator.comparingLong((String answer) -> order(code.read(answer)))
                    .thenComparing(answer -> answer));
            Map<String, Long> sorted = new LinkedHashMap<>();
            for (String answer : answers) {
                boolean unreadable = code.read(answer) == AnswerCodes.UNKNOWN;
                sorted.put(unreadable ? answer + " (unreadable)" : answer, counts.get(answer));
            }
            ordered.put(item, sorted);
        });
        return ordered;
    }

    private static long order(int value) {
        return switch (value) {
            case Response.NOT_APPLICABLE -> Long.MAX_VALUE - 2;
            case Response.MISSING -> Long.MAX_VALUE - 1;
            case AnswerCodes.UNKNOWN -> Long.MAX_VALUE;
            default -> value;
        };
    }

    /**
     * The rows as chunks to be read on several threads ({@link ChunkedRows}), or empty when they must be read in
     * order: only a UTF-8 text file not yet read can be cut, and never for {@code inspect}, whose answer counts
     * need the rows in order.
     */
    public Optional<ChunkedRows<?>> chunked() {
        if (!iterated && !options.inspecting() && table instanceof CsvTable csv && csv.layout() != null) {
            return Optional.of(new Chunked(csv.layout()));
        }
        return Optional.empty();
    }

    /** This export's side of the chunk protocol: it decodes each chunk's rows as {@link #iterator} does. */
    private final class Chunked implements ChunkedRows<CsvChunks.Piece> {
        private final CsvTable.Layout layout;

        Chunked(CsvTable.Layout layout) {
            this.layout = layout;
        }

        @Override
        public String file() {
            return file;
        }

        @Override
        public CsvChunks chunks(int chunkSize, ArrayDeque<byte[]> spare) throws IOException {
            if (iterated) {
                throw new IllegalStateException("a response file can be read once");
            }
            iterated = true;
            long[] start = CsvChunker.dataStart(layout, file, headerRows, options.columnLimit());
            chunkBytesRead = start[0];
            return new CsvChunks(new CsvChunker(layout.path(), file, start[0], start[1], layout.delimiter(),
                    options.fieldLimit(), chunkSize, spare));
        }

        @Override
        public void expectRows(long rows) {
            if (columns.respondentId() >= 0) {
                seenIds.reserve(rows);
            }
        }

        @Override
        public ReadAhead readAhead(CsvChunks.Piece chunk, Workspace workspace, Consumer<Row> out) {
            // the workspace's table is used only while the chunk is read: commit reads the ids the chunk kept
            workspace.chunkIds.clear();
            return read(chunk.chunk(), new Rows(null, workspace.chunkIds, true), out);
        }

        @Override
        public boolean commit(ReadAhead ahead, CsvChunks.Piece chunk) {
            Rows rows = (Rows) ahead;
            if (!rows.commitIds(seenIds)) {
                return false;
            }
            main.absorb(rows);
            passed(chunk.chunk());
            return true;
        }

        @Override
        public void readInOrder(CsvChunks.Piece chunk, Consumer<Row> out) {
            read(chunk.chunk(), main, out);
            passed(chunk.chunk());
        }

        private void passed(CsvChunker.Chunk chunk) {
            rowsRead = main.rows;
            chunkBytesRead = chunk.offset + chunk.length;
        }

        private Rows read(CsvChunker.Chunk chunk, Rows rows, Consumer<Row> out) {
            if (chunk.failure != null) {
                throw chunk.failure;
            }
            ChunkRecords records = new ChunkRecords(file, chunk.bytes, chunk.length, chunk.offset, chunk.firstLine,
                    layout.delimiter(), layout.byteOrderMark(), options.columnLimit());
            while (records.next()) {
                if (rows.convert(records)) {
                    out.accept(rows.row);
                }
            }
            return rows;
        }
    }

    @Override
    public Iterator<Response> iterator() {
        if (iterated) {
            throw new IllegalStateException("a response file can be read once");
        }
        iterated = true;
        return new Iterator<>() {
            private Response next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    Table.Row row = pending.isEmpty() ? table.next() : pending.poll();
                    if (row == null) {
                        return false;
                    }
                    try {
                        if (main.convert(new TableCells(widened(row.cells()), row.line()))) {
                            next = main.row.toResponse();
                        }
                    } finally {
                        rowsRead = main.rows;
                    }
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

    /**
     * A row to be scored, as the reader holds it while a sink takes it: a chunk's rows are handed over in one
     * reused {@code Row}, refilled for the next, so reading makes no objects per row. Read it during the call,
     * or copy it with {@link #toResponse()}. A comment longer than {@value #COMMENT_START} characters may be
     * held by its start only ({@link FreeText}) and decoded from the chunk when it is asked for.
     */
    public static final class Row implements FreeText {
        private final String file;
        long line;
        final int[] answers;
        final String[] segments;
        /** Per comment: its text, stripped, or null while only its start has been read. */
        final String[] comments;
        /** Per comment: its start, stripped; all of it when the text is there. */
        final String[] starts;
        /** Where a comment read only by its start is, while the sink takes the row. */
        private Cells cells;
        private int[] commentColumns;

        Row(String file, int items, int segments, int comments) {
            this.file = file;
            this.answers = new int[items];
            this.segments = new String[segments];
            this.comments = new String[comments];
            this.starts = new String[comments];
        }

        /** The row of a response read another way, for the same sinks. */
        public static Row of(Response response) {
            return new Row(response.source(), response.line(), response.answers(),
                    response.segments().toArray(String[]::new), response.comments().toArray(String[]::new));
        }

        private Row(String file, long line, int[] answers, String[] segments, String[] comments) {
            this.file = file;
            this.line = line;
            this.answers = answers;
            this.segments = segments;
            this.comments = comments;
            this.starts = comments;
        }

        /** Raw values by item position, as {@link Response#rawAnswer}: the reader's own array, not a copy. */
        public int[] answers() {
            return answers;
        }

        /** Group labels by segment position: the reader's own array, not a copy. */
        public String[] segments() {
            return segments;
        }

        /** Free text by comment position, each decoded now if it was not: the reader's own array, not a copy. */
        public String[] comments() {
            for (int c = 0; c < comments.length; c++) {
                text(c);
            }
            return comments;
        }

        @Override
        public String text(int c) {
            String text = comments[c];
            if (text == null) {
                text = cells.get(commentColumns[c]).strip();
                comments[c] = text;
                starts[c] = text;
            }
            return text;
        }

        @Override
        public String start(int c) {
            return starts[c];
        }

        @Override
        public boolean whole(int c) {
            return comments[c] != null;
        }

        /** The row as a {@link Response} of its own. */
        public Response toResponse() {
            return new Response(file, line, answers, List.of(segments), List.of(comments()));
        }
    }

    /** A table row as {@link Cells}. */
    private record TableCells(List<String> cells, long line) implements Cells {
        @Override
        public int size() {
            return cells.size();
        }

        @Override
        public String get(int column) {
            return cells.get(column);
        }

        @Override
        public List<String> all() {
            return cells;
        }
    }

    /**
     * Turns rows into responses, keeping its own tally of exclusions, unreadable answers and respondent ids:
     * one for the rows read in order, one for each chunk read ahead on another thread.
     */
    final class Rows implements Platform.Metadata, ChunkedRows.ReadAhead {
        final Map<String, Long> excluded = new LinkedHashMap<>();
        final List<Problem> problems = new ArrayList<>();
        final List<Rejection> rejected = new ArrayList<>();
        /** Per item position, the whole numbers found in its column that its scale does not know. */
        final Map<Integer, TreeSet<Integer>> foreignCodes = new TreeMap<>();
        /** The latest submit time of the rows scored. */
        final ResponseTimes times = new ResponseTimes();
        long problemCount;
        long rows;
        private final Consumer<Rejection> sink;
        private final RespondentIds seen;
        /** When reading ahead: the 128-bit hashes of the ids this chunk scored, in order. */
        private long[] ids;
        private int idCount;
        /** The hash of the row's respondent id, reused. */
        private final long[] hash = new long[2];
        /** The row being converted, for the platform's metadata look-ups ({@link #value}). */
        private Cells current;
        /** The messages of the row's unreadable answers, or null when it has none. */
        private List<String> cellProblems;
        /** The last row {@link #convert} scored, refilled by the next: no objects per row. */
        final Row row = new Row(file, questionnaire.items().size(), questionnaire.segments().size(),
                columns.comments().length);

        /** @param ahead whether this reads a chunk ahead of the merge: rejections and ids are kept */
        Rows(Consumer<Rejection> sink, RespondentIds seen, boolean ahead) {
            this.sink = ahead ? rejected::add : sink;
            this.seen = seen;
            this.ids = ahead ? new long[256] : null;
        }

        /** Reads the next row into {@link #row}: true if it is to be scored, false if it was left out. */
        boolean convert(Cells cells) {
            rows++;
            return fill(cells);
        }

        private boolean fill(Cells cells) {
            long line = cells.line();
            if (cells.size() != columns.columns().size()) {
                throw new InputException(new Problem(file, line, 0, "this row has " + cells.size()
                        + " fields but the header has " + columns.columns().size()
                        + "; check for an unquoted delimiter or a missing field", ""));
            }
            // this object answers the look-ups: no object per row, and no lambda class loaded mid-run
            current = cells;
            String platformReason = platform.exclusion(this);
            if (platformReason != null
                    && !(options.includePartial() && platformReason.equals(Platform.PARTIAL))) {
                return exclude(platformReason, cells, List.of(platformReason));
            }
            int[] answers = row.answers;
            int answered = 0;
            int unreadable = 0;
            cellProblems = null;
            int[] itemColumns = columns.items();
            boolean inspecting = options.inspecting();
            // a chunk's cells by their own class: a call the quick compiler can inline, 60 times a row
            ChunkRecords chunk = cells instanceof ChunkRecords records ? records : null;
            AnswerCodes[] codes = ResponseReader.this.codes;
            for (int i = 0; i < answers.length; i++) {
                answers[i] = Response.MISSING;
                int column = itemColumns[i];
                AnswerCodes code = codes[i];
                if (column < 0 || code == null) {
                    continue;
                }
                int digit = inspecting ? Cells.OTHER : chunk != null ? chunk.digit(column) : cells.digit(column);
                // one digit in range or a blank needs no text; one digit is never a platform's missing code
                int value = digit >= 0 ? code.digit(digit) : digit == Cells.EMPTY ? code.empty() : AnswerCodes.UNKNOWN;
                if (value == AnswerCodes.UNKNOWN) {
                    value = readText(cells, i, column);
                    if (value == AnswerCodes.UNKNOWN) {
                        unreadable++;
                        continue;
                    }
                }
                answers[i] = value;
                if (value != Response.MISSING) {
                    answered++;
                }
            }
            int[] commentColumns = columns.comments();
            for (int c = 0; c < commentColumns.length; c++) {
                int column = commentColumns[c];
                // a long comment is read by its start for now: most are only counted, and never decoded whole
                String start = column < 0 || chunk == null ? null : chunk.asciiStart(column, COMMENT_START);
                if (start != null) {
                    row.comments[c] = null;
                    row.starts[c] = start;
                    answered++;
                } else {
                    String text = column < 0 ? "" : cells.get(column).strip();
                    row.comments[c] = text;
                    row.starts[c] = text;
                    if (!text.isEmpty()) {
                        answered++;
                    }
                }
            }
            row.cells = cells;
            row.commentColumns = commentColumns;
            if (answered == 0) {
                return exclude(unreadable > 0 ? "unparseable: no answer could be read" : "empty: no answers", cells,
                        cellProblems == null ? List.of("no answers") : cellProblems);
            }
            boolean hasId = columns.respondentId() >= 0 && cells.idHash(columns.respondentId(), hash);
            if (hasId && !addId(hash[0], hash[1])) {
                excluded.merge("duplicate respondent id", 1L, Long::sum);
                sink.accept(new Rejection(file, cells.line(), List.of("duplicate respondent id"), cells.all(),
                        new Rejection.Duplicate(hash[0], (int) hash[1], answersHash(answers))));
                return false;
            }
            if (hasId && scoredIds != null) {
                scoredIds.scored(hash[0], (int) hash[1], line, answersHash(answers));
            }
            if (cellProblems != null) {
                sink.accept(new Rejection(file, line, cellProblems, cells.all()));
            }
            List<Segment> segments = questionnaire.segments();
            for (int s = 0; s < segments.size(); s++) {
                int column = columns.segments()[s];
                String value = column < 0 ? "" : cells.get(column).strip();
                row.segments[s] = segments.get(s).values().getOrDefault(value, value);
            }
            if (timeColumn >= 0) {
                times.add(cells.get(timeColumn), line);
            }
            row.line = line;
            return true;
        }

        /**
         * The value of item {@code i}'s cell in {@code column} that is more than one digit or a blank: a label, an
         * alias, a platform's missing code (read as missing), or {@link AnswerCodes#UNKNOWN}, which is counted and
         * kept in {@link #cellProblems}.
         */
        private int readText(Cells cells, int i, int column) {
            String cell = cells.get(column);
            if (platform.isMissingCode(cell)) {
                return Response.MISSING;
            }
            int value = codes[i].read(cell);
            Item item = questionnaire.items().get(i);
            if (options.inspecting()) {
                count(item.id(), cell);
            }
            if (value == AnswerCodes.UNKNOWN) {
                if (codes[i].isForeignCode(cell)) {
                    TreeSet<Integer> seen = foreignCodes.computeIfAbsent(i, k -> new TreeSet<>());
                    if (seen.size() < MAX_FOREIGN_CODES) {
                        seen.add(Integer.parseInt(cell.strip()));
                    }
                }
                Problem problem = new Problem(file, cells.line(), column + 1, "item '" + item.id() + "': "
                        + Excerpt.of(cell.strip()) + " is not an answer on scale '" + item.scale()
                        + "'; read as missing. Expected " + codes[i].expected() + ", or add it to the "
                        + "scale's aliases", "");
                problem(problem);
                if (cellProblems == null) {
                    cellProblems = new ArrayList<>();
                }
                cellProblems.add(problem.message());
            }
            return value;
        }

        @Override
        public String value(String... headers) {
            return metadata(current, headers);
        }

        private boolean addId(long high, long low) {
            if (!seen.add(high, low)) {
                return false;
            }
            if (ids != null) {
                if (idCount + 2 > ids.length) {
                    ids = Arrays.copyOf(ids, ids.length * 2);
                }
                ids[idCount++] = high;
                ids[idCount++] = low;
            }
            return true;
        }

        private boolean exclude(String reason, Cells cells, List<String> reasons) {
            excluded.merge(reason, 1L, Long::sum);
            sink.accept(new Rejection(file, cells.line(), reasons, cells.all()));
            return false;
        }

        private void problem(Problem problem) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }

        /** Whether none of the ids this chunk scored was seen before it in the run; if so they are added. */
        boolean commitIds(RespondentIds run) {
            return run.addAll(ids, idCount);
        }

        /** Adds a chunk's tallies, read ahead, to these, and hands on its rejections in order. */
        void absorb(Rows chunk) {
            chunk.excluded.forEach((reason, count) -> excluded.merge(reason, count, Long::sum));
            for (Problem problem : chunk.problems) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(problem);
                }
            }
            problemCount += chunk.problemCount;
            times.merge(chunk.times);
            chunk.foreignCodes.forEach((item, found) -> {
                TreeSet<Integer> seen = foreignCodes.computeIfAbsent(item, k -> new TreeSet<>());
                for (Integer code : found) {
                    if (seen.size() < MAX_FOREIGN_CODES) {
                        seen.add(code);
                    }
                }
            });
            rows += chunk.rows;
            chunk.rejected.forEach(sink);
        }
    }

    /** A spreadsheet row that stops before its last empty cells, given them back. */
    private List<String> widened(List<String> cells) {
        if (cells.size() >= columns.columns().size() || !table.omitsTrailingEmptyCells()) {
            return cells;
        }
        List<String> padded = new ArrayList<>(cells);
        while (padded.size() < columns.columns().size()) {
            padded.add("");
        }
        return padded;
    }

    private String metadata(Cells cells, String... headers) {
        for (String header : headers) {
            Integer column = metadataColumns.get(Platform.key(header));
            if (column != null && column < cells.size()) {
                return cells.get(column);
            }
        }
        return null;
    }

    private void count(String item, String cell) {
        Map<String, Long> counts = answerCounts.get(item);
        if (counts != null && (counts.containsKey(cell.strip()) || counts.size() < MAX_DISTINCT)) {
            counts.merge(cell.strip(), 1L, Long::sum);
        }
    }

    @Override
    public void close() {
        table.close();
        if (ownedIds != null) {
            ownedIds.close();
        }
    }
}
