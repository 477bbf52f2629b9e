package org.culturekit.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The survey platforms whose exports culturekit reads, each with its header layout, its metadata columns and
 * the rows it marks as partial or as tests (see docs/exports.md).
 */
public enum Platform {
    /** One header row of names or question texts. */
    GENERIC("generic") {
        @Override
        boolean recognises(List<List<String>> top) {
            return true;
        }
    },

    /** Three header rows (export tag, question text, ImportId JSON), or two in the legacy layout (V1…). */
    QUALTRICS("qualtrics") {
        @Override
        boolean recognises(List<List<String>> top) {
            return isCurrentQualtrics(top) || isLegacyQualtrics(top);
        }

        @Override
        int headerRows(List<List<String>> top) {
            return isCurrentQualtrics(top) ? 3 : 2;
        }

        @Override
        List<Column> columns(List<List<String>> header) {
            List<Column> columns = new ArrayList<>();
            boolean current = header.size() == 3;
            for (int c = 0; c < width(header); c++) {
                String code = cell(header, 0, c);
                String text = cell(header, 1, c);
                List<String> names = new ArrayList<>(List.of(code, text));
                if (current) {
                    names.add(importId(cell(header, 2, c)));
                }
                columns.add(new Column(c, current ? code : text, names));
            }
            return columns;
        }

        @Override
        List<String> idColumns() {
            return List.of("ResponseId", "ResponseID", "_recordId", "Response ID");
        }

        @Override
        List<String> timestampColumns() {
            return List.of("EndDate", "End Date", "RecordedDate", "Recorded Date");
        }

        @Override
        String exclusion(Metadata row) {
            String status = row.value("Status", "Response Type");
            if (status != null) {
                switch (status.strip().toLowerCase(Locale.ROOT)) {
                    case "survey preview", "1", "survey test", "2" -> {
                        return PREVIEW;
                    }
                    case "spam", "8" -> {
                        return "flagged as spam by the platform";
                    }
                    default -> { }
                }
            }
            String finished = row.value("Finished");
            if (finished != null && Set.of("false", "0").contains(finished.strip().toLowerCase(Locale.ROOT))) {
                return PARTIAL;
            }
            return null;
        }

        @Override
        boolean isMissingCode(String cell) {
            // Qualtrics' "seen but unanswered" recode
            return cell.strip().equals("-99");
        }
    },

    /**
     * Two header rows: question text over the first column of each question, sub-labels below. The metadata names
     * are in row 1, or in row 2 under blank row-1 cells (files re-saved by other tools); an export without them
     * still shows SurveyMonkey's {@code Response} / {@code Open-Ended Response} sub-labels under a blank first cell.
     */
    SURVEYMONKEY("surveymonkey") {
        @Override
        boolean recognises(List<List<String>> top) {
            if (top.size() < 2) {
                return false;
            }
            List<String> first = top.get(0);
            List<String> second = top.get(1);
            if (hasAny(first, "Respondent ID", "RespondentID") && hasAny(first, "Collector ID", "CollectorID")) {
                return true;
            }
            boolean blankStart = first.isEmpty() || clean(first.get(0)).isEmpty();
            return blankStart && (hasAny(second, "Respondent ID", "RespondentID")
                    && hasAny(second, "Collector ID", "CollectorID", "Start Date", "StartDate")
                    || hasAny(second, "Response", "Open-Ended Response"));
        }

        @Override
        int headerRows(List<List<String>> top) {
            return 2;
        }

        @Override
        List<Column> columns(List<List<String>> header) {
            List<Column> columns = new ArrayList<>();
            String question = "";
            for (int c = 0; c < width(header); c++) {
                String above = cell(header, 0, c);
                String below = clean(cell(header, 1, c));
                if (!above.isBlank()) {
                    question = above;
                } else if (question.isEmpty()) {
                    // metadata named in row 2 only, before the first question
                    columns.add(new Column(c, below, List.of(below)));
                    continue;
                }
                boolean single = below.isBlank() || below.equalsIgnoreCase("Response")
                        || below.equalsIgnoreCase("Open-Ended Response");
                if (!above.isBlank() && single) {
                    columns.add(new Column(c, above, List.of(above)));
                } else {
                    String combined = question + " [" + below + "]";
                    columns.add(new Column(c, combined, List.of(combined)));
                }
            }
            return columns;
        }

        @Override
        List<String> idColumns() {
            return List.of("Respondent ID", "RespondentID");
        }

        @Override
        List<String> timestampColumns() {
            return List.of("End Date", "EndDate");
        }
    },

