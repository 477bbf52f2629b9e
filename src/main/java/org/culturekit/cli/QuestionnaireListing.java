package org.culturekit.cli;

import java.util.ArrayList;
import java.util.List;
import org.culturekit.cli.run.Plural;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.SayDoPair;
import org.culturekit.model.Scale;
import org.culturekit.model.Segment;
import org.culturekit.model.VisibleText;

/** A questionnaire as a plain-text table for the terminal: what a consultant checks before fielding it. */
final class QuestionnaireListing {
    private final StringBuilder text = new StringBuilder();

    private QuestionnaireListing() {}

    static String of(Questionnaire q) {
        QuestionnaireListing listing = new QuestionnaireListing();
        listing.write(q);
        return listing.text.toString();
    }

    private void write(Questionnaire q) {
        line(q.id() + " " + q.version() + " — " + q.title() + " (" + q.language() + ")");
        line("Groups smaller than " + q.reporting().minGroupSize() + " are never shown; comments only for groups of "
                + q.reporting().minCommentGroupSize() + " or more.");
        line("");
        line("Scales");
        for (Scale scale : q.scales()) {
            List<String> parts = new ArrayList<>();
            parts.add(scale.min() + "–" + scale.max());
            if (!scale.labels().isEmpty()) {
                parts.add(scale.labels().get(0) + " … " + scale.labels().get(scale.labels().size() - 1));
            }
            parts.add("favourable " + join(scale.favorable().stream().map(String::valueOf).toList()));
            if (!scale.notApplicable().isEmpty()) {
                parts.add("not applicable: " + join(scale.notApplicable()));
            }
            line("  " + pad(scale.id(), 12) + String.join("; ", parts));
        }
        line("");
        line("Indices  ((R) = reverse-keyed)");
        for (Index index : q.indices()) {
            List<String> bands = new ArrayList<>();
            for (Band band : index.bands()) {
                bands.add(band.label() + (band.below().isPresent() ? " < " + number(band.below().getAsDouble()) : ""));
            }
            line("  " + index.id() + " — " + index.name() + " (" + Plural.of(index.items().size(), "item", "items")
                    + (bands.isEmpty() ? "" : "; " + join(bands)) + ")");
            for (String itemId : index.items()) {
                item(q.item(itemId), "    ");
            }
        }
        if (!q.sayDo().isEmpty()) {
            line("");
            line("Say-do pairs");
            for (SayDoPair pair : q.sayDo()) {
                line("  " + pair.id() + " — " + pair.name());
                item(q.item(pair.sayItem()), "    say ");
                item(q.item(pair.doItem()), "    do  ");
            }
        }
        q.enps().ifPresent(id -> {
            line("");
            line("eNPS");
            item(q.item(id), "  ");
        });
        if (!q.segments().isEmpty()) {
            line("");
            line("Segments");
            for (Segment segment : q.segments()) {
                line("  " + pad(segment.id(), 12) + "column " + join(segment.columns())
                        + (segment.definesLeaders() ? "; leaders: " + join(segment.leader()) : ""));
            }
        }
        if (!q.comments().isEmpty()) {
            line("");
            line("Comments");
            for (String id : q.comments()) {
                item(q.item(id), "  ");
            }
        }
        List<Item> others = others(q);
        if (!others.isEmpty()) {
            line("");
            line("Other items (scored in no index)");
            others.forEach(item -> item(item, "  "));
        }
        q.respondentId().ifPresent(id -> {
            line("");
            line("Respondent id column: " + id);
        });
    }

    private static List<Item> others(Questionnaire q) {
        List<String> used = new ArrayList<>(q.comments());
        q.indices().forEach(index -> used.addAll(index.items()));
        q.sayDo().forEach(pair -> {
            used.add(pair.sayItem());
            used.add(pair.doItem());
        });
        q.enps().ifPresent(used::add);
        return q.items().stream().filter(item -> !used.contains(item.id())).toList();
    }

    private void item(Item item, String indent) {
        line(indent + pad(item.id(), 30) + (item.reverse() ? "(R) " : "    ") + item.text().replaceAll("\\s+", " "));
    }

    private void line(String line) {
        // a questionnaire given as a file is text the user may not have written: no control reaches the terminal
        text.append(VisibleText.TERMINAL.of(line.stripTrailing())).append('\n');
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String join(List<String> parts) {
        return String.join(", ", parts);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
