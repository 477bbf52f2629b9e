package org.culturekit.report;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.culturekit.model.Hierarchy;
import org.culturekit.scoring.Changes;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Results.Cell;
import org.culturekit.scoring.Results.Group;
import org.culturekit.scoring.Results.GroupIndex;
import org.culturekit.scoring.Units;

/**
 * Writes {@link Results} as {@code results.json} with exactly the keys of docs/statistics.md, in that order, and reads
 * such a file back; both through Jackson databind, from the records themselves.
 *
 * <ul>
 *   <li>Numbers are raw doubles; undefined ones are {@code null}, never NaN.
 *   <li>A withheld {@link Cell} is written as {@code "suppressed": true} and nothing else, in its record's object
 *       after the record's identity ({@link Withholdable}); a withheld group is its value and
 *       {@code "suppressed": true} ({@link Withholding}).
 *   <li>{@code scoring} knows nothing of JSON: the names, order and omissions are mix-ins here.
 * </ul>
 */
public final class ResultsJson {
    private ResultsJson() {}

    /**
     * The whole file: the results, the changes since a baseline when there is one, and the gates breached.
     *
     * @param results what was scored
     * @param changes the changes since the baseline, or null (then there is no key)
     * @param gatesBreached the CI gates breached
     * @param unit the unit a unit's report is of ({@code --per-unit}), or null (then there is no key)
     */
    private record Document(
            @JsonUnwrapped Results results,
            @JsonInclude(JsonInclude.Include.NON_NULL) Changes changes,
            List<String> gatesBreached,
            @JsonInclude(JsonInclude.Include.NON_NULL) UnitDocument unit) {}

    /**
     * The {@code "unit"} object of a unit's {@code results.json} (docs/statistics.md).
     *
     * @param id the unit's name
     * @param parent its parent's name, or null for the root
     * @param leader its leader's display name, or null
     * @param children its child units, in the tree's order
     * @param comparisons the unit against the rest of its parent and of the organisation; empty for the root
     */
    private record UnitDocument(String id, String parent, String leader, List<Child> children,
            List<Comparison> comparisons) {}

    /** @param id a child unit's name @param report whether it has a report of its own */
    private record Child(String id, boolean report) {}

    /**
     * @param against {@code parent} or {@code organisation}
     * @param with the parent's name, or null for the organisation
     * @param indices per index, in questionnaire order, with the keys of a group's index
     */
    private record Comparison(String against, String with, List<GroupIndex> indices) {}

    /**
     * The one line of {@code report --summary}.
     *
     * @param wave the wave label, or null
     * @param read data rows read
     * @param scored rows scored
     * @param score100 each index's score on 0–100, in questionnaire order
     * @param sayDoGap the overall say-do gap, or null
     * @param enps the eNPS, or null
     * @param gatesBreached the CI gates breached
     * @param date the report's date (YYYY-MM-DD), as in results.json, or null; last, so that the keys scripts
     *     already read keep their places
     * @param responseRate the overall response rate, percent of those invited, where the report shows it
     *     ({@code --invited}); after the date, and absent otherwise, so that every line without it is as it was
     */
    private record Summary(String wave, long read, long scored, Map<String, Double> score100, Double sayDoGap,
            Double enps, List<String> gatesBreached, String date,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double responseRate) {}

    // ---- the format, as mix-ins: scoring's records stay free of Jackson ----

    private abstract static class ResultsFormat {
        @JsonInclude(JsonInclude.Include.NON_EMPTY) // only with --outcomes: every other results.json stays as it was
        abstract List<Results.Outcome> outcomes();
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    private abstract static class RowsFormat {
        @JsonInclude(JsonInclude.Include.NON_EMPTY) // only when there are some: fully mapped results stay as they were
        abstract List<String> unmappedItems();

        @JsonSetter(nulls = Nulls.AS_EMPTY)
        abstract List<Results.Exclusion> excluded();
    }

    /**
     * A record of identity fields and one {@link Cell}: the cell's figures, or {@code "suppressed": true}, stand
     * in the record's own object, after the fields declared before it.
     */
    private abstract static class Withholdable {
        @JsonUnwrapped
        abstract Cell<?> figures();
    }

    /** The overall say-do gap has no say and do means, and no keys for them. */
    private abstract static class GapFiguresFormat {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Double sayMean();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Double doMean();
    }

