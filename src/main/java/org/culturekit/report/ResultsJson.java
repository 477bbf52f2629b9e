package org.culturekit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.culturekit.scoring.Results;
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
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultsJson() {}

    /** The document as UTF-8 text with {@code \n} line endings and a final newline. */
    public static String write(Results results) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer)
                    .without(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .writeValueAsString(tree(results)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(Results results) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", results.schemaVersion());
        root.putObject("questionnaire")
                .put("id", results.questionnaire().id())
                .put("version", results.questionnaire().version());
        ObjectNode rows = root.putObject("rows");
        rows.put("read", results.rows().read()).put("scored", results.rows().scored());
        ArrayNode excluded = rows.putArray("excluded");
        results.rows().excluded().forEach(e -> excluded.addObject().put("reason", e.reason()).put("count", e.count()));

        ArrayNode indices = root.putArray("indices");
        for (Results.IndexResult index : results.indices()) {
            ObjectNode node = indices.addObject().put("id", index.id()).put("name", index.name());
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
            ArrayNode items = node.putArray("items");
            for (Results.ItemResult item : index.items()) {
                ObjectNode i = items.addObject().put("id", item.id()).put("n", item.n());
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
            ObjectNode node = root.putObject("enps").put("n", enps.n()).put("promoters", enps.promoters())
                    .put("passives", enps.passives()).put("detractors", enps.detractors());
            number(node, "score", enps.score());
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
            }
            ArrayNode groups = node.putArray("groups");
            segment.groups().forEach(group -> group(groups.addObject(), group));
        }

        ArrayNode drivers = root.putArray("drivers");
        for (Results.Driver driver : results.drivers()) {
            ObjectNode node = drivers.addObject().put("id", driver.id());
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

    private static void gap(ObjectNode node, Gap gap) {
        if (gap.id() != null) {
            node.put("id", gap.id()).put("name", gap.name());
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
            c.put("flag", cell.flag());
        }
        if (group.sayDo() != null) {
            ObjectNode sayDo = node.putObject("sayDo");
            if (group.sayDo().suppressed()) {
                sayDo.put("suppressed", true);
            } else {
                number(sayDo.put("n", group.sayDo().n()), "meanGap", group.sayDo().meanGap());
            }
        }
        if (group.enps() != null) {
            ObjectNode enps = node.putObject("enps");
            if (group.enps().suppressed()) {
                enps.put("suppressed", true);
            } else {
                number(enps.put("n", group.enps().n()), "score", group.enps().score());
            }
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
