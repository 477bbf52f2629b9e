package org.culturekit.model;

import java.util.List;
import java.util.Objects;

/**
 * A scored construct: the mean of a respondent's keyed answers to its items.
 *
 * @param id unique id
 * @param name display name
 * @param items ids of its items, all on one scale
 * @param bands score100 bands in ascending order, the last one open
 * @param actions recommended actions per band
 */
public record Index(String id, String name, List<String> items, List<Band> bands, List<Action> actions) {
    public Index {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        items = List.copyOf(items);
        bands = List.copyOf(bands);
        actions = List.copyOf(actions);
    }
}
