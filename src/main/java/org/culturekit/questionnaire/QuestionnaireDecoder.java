package org.culturekit.questionnaire;

import static org.culturekit.questionnaire.Problems.quote;
import static org.culturekit.questionnaire.Problems.shorten;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.culturekit.input.InputException;
import org.culturekit.model.Action;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Reporting;
import org.culturekit.model.SayDoPair;
import org.culturekit.model.Scale;
import org.culturekit.model.Segment;

/**
 * Turns a parsed questionnaire document into a {@link Questionnaire}, checking it against docs/questionnaires.md and
 * collecting every problem instead of stopping at the first.
 *
 * <p>Sections are read in file-format order (scales, items, then what refers to items), so each reference is
 * checked as soon as it is read. Model records are built even from faulty sections, with placeholders, so
 * that later sections can still be checked; the questionnaire itself is built only when nothing was wrong.
 */
final class QuestionnaireDecoder {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    static final String ID_RULE = "letters, digits, '_', '.' and '-'";
    private static final Pattern QUESTIONNAIRE_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    // the keys each part may have come from the shipped JSON Schema, so editors and the loader agree
    private static final List<String> KEYS = QuestionnaireSchema.keys("");
    private static final List<String> ITEM_KEYS = QuestionnaireSchema.keys("item");
    private static final List<String> INDEX_KEYS = QuestionnaireSchema.keys("index");
    private static final List<String> BAND_KEYS = QuestionnaireSchema.keys("band");
    private static final List<String> ACTION_KEYS = QuestionnaireSchema.keys("action");
    private static final List<String> SAY_DO_KEYS = QuestionnaireSchema.keys("sayDoPair");
    private static final List<String> SEGMENT_KEYS = QuestionnaireSchema.keys("segment");
    private static final List<String> REPORTING_KEYS = QuestionnaireSchema.keys("reporting");

    private final Problems problems;
    /** Every declared scale id, in file order, whether or not the scale itself is valid. */
    private final Set<String> scaleIds = new LinkedHashSet<>();
    /** The scales with a usable range, in file order. */
    private final Map<String, Scale> scales = new LinkedHashMap<>();
    /** The first item of each id, in file order. */
    private final Map<String, Item> items = new LinkedHashMap<>();
    // Items, indices, say-do pairs and segments are separate namespaces; ids are unique within each.
    private final Map<String, Node> itemIds = new HashMap<>();
    private final Map<String, Node> indexIds = new HashMap<>();
    private final Map<String, Node> pairIds = new HashMap<>();
    private final Map<String, Node> segmentIds = new HashMap<>();

    private QuestionnaireDecoder(Problems problems) {
        this.problems = problems;
    }

    /**
     * The questionnaire that {@code root} describes.
     *
     * @throws InputException with every problem found, in document order
     */
    /** The questionnaire if {@code root} describes a valid one, every problem, and advice on a valid file. */
    static QuestionnaireReader.Validation validate(String file, Node root) {
        QuestionnaireDecoder decoder = new QuestionnaireDecoder(new Problems(file));
        Questionnaire questionnaire = decoder.questionnaire(root);
        return new QuestionnaireReader.Validation(Optional.ofNullable(questionnaire), decoder.problems.sorted(),
                questionnaire == null ? List.of() : decoder.problems.warnings());
    }

    /** The questionnaire, or null if any problem was found. */
    private Questionnaire questionnaire(Node root) {
        Fields top = Fields.of(root, "a questionnaire", KEYS, problems);
        Optional<String> id = top.id("id", QUESTIONNAIRE_ID, "lower-case letters, digits and '-'");
        Optional<String> title = top.requiredString("title");
        String version = top.string("version").orElse("1");
        String language = top.string("language").orElse("en");
        if (!LANGUAGE.matcher(language).matches()) {
            top.problem("language", "'language' must be a language tag such as en or de-CH");
        }
        ScaleDecoder scaleDecoder = new ScaleDecoder(problems);
        for (Node.Entry entry : top.mapping("scales").orElse(List.of())) {
            scaleIds.add(entry.key());
            scaleDecoder.decode(entry).ifPresent(scale -> scales.put(scale.id(), scale));
        }
        List<Item> itemList = items(top);
        if (scaleIds.isEmpty() && itemList.stream().anyMatch(item -> !item.isText())) {
            if (top.has("scales")) {
                top.problem("scales", "'scales' is empty; define the answer scales that the items use");
            } else {
                top.required("scales");
            }
        }
        List<Index> indices = top.list("indices").orElse(List.of()).stream()
                .map(this::index).flatMap(Optional::stream).toList();
        List<SayDoPair> sayDo = top.list("sayDo").orElse(List.of()).stream()
                .map(this::sayDo).flatMap(Optional::stream).toList();
        Optional<String> enps = enps(top);
        List<Segment> segments = top.list("segments").orElse(List.of()).stream()
                .map(this::segment).flatMap(Optional::stream).toList();
        Optional<String> respondentId = top.string("respondentId");
        List<String> comments = comments(top);
        Reporting reporting = reporting(top);
        if (problems.count() > 0) {
            return null;
        }
        return new Questionnaire(id.orElseThrow(), title.orElseThrow(), version, language,
                List.copyOf(scales.values()), itemList, indices, sayDo, enps, segments, respondentId, comments,
                reporting);
    }

