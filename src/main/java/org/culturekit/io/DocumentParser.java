package org.culturekit.io;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.culturekit.io.Node.ScalarType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Streams one YAML or JSON document into a located {@link Node} tree within the limits of SECURITY.md §3,
 * stopping at the first syntax error, exceeded limit, YAML anchor or YAML alias.
 *
 * <p>Jackson's streaming parser is used rather than data binding because binding stops at the first wrong
 * value, while {@code validate} must list them all; the tree keeps each value's position for that.
 */
final class DocumentParser {
    private static final long MAX_DOCUMENT_LENGTH = 10L * 1024 * 1024;
    private static final int MAX_NESTING_DEPTH = 64;
    private static final int MAX_STRING_LENGTH = 1024 * 1024;
    private static final int MAX_NAME_LENGTH = 1024;
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final long MAX_TOKEN_COUNT = 1_000_000;
    /** Not a Jackson limit: see {@link LongLineRefusingReader}. Longer text fits in a block scalar ({@code |}). */
    private static final int MAX_YAML_LINE_LENGTH = 64 * 1024;
    private static final int MAX_PATH_LENGTH = 80;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxTokenCount(MAX_TOKEN_COUNT)
            .build();

    // Jackson then quotes at most this much of a bad token in its messages (R-JSON-7).
    private static final ErrorReportConfiguration ERROR_REPORTS = ErrorReportConfiguration.builder()
            .maxErrorTokenLength(Problems.ECHO_LENGTH)
            .maxRawContentLength(0)
            .build();

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            .errorReportConfiguration(ERROR_REPORTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** The YAML reader, made on first use: a run that reads only JSON never loads SnakeYAML. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new AnchorRefusingYamlFactory(YAMLFactory.builder()
                .loaderOptions(loaderOptions())
                // Yes, No, On, Off, Y and N stay text; only true and false are booleans.
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                // `key:` with nothing after it means "left out", as in YAML itself (the builder leaves this off)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .streamReadConstraints(LIMITS)
                .errorReportConfiguration(ERROR_REPORTS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE));

        private Yaml() {}
    }

    private static final Pattern LIMIT_SOURCE = Pattern.compile("from `StreamReadConstraints\\.getM(ax\\w+)\\(\\)`");
    private static final Pattern JACKSON_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'");

    private final String file;
    private final JsonParser parser;