    /** One header row: Timestamp, then question titles; grids as {@code Question [Row]}. */
    GOOGLE_FORMS("google-forms") {
        @Override
        boolean recognises(List<List<String>> top) {
            return !top.isEmpty() && !top.get(0).isEmpty() && TIMESTAMPS.contains(key(top.get(0).get(0)));
        }

        @Override
        List<String> timestampColumns() {
            return TIMESTAMP_NAMES;
        }
    },

    /** One header row (the native .xlsx or a CSV re-save): ID, Start time, Completion time, then questions. */
    MS_FORMS("ms-forms") {
        @Override
        boolean recognises(List<List<String>> top) {
            return !top.isEmpty() && hasAny(top.get(0), "ID") && hasAny(top.get(0), "Start time")
                    && hasAny(top.get(0), "Completion time");
        }

        @Override
        List<String> idColumns() {
            return List.of("ID");
        }

        @Override
        List<String> timestampColumns() {
            return List.of("Completion time");
        }
    },

    /**
     * One header row, usually {@code ;}-separated; codes like {@code Q[SQ001]} or full texts. Full-text headings
     * name the metadata {@code Response ID}, {@code Date submitted}, {@code Last page}, {@code Start language}…;
     * older versions and trimmed exports lack some of them, so any two that only LimeSurvey writes will do.
     */
    LIMESURVEY("limesurvey") {
        @Override
        boolean recognises(List<List<String>> top) {
            if (top.isEmpty()) {
                return false;
            }
            List<String> row = top.get(0);
            if (hasAny(row, "submitdate") && hasAny(row, "lastpage", "startlanguage")) {
                return true;
            }
            // Alchemer also writes "Response ID" and "Date Submitted"; "Start language" and "Last page" are
            // LimeSurvey's own
            boolean submitted = hasAny(row, "Date submitted", "Response ID");
            return submitted && hasAny(row, "Last page", "Start language", "Date last action")
                    && !hasAny(row, "Time Started");
        }

        @Override
        List<String> idColumns() {
            return List.of("id", "Response ID");
        }

        @Override
        List<String> timestampColumns() {
            return List.of("submitdate", "Date submitted");
        }

        @Override
        String exclusion(Metadata row) {
            String submitted = row.value("submitdate", "Date submitted");
            return submitted != null && submitted.isBlank() ? PARTIAL : null;
        }
    },

    /**
     * One header row: {@code #} (the response token), the question titles, then {@code Start Date (UTC)},
     * {@code Submit Date (UTC)} and {@code Network ID}. A response that was started but not submitted (Typeform's
     * "partial" and "started" response types) has no submit date.
     */
    TYPEFORM("typeform") {
        @Override
        boolean recognises(List<List<String>> top) {
            return !top.isEmpty() && !top.get(0).isEmpty() && clean(top.get(0).get(0)).equals("#")
                    && hasAny(top.get(0), "Submit Date (UTC)", "Start Date (UTC)", "Network ID");
        }

        @Override
        List<String> idColumns() {
            return List.of("#");
        }

        @Override
        List<String> timestampColumns() {
            return List.of("Submit Date (UTC)");
        }

        @Override
        String exclusion(Metadata row) {
            String type = row.value("Response Type");
            if (type != null && Set.of("partial", "started").contains(type.strip().toLowerCase(Locale.ROOT))) {
                return PARTIAL;
            }
            String submitted = row.value("Submit Date (UTC)");
            return submitted != null && submitted.isBlank() ? PARTIAL : null;
        }
    },