    private List<Item> items(Fields top) {
        List<Item> list = new ArrayList<>();
        for (Node node : top.requiredList("items")) {
            Fields item = Fields.of(node, "an item", ITEM_KEYS, problems);
            Optional<String> id = uniqueId(item, itemIds, "item");
            Optional<String> text = item.requiredString("text");
            Optional<String> scale = item.requiredString("scale");
            boolean isText = scale.filter(Scale.TEXT::equals).isPresent();
            // With no scales at all, one problem about 'scales' says it better than one per item.
            if (scale.isPresent() && !isText && !scaleIds.isEmpty() && !scaleIds.contains(scale.get())) {
                item.problem("scale", "scale " + quote(scale.get()) + " is not defined under 'scales'"
                        + Fields.suggestion(scale.get(), scaleIds).orElse(""));
            }
            boolean reverse = item.bool("reverse").orElse(false);
            if (reverse && isText) {
                item.problem("reverse", "a free-text item cannot be reversed; remove 'reverse'");
            }
            List<String> columns = item.strings("columns");
            if (id.isPresent()) {
                Item built = new Item(id.get(), text.orElse(""), scale.orElse(""), reverse, columns);
                items.put(built.id(), built);
                list.add(built);
            }
        }
        return list;
    }

    private Optional<Index> index(Node node) {
        Fields index = Fields.of(node, "an index", INDEX_KEYS, problems);
        Optional<String> id = uniqueId(index, indexIds, "index");
        Optional<String> name = index.requiredString("name");
        List<String> members = new ArrayList<>();
        int reversed = 0;
        String firstScale = null;
        for (Node element : index.requiredList("items")) {
            Optional<Item> item = scoredItem(index, element, "item");
            if (item.isEmpty()) {
                continue;
            }
            reversed += item.get().reverse() ? 1 : 0;
            String scale = item.get().scale();
            if (members.contains(item.get().id())) {
                problems.at(element, "item " + quote(item.get().id()) + " is listed twice in this index");
                continue;
            }
            if (firstScale != null && !firstScale.equals(scale)) {
                problems.at(element, "index " + quote(id.orElse("")) + " mixes scales " + shorten(firstScale)
                        + " and " + shorten(scale) + "; put only items of one scale in an index");
            }
            members.add(item.get().id());
            firstScale = firstScale == null ? scale : firstScale;
        }
        adviseOnItems(index, id.orElse(""), members.size(), reversed);
        List<Band> bands = bands(index);
        List<Action> actions = actions(index, bands);
        return id.map(i -> new Index(i, name.orElse(""), members, bands, actions));
    }

    /** Checks an index's make-up: a lone reversed item is a mistake; too few or no reversed items are advice. */
    private void adviseOnItems(Fields index, String id, int size, int reversed) {
        if (size == 1 && reversed == 1) {
            index.problem("items", "index " + quote(id) + " has a single item and it is reverse-keyed, so the "
                    + "index scores the opposite of what its item says; add items or remove 'reverse' from it");
        } else if (size > 0 && size < 3) {
            problems.warnAt(index.node(), "index " + quote(id) + " has " + size + (size == 1 ? " item" : " items")
                    + "; three or more make its score dependable and let its reliability (alpha) be estimated");
        }
        if (size >= 2 && reversed == 0) {
            problems.warnAt(index.node(), "index " + quote(id) + " has no reverse-worded item; one or two (with "
                    + "'reverse: true') catch people who agree with every statement");
        }
    }

