package org.culturekit.questionnaire;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.culturekit.input.Excerpt;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.questionnaire.Node.ScalarType;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads one YAML 1.2 document into a located {@link Node} tree within the limits of docs/questionnaires.md, stopping
 * at the first syntax error, exceeded limit, repeated key, YAML anchor or YAML alias.
 *
 * <p>YAML 1.2 is what editors check (the VS Code YAML extension, for one): {@code text: Anything else?} in a
 * flow mapping is valid there, {@code 010} is ten and only {@code true} and {@code false} are booleans. Jackson's
 * YAML module reads YAML 1.1 only, so SnakeYAML Engine's parser reads the file here. Only its parser is used:
 * the tree is built from the parser's events, so no tag ever instantiates anything, and every limit, the
 * repeated-key check and the anchor refusal happen here, where the value stands. Plain scalars are typed by
 * the YAML 1.2 core schema (YAML 1.2.2 §10.3.2).
 */
final class YamlDocument {
    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setCodePointLimit((int) DocumentParser.MAX_DOCUMENT_LENGTH)
            .setAllowDuplicateKeys(false)
            .setParseComments(false)
            .setUseMarks(true)
            .setLabel("questionnaire")
            .build();

    // The YAML 1.2 core schema, written out rather than taken from the library, so that what is a number,
    // a boolean or empty is visible here.
    private static final Pattern NULL = Pattern.compile("|~|null|Null|NULL");
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL_INTEGER = Pattern.compile("0o[0-7]+");
    private static final Pattern HEXADECIMAL_INTEGER = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("\\.(nan|NaN|NAN)");

    private final String file;
    private final Parser parser;
    /** Where the reading is, innermost last: for the path of a problem, as Jackson reports its context. */
    private final Deque<Frame> frames = new ArrayDeque<>();
    private long tokens;
    /** The start of the last event read, where a problem without a mark of its own is placed. */
    private Mark last;