    /** One header row with Time Started, Date Submitted, Status; sub-fields as {@code Sub:Question}. */
    ALCHEMER("alchemer") {
        @Override
        boolean recognises(List<List<String>> top) {
            return !top.isEmpty() && hasAny(top.get(0), "Time Started") && hasAny(top.get(0), "Date Submitted")
                    && hasAny(top.get(0), "Status");
        }

        @Override
        List<String> idColumns() {
            return List.of("Response ID");
        }

        @Override
        List<String> timestampColumns() {
            return List.of("Date Submitted");
        }

        @Override
        String exclusion(Metadata row) {
            String status = row.value("Status");
            if (status == null) {
                return null;
            }
            return switch (status.strip().toLowerCase(Locale.ROOT)) {
                case "partial" -> PARTIAL;
                case "test" -> PREVIEW;
                case "disqualified" -> "disqualified by the platform";
                case "deleted" -> "deleted on the platform";
                default -> null;
            };
        }
    };

    /** The exclusion reason of responses the platform marks as unfinished. */
    public static final String PARTIAL = "partial response";

    /** The exclusion reason of survey previews and test responses. */
    public static final String PREVIEW = "survey preview or test";

    /** Google Sheets' name of the Timestamp column, in the languages seen. */
    private static final List<String> TIMESTAMP_NAMES = List.of("timestamp", "zeitstempel", "horodateur",
            "marca temporal", "tijdstempel", "tidstämpel", "informazioni cronologiche", "carimbo de data/hora");
    private static final Set<String> TIMESTAMPS = Set.copyOf(TIMESTAMP_NAMES);

    private final String id;

    Platform(String id) {
        this.id = id;
    }

    /** The name used with {@code --source}. */
    public String id() {
        return id;
    }

    /** The platform with this {@code --source} name, if any. */
    public static Platform of(String id) {
        for (Platform platform : values()) {
            if (platform.id.equalsIgnoreCase(id.strip())) {
                return platform;
            }
        }
        return null;
    }

    /** Every {@code --source} name, for messages. */
    public static String sourceNames() {
        List<String> names = new ArrayList<>();
        for (Platform platform : values()) {
            names.add(platform.id);
        }
        return String.join(", ", names);
    }

    /** The platform whose layout the first rows show; {@link #GENERIC} when none does. */
    static Platform detect(List<List<String>> top) {
        for (Platform platform : values()) {
            if (platform != GENERIC && platform.recognises(top)) {
                return platform;
            }
        }
        return GENERIC;
    }

    abstract boolean recognises(List<List<String>> top);

    /** How many of the first rows are header rows. */
    int headerRows(List<List<String>> top) {
        return 1;
    }