    @JsonFilter(Withholding.ID)
    @JsonPropertyOrder({"value", "suppressed", "n", "invited", "responseRate", "indices", "sayDo", "enps"})
    @JsonDeserialize(using = GroupReader.class)
    private abstract static class GroupFormat {
        @JsonIgnore
        abstract Cell<Results.GroupFigures> figures();

        @JsonProperty
        abstract boolean suppressed();

        @JsonProperty
        abstract Long n();

        @JsonProperty
        @JsonInclude(JsonInclude.Include.NON_NULL) // only with --invited FILE: every other results.json stays as it was
        abstract Long invited();

        @JsonProperty
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Double responseRate();

        @JsonProperty
        abstract List<GroupIndex> indices();

        @JsonProperty
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Cell<Results.GroupGap> sayDo();

        @JsonProperty
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Cell<Results.GroupEnps> enps();
    }

    private abstract static class FlagFormat {
        @JsonValue
        abstract String label();
    }

    @JsonFilter(Withholding.ID)
    private abstract static class ChangeFormat {}

    private abstract static class ChangesFormat {
        @JsonProperty("sayDo")
        abstract List<Changes.Change> pairs();

        @JsonProperty("onlyInThisWave")
        abstract List<String> onlyHere();
    }

    private abstract static class GroupChangeFormat {
        @JsonProperty("value")
        abstract String group();

        @JsonUnwrapped
        abstract Changes.Change change();
    }

    /**
     * Leaves out what a withheld group must not show: all but its value and {@code "suppressed": true} (a shown
     * group says {@code "suppressed": false}). A change that is not comparable gives its reason instead of its
     * figures, and a change never repeats its name.
     */
    private static final class Withholding extends SimpleBeanPropertyFilter {
        static final String ID = "withholding";

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider,
                PropertyWriter writer) throws Exception {
            if (written(bean, writer.getName())) {
                writer.serializeAsField(bean, gen, provider);
            }
        }

        private static boolean written(Object bean, String name) {
            if (bean instanceof Changes.Change change) {
                return name.equals("id") || name.equals("comparable")
                        || (change.comparable() ? !name.equals("name") && !name.equals("reason") : name.equals("reason"));
            }
            if (bean instanceof Group group) {
                return !group.suppressed() || name.equals("value") || name.equals("suppressed");
            }
            throw new IllegalStateException("no withholding rule for " + bean.getClass().getName());
        }
    }

    /**
     * A cell: its figures, or {@code {"suppressed": true}}; unwrapped (in a record with {@link Withholdable}),
     * the same keys in the record's object. The figures' serializer is found once per property, not per cell.
     */
    private static final class CellWriter extends JsonSerializer<Cell<?>> implements ContextualSerializer {
        /** How the figures' keys are renamed when unwrapped (not at all here), or null when not unwrapped. */
        private final NameTransformer unwrapping;
        /** The serializer of the property's figures, unwrapped when the cell is; null before it is known. */
        private final JsonSerializer<Object> figures;

        CellWriter(NameTransformer unwrapping, JsonSerializer<Object> figures) {
            this.unwrapping = unwrapping;
            this.figures = figures;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JavaType type = property == null ? null : property.getType().containedType(0);
            if (type == null || type.isJavaLangObject()) {
                return this;
            }
            JsonSerializer<Object> found = provider.findValueSerializer(type, property);
            return new CellWriter(unwrapping, unwrapping == null ? found : found.unwrappingSerializer(unwrapping));
        }

        @Override
        public void serialize(Cell<?> cell, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (cell instanceof Cell.Shown<?> shown) {
                if (figures != null) {
                    figures.serialize(shown.figures(), gen, provider);
                } else if (unwrapping == null) {
                    provider.defaultSerializeValue(shown.figures(), gen);
                } else {
                    provider.findValueSerializer(shown.figures().getClass()).unwrappingSerializer(unwrapping)
                            .serialize(shown.figures(), gen, provider);
                }
            } else if (unwrapping == null) {
                gen.writeStartObject();
                gen.writeBooleanField("suppressed", true);
                gen.writeEndObject();
            } else {
                gen.writeBooleanField("suppressed", true);
            }
        }

        @Override
        public boolean isUnwrappingSerializer() {
            return unwrapping != null;
        }

        @Override
        public JsonSerializer<Cell<?>> unwrappingSerializer(NameTransformer unwrapper) {
            return new CellWriter(unwrapper, figures == null ? null : figures.unwrappingSerializer(unwrapper));
        }
    }

