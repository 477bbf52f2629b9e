package org.culturekit.model;

import java.util.Objects;

/**
 * A stated value and the behaviour that would show it; the gap is say − do.
 *
 * @param id unique id
 * @param name display name of the value
 * @param sayItem id of the item on what leaders say
 * @param doItem id of the item on what leaders' decisions show (the file key is {@code do})
 */
public record SayDoPair(String id, String name, String sayItem, String doItem) {
    public SayDoPair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sayItem, "sayItem");
        Objects.requireNonNull(doItem, "doItem");
    }
}