    private YamlDocument(String file, Reader reader) {
        this.file = file;
        this.parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, reader));
    }

    /** One mapping or list being read: a list's index so far, or a mapping's latest key. */
    private static final class Frame {
        final boolean list;
        int index = -1;
        String key;

        Frame(boolean list) {
            this.list = list;
        }

        String segment() {
            return list ? String.valueOf(Math.max(index, 0)) : key == null ? null : DocumentParser.segment(key);
        }
    }

    /** An error found here, placed at a mark of the parser's. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final transient Problem problem;

        Refused(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * The document that {@code reader} holds, already past any byte-order mark.
     *
     * @throws InputException with one problem if the document is not well-formed or exceeds a limit
     */
    static Node parse(String file, Reader reader) {
        LongLineRefusingReader lines = new LongLineRefusingReader(reader, DocumentParser.MAX_YAML_LINE_LENGTH,
                DocumentParser.MAX_DOCUMENT_LENGTH);
        return new YamlDocument(file, lines).document();
    }

    private Node document() {
        try {
            next(); // stream start
            Event first = next();
            if (first.getEventId() == Event.ID.StreamEnd) {
                throw new InputException(file, "the file is empty; a questionnaire needs at least id, title and items");
            }
            // first is the document start
            Node root = value(next(), "");
            next(); // document end
            Event after = next();
            if (after.getEventId() != Event.ID.StreamEnd) {
                throw refuse(after.getStartMark(), "unexpected content after the end of the document;"
                        + " a questionnaire file holds exactly one document");
            }
            return root;
        } catch (Refused e) {
            throw new InputException(e.problem);
        } catch (YamlEngineException e) {
            throw new InputException(problem(e));
        }
    }

    private Event next() {
        Event event = parser.next();
        last = event.getStartMark().orElse(last);
        return event;
    }

    /** The value that {@code event} starts. */
    private Node value(Event event, String at) {
        Mark start = event.getStartMark().orElseThrow();
        if (event instanceof AliasEvent) {
            throw refuse(start, "YAML aliases (*name) are not allowed; write the value out in full");
        }
        if (event instanceof NodeEvent node && node.getAnchor().map(Anchor::getValue).isPresent()) {
            throw refuse(start, "YAML anchors (&name) are not allowed; remove the anchor and write repeated"
                    + " values out in full");
        }
        count(start);
        long line = start.getLine() + 1L;
        long column = start.getColumn() + 1L;
        if (event instanceof MappingStartEvent mapping) {
            checkTag(mapping.getTag(), Tag.MAP, start);
            return new Node.MapNode(line, column, at, entries(at, start));
        } else if (event instanceof SequenceStartEvent sequence) {
            checkTag(sequence.getTag(), Tag.SEQ, start);
            return new Node.ListNode(line, column, at, elements(at, start));
        } else if (event instanceof ScalarEvent scalar) {
            return scalar(scalar, line, column, at);
        }
        throw refuse(start, "unsupported kind of value; write text, numbers, lists or mappings");
    }

    private Map<String, Node.Entry> entries(String at, Mark start) {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        enter(new Frame(false), start);
        for (Event event = next(); event.getEventId() != Event.ID.MappingEnd; event = next()) {
            Mark keyStart = event.getStartMark().orElseThrow();
            if (event instanceof AliasEvent || event instanceof NodeEvent node && node.getAnchor().isPresent()) {
                value(event, at); // refuses it where it stands
            }
            if (!(event instanceof ScalarEvent key)) {
                throw refuse(keyStart, "a key must be text, not a list or mapping");
            }
            count(keyStart);
            String name = key.getValue();
            frames.getLast().key = name;
            checkLength("Name length", name.length(), DocumentParser.MAX_NAME_LENGTH, "maxNameLength", keyStart);
            if (entries.containsKey(name)) {
                throw refuse(keyStart, "duplicate key " + Problems.quote(name)
                        + "; a key may appear only once in a mapping");
            }
            Node value = value(next(), at + "/" + DocumentParser.segment(name));
            entries.put(name, new Node.Entry(name, keyStart.getLine() + 1L, keyStart.getColumn() + 1L, value));
        }
        // Not in a finally block: a problem thrown from inside is placed by the frames as they were.
        frames.removeLast();
        count(last);
        return entries;
    }

    private List<Node> elements(String at, Mark start) {
        List<Node> elements = new ArrayList<>();
        enter(new Frame(true), start);
        for (Event event = next(); event.getEventId() != Event.ID.SequenceEnd; event = next()) {
            frames.getLast().index = elements.size();
            elements.add(value(event, at + "/" + elements.size()));
        }
        // Not in a finally block: a problem thrown from inside is placed by the frames as they were.
        frames.removeLast();
        count(last);
        return elements;
    }

    private void enter(Frame frame, Mark start) {
        if (frames.size() >= DocumentParser.MAX_NESTING_DEPTH) {
            throw refuse(Optional.of(start), limit(String.format(Locale.ROOT,
                    "Document nesting depth (%d) exceeds the maximum allowed (%d, limit maxNestingDepth)",
                    frames.size() + 1, DocumentParser.MAX_NESTING_DEPTH)));
        }
        frames.addLast(frame);
    }

    /** Counts one token, as Jackson counts them for its limit: each key, value, start and end. */
    private void count(Mark at) {
        if (++tokens > DocumentParser.MAX_TOKEN_COUNT) {
            throw refuse(Optional.ofNullable(at), limit(String.format(Locale.ROOT,
                    "Token count (%d) exceeds the maximum allowed (%d, limit maxTokenCount)",
                    tokens, DocumentParser.MAX_TOKEN_COUNT)));
        }
    }

    private Node scalar(ScalarEvent scalar, long line, long column, String at) {
        Mark start = scalar.getStartMark().orElseThrow();
        String text = scalar.getValue();
        Optional<String> tag = scalar.getTag();
        // Quoted and block scalars, and those tagged ! or !!str, are text; plain ones are typed by the schema.
        boolean typed = tag.isPresent() ? !tag.get().equals("!") && !tag.get().equals(Tag.STR.getValue())
                : scalar.isPlain();
        ScalarType type = typed ? type(text) : ScalarType.STRING;
        if (tag.isPresent() && typed && !tag.get().equals(tagOf(type))) {
            // for example !!binary, or a local tag such as !thing
            throw refuse(start, "unsupported kind of value; write text, numbers, lists or mappings");
        }
        return switch (type) {
            case STRING -> {
                checkLength("String value length", text.length(), DocumentParser.MAX_STRING_LENGTH,
                        "maxStringLength", start);
                yield new Node.ScalarNode(line, column, at, type, text, null, Double.NaN);
            }
            case INTEGER -> {
                checkLength("Number value length", text.length(), DocumentParser.MAX_NUMBER_LENGTH,
                        "maxNumberLength", start);
                yield new Node.ScalarNode(line, column, at, type, text, integer(text), Double.NaN);
            }
            case DECIMAL -> {
                checkLength("Number value length", text.length(), DocumentParser.MAX_NUMBER_LENGTH,
                        "maxNumberLength", start);
                yield new Node.ScalarNode(line, column, at, type, text, null, decimal(text));
            }
            case BOOLEAN -> new Node.ScalarNode(line, column, at, type, text.toLowerCase(Locale.ROOT), null,
                    Double.NaN);
            case NULL -> new Node.ScalarNode(line, column, at, type, "", null, Double.NaN);
        };
    }

    /** What the YAML 1.2 core schema makes of a plain scalar. */
    static ScalarType type(String plain) {
        if (NULL.matcher(plain).matches()) {
            return ScalarType.NULL;
        } else if (BOOLEAN.matcher(plain).matches()) {
            return ScalarType.BOOLEAN;
        } else if (DECIMAL_INTEGER.matcher(plain).matches() || OCTAL_INTEGER.matcher(plain).matches()
                || HEXADECIMAL_INTEGER.matcher(plain).matches()) {
            return ScalarType.INTEGER;
        } else if (FLOAT.matcher(plain).matches() || INFINITY.matcher(plain).matches()
                || NOT_A_NUMBER.matcher(plain).matches()) {
            return ScalarType.DECIMAL;
        }
        return ScalarType.STRING;
    }

    private static String tagOf(ScalarType type) {
        return switch (type) {
            case STRING -> Tag.STR.getValue();
            case INTEGER -> Tag.INT.getValue();
            case DECIMAL -> Tag.FLOAT.getValue();
            case BOOLEAN -> Tag.BOOL.getValue();
            case NULL -> Tag.NULL.getValue();
        };
    }

    private static BigInteger integer(String text) {
        if (text.startsWith("0o")) {
            return new BigInteger(text.substring(2), 8);
        } else if (text.startsWith("0x")) {
            return new BigInteger(text.substring(2), 16);
        }
        return new BigInteger(text);
    }

    private static double decimal(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else if (lower.equals(".nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }

    private void checkTag(Optional<String> tag, Tag expected, Mark start) {
        if (tag.isPresent() && !tag.get().equals("!") && !tag.get().equals(expected.getValue())) {
            throw refuse(start, "unsupported kind of value; write text, numbers, lists or mappings");
        }
    }

    private void checkLength(String what, long length, long max, String limit, Mark at) {
        if (length > max) {
            throw refuse(Optional.of(at), limit(String.format(Locale.ROOT,
                    "%s (%d) exceeds the maximum allowed (%d, limit %s)", what, length, max, limit)));
        }
    }

    private static String limit(String text) {
        return DocumentParser.limitMessage(text);
    }

    private Refused refuse(Mark at, String message) {
        return refuse(Optional.of(at), message);
    }

    private Refused refuse(Optional<Mark> at, String message) {
        return new Refused(located(at.orElse(last), message));
    }

    private Problem located(Mark at, String message) {
        return at == null
                ? new Problem(file, 0, 0, message, contextPath())
                : new Problem(file, at.getLine() + 1L, at.getColumn() + 1L, message, contextPath());
    }

    /** The JSON pointer of where the reading is, shortened to its innermost part as {@link DocumentParser} does. */
    private String contextPath() {
        String path = frames.stream().map(Frame::segment).filter(segment -> segment != null)
                .map(segment -> "/" + segment).collect(Collectors.joining());
        return DocumentParser.innermost(path);
    }

    /** The problem that a parser error amounts to. */
    private Problem problem(YamlEngineException e) {
        LongLineRefusingReader.TooLong tooLong = DocumentParser.causeOf(e, LongLineRefusingReader.TooLong.class);
        if (tooLong != null) {
            return tooLong.problem(file);
        }
        IOException io = DocumentParser.causeOf(e, IOException.class);
        if (io != null) {
            return new Problem(file, 0, 0, DocumentParser.readFailure(io), "");
        }
        if (e instanceof MarkedYamlEngineException marked) {
            Mark mark = marked.getProblemMark().or(marked::getContextMark).orElse(last);
            String message = "YAML syntax error: " + Excerpt.shortened(String.valueOf(marked.getProblem()), 80);
            if (marked.getContext() != null) {
                message += " (" + Excerpt.shortened(marked.getContext(), 40) + ")";
            }
            return located(mark, message);
        }
        if (e instanceof ReaderException reader) {
            return located(last, String.format(Locale.ROOT, "YAML syntax error: the character U+%04X is not allowed"
                    + " in YAML; remove it", reader.getCodePoint()));
        }
        // The engine's own length limit, should it fire before ours.
        if (String.valueOf(e.getMessage()).contains("code points")) {
            return located(last, limit(String.format(Locale.ROOT,
                    "Document length exceeds the maximum allowed (%d, limit maxDocumentLength)",
                    DocumentParser.MAX_DOCUMENT_LENGTH)));
        }
        return located(last, "YAML syntax error: " + Excerpt.shortened(String.valueOf(e.getMessage()), 80));
    }
}
