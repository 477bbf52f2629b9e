package org.culturekit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import org.culturekit.scoring.Changes;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Results.Cell;
import org.culturekit.scoring.Results.Gap;
import org.culturekit.scoring.Results.Group;
import org.culturekit.scoring.Results.GroupIndex;

/**
 * Writes {@link Results} as {@code results.json} with exactly the keys of DESIGN.md §5, in that order.
 *
 * <ul>
 *   <li>Numbers are raw doubles; undefined ones are {@code null}, never NaN.
 *   <li>A suppressed group, cell or comparison carries its id and {@code "suppressed": true} and nothing else.
 * </ul>
 */
public final class ResultsJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // The trees are written with a bare generator (see write(JsonGenerator, JsonNode)): an ObjectMapper is only
    // built to read a baseline back, because building one costs a cold start tens of milliseconds.
    private static final JsonFactory JSON = new JsonFactory();

    /** Built on first use: only --baseline and --history read results back. */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ResultsJson() {}

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
     * Writes the document of {@link #write(Results, Changes, List)} into {@code out}, which is neither flushed
     * nor closed: a large run's document is megabytes, better not held whole in the heap as well.
     */
    public static void write(Results results, Changes changes, List<String> breaches, Writer out)
            throws IOException {
        ObjectNode tree = tree(results);
        if (changes != null) {
            tree.set("changes", changes(changes));
        }
        ArrayNode gates = tree.putArray("gatesBreached");
        breaches.forEach(gates::add);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        serialized(tree, printer, out);
        out.write('\n');
    }

    /** One line of JSON for scripts: rows, each index's score, the say-do gap, eNPS and the breaches. */
    public static String summary(Results results, List<String> breaches) {
        ObjectNode line = NODES.objectNode();
        line.put("wave", results.wave());
        line.put("read", results.rows().read()).put("scored", results.rows().scored());
        ObjectNode scores = line.putObject("score100");
        results.indices().forEach(index -> number(scores, index.id(), index.score100()));
        number(line, "sayDoGap", results.sayDo() == null ? null : results.sayDo().overall().meanGap());
        number(line, "enps", results.enps() == null ? null : results.enps().score());
        ArrayNode gates = line.putArray("gatesBreached");
        breaches.forEach(gates::add);
        return serialized(line, null);
    }

    private static ObjectNode changes(Changes changes) {
        ObjectNode node = NODES.objectNode();
        node.put("baselineWave", changes.baselineWave());
        node.put("sameQuestionnaire", changes.sameQuestionnaire());
        ArrayNode indices = node.putArray("indices");
        changes.indices().forEach(change -> change(indices.addObject(), change));
        ArrayNode pairs = node.putArray("sayDo");
        changes.pairs().forEach(change -> change(pairs.addObject(), change));
        if (changes.enps() == null) {
            node.putNull("enps");
        } else {
            change(node.putObject("enps"), changes.enps());
        }
        ArrayNode groups = node.putArray("groups");
        for (Changes.GroupChange group : changes.groups()) {
            ObjectNode g = groups.addObject().put("segment", group.segment()).put("value", group.group());
            change(g, group.change());
        }
        ArrayNode onlyHere = node.putArray("onlyInThisWave");
        changes.onlyHere().forEach(onlyHere::add);
        ArrayNode onlyThen = node.putArray("onlyInBaseline");
        changes.onlyInBaseline().forEach(onlyThen::add);
        return node;
    }

    private static void change(ObjectNode node, Changes.Change change) {
        node.put("id", change.id());
        node.put("comparable", change.comparable());
        if (!change.comparable()) {
            node.put("reason", change.reason());
            return;
        }
        number(node, "before", change.before());
        number(node, "after", change.after());
        number(node, "delta", change.delta());
        number(node, "t", change.t());
        number(node, "df", change.df());
        number(node, "p", change.p());
        node.put("significant", change.significant());
    }

    private static String serialized(JsonNode tree, DefaultPrettyPrinter printer) {
        StringWriter out = new StringWriter();
        try {
            serialized(tree, printer, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the JSON of {@code tree} into {@code out}, leaving it open. */
    private static void serialized(JsonNode tree, DefaultPrettyPrinter printer, Writer out) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.disable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            if (printer != null) {
                generator.setPrettyPrinter(printer);
            }
            write(generator, tree);
        }
    }

    /** {@code node} as an ObjectMapper writes it: the same tokens, so the same text under the same printer. */
    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (var field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> out.writeNumber(node.intValue());
                    case LONG -> out.writeNumber(node.longValue());
                    case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
                    case FLOAT -> out.writeNumber(node.floatValue());
                    case DOUBLE -> out.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
                }
            }
            default -> throw new IllegalStateException("results.json holds no " + node.getNodeType());
        }
    }

    static ObjectNode tree(Results results) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", results.schemaVersion());
        root.put("wave", results.wave());
        root.putObject("questionnaire")
                .put("id", results.questionnaire().id())
                .put("version", results.questionnaire().version())
                .put("fingerprint", results.questionnaire().fingerprint());
        ObjectNode rows = root.putObject("rows");
        rows.put("read", results.rows().read()).put("scored", results.rows().scored());
        ArrayNode excluded = rows.putArray("excluded");
        results.rows().excluded().forEach(e -> excluded.addObject().put("reason", e.reason()).put("count", e.count()));
        if (!results.rows().unmappedItems().isEmpty()) {
            // only when there are some: the results of a fully mapped export stay as they were
            ArrayNode unmapped = rows.putArray("unmappedItems");
            results.rows().unmappedItems().forEach(unmapped::add);
        }

        ArrayNode indices = root.putArray("indices");
        for (Results.IndexResult index : results.indices()) {
            ObjectNode node = indices.addObject().put("id", index.id()).put("name", index.name());
            if (index.suppressed()) {
                node.put("suppressed", true);
                node.put("fingerprint", index.fingerprint());
                ArrayNode items = node.putArray("items");
                index.items().forEach(item -> items.addObject().put("id", item.id()).put("suppressed", true));
                continue;
            }
            node.put("n", index.n());
            number(node, "mean", index.mean());
            number(node, "sd", index.sd());
            number(node, "ciLow", index.ciLow());
            number(node, "ciHigh", index.ciHigh());
            number(node, "score100", index.score100());
            number(node, "favorable", index.favorable());
            number(node, "neutral", index.neutral());
            number(node, "unfavorable", index.unfavorable());
            number(node, "alpha", index.alpha());
            number(node, "standardizedAlpha", index.standardizedAlpha());
            node.put("band", index.band());
            node.put("fingerprint", index.fingerprint());
            ArrayNode items = node.putArray("items");
            for (Results.ItemResult item : index.items()) {
                ObjectNode i = items.addObject().put("id", item.id());
                if (item.suppressed()) {
                    i.put("suppressed", true);
                    continue;
                }
                i.put("n", item.n());
                number(i, "mean", item.mean());
                number(i, "sd", item.sd());
                number(i, "favorable", item.favorable());
                number(i, "neutral", item.neutral());
                number(i, "unfavorable", item.unfavorable());
                number(i, "itemTotal", item.itemTotal());
                number(i, "alphaIfDeleted", item.alphaIfDeleted());
            }
        }

        if (results.sayDo() == null) {
            root.putNull("sayDo");
        } else {
            ObjectNode sayDo = root.putObject("sayDo");
            gap(sayDo.putObject("overall"), results.sayDo().overall());
            ArrayNode pairs = sayDo.putArray("pairs");
            results.sayDo().pairs().forEach(pair -> gap(pairs.addObject(), pair));
        }

        if (results.enps() == null) {
            root.putNull("enps");
        } else {
            Results.Enps enps = results.enps();
            if (enps.suppressed()) {
                root.putObject("enps").put("suppressed", true);
            } else {
                ObjectNode node = root.putObject("enps").put("n", enps.n()).put("promoters", enps.promoters())
                        .put("passives", enps.passives()).put("detractors", enps.detractors());
                number(node, "score", enps.score());
            }
        }

        ArrayNode gaps = root.putArray("perceptionGap");
        for (Results.PerceptionGap gap : results.perceptionGap()) {
            ObjectNode node = gaps.addObject().put("index", gap.index());
            if (gap.suppressed()) {
                node.put("suppressed", true);
                continue;
            }
            number(node.putObject("leaders").put("n", gap.leaders().n()), "mean", gap.leaders().mean());
            number(node.putObject("others").put("n", gap.others().n()), "mean", gap.others().mean());
            number(node, "difference", gap.difference());
            number(node, "t", gap.t());
            number(node, "df", gap.df());
            number(node, "p", gap.p());
            number(node, "hedgesG", gap.hedgesG());
        }

        ArrayNode segments = root.putArray("segments");
        for (Results.SegmentResult segment : results.segments()) {
            ObjectNode node = segments.addObject().put("id", segment.id());
            ArrayNode agreement = node.putArray("agreement");
            for (Results.Agreement a : segment.agreement()) {
                ObjectNode entry = agreement.addObject().put("index", a.index());
                number(entry, "icc1", a.icc1());
                number(entry, "icc2", a.icc2());
                entry.put("n", a.n()).put("groups", a.groups());
            }
            ArrayNode groups = node.putArray("groups");
            segment.groups().forEach(group -> group(groups.addObject(), group));
        }

        ArrayNode drivers = root.putArray("drivers");
        for (Results.Driver driver : results.drivers()) {
            ObjectNode node = drivers.addObject().put("id", driver.id());
            if (driver.suppressed()) {
                node.put("suppressed", true);
                continue;
            }
            number(node, "r", driver.r());
            number(node, "ciLow", driver.ciLow());
            number(node, "ciHigh", driver.ciHigh());
            node.put("n", driver.n());
        }

        ArrayNode comments = root.putArray("comments");
        for (Results.CommentQuestion question : results.comments()) {
            ObjectNode q = comments.addObject().put("item", question.item()).put("question", question.question());
            ArrayNode groups = q.putArray("groups");
            for (Results.CommentGroup group : question.groups()) {
                ObjectNode g = groups.addObject().put("group", group.group());
                ArrayNode list = g.putArray("comments");
                group.comments().forEach(c -> list.addObject().put("text", c.text()).put("count", c.count()));
                g.put("omitted", group.omitted());
            }
        }
        return root;
    }

    // ---- reading back, for --baseline and --history ----

    /**
     * Results read back from a {@code results.json} this tool wrote, with every figure a comparison between
     * waves needs.
     *
     * @throws IllegalArgumentException naming what is wrong, if the text is not such a file
     */
    public static Results read(String json) {
        JsonNode root;
        try {
            root = Reading.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject() || root.path("schemaVersion").asInt() != Results.SCHEMA_VERSION
                || !root.path("indices").isArray()) {
            throw new IllegalArgumentException("is not a culturekit results.json (schemaVersion "
                    + Results.SCHEMA_VERSION + "); pass the results.json of an earlier 'report -f json' run");
        }
        List<Results.IndexResult> indices = new ArrayList<>();
        for (JsonNode i : root.get("indices")) {
            List<Results.ItemResult> items = new ArrayList<>();
            for (JsonNode item : i.path("items")) {
                items.add(new Results.ItemResult(text(item, "id"), item.path("suppressed").asBoolean(),
                        count(item, "n"), number(item, "mean"),
                        number(item, "sd"), number(item, "favorable"), number(item, "neutral"),
                        number(item, "unfavorable"), number(item, "itemTotal"), number(item, "alphaIfDeleted")));
            }
            indices.add(new Results.IndexResult(text(i, "id"), text(i, "name"), i.path("suppressed").asBoolean(),
                    count(i, "n"), number(i, "mean"),
                    number(i, "sd"), number(i, "ciLow"), number(i, "ciHigh"), number(i, "score100"),
                    number(i, "favorable"), number(i, "neutral"), number(i, "unfavorable"), number(i, "alpha"),
                    number(i, "standardizedAlpha"), text(i, "band"), items, text(i, "fingerprint")));
        }
        JsonNode sayDo = root.path("sayDo");
        Results.SayDo gaps = null;
        if (sayDo.isObject()) {
            List<Gap> pairs = new ArrayList<>();
            sayDo.path("pairs").forEach(pair -> pairs.add(readGap(pair)));
            gaps = new Results.SayDo(readGap(sayDo.path("overall")), pairs);
        }
        JsonNode e = root.path("enps");
        Results.Enps enps = e.isObject() ? new Results.Enps(e.path("suppressed").asBoolean(), count(e, "n"),
                count(e, "promoters"), count(e, "passives"), count(e, "detractors"), number(e, "score")) : null;
        List<Results.SegmentResult> segments = new ArrayList<>();
        for (JsonNode segment : root.path("segments")) {
            List<Group> groups = new ArrayList<>();
            for (JsonNode g : segment.path("groups")) {
                if (g.path("suppressed").asBoolean()) {
                    groups.add(new Group(text(g, "value"), Cell.withheld()));
                    continue;
                }
                List<GroupIndex> cells = new ArrayList<>();
                for (JsonNode c : g.path("indices")) {
                    cells.add(c.path("suppressed").asBoolean()
                            ? new GroupIndex(text(c, "id"), Cell.withheld())
                            : new GroupIndex(text(c, "id"), Cell.shown(new Results.GroupIndexFigures(
                                    c.path("n").asLong(), number(c, "mean"), number(c, "sd"), number(c, "favorable"),
                                    number(c, "rwg"), number(c, "deltaVsRest"), number(c, "q"),
                                    Results.Flag.of(text(c, "flag"))))));
                }
                JsonNode gap = g.path("sayDo");
                JsonNode groupEnps = g.path("enps");
                Cell<Results.GroupGap> groupGap = !gap.isObject() ? null
                        : gap.path("suppressed").asBoolean() ? Cell.withheld()
                        : Cell.shown(new Results.GroupGap(gap.path("n").asLong(), number(gap, "meanGap")));
                Cell<Results.GroupEnps> enpsCell = !groupEnps.isObject() ? null
                        : groupEnps.path("suppressed").asBoolean() ? Cell.withheld()
                        : Cell.shown(new Results.GroupEnps(groupEnps.path("n").asLong(), number(groupEnps, "score")));
                groups.add(new Group(text(g, "value"), Cell.shown(new Results.GroupFigures(g.path("n").asLong(),
                        cells, groupGap, enpsCell))));
            }
            segments.add(new Results.SegmentResult(text(segment, "id"), List.of(), groups));
        }
        JsonNode q = root.path("questionnaire");
        JsonNode rows = root.path("rows");
        return new Results(Results.SCHEMA_VERSION, text(root, "wave"),
                new Results.QuestionnaireRef(text(q, "id"), text(q, "version"), text(q, "fingerprint")),
                new Results.Rows(rows.path("read").asLong(), rows.path("scored").asLong(), List.of()),
                indices, gaps, enps, List.of(), segments, List.of(), List.of());
    }

    private static Gap readGap(JsonNode node) {
        return new Gap(text(node, "id"), text(node, "name"), node.path("suppressed").asBoolean(), count(node, "n"),
                number(node, "meanGap"),
                number(node, "sd"), number(node, "ciLow"), number(node, "ciHigh"), number(node, "t"),
                number(node, "df"), number(node, "p"), number(node, "dz"), number(node, "shareGapAtLeast1"),
                number(node, "sayMean"), number(node, "doMean"));
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A count, or null where the file has none (a withheld figure). */
    private static Long count(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.canConvertToLong() ? value.asLong() : null;
    }

    private static Double number(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isNumber() && Double.isFinite(value.asDouble()) ? value.asDouble() : null;
    }

    private static void gap(ObjectNode node, Gap gap) {
        if (gap.id() != null) {
            node.put("id", gap.id()).put("name", gap.name());
        }
        if (gap.suppressed()) {
            node.put("suppressed", true);
            return;
        }
        node.put("n", gap.n());
        number(node, "meanGap", gap.meanGap());
        number(node, "sd", gap.sd());
        number(node, "ciLow", gap.ciLow());
        number(node, "ciHigh", gap.ciHigh());
        number(node, "t", gap.t());
        number(node, "df", gap.df());
        number(node, "p", gap.p());
        number(node, "dz", gap.dz());
        number(node, "shareGapAtLeast1", gap.shareGapAtLeast1());
        if (gap.id() != null) {
            number(node, "sayMean", gap.sayMean());
            number(node, "doMean", gap.doMean());
        }
    }

    private static void group(ObjectNode node, Group group) {
        node.put("value", group.value());
        node.put("suppressed", group.suppressed());
        if (group.suppressed()) {
            return;
        }
        node.put("n", group.n());
        ArrayNode indices = node.putArray("indices");
        for (GroupIndex cell : group.indices()) {
            ObjectNode c = indices.addObject().put("id", cell.id());
            if (cell.suppressed()) {
                c.put("suppressed", true);
                continue;
            }
            c.put("n", cell.n());
            number(c, "mean", cell.mean());
            number(c, "sd", cell.sd());
            number(c, "favorable", cell.favorable());
            number(c, "rwg", cell.rwg());
            number(c, "deltaVsRest", cell.deltaVsRest());
            number(c, "q", cell.q());
            c.put("flag", cell.flag() == null ? null : cell.flag().label());
        }
        if (group.sayDo() != null) {
            ObjectNode sayDo = node.putObject("sayDo");
            group.sayDo().shown().ifPresentOrElse(gap -> number(sayDo.put("n", gap.n()), "meanGap", gap.meanGap()),
                    () -> sayDo.put("suppressed", true));
        }
        if (group.enps() != null) {
            ObjectNode enps = node.putObject("enps");
            group.enps().shown().ifPresentOrElse(e -> number(enps.put("n", e.n()), "score", e.score()),
                    () -> enps.put("suppressed", true));
        }
    }

    private static void number(ObjectNode node, String key, Double value) {
        if (value == null) {
            node.putNull(key);
        } else if (!Double.isFinite(value)) {
            // scoring promises null for undefined statistics; a NaN here is a bug, not data
            throw new IllegalStateException(key + " is " + value);
        } else {
            node.put(key, value.doubleValue());
        }
    }
}