    private List<Band> bands(Fields index) {
        List<Node> nodes = index.list("bands").orElse(List.of());
        List<Band> bands = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nodes.size(); i++) {
            Fields band = Fields.of(nodes.get(i), "a band", BAND_KEYS, problems);
            Optional<String> label = band.requiredString("label");
            Optional<Double> below = band.number("below");
            boolean last = i == nodes.size() - 1;
            if (last && band.has("below")) {
                band.problem("below", "the last band is open-ended; remove its 'below'");
            } else if (!last && !band.has("below") && band.isMapping()) {
                problems.at(band.node(), "only the last band may leave out 'below'; add the score it ends below");
            }
            if (below.isPresent() && !last) {
                double value = below.get();
                if (value <= 0 || value > 100) {
                    band.problem("below", "'below' is a score from 0 to 100; " + decimal(value) + " is outside");
                } else if (value <= previous) {
                    band.problem("below", "'below' must increase from band to band; " + decimal(value)
                            + " does not exceed " + decimal(previous));
                }
                previous = Math.max(previous, value);
            }
            if (label.isPresent() && !labels.add(label.get())) {
                band.problem("label", "band label " + quote(label.get()) + " is used twice in this index");
            }
            OptionalDouble limit = last ? OptionalDouble.empty() : OptionalDouble.of(below.orElse(Double.NaN));
            bands.add(new Band(limit, label.orElse("")));
        }
        return bands;
    }

    private List<Action> actions(Fields index, List<Band> bands) {
        List<String> labels = bands.stream().map(Band::label).toList();
        List<Action> actions = new ArrayList<>();
        for (Node node : index.list("actions").orElse(List.of())) {
            Fields action = Fields.of(node, "an action", ACTION_KEYS, problems);
            Optional<String> band = action.requiredString("band");
            Optional<String> text = action.requiredString("text");
            if (band.isPresent() && !labels.contains(band.get())) {
                action.problem("band", labels.isEmpty()
                        ? "this index has no bands; add 'bands' or remove its actions"
                        : "band " + quote(band.get()) + " is not a band of this index"
                                + Fields.suggestion(band.get(), labels).orElse("; use one of its band labels"));
            }
            actions.add(new Action(band.orElse(""), text.orElse("")));
        }
        return actions;
    }

    private Optional<SayDoPair> sayDo(Node node) {
        Fields pair = Fields.of(node, "a say-do pair", SAY_DO_KEYS, problems);
        Optional<String> id = uniqueId(pair, pairIds, "say-do pair");
        Optional<String> name = pair.requiredString("name");
        Optional<Item> say = pair.required("say").flatMap(value -> scoredItem(pair, value, "say item"));
        Optional<Item> act = pair.required("do").flatMap(value -> scoredItem(pair, value, "do item"));
        if (say.isPresent() && act.isPresent()) {
            // by id, which names one item: a record's equals costs a method-handle bootstrap at start-up
            if (say.get().id().equals(act.get().id())) {
                pair.problem("do", "'say' and 'do' name the same item; 'do' needs the item on what leaders do");
            } else if (!say.get().scale().equals(act.get().scale())) {
                pair.problem("do", "say item " + quote(say.get().id()) + " is on " + shorten(say.get().scale())
                        + " but do item " + quote(act.get().id()) + " is on " + shorten(act.get().scale())
                        + "; pair items of one scale");
            }
        }
        return id.map(i -> new SayDoPair(i, name.orElse(""), say.map(Item::id).orElse(""),
                act.map(Item::id).orElse("")));
    }

    private Optional<String> enps(Fields top) {
        Optional<Item> item = top.get("enps").flatMap(value -> scoredItem(top, value, "'enps' item"));
        Scale scale = item.map(i -> scales.get(i.scale())).orElse(null);
        if (scale != null && (scale.min() != 0 || scale.max() != 10)) {
            top.problem("enps", "eNPS item " + quote(item.get().id()) + " is on scale " + shorten(scale.id())
                    + " (" + scale.min() + " to " + scale.max() + "); it needs a scale from 0 to 10");
        }
        return item.map(Item::id);
    }

    private Optional<Segment> segment(Node node) {
        Fields segment = Fields.of(node, "a segment", SEGMENT_KEYS, problems);
        Optional<String> id = uniqueId(segment, segmentIds, "segment");
        List<String> columns = columns(segment);
        List<String> leader = segment.strings("leader");
        Map<String, String> values = new LinkedHashMap<>();
        for (Node.Entry entry : segment.mapping("values").orElse(List.of())) {
            segment.text(entry.value(), "the group label of " + quote(entry.key()))
                    .ifPresent(label -> values.put(entry.key(), label));
        }
        return id.map(i -> new Segment(i, columns, leader, values));
    }

    /** A segment's column names: one under 'column', or several under 'columns'. */
    private static List<String> columns(Fields segment) {
        if (segment.has("column") && segment.has("columns")) {
            segment.problem("columns", "give either 'column' or 'columns', not both");
            return List.of();
        }
        return segment.has("columns")
                ? segment.requiredStrings("columns")
                : segment.requiredString("column").stream().toList();
    }

    private List<String> comments(Fields top) {
        List<String> comments = new ArrayList<>();
        for (Node node : top.list("comments").orElse(List.of())) {
            Optional<Item> item = item(top, node, "comment item");
            if (item.isEmpty()) {
                continue;
            }
            if (!item.get().isText()) {
                problems.at(node, "comment item " + quote(item.get().id()) + " is not a free-text item; give it"
                        + " 'scale: text' or leave it out of 'comments'");
            } else if (comments.contains(item.get().id())) {
                problems.at(node, "comment item " + quote(item.get().id()) + " is listed twice");
            }
            comments.add(item.get().id());
        }
        return comments;
    }

    private Reporting reporting(Fields top) {
        Optional<Node> node = top.get("reporting");
        if (node.isEmpty()) {
            return Reporting.DEFAULT;
        }
        Fields reporting = Fields.of(node.get(), "'reporting'", REPORTING_KEYS, problems);
        int minGroupSize = reporting.integer("minGroupSize").orElse(Reporting.DEFAULT.minGroupSize());
        // A stricter score threshold raises the default comment threshold with it, rather than clashing.
        int minCommentGroupSize = reporting.integer("minCommentGroupSize")
                .orElse(Math.max(Reporting.DEFAULT.minCommentGroupSize(), minGroupSize));
        if (minGroupSize < Reporting.FLOOR) {
            reporting.problem("minGroupSize", "'minGroupSize' must be at least " + Reporting.FLOOR
                    + ", so that no figure describes fewer than " + Reporting.FLOOR + " people");
            return Reporting.DEFAULT;
        }
        if (minCommentGroupSize < minGroupSize) {
            reporting.problem("minCommentGroupSize", "'minCommentGroupSize' (" + minCommentGroupSize
                    + ") must be at least 'minGroupSize' (" + minGroupSize + ")");
            return Reporting.DEFAULT;
        }
        int minResponseRate = reporting.integer("minResponseRate").orElse(Reporting.DEFAULT_MIN_RESPONSE_RATE);
        if (minResponseRate < 0 || minResponseRate > 100) {
            reporting.problem("minResponseRate", "'minResponseRate' (" + minResponseRate + ") is a percentage: "
                    + "write a whole number from 0 to 100 (0 flags no group)");
            return Reporting.DEFAULT;
        }
        return new Reporting(minGroupSize, minCommentGroupSize, minResponseRate);
    }

    /** The item that {@code node} names, reporting a problem if there is none. */
    private Optional<Item> item(Fields owner, Node node, String what) {
        return owner.text(node, what).flatMap(id -> {
            Item item = items.get(id);
            if (item == null) {
                problems.at(node, what + " " + quote(id) + " is not defined under 'items'"
                        + Fields.suggestion(id, items.keySet()).orElse(""));
            }
            return Optional.ofNullable(item);
        });
    }

    /** The item that {@code node} names, which must be answered on a scale rather than in free text. */
    private Optional<Item> scoredItem(Fields owner, Node node, String what) {
        return item(owner, node, what).filter(item -> {
            if (item.isText()) {
                problems.at(node, what + " " + quote(item.id()) + " is a free-text item; name an item with a"
                        + " scale");
            }
            return !item.isText();
        });
    }

    /** The id of {@code owner}, unless it breaks the id rule or an earlier one of its kind has it. */
    private Optional<String> uniqueId(Fields owner, Map<String, Node> seen, String kind) {
        return owner.id("id", ID, ID_RULE).filter(id -> {
            Node at = owner.get("id").orElseThrow();
            Node first = seen.putIfAbsent(id, at);
            if (first != null) {
                problems.at(at, "duplicate " + kind + " id " + quote(id) + "; it is already used on line "
                        + first.line());
            }
            return first == null;
        });
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