    /** A cell as written: {@code "suppressed": true}, or the figures of the type the cell holds. */
    private static final class CellReader extends JsonDeserializer<Cell<?>> implements ContextualDeserializer {
        private final JavaType figures;

        CellReader(JavaType figures) {
            this.figures = figures;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return new CellReader(context.getContextualType().containedType(0));
        }

        @Override
        public Cell<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return cell(parser.readValueAsTree(), figures, context);
        }

        static <T> Cell<T> cell(JsonNode node, JavaType figures, DeserializationContext context) throws IOException {
            return node.path("suppressed").asBoolean() ? Cell.withheld()
                    : Cell.shown(context.readTreeAsValue(node, figures));
        }
    }

    /** Makes a record from its object as written and its cell, read already. */
    private interface Assembly<R, F> {
        R of(JsonNode node, Cell<F> figures, DeserializationContext context) throws IOException;
    }

    /** A record with an unwrapped cell ({@link Withholdable}), which databind cannot read back into a record. */
    private static final class WithholdableReader<R, F> extends JsonDeserializer<R> {
        private final Class<F> figures;
        private final Assembly<R, F> assembly;

        WithholdableReader(Class<F> figures, Assembly<R, F> assembly) {
            this.figures = figures;
            this.assembly = assembly;
        }

        @Override
        public R deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            return assembly.of(node, CellReader.cell(node, context.constructType(figures), context), context);
        }
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }

    /** A number, refusing NaN and infinities: scoring promises null for undefined statistics, so one is a bug. */
    private static final class FiniteWriter extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (!Double.isFinite(value)) {
                throw new IllegalStateException(gen.getOutputContext().getCurrentName() + " is " + value);
            }
            gen.writeNumber(value.doubleValue());
        }
    }

    /** A group as written: {@code suppressed} says which of the two shapes it has. */
    private static final class GroupReader extends JsonDeserializer<Group> {
        @Override
        public Group deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode g = parser.readValueAsTree();
            if (g.path("suppressed").asBoolean()) {
                return new Group(g.path("value").asText(), Cell.withheld());
            }
            List<GroupIndex> cells = new ArrayList<>();
            for (JsonNode cell : g.path("indices")) {
                cells.add(context.readTreeAsValue(cell, GroupIndex.class));
            }
            Results.GroupParticipation participation = g.path("invited").isIntegralNumber()
                    && g.path("responseRate").isNumber() ? new Results.GroupParticipation(g.path("invited").asLong(),
                    g.path("responseRate").asDouble()) : null;
            return new Group(g.path("value").asText(), Cell.shown(new Results.GroupFigures(g.path("n").asLong(), cells,
                    cell(g.path("sayDo"), Results.GroupGap.class, context),
                    cell(g.path("enps"), Results.GroupEnps.class, context), participation)));
        }

        private static <T> Cell<T> cell(JsonNode node, Class<T> type, DeserializationContext context)
                throws IOException {
            return node.isObject() ? CellReader.cell(node, context.constructType(type), context) : null;
        }
    }

    /**
     * Built once, on first use: building a mapper and its serializers costs a cold start tens of milliseconds,
     * which {@link #prepare()} lets a command spend on another core while it reads the exports.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = mapper();
        static final ObjectWriter FILE = MAPPER.writer(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
        static final ObjectWriter LINE = MAPPER.writer();

        private static ObjectMapper mapper() {
            SimpleModule format = new SimpleModule("results.json");
            format.addSerializer(Double.class, new FiniteWriter());
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<Cell<?>> cell = (Class) Cell.class;
            format.addSerializer(cell, new CellWriter(null, null));
            format.addDeserializer(cell, new CellReader(null));
            format.addDeserializer(Results.IndexResult.class, new WithholdableReader<>(Results.IndexFigures.class,
                    (node, figures, context) -> new Results.IndexResult(text(node, "id"), text(node, "name"), figures,
                            text(node, "fingerprint"), node.path("items").isArray()
                                    ? context.readTreeAsValue(node.path("items"), context.getTypeFactory()
                                            .constructCollectionType(List.class, Results.ItemResult.class))
                                    : List.of())));
            format.addDeserializer(Results.ItemResult.class, new WithholdableReader<>(Results.ItemFigures.class,
                    (node, figures, context) -> new Results.ItemResult(text(node, "id"), figures)));
            format.addDeserializer(Results.Gap.class, new WithholdableReader<>(Results.GapFigures.class,
                    (node, figures, context) -> new Results.Gap(text(node, "id"), text(node, "name"), figures)));
            format.addDeserializer(Results.PerceptionGap.class, new WithholdableReader<>(Results.Perception.class,
                    (node, figures, context) -> new Results.PerceptionGap(text(node, "index"), figures)));
            format.addDeserializer(Results.Driver.class, new WithholdableReader<>(Results.Correlation.class,
                    (node, figures, context) -> new Results.Driver(text(node, "id"), figures)));
            format.addDeserializer(GroupIndex.class, new WithholdableReader<>(Results.GroupIndexFigures.class,
                    (node, figures, context) -> new GroupIndex(text(node, "id"), figures)));
            return JsonMapper.builder()
                    .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                    // files of other versions may have keys this one does not know (outcomes, unit, invited…)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                    .addModule(format)
                    .addMixIn(Results.class, ResultsFormat.class)
                    .addMixIn(Results.Rows.class, RowsFormat.class)
                    .addMixIn(Results.IndexResult.class, Withholdable.class)
                    .addMixIn(Results.ItemResult.class, Withholdable.class)
                    .addMixIn(Results.Gap.class, Withholdable.class)
                    .addMixIn(Results.GapFigures.class, GapFiguresFormat.class)
                    .addMixIn(Results.PerceptionGap.class, Withholdable.class)
                    .addMixIn(Results.Driver.class, Withholdable.class)
                    .addMixIn(Group.class, GroupFormat.class)
                    .addMixIn(GroupIndex.class, Withholdable.class)
                    .addMixIn(Results.Flag.class, FlagFormat.class)
                    .addMixIn(Changes.class, ChangesFormat.class)
                    .addMixIn(Changes.Change.class, ChangeFormat.class)
                    .addMixIn(Changes.GroupChange.class, GroupChangeFormat.class)
                    .filterProvider(new SimpleFilterProvider().addFilter(Withholding.ID, new Withholding()))
                    .build();
        }
    }

    /**
     * Builds the mapper and the serializer of every record now, by writing a sample that holds one of each, so
     * that the first real write does not wait for them.
     */
    public static void prepare() {
        Results.GroupIndexFigures figures = new Results.GroupIndexFigures(5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
                Results.Flag.BRIGHT_SPOT);
        Results.Group group = new Group("g", Cell.shown(new Results.GroupFigures(5,
                List.of(new GroupIndex("i", Cell.shown(figures)), new GroupIndex("j", Cell.withheld())),
                Cell.shown(new Results.GroupGap(5, 1.0)), Cell.withheld())));
        Results.GapFigures gap = new Results.GapFigures(5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        Results sample = new Results(Results.SCHEMA_VERSION, "w", null, new Results.QuestionnaireRef("q", "1", "f"),
                new Results.Rows(6, 5, List.of(new Results.Exclusion("r", 1)), List.of("x")),
                List.of(new Results.IndexResult("i", "i", Cell.shown(new Results.IndexFigures(5, 1.0, 1.0, 1.0, 1.0,
                        1.0, 1.0, 1.0, 1.0, 1.0, 1.0, "b")), "f", List.of(new Results.ItemResult("x",
                        Cell.shown(new Results.ItemFigures(5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0))),
                        new Results.ItemResult("y", Cell.withheld())))),
                new Results.SayDo(Cell.shown(gap), List.of(new Results.Gap("p", "p", Cell.shown(gap)))),
                Cell.shown(new Results.Enps(5, 1, 1, 1, 1.0)),
                List.of(new Results.PerceptionGap("i", Cell.shown(new Results.Perception(new Results.GroupMean(5, 1.0),
                        new Results.GroupMean(5, 1.0), 1.0, 1.0, 1.0, 1.0, 1.0)))),
                List.of(new Results.SegmentResult("s", List.of(new Results.Agreement("i", 1.0, 1.0, 5, 1)),
                        List.of(group, new Group("h", Cell.withheld())))),
                List.of(new Results.Driver("i", Cell.shown(new Results.Correlation(1.0, 1.0, 1.0, 5)))),
                List.of(new Results.CommentQuestion("c", "c", List.of(new Results.CommentGroup("g",
                        List.of(new Results.Comment("t", 1)), 0)))))
                .withOutcomes(List.of(new Results.Outcome("s", "m", "i", "same-wave", "w", null, 1, 1.0, 1.0, 1.0,
                        1.0, 1.0, null, 1.0, 1.0, 1.0, 1, List.of(new Results.OutcomePoint("g", 1, 1, 1L)))));
        Changes.Change change = new Changes.Change("i", "i", true, null, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, false);
        Changes changes = new Changes("w", true, List.of(change), List.of(change), change,
                List.of(new Changes.GroupChange("s", "g", change)), List.of(), List.of());
        try {
            written(Json.FILE, new Document(sample, changes, List.of(), null), Writer.nullWriter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as UTF-8 text with {@code \n} line endings and a final newline. */
    public static String write(Results results) {
        return write(results, null, List.of());
    }

    /** The document with the changes since a baseline (or null) and the gates breached. */
    public static String write(Results results, Changes changes, List<String> breaches) {
        StringWriter out = new StringWriter();
        try {
            write(results, changes, breaches, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the document of {@link #write(Results, Changes, List)} into {@code out}, which is not closed: a large
     * run's document is megabytes, better not held whole in the heap as well.
     */
    public static void write(Results results, Changes changes, List<String> breaches, Writer out)
            throws IOException {
        written(Json.FILE, new Document(results, changes, breaches, null), out);
        out.write('\n');
    }

    /**
     * Writes the {@code results.json} of a unit's report into {@code out}, which is not closed: the document of
     * {@code results}, the unit's figures, and its {@code "unit"} object.
     *
     * @param unit the unit, published
     * @param hasReport whether a unit, by id, has a report: said of each of the unit's children
     */
    public static void write(Results results, Units.Unit unit, Predicate<String> hasReport, Writer out)
            throws IOException {
        Hierarchy.Unit self = unit.unit();
        List<Child> children = self.children().stream().map(child -> new Child(child, hasReport.test(child)))
                .toList();
        List<Comparison> comparisons = unit.comparisons().stream()
                .map(c -> new Comparison(c.against().name().toLowerCase(Locale.ROOT), c.with(), c.indices()))
                .toList();
        written(Json.FILE, new Document(results, null, List.of(),
                new UnitDocument(self.id(), self.parent(), self.leader(), children, comparisons)), out);
        out.write('\n');
    }

    /**
     * One line of JSON for scripts: rows, each index's score, the say-do gap, eNPS, the breaches, the date and
     * the response rate.
     *
     * @param invited the overall invited count where it may be published ({@link ReportOptions#invited()}), or
     *     empty: then the line has no response rate
     */
    public static String summary(Results results, List<String> breaches, OptionalLong invited) {
        Map<String, Double> scores = new LinkedHashMap<>();
        results.indices().forEach(index -> scores.put(index.id(),
                index.figures().shown().map(Results.IndexFigures::score100).orElse(null)));
        StringWriter out = new StringWriter();
        try {
            written(Json.LINE, new Summary(results.wave(), results.rows().read(), results.rows().scored(), scores,
                    results.sayDo() == null ? null
                            : results.sayDo().overall().shown().map(Results.GapFigures::meanGap).orElse(null),
                    results.enps() == null ? null : results.enps().shown().map(Results.Enps::score).orElse(null),
                    breaches, results.date(), invited.isPresent() && invited.getAsLong() > 0
                            ? 100.0 * results.rows().scored() / invited.getAsLong() : null), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void written(ObjectWriter writer, Object value, Writer out) throws IOException {
        try {
            writer.writeValue(out, value);
        } catch (JsonMappingException e) {
            // a serializer's own failure (a NaN) is a bug, not a failure to write
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            throw e;
        }
    }

    // ---- reading back, for --baseline and --history ----

    /**
     * Results read back from a {@code results.json} this tool wrote, this version or an earlier one.
     *
     * @throws IllegalArgumentException naming what is wrong, if the text is not such a file
     */
    public static Results read(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject() || root.path("schemaVersion").asInt() != Results.SCHEMA_VERSION
                || !root.path("indices").isArray()) {
            throw new IllegalArgumentException("is not a culturekit results.json (schemaVersion "
                    + Results.SCHEMA_VERSION + "); pass the results.json of an earlier 'report -f json' run");
        }
        try {
            return Json.MAPPER.treeToValue(root, Results.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not a culturekit results.json: " + e.getOriginalMessage());
        }
    }
}
