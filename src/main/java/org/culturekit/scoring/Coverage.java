package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.SayDoPair;

/** Which of a questionnaire's scored items an export's columns cover, and what the missing ones cost. */
public final class Coverage {
    private Coverage() {}

    /** The ids of the items some figure is scored from (an index, a say-do pair, eNPS), in questionnaire order. */
    public static List<String> scoredItems(Questionnaire questionnaire) {
        Set<String> scored = new LinkedHashSet<>();
        for (Index index : questionnaire.indices()) {
            scored.addAll(index.items());
        }
        for (SayDoPair pair : questionnaire.sayDo()) {
            scored.add(pair.sayItem());
            scored.add(pair.doItem());
        }
        questionnaire.enps().ifPresent(scored::add);
        List<String> ordered = new ArrayList<>();
        questionnaire.items().forEach(item -> {
            if (scored.contains(item.id())) {
                ordered.add(item.id());
            }
        });
        return ordered;
    }

    /**
     * The indices scored from fewer items than they define when {@code unmapped} have no column, each as
     * {@code NAME (N of M items)}, in questionnaire order.
     */
    public static List<String> shortIndices(Questionnaire questionnaire, List<String> unmapped) {
        Set<String> missing = Set.copyOf(unmapped);
        List<String> shortOnes = new ArrayList<>();
        for (Index index : questionnaire.indices()) {
            long present = index.items().stream().filter(id -> !missing.contains(id)).count();
            if (present < index.items().size()) {
                shortOnes.add(index.name() + " (" + present + " of " + index.items().size()
                        + (index.items().size() == 1 ? " item)" : " items)"));
            }
        }
        return shortOnes;
    }
}