    /** The columns described by the header rows, each with the names it may be matched by. */
    List<Column> columns(List<List<String>> header) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width(header); c++) {
            String name = cell(header, 0, c);
            columns.add(new Column(c, name, List.of(name)));
        }
        return columns;
    }

    /** Columns that hold the platform's own respondent id, best first. */
    List<String> idColumns() {
        return List.of();
    }

    /**
     * Columns that hold when a response was submitted, best first: {@link ResponseTimes} reads the latest, for
     * the date of a report.
     */
    List<String> timestampColumns() {
        return List.of();
    }

    /** Why the platform's metadata excludes this row (partial, preview…), or null to score it. */
    String exclusion(Metadata row) {
        return null;
    }

    /** Whether a cell holds a platform code for "no answer" rather than an answer. */
    boolean isMissingCode(String cell) {
        return false;
    }

    /**
     * One column of an export.
     *
     * @param index 0-based position
     * @param label how to show it to the user
     * @param names what it may be matched by, best first (codes, ids, question text)
     */
    record Column(int index, String label, List<String> names, List<String> lastParagraphs) {
        Column {
            label = clean(label);
            names = names.stream().map(Platform::clean).filter(n -> !n.isEmpty()).distinct().toList();
            lastParagraphs = lastParagraphs.stream().map(Platform::clean).filter(n -> !n.isEmpty()).distinct()
                    .toList();
        }

        /**
         * A column with these names; of a name that spans lines (a question text after an intro paragraph, as
         * Qualtrics and Microsoft Forms write it), the text after its last line break may be matched too.
         */
        Column(int index, String label, List<String> names) {
            this(index, label, names, lastParagraphs(names));
        }

        private static List<String> lastParagraphs(List<String> names) {
            List<String> paragraphs = new ArrayList<>();
            for (String name : names) {
                String text = name.strip();
                int lineBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
                if (lineBreak > 0) {
                    paragraphs.add(text.substring(lineBreak + 1));
                }
            }
            return paragraphs;
        }
    }

    /** A data row's metadata cells, looked up by header name. */
    interface Metadata {
        /** The cell under the first of {@code headers} the file has, or null if it has none. */
        String value(String... headers);
    }

    // ---- shared helpers ----

    private static boolean isCurrentQualtrics(List<List<String>> top) {
        if (top.size() < 3 || !hasAny(top.get(0), "StartDate", "ResponseId", "Status")) {
            return false;
        }
        for (String cell : top.get(2)) {
            String stripped = cell.strip();
            if (stripped.startsWith("{\"ImportId\"") || stripped.startsWith("{'ImportId'")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLegacyQualtrics(List<List<String>> top) {
        return top.size() >= 2 && !top.get(0).isEmpty() && top.get(0).get(0).strip().equals("V1")
                && hasAny(top.get(1), "ResponseID");
    }

    /** {@code QID3_1} out of {@code {"ImportId":"QID3_1"}} or {@code {'ImportId': 'QID3-1'}}. */
    static String importId(String json) {
        int key = json.indexOf("ImportId");
        if (key < 0) {
            return "";
        }
        int colon = json.indexOf(':', key);
        int start = colon < 0 ? -1 : indexOfQuote(json, colon + 1);
        int end = start < 0 ? -1 : indexOfQuote(json, start + 1);
        return end < 0 ? "" : json.substring(start + 1, end);
    }

    private static int indexOfQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasAny(List<String> row, String... names) {
        for (String cell : row) {
            String k = key(cell);
            for (String name : names) {
                if (k.equals(key(name))) {
                    return true;
                }
            }
        }
        return false;
    }

    static int width(List<List<String>> rows) {
        int width = 0;
        for (List<String> row : rows) {
            width = Math.max(width, row.size());
        }
        return width;
    }

    static String cell(List<List<String>> rows, int row, int column) {
        return row < rows.size() && column < rows.get(row).size() ? rows.get(row).get(column) : "";
    }

    /**
     * Header text as a person reads it: markup such as {@code <br>} and control characters (SurveyMonkey
     * puts NULs in its second row) become spaces, non-breaking spaces become spaces, runs fold, ends trim.
     */
    static String clean(String text) {
        String noTags = text.indexOf('<') < 0 ? text : text.replaceAll("<[^<>]{0,40}>", " ");
        StringBuilder cleaned = new StringBuilder(noTags.length());
        boolean space = false;
        for (int i = 0; i < noTags.length(); i++) {
            char c = noTags.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20 || c == 0xfeff;
            if (blank) {
                space = cleaned.length() > 0;
            } else {
                if (space) {
                    cleaned.append(' ');
                    space = false;
                }
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    /** The comparison key of a name or answer: cleaned, lower-cased, typographic apostrophes made plain. */
    static String key(String text) {
        return clean(text).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
