package org.culturekit.questionnaire;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
import org.culturekit.input.Excerpt;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.questionnaire.Node.ScalarType;

/**
 * Streams one YAML or JSON document into a located {@link Node} tree within the limits of docs/questionnaires.md,
 * stopping at the first syntax error, exceeded limit, YAML anchor or YAML alias. YAML is read as YAML 1.2 by
 * {@link YamlDocument}; JSON by Jackson, here.
 *
 * <p>Jackson's streaming parser is used rather than data binding because binding stops at the first wrong
 * value, while {@code validate} must list them all; the tree keeps each value's position for that.
 */
final class DocumentParser {
    static final long MAX_DOCUMENT_LENGTH = 10L * 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_LENGTH = 1024 * 1024;
    static final int MAX_NAME_LENGTH = 1024;
    static final int MAX_NUMBER_LENGTH = 100;
    static final long MAX_TOKEN_COUNT = 1_000_000;
    /** Not a Jackson limit: see {@link LongLineRefusingReader}. Longer text fits in a block scalar ({@code |}). */
    static final int MAX_YAML_LINE_LENGTH = 64 * 1024;
    private static final int MAX_PATH_LENGTH = 80;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxTokenCount(MAX_TOKEN_COUNT)
            .build();

    // Jackson then quotes at most this much of a bad token in its messages.
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

    private static final Pattern LIMIT_SOURCE = Pattern.compile("from `StreamReadConstraints\\.getM(ax\\w+)\\(\\)`");
    private static final Pattern JACKSON_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final String file;
    private final JsonParser parser;

    private DocumentParser(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
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
        try {
            skipByteOrderMark(reader);
            if (format == QuestionnaireReader.Format.YAML) {
                // The YAML reader loads on first use: a run that reads only JSON never loads SnakeYAML Engine.
                return YamlDocument.parse(file, reader);
            }
            try (JsonParser parser = JSON.createParser(reader)) {
                return new DocumentParser(file, parser).document();
            }
        } catch (IOException e) {
            throw new InputException(file, readFailure(e));
        }
    }

    /**
     * Writes the YAML document {@code yaml}, read exactly as {@link #parse} reads YAML, to {@code json} so that
     * the JSON parses to the same tree: how the bundled questionnaires are shipped.
     *
     * @throws InputException if the YAML is not well-formed or exceeds a limit
     */
    static void yamlToJson(String name, Reader yaml, Writer json) throws IOException {
        Node root = YamlDocument.parse(name, yaml);
        try (JsonGenerator generator = JSON.createGenerator(json)) {
            write(root, generator);
        }
    }

    private static void write(Node node, JsonGenerator generator) throws IOException {
        if (node instanceof Node.MapNode map) {
            generator.writeStartObject();
            for (Node.Entry entry : map.entries().values()) {
                generator.writeFieldName(entry.key());
                write(entry.value(), generator);
            }
            generator.writeEndObject();
        } else if (node instanceof Node.ListNode list) {
            generator.writeStartArray();
            for (Node element : list.elements()) {
                write(element, generator);
            }
            generator.writeEndArray();
        } else if (node instanceof Node.ScalarNode scalar) {
            switch (scalar.type()) {
                case STRING -> generator.writeString(scalar.text());
                // As written where JSON can say it so (1.0 stays 1.0), else by value (0o10 becomes 8).
                case INTEGER -> {
                    if (JSON_NUMBER.matcher(scalar.text()).matches()) {
                        generator.writeNumber(scalar.text());
                    } else {
                        generator.writeNumber(scalar.integer());
                    }
                }
                case DECIMAL -> {
                    if (JSON_NUMBER.matcher(scalar.text()).matches()) {
                        generator.writeNumber(scalar.text());
                    } else if (Double.isFinite(scalar.decimal())) {
                        generator.writeNumber(scalar.decimal());
                    } else {
                        throw new IOException(scalar.path() + ": JSON has no " + scalar.text());
                    }
                }
                case BOOLEAN -> generator.writeBoolean(Boolean.parseBoolean(scalar.text()));
                case NULL -> generator.writeNull();
            }
        }
    }

    /** Skips a leading U+FEFF, which YAML allows but Jackson's JSON parser refuses. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    static String readFailure(IOException e) {
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
        return innermost(segments.stream().map(segment -> "/" + segment).collect(Collectors.joining()));
    }

    /** {@code path} or, if it is long, its innermost part: unknown keys may nest deep, each one echoed input. */
    static String innermost(String path) {
        return path.length() <= MAX_PATH_LENGTH ? path : "…" + path.substring(path.length() - MAX_PATH_LENGTH + 1);
    }

    private InputException failure(JsonLocation where, String message) {
        return new InputException(located(where, message));
    }

    /** The problem that a failed read or parse amounts to. */
    private Problem problem(IOException e) {
        JsonLocation where = e instanceof JsonProcessingException processing && processing.getLocation() != null
                ? processing.getLocation()
                : parser.currentLocation();
        return located(where, message(e));
    }

    private static String message(IOException e) {
        StreamConstraintsException limit = causeOf(e, StreamConstraintsException.class);
        if (causeOf(e, CharacterCodingException.class) != null || !(e instanceof JsonProcessingException)) {
            return readFailure(e);
        } else if (limit != null) {
            String text = String.valueOf(limit.getOriginalMessage());
            return limitMessage(LIMIT_SOURCE.matcher(text).replaceFirst("limit m$1"));
        }
        return jacksonMessage(((JsonProcessingException) e).getOriginalMessage());
    }

    static String limitMessage(String text) {
        return text + "; shorten or simplify the file";
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

    static <T extends Throwable> T causeOf(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** {@code key} as one JSON-pointer segment (RFC 6901), shortened like any echoed input. */
    static String segment(String key) {
        return Problems.shorten(key).replace("~", "~0").replace("/", "~1");
    }
}