    private DocumentParser(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) MAX_DOCUMENT_LENGTH);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /**
     * The document that {@code in} holds as UTF-8; {@code in} is left open.
     *
     * @throws InputException with one problem if the document is not well-formed or exceeds a limit
     */
    static Node parse(String file, InputStream in, QuestionnaireReader.Format format) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        boolean yaml = format == QuestionnaireReader.Format.YAML;
        try {
            skipByteOrderMark(reader);
            try (JsonParser parser = yaml
                    ? Yaml.FACTORY.createParser(new LongLineRefusingReader(reader, MAX_YAML_LINE_LENGTH))
                    : JSON.createParser(reader)) {
                return new DocumentParser(file, parser).document();
            }
        } catch (IOException e) {
            throw new InputException(file, readFailure(e));
        }
    }

    /**
     * Copies the YAML document {@code yaml} to {@code json} token by token, read exactly as {@link #parse}
     * reads YAML, so that the JSON parses to the same tree: how the bundled questionnaires are shipped.
     */
    static void yamlToJson(Reader yaml, Writer json) throws IOException {
        try (JsonParser parser = Yaml.FACTORY.createParser(yaml);
                com.fasterxml.jackson.core.JsonGenerator generator = JSON.createGenerator(json)) {
            parser.nextToken();
            generator.copyCurrentStructure(parser);
        }
    }

    /** Skips a leading U+FEFF, which SnakeYAML ignores by itself but Jackson's JSON parser refuses. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static String readFailure(IOException e) {
        if (causeOf(e, CharacterCodingException.class) != null) {
            return "the file is not valid UTF-8; save it with UTF-8 encoding";
        }
        return "cannot read the file (" + Problems.shorten(String.valueOf(e.getMessage())) + ")";
    }

    private Node document() {
        try {
            if (parser.nextToken() == null) {
                throw new InputException(file, "the file is empty; a questionnaire needs at least id, title and items");
            }
            Node root = value("");
            if (parser.nextToken() != null) {
                throw failure(parser.currentTokenLocation(), "unexpected content after the end of the document;"
                        + " a questionnaire file holds exactly one document");
            }
            return root;
        } catch (IOException e) {
            throw new InputException(problem(e));
        }
    }

    /** The value that starts at the current token. */
    private Node value(String at) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        long line = start.getLineNr();
        long column = start.getColumnNr();
        return switch (parser.currentToken()) {
            case START_OBJECT -> new Node.MapNode(line, column, at, entries(at));
            case START_ARRAY -> new Node.ListNode(line, column, at, elements(at));
            case VALUE_STRING -> {
                // Jackson's YAML parser leaves string and number lengths unchecked.
                checkLength("String value length", parser.getText().length(), MAX_STRING_LENGTH, "maxStringLength");
                yield scalar(line, column, at, ScalarType.STRING, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                checkLength("Number value length", parser.getText().length(), MAX_NUMBER_LENGTH, "maxNumberLength");
                yield new Node.ScalarNode(line, column, at, ScalarType.INTEGER, parser.getText(),
                        parser.getBigIntegerValue(), Double.NaN);
            }
            case VALUE_NUMBER_FLOAT -> {
                checkLength("Number value length", parser.getText().length(), MAX_NUMBER_LENGTH, "maxNumberLength");
                yield new Node.ScalarNode(line, column, at, ScalarType.DECIMAL, parser.getText(), null,
                        parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> scalar(line, column, at, ScalarType.BOOLEAN, parser.getText());
            case VALUE_NULL -> scalar(line, column, at, ScalarType.NULL, "");
            // For example a YAML !!binary scalar, which Jackson hands over as an embedded object.
            default -> throw failure(start, "unsupported kind of value; write text, numbers, lists or mappings");
        };
    }

    private Map<String, Node.Entry> entries(String at) throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation keyStart = parser.currentTokenLocation();
            String key = parser.currentName();
            // Jackson checks this for JSON and SnakeYAML for plain keys; YAML explicit keys ("? key") get past both.
            checkLength("Name length", key.length(), MAX_NAME_LENGTH, "maxNameLength");
            parser.nextToken();
            Node value = value(at + "/" + segment(key));
            entries.put(key, new Node.Entry(key, keyStart.getLineNr(), keyStart.getColumnNr(), value));
        }
        return entries;
    }

    private List<Node> elements(String at) throws IOException {
        List<Node> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(value(at + "/" + elements.size()));
        }
        return elements;
    }

    private static Node scalar(long line, long column, String path, ScalarType type, String text) {
        return new Node.ScalarNode(line, column, path, type, text, null, Double.NaN);
    }

    private void checkLength(String what, long length, long max, String limit) {
        if (length > max) {
            throw failure(parser.currentTokenLocation(), limitMessage(String.format(Locale.ROOT,
                    "%s (%d) exceeds the maximum allowed (%d, limit %s)", what, length, max, limit)));
        }
    }

    private Problem located(JsonLocation where, String message) {
        return new Problem(file, where.getLineNr(), where.getColumnNr(), message, contextPath());
    }

    /** The JSON pointer of where the parser is, from its own record of the enclosing mappings and lists. */
    private String contextPath() {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                segments.addFirst(String.valueOf(context.getCurrentIndex()));
            } else if (context.getCurrentName() != null) {
                segments.addFirst(segment(context.getCurrentName()));
            }
        }
        String path = segments.stream().map(segment -> "/" + segment).collect(Collectors.joining());
        // Unknown keys may nest deep here, each one echoed input; keep the innermost part.
        return path.length() <= MAX_PATH_LENGTH ? path : "…" + path.substring(path.length() - MAX_PATH_LENGTH + 1);
    }

    private InputException failure(JsonLocation where, String message) {
        return new InputException(located(where, message));
    }

    /** The problem that a failed read or parse amounts to. */
    private Problem problem(IOException e) {
        // Parsers wrap what went wrong underneath, so look down the cause chain.
        LongLineRefusingReader.LineTooLong longLine = causeOf(e, LongLineRefusingReader.LineTooLong.class);
        if (longLine != null) {
            return new Problem(file, longLine.line, longLine.maxLineLength + 1L, "YAML line length exceeds the"
                    + " maximum allowed (" + longLine.maxLineLength + "); break the line, for example with a block"
                    + " scalar (|) for long text", "");
        }
        MarkedYAMLException yaml = causeOf(e, MarkedYAMLException.class);
        Mark mark = yaml == null ? null : yaml.getProblemMark() != null ? yaml.getProblemMark() : yaml.getContextMark();
        if (mark != null) {
            return new Problem(file, mark.getLine() + 1L, mark.getColumn() + 1L, message(e), contextPath());
        }
        JsonLocation where = e instanceof JsonProcessingException processing && processing.getLocation() != null
                ? processing.getLocation()
                : parser.currentLocation();
        return located(where, message(e));
    }

    private static String message(IOException e) {
        StreamConstraintsException limit = causeOf(e, StreamConstraintsException.class);
        MarkedYAMLException yaml = causeOf(e, MarkedYAMLException.class);
        if (causeOf(e, CharacterCodingException.class) != null || !(e instanceof JsonProcessingException)) {
            return readFailure(e);
        } else if (limit != null) {
            String text = String.valueOf(limit.getOriginalMessage());
            return limitMessage(LIMIT_SOURCE.matcher(text).replaceFirst("limit m$1"));
        } else if (e instanceof AnchorRefusingYamlFactory.RefusedAnchor refused) {
            return refused.getOriginalMessage();
        } else if (yaml != null) {
            return yamlMessage(yaml);
        }
        return jacksonMessage(((JsonProcessingException) e).getOriginalMessage());
    }

    private static String limitMessage(String text) {
        return text + "; shorten or simplify the file";
    }

    /**
     * SnakeYAML's own message carries a snippet of the input, so only its short problem and context phrases
     * are used, capped so that a quoted tag or character adds little.
     */
    private static String yamlMessage(MarkedYAMLException yaml) {
        String message = "YAML syntax error: " + cap(String.valueOf(yaml.getProblem()), 80);
        return yaml.getContext() == null ? message : message + " (" + cap(yaml.getContext(), 40) + ")";
    }

    /** Jackson's message without its location suffix, with every quoted token shortened. */
    private static String jacksonMessage(String original) {
        String text = String.valueOf(original).lines().findFirst().orElse("malformed document");
        if (text.startsWith("Duplicate field '")) {
            return "duplicate key " + Problems.quote(text.substring(17, text.length() - 1))
                    + "; a key may appear only once in a mapping";
        }
        text = JACKSON_LOCATION.matcher(text).replaceAll("line $1, column $2");
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder shortened = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(shortened, Matcher.quoteReplacement(Problems.quote(quoted.group(1))));
        }
        quoted.appendTail(shortened);
        return "syntax error: " + cap(shortened.toString(), 160);
    }

    /** {@code text} cut to {@code max} characters, with control characters (SnakeYAML quotes raw ones) visible. */
    private static String cap(String text, int max) {
        return Excerpt.shortened(text, max);
    }

    private static <T extends Throwable> T causeOf(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** {@code key} as one JSON-pointer segment (RFC 6901), shortened like any echoed input. */
    private static String segment(String key) {
        return Problems.shorten(key).replace("~", "~0").replace("/", "~1");
    }
}
